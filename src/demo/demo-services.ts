/**
 * The demo office's services with their texts in every portal language. Translated names carry
 * no German term in brackets: the portal and the mails show the German name beside them. Fees in cents after
 * AufenthV §§ 44 ff. (approximate, as of 2026).
 */
export type ServiceTexts = { name: string; description: string; audience: string; requiredDocuments: string[]; feeNote: string };
export type DemoLang = 'de' | 'en' | 'uk' | 'ru' | 'ar' | 'fa' | 'tr' | 'fr';

export type DemoService = {
  slug: string;
  durationMinutes: number;
  slotMinutes: number;
  feeCents: number | null;
  onlineBookable: boolean;
  walkInAllowed: boolean;
  walkInDailyQuota: number | null;
  minLeadMinutes: number;
  maxDaysAhead: number;
  sameDayRelease: string | null;
  requiredResourceKind: string | null;
  specialties: string[];
  locations: string[];
  texts: Record<DemoLang, ServiceTexts>;
};

export const demoServices: DemoService[] = [
  {
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
  },
  {
    slug: 'eat-uebertrag',
    durationMinutes: 15,
    slotMinutes: 15,
    feeCents: 6700,
    onlineBookable: true,
    walkInAllowed: false,
    walkInDailyQuota: null,
    minLeadMinutes: 30,
    maxDaysAhead: 28,
    sameDayRelease: '07:00',
    requiredResourceKind: null,
    specialties: ['front-office'],
    locations: ['wetzlar', 'dillenburg'],
    texts: {
      de: {
        name: 'Übertrag des Aufenthaltstitels in einen neuen Pass',
        description:
          'Sie haben einen neuen Reisepass? Ihr elektronischer Aufenthaltstitel (eAT) muss auf den neuen Pass umgeschrieben werden. Tagesaktuelle Termine werden jeden Morgen um 7:00 Uhr freigeschaltet.',
        audience: 'Für alle mit eAT-Karte, die einen neuen Pass bekommen haben.',
        requiredDocuments: ['Neuer Reisepass', 'Alter Reisepass (falls vorhanden)', 'Aktuelle eAT-Karte', 'Ein biometrisches Passfoto'],
        feeNote: '67 € für die neue Karte. Bezahlung am Schalter mit Karte.',
      },
      en: {
        name: 'Transfer of the residence permit to a new passport',
        description:
          'Do you have a new passport? Your electronic residence permit (eAT) has to be transferred to it. Same-day appointments are released every morning at 7:00.',
        audience: 'For everyone with an eAT card who has received a new passport.',
        requiredDocuments: ['New passport', 'Old passport (if you still have it)', 'Current eAT card', 'One biometric passport photo'],
        feeNote: '€67 for the new card. Pay by card at the counter.',
      },
      uk: {
        name: 'Перенесення посвідки на проживання в новий паспорт',
        description:
          'У вас новий закордонний паспорт? Вашу електронну посвідку (eAT) потрібно переоформити на новий паспорт. Записи на поточний день відкриваються щоранку о 7:00.',
        audience: 'Для всіх, хто має картку eAT і отримав новий паспорт.',
        requiredDocuments: ['Новий закордонний паспорт', 'Старий паспорт (якщо є)', 'Чинна картка eAT', 'Одне біометричне фото на паспорт'],
        feeNote: '67 € за нову картку. Оплата карткою біля віконця.',
      },
      ru: {
        name: 'Перенос вида на жительство в новый паспорт',
        description:
          'У вас новый заграничный паспорт? Ваш электронный вид на жительство (eAT) нужно переоформить на новый паспорт. Записи на текущий день открываются каждое утро в 7:00.',
        audience: 'Для всех, у кого есть карта eAT и кто получил новый паспорт.',
        requiredDocuments: ['Новый заграничный паспорт', 'Старый паспорт (если есть)', 'Действующая карта eAT', 'Одна биометрическая фотография на паспорт'],
        feeNote: '67 € за новую карту. Оплата картой у окошка.',
      },
      ar: {
        name: 'نقل تصريح الإقامة إلى جواز سفر جديد',
        description: 'هل حصلت على جواز سفر جديد؟ يجب نقل تصريح إقامتك الإلكتروني (eAT) إلى الجواز الجديد. تُتاح مواعيد اليوم نفسه كل صباح في الساعة 7:00.',
        audience: 'لكل من لديه بطاقة eAT وحصل على جواز سفر جديد.',
        requiredDocuments: ['جواز السفر الجديد', 'جواز السفر القديم (إن وُجد)', 'بطاقة eAT الحالية', 'صورة شخصية بيومترية واحدة'],
        feeNote: '67 يورو للبطاقة الجديدة. الدفع بالبطاقة عند الشباك.',
      },
      fa: {
        name: 'انتقال اجازهٔ اقامت به گذرنامهٔ جدید',
        description: 'گذرنامهٔ جدید گرفته‌اید؟ اجازهٔ اقامت الکترونیکی شما (eAT) باید به گذرنامهٔ جدید منتقل شود. نوبت‌های همان روز هر صبح ساعت ۷:۰۰ باز می‌شوند.',
        audience: 'برای همهٔ دارندگان کارت eAT که گذرنامهٔ جدید گرفته‌اند.',
        requiredDocuments: ['گذرنامهٔ جدید', 'گذرنامهٔ قدیمی (در صورت وجود)', 'کارت eAT فعلی', 'یک عکس بیومتریک پاسپورتی'],
        feeNote: '۶۷ یورو برای کارت جدید. پرداخت با کارت در باجه.',
      },
      tr: {
        name: 'Oturma izninin yeni pasaporta aktarılması',
        description:
          'Yeni bir pasaportunuz mu var? Elektronik oturma izninizin (eAT) yeni pasaporta aktarılması gerekir. Aynı gün randevuları her sabah saat 7:00’de açılır.',
        audience: 'eAT kartı olan ve yeni pasaport almış herkes için.',
        requiredDocuments: ['Yeni pasaport', 'Eski pasaport (varsa)', 'Mevcut eAT kartı', 'Bir adet biyometrik vesikalık fotoğraf'],
        feeNote: 'Yeni kart için 67 €. Ödeme gişede kartla yapılır.',
      },
      fr: {
        name: 'Transfert du titre de séjour sur un nouveau passeport',
        description:
          'Vous avez un nouveau passeport ? Votre titre de séjour électronique (eAT) doit être transféré sur celui-ci. Les rendez-vous du jour sont ouverts chaque matin à 7 h 00.',
        audience: 'Pour toute personne titulaire d’une carte eAT qui a reçu un nouveau passeport.',
        requiredDocuments: ['Nouveau passeport', 'Ancien passeport (si vous l’avez encore)', 'Carte eAT actuelle', 'Une photo d’identité biométrique'],
        feeNote: '67 € pour la nouvelle carte. Paiement par carte au guichet.',
      },
    },
  },
  {
    slug: 'voruebergehender-schutz-24',
    durationMinutes: 30,
    slotMinutes: 30,
    feeCents: 0,
    onlineBookable: true,
    walkInAllowed: false,
    walkInDailyQuota: null,
    minLeadMinutes: 60,
    maxDaysAhead: 45,
    sameDayRelease: '07:00',
    requiredResourceKind: null,
    specialties: ['ukraine'],
    locations: ['wetzlar', 'dillenburg'],
    texts: {
      de: {
        name: 'Aufenthaltserlaubnis zum vorübergehenden Schutz (§ 24 AufenthG)',
        description:
          'Sie sind wegen des Krieges aus der Ukraine geflohen? Hier beantragen oder verlängern Sie Ihre Aufenthaltserlaubnis nach § 24 Aufenthaltsgesetz.',
        audience: 'Für Geflüchtete aus der Ukraine und ihre Familienangehörigen.',
        requiredDocuments: [
          'Reisepass oder ukrainischer Inlandspass bzw. ID-Karte',
          'Fiktionsbescheinigung oder bisherige Aufenthaltserlaubnis (falls vorhanden)',
          'Meldebescheinigung (Anmeldung der Wohnung)',
          'Ein biometrisches Passfoto',
          'Geburtsurkunden der Kinder',
        ],
        feeNote: 'Gebührenfrei.',
      },
      en: {
        name: 'Residence permit for temporary protection (§ 24 AufenthG)',
        description: 'Did you flee the war in Ukraine? Apply for or extend your residence permit under section 24 of the Residence Act here.',
        audience: 'For refugees from Ukraine and their family members.',
        requiredDocuments: [
          'Passport, or Ukrainian internal passport or ID card',
          'Provisional permit (Fiktionsbescheinigung) or current residence permit, if you have one',
          'Registration certificate (Meldebescheinigung)',
          'One biometric passport photo',
          'Birth certificates of your children',
        ],
        feeNote: 'Free of charge.',
      },
      uk: {
        name: 'Дозвіл на проживання для тимчасового захисту (§ 24 AufenthG)',
        description: 'Ви втекли від війни в Україні? Тут можна подати заяву на дозвіл на проживання за § 24 Закону про перебування або продовжити його.',
        audience: 'Для біженців з України та членів їхніх сімей.',
        requiredDocuments: [
          'Закордонний паспорт або внутрішній паспорт чи ID-картка громадянина України',
          'Фіктивне посвідчення (Fiktionsbescheinigung) або чинний дозвіл на проживання (якщо є)',
          'Довідка про реєстрацію місця проживання (Meldebescheinigung)',
          'Одне біометричне фото на паспорт',
          'Свідоцтва про народження дітей',
        ],
        feeNote: 'Безкоштовно.',
      },
      ru: {
        name: 'Вид на жительство для временной защиты (§ 24 AufenthG)',
        description: 'Вы бежали от войны в Украине? Здесь можно подать заявление на вид на жительство по § 24 Закона о пребывании или продлить его.',
        audience: 'Для беженцев из Украины и членов их семей.',
        requiredDocuments: [
          'Заграничный паспорт или внутренний паспорт либо ID-карта Украины',
          'Фиктивное удостоверение (Fiktionsbescheinigung) или действующий вид на жительство (если есть)',
          'Справка о регистрации по месту жительства (Meldebescheinigung)',
          'Одна биометрическая фотография на паспорт',
          'Свидетельства о рождении детей',
        ],
        feeNote: 'Бесплатно.',
      },
      ar: {
        name: 'تصريح إقامة للحماية المؤقتة (§ 24 AufenthG)',
        description: 'هل فررت من الحرب في أوكرانيا؟ هنا تقدّم طلب تصريح الإقامة وفق المادة 24 من قانون الإقامة أو تمدّده.',
        audience: 'للاجئين من أوكرانيا وأفراد عائلاتهم.',
        requiredDocuments: [
          'جواز السفر أو جواز السفر الداخلي الأوكراني أو بطاقة الهوية',
          'شهادة الإقامة المؤقتة (Fiktionsbescheinigung) أو تصريح الإقامة الحالي إن وُجد',
          'شهادة تسجيل السكن (Meldebescheinigung)',
          'صورة شخصية بيومترية واحدة',
          'شهادات ميلاد الأطفال',
        ],
        feeNote: 'مجانًا.',
      },
      fa: {
        name: 'اجازهٔ اقامت برای حمایت موقت (§ 24 AufenthG)',
        description: 'به‌خاطر جنگ از اوکراین گریخته‌اید؟ اینجا اجازهٔ اقامت طبق بند ۲۴ قانون اقامت را درخواست یا تمدید کنید.',
        audience: 'برای پناهندگان از اوکراین و اعضای خانوادهٔ آنان.',
        requiredDocuments: [
          'گذرنامه یا گذرنامهٔ داخلی یا کارت شناسایی اوکراین',
          'گواهی موقت (Fiktionsbescheinigung) یا اجازهٔ اقامت فعلی، در صورت وجود',
          'گواهی ثبت محل سکونت (Meldebescheinigung)',
          'یک عکس بیومتریک پاسپورتی',
          'شناسنامه یا گواهی تولد فرزندان',
        ],
        feeNote: 'رایگان.',
      },
      tr: {
        name: 'Geçici koruma için oturma izni (§ 24 AufenthG)',
        description:
          'Ukrayna’daki savaştan mı kaçtınız? İkamet Kanunu’nun 24. maddesine göre oturma izni başvurunuzu burada yapabilir veya izninizi uzatabilirsiniz.',
        audience: 'Ukrayna’dan gelen mülteciler ve aile üyeleri için.',
        requiredDocuments: [
          'Pasaport veya Ukrayna iç pasaportu ya da kimlik kartı',
          'Geçici belge (Fiktionsbescheinigung) veya mevcut oturma izni (varsa)',
          'İkamet kayıt belgesi (Meldebescheinigung)',
          'Bir adet biyometrik vesikalık fotoğraf',
          'Çocukların doğum belgeleri',
        ],
        feeNote: 'Ücretsiz.',
      },
      fr: {
        name: 'Titre de séjour au titre de la protection temporaire (§ 24 AufenthG)',
        description: 'Vous avez fui la guerre en Ukraine ? Demandez ou prolongez ici votre titre de séjour selon l’article 24 de la loi sur le séjour.',
        audience: 'Pour les personnes réfugiées d’Ukraine et les membres de leur famille.',
        requiredDocuments: [
          'Passeport, ou passeport intérieur ou carte d’identité ukrainienne',
          'Attestation provisoire (Fiktionsbescheinigung) ou titre de séjour actuel, si vous en avez un',
          'Attestation de domicile (Meldebescheinigung)',
          'Une photo d’identité biométrique',
          'Actes de naissance des enfants',
        ],
        feeNote: 'Gratuit.',
      },
    },
  },
  {
    slug: 'verpflichtungserklaerung',
    durationMinutes: 20,
    slotMinutes: 20,
    feeCents: 2900,
    onlineBookable: true,
    walkInAllowed: false,
    walkInDailyQuota: null,
    minLeadMinutes: 24 * 60,
    maxDaysAhead: 60,
    sameDayRelease: null,
    requiredResourceKind: null,
    specialties: ['front-office'],
    locations: ['wetzlar', 'dillenburg'],
    texts: {
      de: {
        name: 'Verpflichtungserklärung für einen Besuch',
        description:
          'Sie möchten Verwandte oder Freunde aus dem Ausland einladen? Mit der Verpflichtungserklärung versichern Sie, für deren Kosten in Deutschland aufzukommen.',
        audience: 'Für Menschen, die in Deutschland wohnen und einen Gast für das Visum unterstützen.',
        requiredDocuments: [
          'Personalausweis oder Reisepass mit Aufenthaltstitel',
          'Einkommensnachweise der letzten 3 Monate',
          'Mietvertrag oder Nachweis über die Wohnungsgröße',
          'Reisepassdaten des Gastes (Kopie)',
        ],
        feeNote: '29 € je Erklärung. Bezahlung am Schalter mit Karte.',
      },
      en: {
        name: 'Formal obligation for a visitor',
        description:
          'Do you want to invite relatives or friends from abroad? With this formal obligation you declare that you will cover their costs in Germany.',
        audience: 'For people living in Germany who support a guest’s visa application.',
        requiredDocuments: [
          'ID card, or passport with residence permit',
          'Proof of income for the last 3 months',
          'Tenancy agreement or proof of the size of your home',
          'Copy of your guest’s passport details',
        ],
        feeNote: '€29 per declaration. Pay by card at the counter.',
      },
      uk: {
        name: 'Зобов’язання щодо відвідувача',
        description: 'Хочете запросити родичів чи друзів з-за кордону? Цим зобов’язанням ви підтверджуєте, що покриєте їхні витрати в Німеччині.',
        audience: 'Для людей, які живуть у Німеччині й підтримують візову заяву гостя.',
        requiredDocuments: [
          'Посвідчення особи або паспорт із посвідкою на проживання',
          'Підтвердження доходу за останні 3 місяці',
          'Договір оренди або підтвердження площі житла',
          'Копія паспортних даних гостя',
        ],
        feeNote: '29 € за одне зобов’язання. Оплата карткою біля віконця.',
      },
      ru: {
        name: 'Обязательство о приёме гостя',
        description:
          'Хотите пригласить родственников или друзей из-за границы? Этим обязательством вы подтверждаете, что возьмёте на себя их расходы в Германии.',
        audience: 'Для людей, живущих в Германии и поддерживающих визовое заявление гостя.',
        requiredDocuments: [
          'Удостоверение личности или паспорт с видом на жительство',
          'Подтверждение дохода за последние 3 месяца',
          'Договор аренды или подтверждение площади жилья',
          'Копия паспортных данных гостя',
        ],
        feeNote: '29 € за одно обязательство. Оплата картой у окошка.',
      },
      ar: {
        name: 'تعهّد بالتكفّل بزائر',
        description: 'هل تريد دعوة أقارب أو أصدقاء من الخارج؟ بهذا التعهّد تؤكد أنك ستتحمّل تكاليفهم في ألمانيا.',
        audience: 'للمقيمين في ألمانيا الذين يدعمون طلب تأشيرة ضيف.',
        requiredDocuments: [
          'بطاقة الهوية أو جواز السفر مع تصريح الإقامة',
          'إثبات الدخل لآخر 3 أشهر',
          'عقد الإيجار أو إثبات مساحة السكن',
          'نسخة من بيانات جواز سفر الضيف',
        ],
        feeNote: '29 يورو لكل تعهّد. الدفع بالبطاقة عند الشباك.',
      },
      fa: {
        name: 'تعهدنامهٔ تقبل هزینه برای مهمان',
        description: 'می‌خواهید خویشاوندان یا دوستانتان را از خارج دعوت کنید؟ با این تعهدنامه اعلام می‌کنید که هزینه‌های آنان در آلمان را می‌پردازید.',
        audience: 'برای ساکنان آلمان که از درخواست ویزای یک مهمان پشتیبانی می‌کنند.',
        requiredDocuments: [
          'کارت شناسایی یا گذرنامه همراه با اجازهٔ اقامت',
          'مدرک درآمد ۳ ماه گذشته',
          'قرارداد اجاره یا مدرک متراژ خانه',
          'کپی مشخصات گذرنامهٔ مهمان',
        ],
        feeNote: '۲۹ یورو برای هر تعهدنامه. پرداخت با کارت در باجه.',
      },
      tr: {
        name: 'Ziyaretçi için taahhütname',
        description:
          'Yurt dışından akraba veya arkadaş mı davet etmek istiyorsunuz? Bu taahhütname ile onların Almanya’daki masraflarını karşılayacağınızı beyan edersiniz.',
        audience: 'Almanya’da yaşayan ve bir misafirin vize başvurusunu destekleyen kişiler için.',
        requiredDocuments: [
          'Kimlik kartı veya oturma izinli pasaport',
          'Son 3 ayın gelir belgeleri',
          'Kira sözleşmesi veya konut büyüklüğünü gösteren belge',
          'Misafirin pasaport bilgilerinin fotokopisi',
        ],
        feeNote: 'Taahhütname başına 29 €. Ödeme gişede kartla yapılır.',
      },
      fr: {
        name: 'Attestation de prise en charge d’un visiteur',
        description:
          'Vous souhaitez inviter de la famille ou des amis de l’étranger ? Par cette attestation, vous vous engagez à prendre en charge leurs frais en Allemagne.',
        audience: 'Pour les personnes vivant en Allemagne qui soutiennent la demande de visa d’un invité.',
        requiredDocuments: [
          'Carte d’identité, ou passeport avec titre de séjour',
          'Justificatifs de revenus des 3 derniers mois',
          'Contrat de location ou justificatif de la surface du logement',
          'Copie des données du passeport de l’invité',
        ],
        feeNote: '29 € par attestation. Paiement par carte au guichet.',
      },
    },
  },
  {
    slug: 'niederlassungserlaubnis',
    durationMinutes: 45,
    slotMinutes: 15,
    feeCents: 11300,
    onlineBookable: true,
    walkInAllowed: false,
    walkInDailyQuota: null,
    minLeadMinutes: 24 * 60,
    maxDaysAhead: 90,
    sameDayRelease: null,
    requiredResourceKind: null,
    specialties: ['back-office-a-k', 'back-office-l-z'],
    locations: ['wetzlar'],
    texts: {
      de: {
        name: 'Niederlassungserlaubnis (unbefristeter Aufenthalt)',
        description:
          'Sie leben schon mehrere Jahre in Deutschland? Dann können Sie eine unbefristete Niederlassungserlaubnis beantragen. Wir prüfen im Termin, ob alle Voraussetzungen erfüllt sind.',
        audience: 'Für Menschen, die seit mindestens 5 Jahren (für Fachkräfte oft früher) mit Aufenthaltserlaubnis in Deutschland leben.',
        requiredDocuments: [
          'Gültiger Reisepass',
          'Aktueller Aufenthaltstitel',
          'Ein biometrisches Passfoto',
          'Nachweis über 60 Monate Rentenbeiträge (Rentenversicherungsverlauf)',
          'Arbeitsvertrag und Lohnabrechnungen der letzten 6 Monate',
          'Deutsch-Zertifikat B1 und Nachweis „Leben in Deutschland“',
          'Mietvertrag',
        ],
        feeNote: '113 €, für bestimmte Fachkräfte bis 147 €. Bezahlung am Schalter mit Karte.',
      },
      en: {
        name: 'Settlement permit – permanent residence',
        description:
          'Have you lived in Germany for several years? Then you can apply for a permanent settlement permit. At the appointment we check whether you meet all requirements.',
        audience: 'For people who have lived in Germany with a residence permit for at least 5 years (often less for skilled workers).',
        requiredDocuments: [
          'Valid passport',
          'Current residence permit',
          'One biometric passport photo',
          'Proof of 60 months of pension contributions (Rentenversicherungsverlauf)',
          'Employment contract and payslips for the last 6 months',
          'German certificate at level B1 and the “Life in Germany” test',
          'Tenancy agreement',
        ],
        feeNote: '€113, up to €147 for certain skilled workers. Pay by card at the counter.',
      },
      uk: {
        name: 'Дозвіл на поселення – безстрокове проживання',
        description:
          'Ви вже кілька років живете в Німеччині? Тоді можете подати заяву на безстроковий дозвіл на поселення. Під час прийому ми перевіримо, чи виконані всі умови.',
        audience: 'Для людей, які щонайменше 5 років (фахівці часто раніше) живуть у Німеччині з дозволом на проживання.',
        requiredDocuments: [
          'Дійсний закордонний паспорт',
          'Чинна посвідка на проживання',
          'Одне біометричне фото на паспорт',
          'Підтвердження 60 місяців пенсійних внесків (Rentenversicherungsverlauf)',
          'Трудовий договір і розрахункові листки за останні 6 місяців',
          'Сертифікат з німецької мови B1 і тест «Життя в Німеччині»',
          'Договір оренди житла',
        ],
        feeNote: '113 €, для окремих фахівців до 147 €. Оплата карткою біля віконця.',
      },
      ru: {
        name: 'Разрешение на поселение – бессрочное проживание',
        description:
          'Вы уже несколько лет живёте в Германии? Тогда вы можете подать заявление на бессрочное разрешение на поселение. На приёме мы проверим, выполнены ли все условия.',
        audience: 'Для людей, которые не менее 5 лет (специалисты часто раньше) живут в Германии с видом на жительство.',
        requiredDocuments: [
          'Действующий заграничный паспорт',
          'Текущий вид на жительство',
          'Одна биометрическая фотография на паспорт',
          'Подтверждение 60 месяцев пенсионных взносов (Rentenversicherungsverlauf)',
          'Трудовой договор и расчётные листы за последние 6 месяцев',
          'Сертификат по немецкому языку B1 и тест «Жизнь в Германии»',
          'Договор аренды жилья',
        ],
        feeNote: '113 €, для отдельных специалистов до 147 €. Оплата картой у окошка.',
      },
      ar: {
        name: 'تصريح الإقامة الدائمة',
        description: 'هل تعيش في ألمانيا منذ عدة سنوات؟ يمكنك إذن التقدّم بطلب للحصول على تصريح إقامة دائمة. في الموعد نتحقّق من استيفائك لجميع الشروط.',
        audience: 'لمن يعيش في ألمانيا بتصريح إقامة منذ 5 سنوات على الأقل (وغالبًا أقل للعمالة الماهرة).',
        requiredDocuments: [
          'جواز سفر ساري المفعول',
          'تصريح الإقامة الحالي',
          'صورة شخصية بيومترية واحدة',
          'إثبات دفع اشتراكات التقاعد لمدة 60 شهرًا (Rentenversicherungsverlauf)',
          'عقد العمل وكشوف الراتب لآخر 6 أشهر',
          'شهادة اللغة الألمانية B1 واختبار „الحياة في ألمانيا“',
          'عقد الإيجار',
        ],
        feeNote: '113 يورو، وحتى 147 يورو لبعض العمالة الماهرة. الدفع بالبطاقة عند الشباك.',
      },
      fa: {
        name: 'اجازهٔ اقامت دائم',
        description: 'چند سال است در آلمان زندگی می‌کنید؟ در این صورت می‌توانید اجازهٔ اقامت دائم درخواست کنید. در نوبت بررسی می‌کنیم که همهٔ شرایط را دارید یا نه.',
        audience: 'برای کسانی که دست‌کم ۵ سال (نیروهای متخصص اغلب زودتر) با اجازهٔ اقامت در آلمان زندگی کرده‌اند.',
        requiredDocuments: [
          'گذرنامهٔ معتبر',
          'اجازهٔ اقامت فعلی',
          'یک عکس بیومتریک پاسپورتی',
          'مدرک ۶۰ ماه پرداخت حق بیمهٔ بازنشستگی (Rentenversicherungsverlauf)',
          'قرارداد کار و فیش حقوقی ۶ ماه گذشته',
          'مدرک زبان آلمانی سطح B1 و آزمون «زندگی در آلمان»',
          'قرارداد اجاره',
        ],
        feeNote: '۱۱۳ یورو، برای برخی نیروهای متخصص تا ۱۴۷ یورو. پرداخت با کارت در باجه.',
      },
      tr: {
        name: 'Yerleşim izni – süresiz oturum',
        description:
          'Birkaç yıldır Almanya’da mı yaşıyorsunuz? O halde süresiz yerleşim izni için başvurabilirsiniz. Randevuda tüm koşulları sağlayıp sağlamadığınızı kontrol ederiz.',
        audience: 'En az 5 yıldır (nitelikli çalışanlar için çoğu zaman daha kısa) oturma izniyle Almanya’da yaşayanlar için.',
        requiredDocuments: [
          'Geçerli pasaport',
          'Mevcut oturma izni',
          'Bir adet biyometrik vesikalık fotoğraf',
          '60 aylık emeklilik primi ödendiğine dair belge (Rentenversicherungsverlauf)',
          'İş sözleşmesi ve son 6 ayın maaş bordroları',
          'B1 seviyesinde Almanca sertifikası ve „Almanya’da Yaşam“ testi',
          'Kira sözleşmesi',
        ],
        feeNote: '113 €, bazı nitelikli çalışanlar için 147 €’ya kadar. Ödeme gişede kartla yapılır.',
      },
      fr: {
        name: 'Permis d’établissement – séjour permanent',
        description:
          'Vous vivez en Allemagne depuis plusieurs années ? Vous pouvez alors demander un permis d’établissement à durée illimitée. Lors du rendez-vous, nous vérifions que toutes les conditions sont remplies.',
        audience: 'Pour les personnes vivant en Allemagne avec un titre de séjour depuis au moins 5 ans (souvent moins pour les travailleurs qualifiés).',
        requiredDocuments: [
          'Passeport en cours de validité',
          'Titre de séjour actuel',
          'Une photo d’identité biométrique',
          'Justificatif de 60 mois de cotisations retraite (Rentenversicherungsverlauf)',
          'Contrat de travail et fiches de paie des 6 derniers mois',
          'Certificat d’allemand niveau B1 et test « Vivre en Allemagne »',
          'Contrat de location',
        ],
        feeNote: '113 €, jusqu’à 147 € pour certains travailleurs qualifiés. Paiement par carte au guichet.',
      },
    },
  },
  {
    slug: 'biometrie-erfassung',
    durationMinutes: 15,
    slotMinutes: 15,
    feeCents: null,
    onlineBookable: true,
    walkInAllowed: false,
    walkInDailyQuota: null,
    minLeadMinutes: 30,
    maxDaysAhead: 30,
    sameDayRelease: '07:00',
    requiredResourceKind: 'biometrics-station',
    specialties: ['front-office', 'ukraine'],
    locations: ['wetzlar', 'dillenburg'],
    texts: {
      de: {
        name: 'Fingerabdrücke und Foto für die eAT-Karte',
        description: 'Für Ihre eAT-Karte nehmen wir an der Erfassungsstation Fingerabdrücke, Unterschrift und ein Foto auf. Der Termin dauert etwa 15 Minuten.',
        audience: 'Für alle, deren Aufenthaltstitel bewilligt wurde und die dazu eingeladen wurden.',
        requiredDocuments: [
          'Gültiger Reisepass oder Ausweisdokument',
          'Einladungsschreiben der Ausländerbehörde (falls vorhanden)',
          'Ein biometrisches Passfoto, falls an der Station kein Foto gemacht werden kann',
        ],
        feeNote: 'Keine eigene Gebühr: Sie ist in der Gebühr für den Aufenthaltstitel enthalten.',
      },
      en: {
        name: 'Fingerprints and photo for the eAT card',
        description: 'For your eAT card we take your fingerprints, signature and a photo at the capture station. The appointment takes about 15 minutes.',
        audience: 'For everyone whose residence permit has been approved and who was invited to this step.',
        requiredDocuments: [
          'Valid passport or identity document',
          'Invitation letter from the immigration office (if you have one)',
          'One biometric passport photo, in case no photo can be taken at the station',
        ],
        feeNote: 'No separate fee: it is included in the fee for the residence permit.',
      },
      uk: {
        name: 'Відбитки пальців і фото для картки eAT',
        description: 'Для вашої картки eAT ми знімаємо відбитки пальців, підпис і фото на спеціальній станції. Прийом триває приблизно 15 хвилин.',
        audience: 'Для всіх, кому погоджено посвідку на проживання і кого запросили на цей етап.',
        requiredDocuments: [
          'Дійсний паспорт або документ, що посвідчує особу',
          'Лист-запрошення від відомства у справах іноземців (якщо є)',
          'Одне біометричне фото на паспорт на випадок, якщо на станції не вдасться зробити фото',
        ],
        feeNote: 'Окремої плати немає: вона входить у збір за посвідку на проживання.',
      },
      ru: {
        name: 'Отпечатки пальцев и фото для карты eAT',
        description: 'Для вашей карты eAT мы снимаем отпечатки пальцев, подпись и фото на специальной станции. Приём длится около 15 минут.',
        audience: 'Для всех, кому одобрен вид на жительство и кого пригласили на этот этап.',
        requiredDocuments: [
          'Действующий паспорт или удостоверение личности',
          'Письмо-приглашение ведомства по делам иностранцев (если есть)',
          'Одна биометрическая фотография на паспорт на случай, если на станции нельзя сделать фото',
        ],
        feeNote: 'Отдельной платы нет: она входит в сбор за вид на жительство.',
      },
      ar: {
        name: 'بصمات الأصابع والصورة لبطاقة eAT',
        description: 'لبطاقة eAT الخاصة بك نأخذ بصمات أصابعك وتوقيعك وصورة في محطة التسجيل. يستغرق الموعد نحو 15 دقيقة.',
        audience: 'لكل من تمت الموافقة على تصريح إقامته ودُعي إلى هذه الخطوة.',
        requiredDocuments: [
          'جواز سفر أو وثيقة هوية سارية',
          'رسالة الدعوة من دائرة الأجانب (إن وُجدت)',
          'صورة شخصية بيومترية واحدة، في حال تعذّر التصوير في المحطة',
        ],
        feeNote: 'لا رسوم منفصلة: فهي مشمولة في رسوم تصريح الإقامة.',
      },
      fa: {
        name: 'اثر انگشت و عکس برای کارت eAT',
        description: 'برای کارت eAT شما در ایستگاه ثبت، اثر انگشت، امضا و عکس گرفته می‌شود. این نوبت حدود ۱۵ دقیقه طول می‌کشد.',
        audience: 'برای همهٔ کسانی که اجازهٔ اقامتشان تأیید شده و برای این مرحله دعوت شده‌اند.',
        requiredDocuments: [
          'گذرنامه یا مدرک شناسایی معتبر',
          'دعوت‌نامهٔ ادارهٔ اتباع خارجی (در صورت وجود)',
          'یک عکس بیومتریک پاسپورتی، اگر در ایستگاه نتوان عکس گرفت',
        ],
        feeNote: 'هزینهٔ جداگانه ندارد: در هزینهٔ اجازهٔ اقامت گنجانده شده است.',
      },
      tr: {
        name: 'eAT kartı için parmak izi ve fotoğraf',
        description: 'eAT kartınız için kayıt istasyonunda parmak izinizi, imzanızı ve fotoğrafınızı alıyoruz. Randevu yaklaşık 15 dakika sürer.',
        audience: 'Oturma izni onaylanan ve bu adım için davet edilen herkes için.',
        requiredDocuments: [
          'Geçerli pasaport veya kimlik belgesi',
          'Yabancılar Dairesi’nin davet mektubu (varsa)',
          'İstasyonda fotoğraf çekilemezse diye bir adet biyometrik vesikalık fotoğraf',
        ],
        feeNote: 'Ayrı bir ücret yoktur: oturma izni ücretine dahildir.',
      },
      fr: {
        name: 'Empreintes digitales et photo pour la carte eAT',
        description:
          'Pour votre carte eAT, nous prenons vos empreintes digitales, votre signature et une photo à la borne de saisie. Le rendez-vous dure environ 15 minutes.',
        audience: 'Pour toute personne dont le titre de séjour a été accordé et qui a été invitée à cette étape.',
        requiredDocuments: [
          'Passeport ou pièce d’identité en cours de validité',
          'Lettre d’invitation du service des étrangers (si vous en avez une)',
          'Une photo d’identité biométrique, au cas où aucune photo ne pourrait être prise à la borne',
        ],
        feeNote: 'Pas de frais séparés : ils sont compris dans les frais du titre de séjour.',
      },
    },
  },
  {
    slug: 'eat-abholung',
    durationMinutes: 10,
    slotMinutes: 10,
    feeCents: null,
    onlineBookable: true,
    walkInAllowed: true,
    walkInDailyQuota: 40,
    minLeadMinutes: 30,
    maxDaysAhead: 21,
    sameDayRelease: '07:00',
    requiredResourceKind: null,
    specialties: ['front-office'],
    locations: ['wetzlar', 'dillenburg'],
    texts: {
      de: {
        name: 'Abholung der eAT-Karte',
        description:
          'Ihre neue eAT-Karte ist da? Holen Sie sie persönlich ab. Ohne Termin geht es während der Öffnungszeiten auch, mit Termin warten Sie kürzer.',
        audience: 'Für alle, die eine Nachricht bekommen haben, dass ihre Karte abholbereit ist.',
        requiredDocuments: ['Gültiger Reisepass', 'Abholschreiben mit PIN-Brief (falls erhalten)', 'Bisherige Karte oder Fiktionsbescheinigung'],
        feeNote: 'Keine Gebühr bei Abholung: Sie wurde bereits bei der Beantragung bezahlt.',
      },
      en: {
        name: 'Collecting the eAT card',
        description:
          'Is your new eAT card ready? Collect it in person. You can also come without an appointment during opening hours, but with one you wait less.',
        audience: 'For everyone who has been told that their card is ready for collection.',
        requiredDocuments: ['Valid passport', 'Collection letter with PIN letter (if received)', 'Previous card or provisional permit (Fiktionsbescheinigung)'],
        feeNote: 'No fee on collection: it was paid when you applied.',
      },
      uk: {
        name: 'Отримання картки eAT',
        description: 'Ваша нова картка eAT готова? Отримайте її особисто. Можна прийти і без запису в години прийому, але із записом чекати менше.',
        audience: 'Для всіх, хто отримав повідомлення, що картку можна забрати.',
        requiredDocuments: [
          'Дійсний закордонний паспорт',
          'Лист про отримання і лист із PIN-кодом (якщо отримали)',
          'Попередня картка або фіктивне посвідчення (Fiktionsbescheinigung)',
        ],
        feeNote: 'Під час отримання плата не стягується: її вже сплачено під час подання заяви.',
      },
      ru: {
        name: 'Получение карты eAT',
        description: 'Ваша новая карта eAT готова? Получите её лично. Можно прийти и без записи в часы приёма, но по записи ждать меньше.',
        audience: 'Для всех, кто получил сообщение, что карту можно забрать.',
        requiredDocuments: [
          'Действующий заграничный паспорт',
          'Письмо о получении и письмо с PIN-кодом (если получили)',
          'Прежняя карта или фиктивное удостоверение (Fiktionsbescheinigung)',
        ],
        feeNote: 'При получении плата не взимается: она уже оплачена при подаче заявления.',
      },
      ar: {
        name: 'استلام بطاقة eAT',
        description: 'هل أصبحت بطاقة eAT الجديدة جاهزة؟ استلمها شخصيًا. يمكنك الحضور دون موعد خلال ساعات العمل، لكن مع موعد تنتظر وقتًا أقل.',
        audience: 'لكل من تلقّى إشعارًا بأن بطاقته جاهزة للاستلام.',
        requiredDocuments: [
          'جواز سفر ساري المفعول',
          'رسالة الاستلام ورسالة الرقم السري PIN (إن وصلتك)',
          'البطاقة السابقة أو شهادة الإقامة المؤقتة (Fiktionsbescheinigung)',
        ],
        feeNote: 'لا رسوم عند الاستلام: فقد دُفعت عند تقديم الطلب.',
      },
      fa: {
        name: 'تحویل گرفتن کارت eAT',
        description: 'کارت eAT جدید شما آماده است؟ آن را حضوری تحویل بگیرید. در ساعات کاری بدون نوبت هم می‌توانید بیایید، اما با نوبت کمتر منتظر می‌مانید.',
        audience: 'برای همهٔ کسانی که پیام آماده بودن کارتشان را دریافت کرده‌اند.',
        requiredDocuments: ['گذرنامهٔ معتبر', 'نامهٔ تحویل و نامهٔ رمز PIN (در صورت دریافت)', 'کارت قبلی یا گواهی موقت (Fiktionsbescheinigung)'],
        feeNote: 'هنگام تحویل هزینه‌ای دریافت نمی‌شود: هنگام درخواست پرداخت شده است.',
      },
      tr: {
        name: 'eAT kartının teslim alınması',
        description:
          'Yeni eAT kartınız hazır mı? Kartınızı şahsen teslim alın. Çalışma saatlerinde randevusuz da gelebilirsiniz, ancak randevuyla daha az beklersiniz.',
        audience: 'Kartının teslime hazır olduğu bildirilen herkes için.',
        requiredDocuments: ['Geçerli pasaport', 'Teslim mektubu ve PIN mektubu (geldiyse)', 'Önceki kart veya geçici belge (Fiktionsbescheinigung)'],
        feeNote: 'Teslimde ücret alınmaz: başvuru sırasında ödenmiştir.',
      },
      fr: {
        name: 'Retrait de la carte eAT',
        description:
          'Votre nouvelle carte eAT est prête ? Venez la retirer en personne. Vous pouvez aussi venir sans rendez-vous pendant les heures d’ouverture, mais avec un rendez-vous vous attendez moins.',
        audience: 'Pour toute personne informée que sa carte est prête à être retirée.',
        requiredDocuments: [
          'Passeport en cours de validité',
          'Courrier de retrait et courrier avec le code PIN (si reçus)',
          'Ancienne carte ou attestation provisoire (Fiktionsbescheinigung)',
        ],
        feeNote: 'Pas de frais au retrait : ils ont été payés lors de la demande.',
      },
    },
  },
  {
    slug: 'allgemeine-beratung',
    durationMinutes: 15,
    slotMinutes: 15,
    feeCents: null,
    onlineBookable: true,
    walkInAllowed: true,
    walkInDailyQuota: 20,
    minLeadMinutes: 60,
    maxDaysAhead: 30,
    sameDayRelease: '07:00',
    requiredResourceKind: null,
    specialties: ['front-office'],
    locations: ['wetzlar', 'dillenburg'],
    texts: {
      de: {
        name: 'Allgemeine Beratung',
        description:
          'Sie haben eine Frage zu Ihrem Aufenthalt und wissen nicht, welcher Termin der richtige ist? Im Beratungsgespräch klären wir Ihr Anliegen und sagen Ihnen, wie es weitergeht.',
        audience: 'Für alle mit Fragen zum Aufenthaltsrecht, die in keinen anderen Termin passen.',
        requiredDocuments: ['Reisepass oder Ausweisdokument', 'Aktueller Aufenthaltstitel (falls vorhanden)', 'Briefe der Ausländerbehörde zu Ihrer Frage'],
        feeNote: 'Die Beratung ist kostenlos.',
      },
      en: {
        name: 'General advice',
        description:
          'Do you have a question about your residence and don’t know which appointment is the right one? In the advice meeting we clarify your concern and tell you the next steps.',
        audience: 'For everyone with questions about residence law that do not fit any other appointment.',
        requiredDocuments: [
          'Passport or identity document',
          'Current residence permit (if you have one)',
          'Letters from the immigration office about your question',
        ],
        feeNote: 'Advice is free of charge.',
      },
      uk: {
        name: 'Загальна консультація',
        description:
          'Маєте питання щодо свого перебування і не знаєте, який запис обрати? На консультації ми з’ясуємо ваше питання і підкажемо подальші кроки.',
        audience: 'Для всіх, хто має питання щодо права на перебування, які не підходять до жодного іншого запису.',
        requiredDocuments: [
          'Паспорт або документ, що посвідчує особу',
          'Чинна посвідка на проживання (якщо є)',
          'Листи від відомства у справах іноземців щодо вашого питання',
        ],
        feeNote: 'Консультація безкоштовна.',
      },
      ru: {
        name: 'Общая консультация',
        description:
          'У вас вопрос о вашем пребывании, и вы не знаете, какая запись подходит? На консультации мы разберёмся в вашем вопросе и расскажем о дальнейших шагах.',
        audience: 'Для всех, у кого есть вопросы о праве на пребывание, не подходящие ни к одной другой записи.',
        requiredDocuments: [
          'Паспорт или удостоверение личности',
          'Текущий вид на жительство (если есть)',
          'Письма ведомства по делам иностранцев по вашему вопросу',
        ],
        feeNote: 'Консультация бесплатная.',
      },
      ar: {
        name: 'استشارة عامة',
        description: 'هل لديك سؤال عن إقامتك ولا تعرف أي موعد هو المناسب؟ في جلسة الاستشارة نوضّح مسألتك ونخبرك بالخطوات التالية.',
        audience: 'لكل من لديه أسئلة حول قانون الإقامة لا تناسب أي موعد آخر.',
        requiredDocuments: ['جواز السفر أو وثيقة الهوية', 'تصريح الإقامة الحالي (إن وُجد)', 'رسائل دائرة الأجانب المتعلقة بسؤالك'],
        feeNote: 'الاستشارة مجانية.',
      },
      fa: {
        name: 'مشاورهٔ عمومی',
        description: 'دربارهٔ اقامت خود سؤالی دارید و نمی‌دانید کدام نوبت مناسب است؟ در جلسهٔ مشاوره موضوع شما را روشن می‌کنیم و گام‌های بعدی را می‌گوییم.',
        audience: 'برای همهٔ کسانی که سؤالی دربارهٔ حقوق اقامت دارند که در هیچ نوبت دیگری نمی‌گنجد.',
        requiredDocuments: ['گذرنامه یا مدرک شناسایی', 'اجازهٔ اقامت فعلی (در صورت وجود)', 'نامه‌های ادارهٔ اتباع خارجی دربارهٔ سؤال شما'],
        feeNote: 'مشاوره رایگان است.',
      },
      tr: {
        name: 'Genel danışmanlık',
        description:
          'Oturumunuzla ilgili bir sorunuz var ve hangi randevunun doğru olduğunu bilmiyor musunuz? Danışma görüşmesinde konunuzu netleştirir, sonraki adımları söyleriz.',
        audience: 'Başka hiçbir randevuya uymayan oturum hukuku soruları olan herkes için.',
        requiredDocuments: ['Pasaport veya kimlik belgesi', 'Mevcut oturma izni (varsa)', 'Yabancılar Dairesi’nin sorunuzla ilgili mektupları'],
        feeNote: 'Danışmanlık ücretsizdir.',
      },
      fr: {
        name: 'Conseil général',
        description:
          'Vous avez une question sur votre séjour et ne savez pas quel rendez-vous choisir ? Lors de l’entretien de conseil, nous clarifions votre demande et vous indiquons la suite.',
        audience: 'Pour toute personne ayant des questions sur le droit au séjour qui ne correspondent à aucun autre rendez-vous.',
        requiredDocuments: [
          'Passeport ou pièce d’identité',
          'Titre de séjour actuel (si vous en avez un)',
          'Courriers du service des étrangers concernant votre question',
        ],
        feeNote: 'Le conseil est gratuit.',
      },
    },
  },
  {
    slug: 'fiktionsbescheinigung',
    durationMinutes: 15,
    slotMinutes: 15,
    feeCents: 1300,
    onlineBookable: false,
    walkInAllowed: false,
    walkInDailyQuota: null,
    minLeadMinutes: 0,
    maxDaysAhead: 30,
    sameDayRelease: null,
    requiredResourceKind: null,
    specialties: ['back-office-a-k', 'back-office-l-z'],
    locations: ['wetzlar', 'dillenburg'],
    texts: {
      de: {
        name: 'Fiktionsbescheinigung',
        description:
          'Ihr Antrag wird noch bearbeitet, aber Ihr Aufenthaltstitel läuft ab? Die Fiktionsbescheinigung bestätigt, dass Ihr bisheriges Aufenthaltsrecht weiter gilt. Die Ausländerbehörde vergibt diesen Termin selbst.',
        audience: 'Für alle, die rechtzeitig eine Verlängerung beantragt haben und noch keine Entscheidung erhalten haben.',
        requiredDocuments: ['Gültiger Reisepass', 'Bisheriger Aufenthaltstitel', 'Eingangsbestätigung Ihres Antrags (falls vorhanden)'],
        feeNote: '13 €. Bezahlung am Schalter mit Karte.',
      },
      en: {
        name: 'Provisional residence certificate',
        description:
          'Your application is still being processed but your residence permit is expiring? The Fiktionsbescheinigung confirms that your current right of residence continues. The immigration office arranges this appointment itself.',
        audience: 'For everyone who applied for an extension in time and has not yet received a decision.',
        requiredDocuments: ['Valid passport', 'Current residence permit', 'Confirmation that your application was received (if you have one)'],
        feeNote: '€13. Pay by card at the counter.',
      },
      uk: {
        name: 'Тимчасове посвідчення про право перебування',
        description:
          'Вашу заяву ще розглядають, а термін дії посвідки закінчується? Fiktionsbescheinigung підтверджує, що ваше право на перебування й далі діє. Відомство у справах іноземців призначає цей прийом самостійно.',
        audience: 'Для всіх, хто вчасно подав заяву на продовження і ще не отримав рішення.',
        requiredDocuments: ['Дійсний закордонний паспорт', 'Чинна посвідка на проживання', 'Підтвердження отримання вашої заяви (якщо є)'],
        feeNote: '13 €. Оплата карткою біля віконця.',
      },
      ru: {
        name: 'Временное удостоверение о праве пребывания',
        description:
          'Ваше заявление ещё рассматривается, а срок вида на жительство истекает? Fiktionsbescheinigung подтверждает, что ваше право на пребывание продолжает действовать. Ведомство по делам иностранцев назначает этот приём само.',
        audience: 'Для всех, кто вовремя подал заявление на продление и ещё не получил решения.',
        requiredDocuments: ['Действующий заграничный паспорт', 'Текущий вид на жительство', 'Подтверждение получения вашего заявления (если есть)'],
        feeNote: '13 €. Оплата картой у окошка.',
      },
      ar: {
        name: 'شهادة استمرار الإقامة المؤقتة',
        description:
          'طلبك لا يزال قيد المعالجة لكن تصريح إقامتك على وشك الانتهاء؟ تؤكد هذه الشهادة أن حقك الحالي في الإقامة ما زال ساريًا. تحدّد دائرة الأجانب هذا الموعد بنفسها.',
        audience: 'لكل من قدّم طلب التمديد في الوقت المحدد ولم يتلقَّ قرارًا بعد.',
        requiredDocuments: ['جواز سفر ساري المفعول', 'تصريح الإقامة الحالي', 'تأكيد استلام طلبك (إن وُجد)'],
        feeNote: '13 يورو. الدفع بالبطاقة عند الشباك.',
      },
      fa: {
        name: 'گواهی ادامهٔ اقامت موقت',
        description:
          'درخواست شما هنوز در حال بررسی است ولی اجازهٔ اقامتتان در حال انقضاست؟ این گواهی تأیید می‌کند که حق اقامت فعلی شما همچنان معتبر است. ادارهٔ اتباع خارجی خودش این نوبت را تعیین می‌کند.',
        audience: 'برای همهٔ کسانی که به‌موقع درخواست تمدید داده‌اند و هنوز تصمیمی دریافت نکرده‌اند.',
        requiredDocuments: ['گذرنامهٔ معتبر', 'اجازهٔ اقامت فعلی', 'تأییدیهٔ دریافت درخواست شما (در صورت وجود)'],
        feeNote: '۱۳ یورو. پرداخت با کارت در باجه.',
      },
      tr: {
        name: 'Geçici oturum belgesi',
        description:
          'Başvurunuz hâlâ işlemde ama oturma izninizin süresi doluyor mu? Bu belge, mevcut oturum hakkınızın geçerliliğini sürdürdüğünü doğrular. Bu randevuyu Yabancılar Dairesi kendisi verir.',
        audience: 'Uzatma başvurusunu zamanında yapmış ve henüz karar almamış herkes için.',
        requiredDocuments: ['Geçerli pasaport', 'Mevcut oturma izni', 'Başvurunuzun alındığına dair onay (varsa)'],
        feeNote: '13 €. Ödeme gişede kartla yapılır.',
      },
      fr: {
        name: 'Attestation de maintien du droit au séjour',
        description:
          'Votre demande est toujours en cours mais votre titre de séjour expire ? La Fiktionsbescheinigung confirme que votre droit au séjour actuel reste valable. Le service des étrangers fixe lui-même ce rendez-vous.',
        audience: 'Pour toute personne ayant demandé une prolongation à temps et n’ayant pas encore reçu de décision.',
        requiredDocuments: ['Passeport en cours de validité', 'Titre de séjour actuel', 'Accusé de réception de votre demande (si vous en avez un)'],
        feeNote: '13 €. Paiement par carte au guichet.',
      },
    },
  },
];
