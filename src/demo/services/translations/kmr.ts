import type { ServiceTexts } from '../demo-service.ts';

/** Kurmanji texts of the demo services, by service slug. */
export const kmr: Record<string, ServiceTexts> = {
  'aufenthaltstitel-verlaengerung': {
    name: 'Dirêjkirina destûra niştecîhbûnê',
    description:
      'Destûra we ya niştecîhbûnê di demeke nêzîk de diqede? Serlêdana dirêjkirinê di wextê xwe de bikin, çêtir e 6 heta 8 hefteyan berî roja qedandinê.',
    audience: 'Ji bo hemû kesên ku destûreke niştecîhbûnê ya demkî heye û dixwazin li Almanyayê bimînin.',
    requiredDocuments: [
      'Pasaporteke derbasdar',
      'Destûra niştecîhbûnê ya heyî (karta eAT)',
      'Wêneyekî pasaportê yê biyometrîk',
      'Belgeya dahatê (wekî bordroyên 3 mehên dawî)',
      'Peymana kirêyê',
      'Belgeya sîgorteya tenduristiyê',
    ],
    feeNote:
      'Li gorî demê heta 96 €. Zarok û ciwan nîvê didin. Kesên ku Bürgergeld an alîkariya penaberan distînin dikarin ji xercê azad bin. Dayîn li gîşeyê bi kartê ye.',
  },
  'eat-uebertrag': {
    name: 'Veguhastina destûra niştecîhbûnê bo pasaporteke nû',
    description:
      'Pasaporteke we ya nû heye? Divê destûra we ya niştecîhbûnê ya elektronîk (eAT) li ser pasaporta nû were nivîsîn. Randevûyên heman rojê her sibe saet 7:00 vedibin.',
    audience: 'Ji bo hemû kesên ku karta eAT heye û pasaporteke nû girtine.',
    requiredDocuments: ['Pasaporta nû', 'Pasaporta kevn (heke hebe)', 'Karta eAT ya heyî', 'Wêneyekî pasaportê yê biyometrîk'],
    feeNote: 'Ji bo karta nû 67 €. Dayîn li gîşeyê bi kartê ye.',
  },
  'voruebergehender-schutz-24': {
    name: 'Destûra niştecîhbûnê ji bo parastina demkî (§ 24 AufenthG)',
    description:
      'Hûn ji ber şer ji Ukraynayê reviyane? Li vir hûn li gorî xala 24 ya Qanûna Niştecîhbûnê serlêdana destûra niştecîhbûnê dikin an wê dirêj dikin.',
    audience: 'Ji bo penaberên ji Ukraynayê û endamên malbatên wan.',
    requiredDocuments: [
      'Pasaport an pasaporta navxweyî ya Ukraynayê an karta nasnameyê',
      'Fiktionsbescheinigung an destûra niştecîhbûnê ya berê (heke hebe)',
      'Belgeya qeyda niştecîhbûnê (Meldebescheinigung)',
      'Wêneyekî pasaportê yê biyometrîk',
      'Belgeyên jidayikbûnê yên zarokan',
    ],
    feeNote: 'Bê xerc.',
  },
  verpflichtungserklaerung: {
    name: 'Daxuyaniya sozdayînê ji bo serdanekê',
    description: 'Hûn dixwazin xizm an hevalên xwe ji derveyî welat vexwînin? Bi daxuyaniya sozdayînê hûn soz didin ku mesrefên wan li Almanyayê bidin.',
    audience: 'Ji bo kesên ku li Almanyayê dijîn û ji bo vîzeyê piştgiriya mêvanekî dikin.',
    requiredDocuments: [
      'Nasname an pasaport bi destûra niştecîhbûnê re',
      'Belgeyên dahatê yên 3 mehên dawî',
      'Peymana kirêyê an belgeya mezinahiya xaniyê',
      'Agahiyên pasaporta mêvan (kopî)',
    ],
    feeNote: 'Ji bo her daxuyaniyê 29 €. Dayîn li gîşeyê bi kartê ye.',
  },
  niederlassungserlaubnis: {
    name: 'Destûra niştecîhbûnê ya bêdem',
    description:
      'Hûn çend sal in li Almanyayê dijîn? Wê demê hûn dikarin serlêdana destûra niştecîhbûnê ya bêdem bikin. Em di randevûyê de kontrol dikin ka hemû merc hatine cih an na.',
    audience: 'Ji bo kesên ku herî kêm 5 sal in (pispor gelek caran zûtir) bi destûra niştecîhbûnê li Almanyayê dijîn.',
    requiredDocuments: [
      'Pasaporteke derbasdar',
      'Destûra niştecîhbûnê ya heyî',
      'Wêneyekî pasaportê yê biyometrîk',
      'Belgeya 60 mehan beşdariya sîgorteya teqawidiyê',
      'Peymana kar û bordroyên 6 mehên dawî',
      'Sertîfîkaya almanî B1 û belgeya testa «Leben in Deutschland»',
      'Peymana kirêyê',
    ],
    feeNote: '113 €, ji bo hin pisporan heta 147 €. Dayîn li gîşeyê bi kartê ye.',
  },
  'biometrie-erfassung': {
    name: 'Şopa tiliyan û wêne ji bo karta eAT',
    description: 'Ji bo karta we ya eAT em li stasyona tomarkirinê şopa tiliyan, îmze û wêneyekî digirin. Randevû nêzîkî 15 deqeyan dom dike.',
    audience: 'Ji bo hemû kesên ku destûra wan a niştecîhbûnê hatiye pejirandin û ji bo vê hatine vexwendin.',
    requiredDocuments: [
      'Pasaport an belgeya nasnameyê ya derbasdar',
      'Nameya vexwendinê ya Daîreya Biyaniyan (heke hebe)',
      'Wêneyekî pasaportê yê biyometrîk, heke li stasyonê wêne neyê kişandin',
    ],
    feeNote: 'Xerceke cuda tune: ew di xerca destûra niştecîhbûnê de ye.',
  },
  'eat-abholung': {
    name: 'Wergirtina karta eAT',
    description: 'Karta we ya eAT ya nû amade ye? Wê bi xwe werbigirin. Di demên vekirinê de bê randevû jî dibe, lê bi randevû hûn kêmtir disekinin.',
    audience: 'Ji bo hemû kesên ku nûçe girtine ku karta wan amade ye.',
    requiredDocuments: ['Pasaporteke derbasdar', 'Nameya wergirtinê û nameya PIN (heke gihîştibe)', 'Karta berê an Fiktionsbescheinigung'],
    feeNote: 'Di wergirtinê de xerc tune: dema serlêdanê hatiye dayîn.',
  },
  'allgemeine-beratung': {
    name: 'Şêwirdariya giştî',
    description:
      'Pirseke we li ser niştecîhbûna we heye û hûn nizanin kîjan randevû rast e? Di hevdîtina şêwirdariyê de em karê we zelal dikin û ji we re dibêjin ka çawa berdewam dike.',
    audience: 'Ji bo hemû kesên ku pirsên wan li ser mafê niştecîhbûnê hene û di tu randevûyeke din de cih nagirin.',
    requiredDocuments: ['Pasaport an belgeya nasnameyê', 'Destûra niştecîhbûnê ya heyî (heke hebe)', 'Nameyên Daîreya Biyaniyan li ser pirsa we'],
    feeNote: 'Şêwirdarî belaş e.',
  },
  fiktionsbescheinigung: {
    name: 'Belgeya demkî ya mafê niştecîhbûnê',
    description:
      'Serlêdana we hê tê lêkolîn, lê destûra we ya niştecîhbûnê diqede? Ev belge piştrast dike ku mafê we yê niştecîhbûnê yê berê hê derbasdar e. Daîreya Biyaniyan vê randevûyê bi xwe dide.',
    audience: 'Ji bo hemû kesên ku di wextê xwe de serlêdana dirêjkirinê kirine û hê biryarek negirtine.',
    requiredDocuments: ['Pasaporteke derbasdar', 'Destûra niştecîhbûnê ya berê', 'Pejirandina wergirtina serlêdana we (heke hebe)'],
    feeNote: '13 €. Dayîn li gîşeyê bi kartê ye.',
  },
};
