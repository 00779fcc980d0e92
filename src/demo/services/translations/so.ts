import type { ServiceTexts } from '../demo-service.ts';

/** Somali texts of the demo services, by service slug. */
export const so: Record<string, ServiceTexts> = {
  'aufenthaltstitel-verlaengerung': {
    name: 'Kordhinta sharciga deganaanshaha',
    description:
      'Sharcigaaga deganaanshuhu ma dhowaan buu dhacayaa? Codso kordhinta waqtigeeda, waxaa ugu fiican 6 ilaa 8 toddobaad ka hor taariikhda dhicitaanka.',
    audience: 'Dhammaan dadka haysta sharci deganaansho ku meel gaar ah oo doonaya inay Jarmalka sii joogaan.',
    requiredDocuments: [
      'Baasaboor ansax ah',
      'Sharciga deganaanshaha hadda (kaarka eAT)',
      'Hal sawir baasaboor oo biometric ah',
      'Caddaynta dakhligaaga (tusaale warqadaha mushaharka 3-dii bilood ee u dambeeyay)',
      'Heshiiska kirada',
      'Caddaynta caymiska caafimaadka',
    ],
    feeNote:
      'Ilaa 96 €, iyadoo ku xiran muddada. Carruurta iyo dhallinyaradu waxay bixiyaan kala bar. Kuwa qaata Bürgergeld ama gargaarka magangelyo-doonka waa laga dhaafi karaa. Lacagta waxaa lagu bixiyaa kaar miiska adeegga.',
  },
  'eat-uebertrag': {
    name: 'U wareejinta sharciga deganaanshaha baasaboor cusub',
    description:
      'Baasaboor cusub ma heshay? Sharcigaaga deganaanshaha ee elektaroonigga ah (eAT) waa in loo wareejiyaa baasaboorka cusub. Ballamaha maalinta isla maalintaas waxaa la furaa subax kasta saacadda 7:00.',
    audience: 'Dhammaan dadka haysta kaarka eAT oo helay baasaboor cusub.',
    requiredDocuments: ['Baasaboorka cusub', 'Baasaboorkii hore (haddii uu jiro)', 'Kaarka eAT ee hadda', 'Hal sawir baasaboor oo biometric ah'],
    feeNote: '67 € kaarka cusub. Lacagta waxaa lagu bixiyaa kaar miiska adeegga.',
  },
  'voruebergehender-schutz-24': {
    name: 'Sharciga deganaanshaha ee ilaalinta ku meel gaarka ah (§ 24 AufenthG)',
    description:
      'Dagaalka awgiis ma ka soo qaxday Ukraine? Halkan waxaad ku codsataa ama ku kordhisaa sharciga deganaanshaha sida uu dhigayo qodobka 24 ee Sharciga Deganaanshaha.',
    audience: 'Qaxootiga ka yimid Ukraine iyo xubnaha qoysaskooda.',
    requiredDocuments: [
      'Baasaboor ama baasaboorka gudaha Ukraine ama kaarka aqoonsiga',
      'Fiktionsbescheinigung ama sharcigii hore ee deganaanshaha (haddii uu jiro)',
      'Caddaynta diiwaangelinta degaanka (Meldebescheinigung)',
      'Hal sawir baasaboor oo biometric ah',
      'Shahaadooyinka dhalashada carruurta',
    ],
    feeNote: 'Khidmad ma leh.',
  },
  verpflichtungserklaerung: {
    name: 'Warqadda ballanqaadka booqasho',
    description:
      'Ma rabtaa inaad qaraabo ama saaxiibo dibadda ka casuunto? Warqadda ballanqaadka waxaad ku caddaynaysaa inaad bixin doonto kharashkooda Jarmalka.',
    audience: 'Dadka ku nool Jarmalka oo fiisaha martida ku taageeraya.',
    requiredDocuments: [
      'Kaarka aqoonsiga ama baasaboor leh sharciga deganaanshaha',
      'Caddaynta dakhliga 3-dii bilood ee u dambeeyay',
      'Heshiiska kirada ama caddaynta cabbirka guriga',
      'Xogta baasaboorka martida (nuqul)',
    ],
    feeNote: '29 € warqad kasta. Lacagta waxaa lagu bixiyaa kaar miiska adeegga.',
  },
  niederlassungserlaubnis: {
    name: 'Ogolaanshaha deganaanshaha joogtada ah',
    description:
      'Sannado badan ma ku nooshahay Jarmalka? Markaas waxaad codsan kartaa ogolaansho deganaansho oo joogto ah. Ballanta waxaan ku hubinnaa in shuruudaha oo dhan la buuxiyay.',
    audience: 'Dadka ugu yaraan 5 sano (xirfadlayaasha inta badan ka hor) Jarmalka ku noolaa iyagoo haysta sharci deganaansho.',
    requiredDocuments: [
      'Baasaboor ansax ah',
      'Sharciga deganaanshaha hadda',
      'Hal sawir baasaboor oo biometric ah',
      'Caddaynta 60 bilood oo lacag caymiska hawlgabka ah',
      'Heshiiska shaqada iyo warqadaha mushaharka 6-dii bilood ee u dambeeyay',
      'Shahaadada Jarmalka B1 iyo caddaynta imtixaanka «Leben in Deutschland»',
      'Heshiiska kirada',
    ],
    feeNote: '113 €, xirfadlayaasha qaarkood ilaa 147 €. Lacagta waxaa lagu bixiyaa kaar miiska adeegga.',
  },
  'biometrie-erfassung': {
    name: 'Faraha iyo sawirka kaarka eAT',
    description: 'Kaarkaaga eAT awgeed waxaan goobta diiwaangelinta ka qaadaynaa faraha, saxiixa iyo sawir. Ballantu waxay qaadataa qiyaastii 15 daqiiqo.',
    audience: 'Dhammaan dadka sharcigooda deganaanshaha la oggolaaday oo loogu yeeray tan.',
    requiredDocuments: [
      'Baasaboor ama dukumenti aqoonsi oo ansax ah',
      'Warqadda casuumaadda Xafiiska Ajaanibta (haddii ay jirto)',
      'Hal sawir baasaboor oo biometric ah, haddii goobta sawir laga qaadi waayo',
    ],
    feeNote: 'Khidmad gooni ah ma jirto: waxay ku jirtaa khidmadda sharciga deganaanshaha.',
  },
  'eat-abholung': {
    name: 'Qaadashada kaarka eAT',
    description:
      'Kaarkaaga cusub ee eAT ma diyaar baa? Adigu shakhsi ahaan u qaado. Ballan la’aan waad iman kartaa saacadaha furitaanka, laakiin ballan waad ku sugaysaa waqti ka yar.',
    audience: 'Dhammaan dadka helay fariin ah in kaarkoodu diyaar u yahay qaadasho.',
    requiredDocuments: ['Baasaboor ansax ah', 'Warqadda qaadashada iyo warqadda PIN (haddii aad heshay)', 'Kaarkii hore ama Fiktionsbescheinigung'],
    feeNote: 'Khidmad laguma bixiyo qaadashada: waxaa la bixiyay markii aad codsatay.',
  },
  'allgemeine-beratung': {
    name: 'La-talin guud',
    description:
      'Su’aal ma ka qabtaa deganaanshahaaga oo ma garanaysid ballanta saxda ah? Kulanka la-talinta waxaan ku caddaynaynaa arrintaada oo kuu sheegaynaa waxa xiga.',
    audience: 'Dhammaan dadka qaba su’aalo ku saabsan xuquuqda deganaanshaha oo aan ku habboonayn ballan kale.',
    requiredDocuments: [
      'Baasaboor ama dukumenti aqoonsi',
      'Sharciga deganaanshaha hadda (haddii uu jiro)',
      'Waraaqaha Xafiiska Ajaanibta ee ku saabsan su’aashaada',
    ],
    feeNote: 'La-talintu waa bilaash.',
  },
  fiktionsbescheinigung: {
    name: 'Caddaynta ku meel gaarka ah ee xaqa deganaanshaha',
    description:
      'Codsigaaga weli waa la baarayaa, laakiin sharcigaaga deganaanshuhu wuu dhacayaa? Caddayntani waxay xaqiijinaysaa in xaqaagii hore ee deganaanshuhu weli ansax yahay. Xafiiska Ajaanibta ayaa isaga ballantan bixiya.',
    audience: 'Dhammaan dadka codsaday kordhinta waqtigeeda oo aan weli helin go’aan.',
    requiredDocuments: ['Baasaboor ansax ah', 'Sharcigii hore ee deganaanshaha', 'Xaqiijinta helitaanka codsigaaga (haddii ay jirto)'],
    feeNote: '13 €. Lacagta waxaa lagu bixiyaa kaar miiska adeegga.',
  },
};
