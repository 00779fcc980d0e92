import type { DemoService } from './demo-service.ts';

export const eatUebertrag: DemoService = {
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
    'de-x-ls': {
      name: 'Aufenthalts-Titel in einen neuen Pass übertragen',
      description:
        'Sie haben einen neuen Pass. Dann muss Ihr Aufenthalts-Titel auf den neuen Pass. Das machen wir bei diesem Termin. Jeden Morgen um 7 Uhr geben wir Termine für den gleichen Tag frei.',
      audience: 'Für alle Menschen mit eAT-Karte und einem neuen Pass.',
      requiredDocuments: ['Ihr neuer Pass', 'Ihr alter Pass, wenn Sie ihn noch haben', 'Ihre eAT-Karte', '1 biometrisches Pass-Foto'],
      feeNote: 'Die neue Karte kostet 67 Euro. Sie bezahlen am Schalter mit Ihrer Bank-Karte.',
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
    es: {
      name: 'Traspaso del permiso de residencia a un pasaporte nuevo',
      description:
        '¿Tiene un pasaporte nuevo? Su permiso de residencia electrónico (eAT) debe pasarse al nuevo pasaporte. Las citas para el mismo día se publican cada mañana a las 7:00.',
      audience: 'Para todas las personas con tarjeta eAT que han recibido un pasaporte nuevo.',
      requiredDocuments: ['Pasaporte nuevo', 'Pasaporte antiguo (si lo tiene)', 'Tarjeta eAT actual', 'Una foto biométrica de pasaporte'],
      feeNote: '67 € por la nueva tarjeta. Pago con tarjeta en la ventanilla.',
    },
    pl: {
      name: 'Przeniesienie zezwolenia na pobyt do nowego paszportu',
      description:
        'Mają Państwo nowy paszport? Elektroniczne zezwolenie na pobyt (eAT) trzeba przepisać na nowy paszport. Wizyty na ten sam dzień udostępniamy codziennie o 7:00 rano.',
      audience: 'Dla wszystkich z kartą eAT, którzy otrzymali nowy paszport.',
      requiredDocuments: ['Nowy paszport', 'Stary paszport (jeśli jest)', 'Aktualna karta eAT', 'Jedno zdjęcie biometryczne'],
      feeNote: '67 € za nową kartę. Płatność kartą przy okienku.',
    },
    ro: {
      name: 'Transferul permisului de ședere într-un pașaport nou',
      description:
        'Aveți un pașaport nou? Permisul dumneavoastră de ședere electronic (eAT) trebuie trecut pe noul pașaport. Programările pentru aceeași zi se deblochează în fiecare dimineață la ora 7:00.',
      audience: 'Pentru toți cei care au card eAT și au primit un pașaport nou.',
      requiredDocuments: ['Pașaportul nou', 'Pașaportul vechi (dacă îl mai aveți)', 'Cardul eAT actual', 'O fotografie biometrică'],
      feeNote: '67 € pentru noul card. Plata se face la ghișeu, cu cardul.',
    },
    sq: {
      name: 'Kalimi i lejes së qëndrimit në një pasaportë të re',
      description:
        'Keni një pasaportë të re? Leja juaj elektronike e qëndrimit (eAT) duhet të kalohet në pasaportën e re. Takimet për të njëjtën ditë hapen çdo mëngjes në orën 7:00.',
      audience: 'Për të gjithë ata që kanë kartë eAT dhe kanë marrë një pasaportë të re.',
      requiredDocuments: ['Pasaporta e re', 'Pasaporta e vjetër (nëse e keni)', 'Karta aktuale eAT', 'Një fotografi biometrike'],
      feeNote: '67 € për kartën e re. Pagesa bëhet në sportel me kartë.',
    },
    vi: {
      name: 'Chuyển giấy phép cư trú sang hộ chiếu mới',
      description:
        'Quý vị có hộ chiếu mới? Giấy phép cư trú điện tử (eAT) của quý vị phải được chuyển sang hộ chiếu mới. Các cuộc hẹn trong ngày được mở mỗi sáng lúc 7:00.',
      audience: 'Dành cho tất cả những ai có thẻ eAT và đã nhận hộ chiếu mới.',
      requiredDocuments: ['Hộ chiếu mới', 'Hộ chiếu cũ (nếu còn)', 'Thẻ eAT hiện tại', 'Một ảnh hộ chiếu sinh trắc học'],
      feeNote: '67 € cho thẻ mới. Thanh toán bằng thẻ tại quầy.',
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
};
