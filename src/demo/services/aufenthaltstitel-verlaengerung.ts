import type { DemoService } from './demo-service.ts';

export const aufenthaltstitelVerlaengerung: DemoService = {
  slug: 'aufenthaltstitel-verlaengerung',
  durationMinutes: 30,
  slotMinutes: 15,
  feeCents: 9300,
  onlineBookable: true,
  walkInAllowed: false,
  walkInDailyQuota: null,
  minLeadMinutes: 24 * 60,
  maxDaysAhead: 60,
  sameDayRelease: null,
  requiredResourceKind: null,
  specialties: ['back-office-a-k', 'back-office-l-z'],
  locations: ['wetzlar', 'dillenburg'],
  texts: {
    de: {
      name: 'Verlängerung des Aufenthaltstitels',
      description: 'Ihr Aufenthaltstitel läuft bald ab? Beantragen Sie die Verlängerung rechtzeitig, am besten 6 bis 8 Wochen vor dem Ablaufdatum.',
      audience: 'Für alle, die eine befristete Aufenthaltserlaubnis haben und weiter in Deutschland bleiben möchten.',
      requiredDocuments: [
        'Gültiger Reisepass',
        'Aktueller Aufenthaltstitel (eAT-Karte)',
        'Ein biometrisches Passfoto',
        'Nachweis über Ihr Einkommen (z. B. Lohnabrechnungen der letzten 3 Monate)',
        'Mietvertrag',
        'Nachweis der Krankenversicherung',
      ],
      feeNote:
        'Bis zu 96 €, je nach Dauer. Kinder und Jugendliche zahlen die Hälfte. Wer Bürgergeld oder Asylbewerberleistungen bezieht, kann befreit sein. Bezahlung am Schalter mit Karte.',
    },
    'de-x-ls': {
      name: 'Aufenthalts-Titel verlängern',
      description:
        'Ihr Aufenthalts-Titel gilt bald nicht mehr. Der Aufenthalts-Titel ist Ihre Erlaubnis für Deutschland. Dann beantragen Sie bitte eine Verlängerung. Beantragen bedeutet: Sie fragen bei der Behörde danach. Kommen Sie früh genug. Am besten kommen Sie 6 bis 8 Wochen vor dem Ende von Ihrem Aufenthalts-Titel.',
      audience: 'Für alle Menschen mit einer Aufenthalts-Erlaubnis für eine bestimmte Zeit. Die Menschen wollen länger in Deutschland bleiben.',
      requiredDocuments: [
        'Ihr Pass. Der Pass muss noch gelten.',
        'Ihr Aufenthalts-Titel. Das ist Ihre eAT-Karte.',
        '1 biometrisches Pass-Foto. Biometrisch bedeutet: Das Foto hält sich an feste Regeln für Pass-Fotos.',
        'Papiere über Ihr Geld. Zum Beispiel: Ihre Lohn-Abrechnungen von den letzten 3 Monaten.',
        'Ihr Miet-Vertrag',
        'Ein Papier von Ihrer Kranken-Versicherung',
      ],
      feeNote:
        'Das kostet bis zu 96 Euro. Der Preis hängt von der Dauer ab. Kinder und Jugendliche zahlen die Hälfte. Manche Menschen müssen vielleicht nichts zahlen. Zum Beispiel: Menschen mit Bürgergeld. Oder Menschen mit Geld für Asyl-Bewerber. Sie bezahlen am Schalter mit Ihrer Bank-Karte.',
    },
    en: {
      name: 'Extension of a residence permit',
      description: 'Is your residence permit about to expire? Apply for the extension in time, ideally 6 to 8 weeks before the expiry date.',
      audience: 'For everyone with a temporary residence permit who wants to stay in Germany.',
      requiredDocuments: [
        'Valid passport',
        'Current residence permit (eAT card)',
        'One biometric passport photo',
        'Proof of income (e.g. payslips for the last 3 months)',
        'Tenancy agreement',
        'Proof of health insurance',
      ],
      feeNote:
        'Up to €96, depending on the length. Children and young people pay half. People receiving citizen’s income (Bürgergeld) or asylum seeker benefits may be exempt. Pay by card at the counter.',
    },
    uk: {
      name: 'Продовження посвідки на проживання',
      description: 'Термін дії вашої посвідки незабаром закінчується? Подайте заяву на продовження вчасно, найкраще за 6–8 тижнів до дати закінчення.',
      audience: 'Для всіх, хто має тимчасовий дозвіл на проживання і хоче й надалі залишатися в Німеччині.',
      requiredDocuments: [
        'Дійсний закордонний паспорт',
        'Чинна посвідка на проживання (картка eAT)',
        'Одне біометричне фото на паспорт',
        'Підтвердження доходу (наприклад, розрахункові листки за останні 3 місяці)',
        'Договір оренди житла',
        'Підтвердження медичного страхування',
      ],
      feeNote:
        'До 96 € залежно від строку. Діти та підлітки сплачують половину. Отримувачі Bürgergeld або допомоги для шукачів притулку можуть бути звільнені від оплати. Оплата карткою біля віконця.',
    },
    ru: {
      name: 'Продление вида на жительство',
      description:
        'Срок действия вашего вида на жительство скоро истекает? Подайте заявление на продление заранее, лучше всего за 6–8 недель до окончания срока.',
      audience: 'Для всех, у кого есть временный вид на жительство и кто хочет остаться в Германии.',
      requiredDocuments: [
        'Действующий заграничный паспорт',
        'Текущий вид на жительство (карта eAT)',
        'Одна биометрическая фотография на паспорт',
        'Подтверждение дохода (например, расчётные листы за последние 3 месяца)',
        'Договор аренды жилья',
        'Подтверждение медицинской страховки',
      ],
      feeNote:
        'До 96 € в зависимости от срока. Дети и подростки платят половину. Получатели Bürgergeld или пособий для просителей убежища могут быть освобождены. Оплата картой у окошка.',
    },
    ar: {
      name: 'تمديد تصريح الإقامة',
      description: 'هل سينتهي تصريح إقامتك قريبًا؟ قدّم طلب التمديد في الوقت المناسب، ويفضّل قبل 6 إلى 8 أسابيع من تاريخ الانتهاء.',
      audience: 'لكل من لديه تصريح إقامة مؤقت ويريد البقاء في ألمانيا.',
      requiredDocuments: [
        'جواز سفر ساري المفعول',
        'تصريح الإقامة الحالي (بطاقة eAT)',
        'صورة شخصية بيومترية واحدة',
        'إثبات الدخل (مثل كشوف الراتب لآخر 3 أشهر)',
        'عقد الإيجار',
        'إثبات التأمين الصحي',
      ],
      feeNote:
        'حتى 96 يورو حسب المدة. يدفع الأطفال والمراهقون النصف. قد يُعفى من يتلقى إعانة المواطن (Bürgergeld) أو إعانات طالبي اللجوء. الدفع بالبطاقة عند الشباك.',
    },
    fa: {
      name: 'تمدید اجازهٔ اقامت',
      description: 'اجازهٔ اقامت شما به‌زودی منقضی می‌شود؟ درخواست تمدید را به‌موقع، بهتر است ۶ تا ۸ هفته پیش از تاریخ انقضا، ثبت کنید.',
      audience: 'برای همهٔ کسانی که اجازهٔ اقامت موقت دارند و می‌خواهند در آلمان بمانند.',
      requiredDocuments: [
        'گذرنامهٔ معتبر',
        'اجازهٔ اقامت فعلی (کارت eAT)',
        'یک عکس بیومتریک پاسپورتی',
        'مدرک درآمد (مثلاً فیش حقوقی ۳ ماه گذشته)',
        'قرارداد اجاره',
        'مدرک بیمهٔ درمانی',
      ],
      feeNote:
        'تا ۹۶ یورو بسته به مدت. کودکان و نوجوانان نصف می‌پردازند. دریافت‌کنندگان Bürgergeld یا کمک‌هزینهٔ پناهجویان ممکن است معاف باشند. پرداخت با کارت در باجه.',
    },
    tr: {
      name: 'Oturma izninin uzatılması',
      description: 'Oturma izninizin süresi yakında mı doluyor? Uzatma başvurusunu zamanında, tercihen bitiş tarihinden 6–8 hafta önce yapın.',
      audience: 'Süreli oturma izni olan ve Almanya’da kalmaya devam etmek isteyen herkes için.',
      requiredDocuments: [
        'Geçerli pasaport',
        'Mevcut oturma izni (eAT kartı)',
        'Bir adet biyometrik vesikalık fotoğraf',
        'Gelir belgesi (ör. son 3 ayın maaş bordroları)',
        'Kira sözleşmesi',
        'Sağlık sigortası belgesi',
      ],
      feeNote:
        'Süreye göre en fazla 96 €. Çocuklar ve gençler yarısını öder. Bürgergeld veya sığınmacı yardımı alanlar muaf olabilir. Ödeme gişede kartla yapılır.',
    },
    es: {
      name: 'Prórroga del permiso de residencia',
      description: '¿Su permiso de residencia vence pronto? Solicite la prórroga a tiempo, a ser posible entre 6 y 8 semanas antes de la fecha de vencimiento.',
      audience: 'Para todas las personas con un permiso de residencia temporal que quieren seguir viviendo en Alemania.',
      requiredDocuments: [
        'Pasaporte válido',
        'Permiso de residencia actual (tarjeta eAT)',
        'Una foto biométrica de pasaporte',
        'Justificante de ingresos (por ejemplo, nóminas de los últimos 3 meses)',
        'Contrato de alquiler',
        'Justificante del seguro médico',
      ],
      feeNote:
        'Hasta 96 €, según la duración. Los niños y jóvenes pagan la mitad. Quien recibe el subsidio ciudadano (Bürgergeld) o prestaciones para solicitantes de asilo puede estar exento. Pago con tarjeta en la ventanilla.',
    },
    pl: {
      name: 'Przedłużenie zezwolenia na pobyt',
      description:
        'Zezwolenie na pobyt wkrótce traci ważność? Proszę złożyć wniosek o przedłużenie na czas, najlepiej 6 do 8 tygodni przed datą upływu ważności.',
      audience: 'Dla wszystkich, którzy mają zezwolenie na pobyt czasowy i chcą dalej mieszkać w Niemczech.',
      requiredDocuments: [
        'Ważny paszport',
        'Aktualne zezwolenie na pobyt (karta eAT)',
        'Jedno zdjęcie biometryczne',
        'Zaświadczenie o dochodach (np. odcinki wypłat z ostatnich 3 miesięcy)',
        'Umowa najmu',
        'Zaświadczenie o ubezpieczeniu zdrowotnym',
      ],
      feeNote:
        'Do 96 €, zależnie od okresu ważności. Dzieci i młodzież płacą połowę. Osoby pobierające zasiłek obywatelski (Bürgergeld) lub świadczenia dla osób ubiegających się o azyl mogą być zwolnione z opłaty. Płatność kartą przy okienku.',
    },
    ro: {
      name: 'Prelungirea permisului de ședere',
      description: 'Permisul dumneavoastră de ședere expiră în curând? Cereți prelungirea la timp, ideal cu 6 până la 8 săptămâni înainte de data expirării.',
      audience: 'Pentru toți cei care au un permis de ședere temporar și doresc să rămână în continuare în Germania.',
      requiredDocuments: [
        'Pașaport valabil',
        'Permisul de ședere actual (cardul eAT)',
        'O fotografie biometrică',
        'Dovada veniturilor (de exemplu fluturașii de salariu din ultimele 3 luni)',
        'Contractul de închiriere',
        'Dovada asigurării de sănătate',
      ],
      feeNote:
        'Până la 96 €, în funcție de durată. Copiii și tinerii plătesc jumătate. Cei care primesc venitul cetățenesc (Bürgergeld) sau prestații pentru solicitanții de azil pot fi scutiți. Plata se face la ghișeu, cu cardul.',
    },
    sq: {
      name: 'Vazhdimi i lejes së qëndrimit',
      description: 'Leja juaj e qëndrimit skadon së shpejti? Kërkoni vazhdimin në kohë, më mirë 6 deri në 8 javë para datës së skadimit.',
      audience: 'Për të gjithë ata që kanë leje qëndrimi me afat dhe duan të qëndrojnë më tej në Gjermani.',
      requiredDocuments: [
        'Pasaportë e vlefshme',
        'Leja aktuale e qëndrimit (karta eAT)',
        'Një fotografi biometrike',
        'Vërtetim i të ardhurave (për shembull fletëpagesat e 3 muajve të fundit)',
        'Kontrata e qirasë',
        'Vërtetim i sigurimit shëndetësor',
      ],
      feeNote:
        'Deri në 96 €, sipas kohëzgjatjes. Fëmijët dhe të rinjtë paguajnë gjysmën. Kush merr të ardhurat qytetare (Bürgergeld) ose ndihma për azilkërkuesit mund të përjashtohet nga pagesa. Pagesa bëhet në sportel me kartë.',
    },
    vi: {
      name: 'Gia hạn giấy phép cư trú',
      description: 'Giấy phép cư trú của quý vị sắp hết hạn? Quý vị hãy nộp đơn gia hạn kịp thời, tốt nhất là 6 đến 8 tuần trước ngày hết hạn.',
      audience: 'Dành cho tất cả những ai có giấy phép cư trú có thời hạn và muốn tiếp tục ở lại Đức.',
      requiredDocuments: [
        'Hộ chiếu còn hiệu lực',
        'Giấy phép cư trú hiện tại (thẻ eAT)',
        'Một ảnh hộ chiếu sinh trắc học',
        'Giấy tờ chứng minh thu nhập (ví dụ bảng lương 3 tháng gần nhất)',
        'Hợp đồng thuê nhà',
        'Giấy chứng nhận bảo hiểm y tế',
      ],
      feeNote:
        'Tối đa 96 €, tùy theo thời hạn. Trẻ em và thanh thiếu niên trả một nửa. Người nhận trợ cấp công dân (Bürgergeld) hoặc trợ cấp cho người xin tị nạn có thể được miễn. Thanh toán bằng thẻ tại quầy.',
    },
    fr: {
      name: 'Prolongation du titre de séjour',
      description: 'Votre titre de séjour expire bientôt ? Demandez la prolongation à temps, idéalement 6 à 8 semaines avant la date d’expiration.',
      audience: 'Pour toute personne titulaire d’un titre de séjour temporaire qui souhaite rester en Allemagne.',
      requiredDocuments: [
        'Passeport en cours de validité',
        'Titre de séjour actuel (carte eAT)',
        'Une photo d’identité biométrique',
        'Justificatif de revenus (p. ex. fiches de paie des 3 derniers mois)',
        'Contrat de location',
        'Attestation d’assurance maladie',
      ],
      feeNote:
        'Jusqu’à 96 € selon la durée. Les enfants et les jeunes paient la moitié. Les bénéficiaires du Bürgergeld ou des prestations pour demandeurs d’asile peuvent être exonérés. Paiement par carte au guichet.',
    },
  },
};
