import type { DemoService } from './demo-service.ts';

export const verpflichtungserklaerung: DemoService = {
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
    'de-x-ls': {
      name: 'Verpflichtungs-Erklärung für Besuch aus dem Ausland',
      description:
        'Sie möchten Verwandte oder Freunde aus einem anderen Land einladen. Dafür gibt es die Verpflichtungs-Erklärung. Damit versprechen Sie: Ich bezahle die Kosten für meinen Besuch in Deutschland.',
      audience:
        'Für Menschen in Deutschland mit Besuch aus einem anderen Land. Der Besuch braucht ein Visum. Ein Visum ist eine Erlaubnis für die Reise nach Deutschland.',
      requiredDocuments: [
        'Ihr Personal-Ausweis. Oder Ihr Pass mit Aufenthalts-Titel.',
        'Papiere über Ihr Geld von den letzten 3 Monaten',
        'Ihr Miet-Vertrag. Oder ein Papier darüber: So groß ist Ihre Wohnung.',
        'Eine Kopie vom Pass von Ihrem Besuch',
      ],
      feeNote: 'Jede Erklärung kostet 29 Euro. Sie bezahlen am Schalter mit Ihrer Bank-Karte.',
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
    es: {
      name: 'Declaración de compromiso para una visita',
      description:
        '¿Quiere invitar a familiares o amigos del extranjero? Con la declaración de compromiso usted garantiza que se hará cargo de sus gastos en Alemania.',
      audience: 'Para personas que viven en Alemania y apoyan la solicitud de visado de un invitado.',
      requiredDocuments: [
        'Documento de identidad alemán, o pasaporte con permiso de residencia',
        'Justificantes de ingresos de los últimos 3 meses',
        'Contrato de alquiler o justificante del tamaño de la vivienda',
        'Datos del pasaporte del invitado (copia)',
      ],
      feeNote: '29 € por declaración. Pago con tarjeta en la ventanilla.',
    },
    pl: {
      name: 'Zobowiązanie do pokrycia kosztów pobytu gościa',
      description:
        'Chcą Państwo zaprosić krewnych lub znajomych z zagranicy? Składając to zobowiązanie, deklarują Państwo, że pokryją koszty ich pobytu w Niemczech.',
      audience: 'Dla osób mieszkających w Niemczech, które wspierają wniosek wizowy gościa.',
      requiredDocuments: [
        'Dowód osobisty lub paszport z zezwoleniem na pobyt',
        'Zaświadczenia o dochodach z ostatnich 3 miesięcy',
        'Umowa najmu lub dokument potwierdzający wielkość mieszkania',
        'Dane z paszportu gościa (kopia)',
      ],
      feeNote: '29 € za każde zobowiązanie. Płatność kartą przy okienku.',
    },
    ro: {
      name: 'Declarație de garanție pentru o vizită',
      description: 'Doriți să invitați rude sau prieteni din străinătate? Prin declarația de garanție vă angajați să suportați cheltuielile lor în Germania.',
      audience: 'Pentru persoanele care locuiesc în Germania și sprijină cererea de viză a unui oaspete.',
      requiredDocuments: [
        'Carte de identitate sau pașaport cu permis de ședere',
        'Dovezi de venit din ultimele 3 luni',
        'Contractul de închiriere sau dovada suprafeței locuinței',
        'Datele din pașaportul oaspetelui (copie)',
      ],
      feeNote: '29 € pentru fiecare declarație. Plata se face la ghișeu, cu cardul.',
    },
    sq: {
      name: 'Deklaratë garancie për një vizitë',
      description: 'Dëshironi të ftoni të afërm ose miq nga jashtë? Me deklaratën e garancisë merrni përsipër t’i mbuloni shpenzimet e tyre në Gjermani.',
      audience: 'Për njerëzit që jetojnë në Gjermani dhe mbështesin kërkesën për vizë të një mysafiri.',
      requiredDocuments: [
        'Letërnjoftim ose pasaportë me leje qëndrimi',
        'Vërtetime të të ardhurave të 3 muajve të fundit',
        'Kontrata e qirasë ose vërtetim për madhësinë e banesës',
        'Të dhënat e pasaportës së mysafirit (kopje)',
      ],
      feeNote: '29 € për çdo deklaratë. Pagesa bëhet në sportel me kartë.',
    },
    vi: {
      name: 'Giấy cam kết bảo lãnh cho khách thăm',
      description: 'Quý vị muốn mời người thân hoặc bạn bè từ nước ngoài sang? Với giấy cam kết bảo lãnh, quý vị cam kết chi trả các chi phí của họ tại Đức.',
      audience: 'Dành cho những người sống ở Đức và hỗ trợ khách xin thị thực.',
      requiredDocuments: [
        'Thẻ căn cước Đức (Personalausweis) hoặc hộ chiếu kèm giấy phép cư trú',
        'Giấy tờ chứng minh thu nhập 3 tháng gần nhất',
        'Hợp đồng thuê nhà hoặc giấy tờ chứng minh diện tích nhà ở',
        'Thông tin hộ chiếu của khách (bản sao)',
      ],
      feeNote: '29 € cho mỗi giấy cam kết. Thanh toán bằng thẻ tại quầy.',
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
};
