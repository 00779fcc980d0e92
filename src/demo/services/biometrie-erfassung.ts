import type { DemoService } from './demo-service.ts';

export const biometrieErfassung: DemoService = {
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
    'de-x-ls': {
      name: 'Finger-Abdrücke und Foto für die eAT-Karte',
      description:
        'Sie bekommen eine eAT-Karte. Die eAT-Karte ist Ihr Aufenthalts-Titel als Karte. Für die Karte brauchen wir Ihre Finger-Abdrücke, Ihre Unterschrift und ein Foto. Das machen wir an einem Gerät bei uns. Der Termin dauert ungefähr 15 Minuten.',
      audience: 'Für alle Menschen mit einer Zusage für den Aufenthalts-Titel. Die Ausländer-Behörde hat diese Menschen zu dem Termin eingeladen.',
      requiredDocuments: [
        'Ihr Pass oder Ihr Ausweis. Der Pass oder der Ausweis muss noch gelten.',
        'Der Brief mit der Einladung von der Ausländer-Behörde, wenn Sie ihn haben',
        '1 biometrisches Pass-Foto. Das brauchen wir, wenn das Gerät kein Foto machen kann.',
      ],
      feeNote: 'Das kostet nichts extra. Sie bezahlen das schon mit dem Aufenthalts-Titel.',
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
    es: {
      name: 'Huellas dactilares y foto para la tarjeta eAT',
      description: 'Para su tarjeta eAT tomamos en la estación de captura sus huellas dactilares, su firma y una foto. La cita dura unos 15 minutos.',
      audience: 'Para todas las personas cuyo permiso de residencia ha sido aprobado y que han sido citadas para este paso.',
      requiredDocuments: [
        'Pasaporte válido o documento de identidad',
        'Carta de citación de la Oficina de Extranjería (si la tiene)',
        'Una foto biométrica de pasaporte, por si no se puede hacer la foto en la estación',
      ],
      feeNote: 'Sin tasa propia: está incluida en la tasa del permiso de residencia.',
    },
    pl: {
      name: 'Odciski palców i zdjęcie do karty eAT',
      description: 'Do karty eAT pobieramy na stanowisku rejestracji odciski palców, podpis i zdjęcie. Wizyta trwa około 15 minut.',
      audience: 'Dla wszystkich, którym przyznano zezwolenie na pobyt i których zaproszono na ten etap.',
      requiredDocuments: [
        'Ważny paszport lub dokument tożsamości',
        'Zaproszenie z Urzędu ds. Cudzoziemców (jeśli jest)',
        'Jedno zdjęcie biometryczne, na wypadek gdyby na stanowisku nie dało się zrobić zdjęcia',
      ],
      feeNote: 'Bez osobnej opłaty: jest ona wliczona w opłatę za zezwolenie na pobyt.',
    },
    ro: {
      name: 'Amprente și fotografie pentru cardul eAT',
      description: 'Pentru cardul eAT vă luăm la stația de înregistrare amprentele, semnătura și o fotografie. Programarea durează aproximativ 15 minute.',
      audience: 'Pentru toți cei cărora le-a fost aprobat permisul de ședere și care au fost invitați pentru acest pas.',
      requiredDocuments: [
        'Pașaport valabil sau act de identitate',
        'Scrisoarea de invitație de la Oficiul pentru Străini (dacă aveți)',
        'O fotografie biometrică, în cazul în care la stație nu se poate face fotografia',
      ],
      feeNote: 'Fără taxă separată: este inclusă în taxa pentru permisul de ședere.',
    },
    sq: {
      name: 'Shenjat e gishtave dhe fotografia për kartën eAT',
      description:
        'Për kartën tuaj eAT, në stacionin e regjistrimit ju marrim shenjat e gishtave, nënshkrimin dhe një fotografi. Takimi zgjat rreth 15 minuta.',
      audience: 'Për të gjithë ata të cilëve u është miratuar leja e qëndrimit dhe që janë ftuar për këtë hap.',
      requiredDocuments: [
        'Pasaportë e vlefshme ose dokument identifikimi',
        'Letra e ftesës nga Zyra për të Huajt (nëse e keni)',
        'Një fotografi biometrike, në rast se në stacion nuk mund të bëhet fotografia',
      ],
      feeNote: 'Pa tarifë të veçantë: përfshihet në tarifën për lejen e qëndrimit.',
    },
    vi: {
      name: 'Lấy dấu vân tay và chụp ảnh cho thẻ eAT',
      description: 'Để làm thẻ eAT, tại trạm thu nhận chúng tôi lấy dấu vân tay, chữ ký và chụp ảnh quý vị. Cuộc hẹn kéo dài khoảng 15 phút.',
      audience: 'Dành cho tất cả những ai đã được chấp thuận giấy phép cư trú và được mời đến cho bước này.',
      requiredDocuments: [
        'Hộ chiếu còn hiệu lực hoặc giấy tờ tùy thân',
        'Thư mời của Sở Ngoại kiều (nếu có)',
        'Một ảnh hộ chiếu sinh trắc học, phòng khi không chụp được ảnh tại trạm',
      ],
      feeNote: 'Không có lệ phí riêng: đã bao gồm trong lệ phí giấy phép cư trú.',
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
};
