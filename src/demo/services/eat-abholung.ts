import type { DemoService } from './demo-service.ts';

export const eatAbholung: DemoService = {
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
    'de-x-ls': {
      name: 'eAT-Karte abholen',
      description:
        'Ihre neue eAT-Karte ist fertig. Bitte holen Sie die Karte selbst bei uns ab. Sie können ohne Termin kommen. Dann kommen Sie zu den Öffnungs-Zeiten. Mit Termin warten Sie aber kürzer.',
      audience: 'Für alle Menschen mit einer Nachricht von uns: Ihre Karte ist fertig.',
      requiredDocuments: [
        'Ihr Pass. Der Pass muss noch gelten.',
        'Der Brief zum Abholen und der Brief mit der PIN, wenn Sie die Briefe bekommen haben. Die PIN ist eine geheime Zahl für Ihre Karte.',
        'Ihre alte Karte oder Ihre Fiktions-Bescheinigung',
      ],
      feeNote: 'Das Abholen kostet nichts. Sie haben die Karte schon beim Antrag bezahlt.',
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
    es: {
      name: 'Recogida de la tarjeta eAT',
      description:
        '¿Ya está lista su nueva tarjeta eAT? Recójala en persona. También puede venir sin cita durante el horario de atención, pero con cita espera menos.',
      audience: 'Para todas las personas a las que se ha avisado de que su tarjeta está lista para recoger.',
      requiredDocuments: [
        'Pasaporte válido',
        'Carta de recogida con la carta del PIN (si la ha recibido)',
        'Tarjeta anterior o certificado provisional (Fiktionsbescheinigung)',
      ],
      feeNote: 'Sin tasa al recogerla: ya se pagó al presentar la solicitud.',
    },
    pl: {
      name: 'Odbiór karty eAT',
      description:
        'Nowa karta eAT jest gotowa? Proszę odebrać ją osobiście. W godzinach otwarcia można też przyjść bez umówionej wizyty, ale z wizytą czeka się krócej.',
      audience: 'Dla wszystkich, którzy otrzymali wiadomość, że karta jest gotowa do odbioru.',
      requiredDocuments: [
        'Ważny paszport',
        'Pismo o odbiorze i list z kodem PIN (jeśli przyszły)',
        'Dotychczasowa karta lub zaświadczenie tymczasowe (Fiktionsbescheinigung)',
      ],
      feeNote: 'Bez opłaty przy odbiorze: została uiszczona przy składaniu wniosku.',
    },
    ro: {
      name: 'Ridicarea cardului eAT',
      description:
        'Noul dumneavoastră card eAT este gata? Ridicați-l personal. Puteți veni și fără programare în timpul programului, dar cu programare așteptați mai puțin.',
      audience: 'Pentru toți cei care au fost anunțați că își pot ridica cardul.',
      requiredDocuments: [
        'Pașaport valabil',
        'Scrisoarea de ridicare și scrisoarea cu codul PIN (dacă le-ați primit)',
        'Cardul anterior sau certificatul provizoriu (Fiktionsbescheinigung)',
      ],
      feeNote: 'Fără taxă la ridicare: a fost plătită deja la depunerea cererii.',
    },
    sq: {
      name: 'Marrja e kartës eAT',
      description: 'Karta juaj e re eAT është gati? Merreni personalisht. Mund të vini edhe pa takim gjatë orarit të punës, por me takim prisni më pak.',
      audience: 'Për të gjithë ata që kanë marrë njoftim se karta e tyre është gati për t’u marrë.',
      requiredDocuments: [
        'Pasaportë e vlefshme',
        'Letra e marrjes dhe letra me kodin PIN (nëse i keni marrë)',
        'Karta e mëparshme ose vërtetimi i përkohshëm (Fiktionsbescheinigung)',
      ],
      feeNote: 'Pa tarifë gjatë marrjes: është paguar tashmë kur bëtë kërkesën.',
    },
    vi: {
      name: 'Nhận thẻ eAT',
      description:
        'Thẻ eAT mới của quý vị đã có? Quý vị hãy đến nhận trực tiếp. Trong giờ làm việc cũng có thể đến không cần hẹn, nhưng có hẹn thì chờ ít hơn.',
      audience: 'Dành cho tất cả những ai đã nhận được thông báo rằng thẻ đã sẵn sàng để nhận.',
      requiredDocuments: [
        'Hộ chiếu còn hiệu lực',
        'Thư báo nhận thẻ và thư mã PIN (nếu đã nhận được)',
        'Thẻ cũ hoặc giấy chứng nhận tạm thời (Fiktionsbescheinigung)',
      ],
      feeNote: 'Không mất phí khi nhận: lệ phí đã được trả khi nộp đơn.',
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
};
