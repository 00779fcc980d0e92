import type { DemoService } from './demo-service.ts';

export const fiktionsbescheinigung: DemoService = {
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
    'de-x-ls': {
      name: 'Fiktions-Bescheinigung: ein Papier für die Warte-Zeit',
      description:
        'Sie haben einen Antrag gestellt. Die Behörde hat noch nicht entschieden. Aber Ihr Aufenthalts-Titel endet bald. Dann bekommen Sie eine Fiktions-Bescheinigung. Das ist ein Papier. Darauf steht: Sie dürfen weiter in Deutschland bleiben. Diesen Termin gibt Ihnen die Ausländer-Behörde selbst.',
      audience: 'Für alle Menschen mit einem Antrag auf Verlängerung. Sie haben den Antrag rechtzeitig gestellt. Die Behörde hat noch nicht entschieden.',
      requiredDocuments: [
        'Ihr Pass. Der Pass muss noch gelten.',
        'Ihr bisheriger Aufenthalts-Titel',
        'Das Papier von der Behörde über Ihren Antrag, wenn Sie es haben. Auf dem Papier steht: Wir haben Ihren Antrag bekommen.',
      ],
      feeNote: 'Das kostet 13 Euro. Sie bezahlen am Schalter mit Ihrer Bank-Karte.',
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
    es: {
      name: 'Certificado provisional de residencia',
      description:
        '¿Su solicitud todavía se está tramitando, pero su permiso de residencia vence? La Fiktionsbescheinigung confirma que su derecho de residencia actual sigue vigente. La Oficina de Extranjería asigna esta cita por su cuenta.',
      audience: 'Para todas las personas que solicitaron a tiempo una prórroga y todavía no han recibido una decisión.',
      requiredDocuments: ['Pasaporte válido', 'Permiso de residencia actual', 'Acuse de recibo de su solicitud (si lo tiene)'],
      feeNote: '13 €. Pago con tarjeta en la ventanilla.',
    },
    pl: {
      name: 'Zaświadczenie o tymczasowym prawie pobytu',
      description:
        'Wniosek jest jeszcze rozpatrywany, a zezwolenie na pobyt traci ważność? Fiktionsbescheinigung potwierdza, że dotychczasowe prawo pobytu nadal obowiązuje. Urząd ds. Cudzoziemców sam wyznacza tę wizytę.',
      audience: 'Dla wszystkich, którzy w terminie złożyli wniosek o przedłużenie i nie otrzymali jeszcze decyzji.',
      requiredDocuments: ['Ważny paszport', 'Dotychczasowe zezwolenie na pobyt', 'Potwierdzenie wpływu wniosku (jeśli jest)'],
      feeNote: '13 €. Płatność kartą przy okienku.',
    },
    ro: {
      name: 'Certificat provizoriu de ședere',
      description:
        'Cererea dumneavoastră este încă în lucru, dar permisul de ședere expiră? Fiktionsbescheinigung confirmă că dreptul dumneavoastră de ședere de până acum rămâne valabil. Oficiul pentru Străini stabilește singur această programare.',
      audience: 'Pentru toți cei care au cerut la timp o prelungire și nu au primit încă o decizie.',
      requiredDocuments: ['Pașaport valabil', 'Permisul de ședere de până acum', 'Confirmarea de primire a cererii (dacă aveți)'],
      feeNote: '13 €. Plata se face la ghișeu, cu cardul.',
    },
    sq: {
      name: 'Vërtetim i përkohshëm i qëndrimit',
      description:
        'Kërkesa juaj është ende në shqyrtim, por leja juaj e qëndrimit po skadon? Fiktionsbescheinigung vërteton se e drejta juaj e deritanishme e qëndrimit vazhdon të jetë e vlefshme. Këtë takim e cakton vetë Zyra për të Huajt.',
      audience: 'Për të gjithë ata që kanë kërkuar vazhdimin në kohë dhe ende nuk kanë marrë vendim.',
      requiredDocuments: ['Pasaportë e vlefshme', 'Leja e deritanishme e qëndrimit', 'Konfirmimi i marrjes së kërkesës suaj (nëse e keni)'],
      feeNote: '13 €. Pagesa bëhet në sportel me kartë.',
    },
    vi: {
      name: 'Giấy chứng nhận cư trú tạm thời',
      description:
        'Đơn của quý vị vẫn đang được xử lý nhưng giấy phép cư trú sắp hết hạn? Fiktionsbescheinigung xác nhận rằng quyền cư trú hiện có của quý vị vẫn tiếp tục có hiệu lực. Sở Ngoại kiều tự sắp xếp cuộc hẹn này.',
      audience: 'Dành cho tất cả những ai đã nộp đơn gia hạn đúng hạn và chưa nhận được quyết định.',
      requiredDocuments: ['Hộ chiếu còn hiệu lực', 'Giấy phép cư trú hiện có', 'Giấy xác nhận đã nhận đơn (nếu có)'],
      feeNote: '13 €. Thanh toán bằng thẻ tại quầy.',
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
};
