import type { DemoService } from './demo-service.ts';

export const voruebergehenderSchutz24: DemoService = {
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
    'de-x-ls': {
      name: 'Aufenthalts-Erlaubnis für Schutz auf Zeit (Paragraf 24 Aufenthalts-Gesetz)',
      description:
        'Sie sind wegen dem Krieg aus der Ukraine geflohen. Hier beantragen Sie Ihre Aufenthalts-Erlaubnis. Oder Sie verlängern Ihre Aufenthalts-Erlaubnis. Die Regeln dafür stehen im Aufenthalts-Gesetz. Sie stehen dort im Paragraf 24.',
      audience: 'Für geflüchtete Menschen aus der Ukraine. Und für ihre Familien.',
      requiredDocuments: [
        'Ihr Pass. Oder Ihr ukrainischer Inlands-Pass. Oder Ihr ukrainischer Ausweis.',
        'Ihre Fiktions-Bescheinigung oder Ihre bisherige Aufenthalts-Erlaubnis, wenn Sie eine haben',
        'Ihre Melde-Bescheinigung. Auf diesem Papier steht: Sie wohnen hier. Sie bekommen das Papier bei Ihrer Stadt.',
        '1 biometrisches Pass-Foto',
        'Die Geburts-Urkunden von Ihren Kindern',
      ],
      feeNote: 'Das kostet nichts.',
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
    es: {
      name: 'Permiso de residencia por protección temporal (§ 24 AufenthG)',
      description:
        '¿Ha huido de Ucrania por la guerra? Aquí puede solicitar o prorrogar su permiso de residencia según el § 24 de la Ley de Residencia (Aufenthaltsgesetz).',
      audience: 'Para personas refugiadas de Ucrania y sus familiares.',
      requiredDocuments: [
        'Pasaporte, o pasaporte interno ucraniano o tarjeta de identidad',
        'Certificado provisional (Fiktionsbescheinigung) o permiso de residencia anterior (si lo tiene)',
        'Certificado de empadronamiento (Meldebescheinigung)',
        'Una foto biométrica de pasaporte',
        'Partidas de nacimiento de los hijos',
      ],
      feeNote: 'Sin tasa.',
    },
    pl: {
      name: 'Zezwolenie na pobyt w ramach ochrony czasowej (§ 24 AufenthG)',
      description:
        'Musieli Państwo uciekać z Ukrainy przed wojną? Tutaj można złożyć wniosek o zezwolenie na pobyt na podstawie § 24 ustawy o pobycie (Aufenthaltsgesetz) lub je przedłużyć.',
      audience: 'Dla uchodźców z Ukrainy i członków ich rodzin.',
      requiredDocuments: [
        'Paszport albo ukraiński paszport wewnętrzny lub dowód osobisty',
        'Zaświadczenie tymczasowe (Fiktionsbescheinigung) lub dotychczasowe zezwolenie na pobyt (jeśli jest)',
        'Zaświadczenie o zameldowaniu (Meldebescheinigung)',
        'Jedno zdjęcie biometryczne',
        'Akty urodzenia dzieci',
      ],
      feeNote: 'Bez opłat.',
    },
    ro: {
      name: 'Permis de ședere pentru protecție temporară (§ 24 AufenthG)',
      description:
        'Ați fugit din Ucraina din cauza războiului? Aici cereți sau prelungiți permisul de ședere conform § 24 din Legea privind șederea (Aufenthaltsgesetz).',
      audience: 'Pentru refugiații din Ucraina și membrii familiilor lor.',
      requiredDocuments: [
        'Pașaport sau pașaport intern ucrainean ori carte de identitate',
        'Certificat provizoriu (Fiktionsbescheinigung) sau permisul de ședere de până acum (dacă aveți)',
        'Certificat de înregistrare a domiciliului (Meldebescheinigung)',
        'O fotografie biometrică',
        'Certificatele de naștere ale copiilor',
      ],
      feeNote: 'Fără taxă.',
    },
    sq: {
      name: 'Leje qëndrimi për mbrojtje të përkohshme (§ 24 AufenthG)',
      description:
        'Keni ikur nga Ukraina për shkak të luftës? Këtu kërkoni ose vazhdoni lejen tuaj të qëndrimit sipas § 24 të Ligjit për Qëndrimin (Aufenthaltsgesetz).',
      audience: 'Për refugjatët nga Ukraina dhe familjarët e tyre.',
      requiredDocuments: [
        'Pasaportë, ose pasaportë e brendshme ukrainase ose letërnjoftim',
        'Vërtetim i përkohshëm (Fiktionsbescheinigung) ose leja e deritanishme e qëndrimit (nëse e keni)',
        'Vërtetim i regjistrimit të banimit (Meldebescheinigung)',
        'Një fotografi biometrike',
        'Certifikatat e lindjes së fëmijëve',
      ],
      feeNote: 'Pa tarifë.',
    },
    vi: {
      name: 'Giấy phép cư trú bảo vệ tạm thời (§ 24 AufenthG)',
      description:
        'Quý vị đã phải rời Ukraina vì chiến tranh? Tại đây quý vị có thể xin hoặc gia hạn giấy phép cư trú theo § 24 Luật Cư trú (Aufenthaltsgesetz).',
      audience: 'Dành cho người tị nạn từ Ukraina và các thành viên gia đình của họ.',
      requiredDocuments: [
        'Hộ chiếu, hoặc hộ chiếu nội địa Ukraina hay thẻ căn cước',
        'Giấy chứng nhận tạm thời (Fiktionsbescheinigung) hoặc giấy phép cư trú hiện có (nếu có)',
        'Giấy xác nhận đăng ký cư trú (Meldebescheinigung)',
        'Một ảnh hộ chiếu sinh trắc học',
        'Giấy khai sinh của con',
      ],
      feeNote: 'Miễn phí.',
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
};
