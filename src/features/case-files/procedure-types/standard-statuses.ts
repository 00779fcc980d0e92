/**
 * The status set every standard procedure type starts with, with what the person reads in the
 * status look-up (label) and what they must do next (nextStep), in every portal language.
 * Translations made for Lotse from the German text; an office edits them in the catalogue admin.
 */
export type StatusText = { label: string; nextStep: string };
export type StandardStatus = { code: string; isFinal: boolean; notify: boolean; texts: Record<string, StatusText> };

const nothing: Record<string, string> = {
  de: 'Sie müssen nichts tun. Wir melden uns, wenn wir etwas brauchen.',
  'de-x-ls': 'Sie müssen nichts machen. Wir melden uns bei Ihnen.',
  en: 'You do not need to do anything. We will contact you if we need something.',
  ar: 'لا يلزمك فعل أي شيء. سنتواصل معك إذا احتجنا إلى شيء.',
  es: 'No tiene que hacer nada. Nos pondremos en contacto con usted si necesitamos algo.',
  fa: 'لازم نیست کاری انجام دهید. اگر چیزی لازم داشته باشیم با شما تماس می‌گیریم.',
  prs: 'لازم نیست کاری انجام دهید. اگر به چیزی ضرورت داشتیم، با شما تماس می‌گیریم.',
  ps: 'تاسو ته اړتیا نشته چې کوم کار وکړئ. که موږ څه ته اړتیا ولرو، له تاسو سره اړیکه نیسو.',
  fr: "Vous n'avez rien à faire. Nous vous contacterons si nous avons besoin de quelque chose.",
  kmr: 'Ne hewce ye ku hûn tiştekî bikin. Heke em hewceyî tiştekî bin, em ê bi we re têkiliyê daynin.',
  pl: 'Nie musi Pan/Pani nic robić. Skontaktujemy się, jeśli będziemy czegoś potrzebować.',
  ro: 'Nu trebuie să faceți nimic. Vă vom contacta dacă avem nevoie de ceva.',
  ru: 'Вам ничего не нужно делать. Мы свяжемся с вами, если нам что-то понадобится.',
  so: 'Waxba uma baahnid inaad samayso. Waan kula soo xiriiri doonaa haddii aan wax u baahanno.',
  sq: "Nuk keni nevojë të bëni asgjë. Do t'ju kontaktojmë nëse na nevojitet diçka.",
  ti: 'ዝኾነ ነገር ክትገብሩ ኣየድልየኩምን። ዝኾነ ነገር እንተ ኣድልዩና ክንረኽበኩም ኢና።',
  tr: 'Bir şey yapmanıza gerek yok. Bir şeye ihtiyacımız olursa sizinle iletişime geçeceğiz.',
  uk: "Вам нічого не потрібно робити. Ми зв'яжемося з вами, якщо нам щось знадобиться.",
  vi: 'Bạn không cần làm gì. Chúng tôi sẽ liên hệ với bạn nếu cần thêm thông tin.',
};

const received: Record<string, string> = {
  de: 'Antrag eingegangen',
  'de-x-ls': 'Ihr Antrag ist da',
  en: 'Application received',
  ar: 'تم استلام الطلب',
  es: 'Solicitud recibida',
  fa: 'درخواست دریافت شد',
  prs: 'درخواست دریافت شد',
  ps: 'غوښتنلیک ترلاسه شو',
  fr: 'Demande reçue',
  kmr: 'Serlêdan hat wergirtin',
  pl: 'Wniosek wpłynął',
  ro: 'Cerere primită',
  ru: 'Заявление получено',
  so: 'Codsiga waa la helay',
  sq: 'Kërkesa u mor',
  ti: 'ሕቶኹም ተቐቢልናዮ',
  tr: 'Başvuru alındı',
  uk: 'Заяву отримано',
  vi: 'Đã nhận đơn',
};

const inReview: Record<string, StatusText> = {
  de: { label: 'In Bearbeitung', nextStep: 'Sie müssen im Moment nichts tun.' },
  'de-x-ls': { label: 'Wir arbeiten an Ihrem Antrag', nextStep: 'Sie müssen jetzt nichts machen.' },
  en: { label: 'In progress', nextStep: 'You do not need to do anything at the moment.' },
  ar: { label: 'قيد المعالجة', nextStep: 'لا يلزمك فعل أي شيء في الوقت الحالي.' },
  es: { label: 'En tramitación', nextStep: 'Por el momento no tiene que hacer nada.' },
  fa: { label: 'در حال بررسی', nextStep: 'در حال حاضر لازم نیست کاری انجام دهید.' },
  prs: { label: 'تحت بررسی', nextStep: 'فعلاً لازم نیست کاری انجام دهید.' },
  ps: { label: 'تر کار لاندې', nextStep: 'اوس مهال تاسو ته اړتیا نشته چې کوم کار وکړئ.' },
  fr: { label: 'En cours de traitement', nextStep: "Vous n'avez rien à faire pour le moment." },
  kmr: { label: 'Di pêvajoyê de ye', nextStep: 'Niha ne hewce ye ku hûn tiştekî bikin.' },
  pl: { label: 'W trakcie rozpatrywania', nextStep: 'Obecnie nie musi Pan/Pani nic robić.' },
  ro: { label: 'În curs de procesare', nextStep: 'Momentan nu trebuie să faceți nimic.' },
  ru: { label: 'В обработке', nextStep: 'Сейчас вам ничего не нужно делать.' },
  so: { label: 'Waa la shaqaynayaa', nextStep: 'Hadda waxba uma baahnid inaad samayso.' },
  sq: { label: 'Në shqyrtim', nextStep: 'Për momentin nuk keni nevojë të bëni asgjë.' },
  ti: { label: 'ኣብ መስርሕ ይርከብ', nextStep: 'ሕጂ ዝኾነ ነገር ክትገብሩ ኣየድልየኩምን።' },
  tr: { label: 'İşlemde', nextStep: 'Şu anda bir şey yapmanıza gerek yok.' },
  uk: { label: 'В обробці', nextStep: 'Наразі вам нічого не потрібно робити.' },
  vi: { label: 'Đang xử lý', nextStep: 'Hiện tại bạn không cần làm gì.' },
};

const documentsMissing: Record<string, StatusText> = {
  de: { label: 'Unterlagen fehlen', nextStep: 'Bitte reichen Sie die Unterlagen ein, die in unserem Schreiben genannt sind.' },
  'de-x-ls': { label: 'Es fehlen Papiere', nextStep: 'Bitte schicken Sie uns die Papiere. Welche Papiere: Das steht in unserem Brief.' },
  en: { label: 'Documents missing', nextStep: 'Please send us the documents listed in our letter.' },
  ar: { label: 'مستندات ناقصة', nextStep: 'يرجى إرسال المستندات المذكورة في رسالتنا.' },
  es: { label: 'Faltan documentos', nextStep: 'Envíenos los documentos indicados en nuestra carta.' },
  fa: { label: 'مدارک ناقص است', nextStep: 'لطفاً مدارکی را که در نامهٔ ما ذکر شده است ارسال کنید.' },
  prs: { label: 'اسناد کمبود دارد', nextStep: 'لطفاً اسنادی را که در نامهٔ ما ذکر شده است، بفرستید.' },
  ps: { label: 'اسناد کم دي', nextStep: 'مهرباني وکړئ هغه اسناد راولیږئ چې زموږ په لیک کې ذکر شوي دي.' },
  fr: { label: 'Documents manquants', nextStep: 'Veuillez nous envoyer les documents indiqués dans notre courrier.' },
  kmr: { label: 'Belge kêm in', nextStep: 'Ji kerema xwe belgeyên ku di nameya me de hatine nivîsandin ji me re bişînin.' },
  pl: { label: 'Brakuje dokumentów', nextStep: 'Prosimy przesłać dokumenty wymienione w naszym piśmie.' },
  ro: { label: 'Lipsesc documente', nextStep: 'Vă rugăm să ne trimiteți documentele menționate în scrisoarea noastră.' },
  ru: { label: 'Не хватает документов', nextStep: 'Пожалуйста, пришлите документы, указанные в нашем письме.' },
  so: { label: 'Dukumentiyo ayaa maqan', nextStep: 'Fadlan noo soo dir dukumentiyada lagu sheegay warqaddayada.' },
  sq: { label: 'Mungojnë dokumente', nextStep: 'Ju lutemi na dërgoni dokumentet e përmendura në letrën tonë.' },
  ti: { label: 'ሰነዳት ይጎድሉ', nextStep: 'በጃኹም ኣብ ደብዳቤና ዝተጠቕሱ ሰነዳት ስደዱልና።' },
  tr: { label: 'Eksik belgeler var', nextStep: 'Lütfen mektubumuzda belirtilen belgeleri bize gönderin.' },
  uk: { label: 'Бракує документів', nextStep: 'Будь ласка, надішліть документи, зазначені в нашому листі.' },
  vi: { label: 'Thiếu giấy tờ', nextStep: 'Vui lòng gửi cho chúng tôi các giấy tờ được nêu trong thư của chúng tôi.' },
};

const ready: Record<string, StatusText> = {
  de: { label: 'Abholbereit', nextStep: 'Bitte vereinbaren Sie einen Termin zur Abholung und bringen Sie Ihren Pass mit.' },
  'de-x-ls': { label: 'Sie können es abholen', nextStep: 'Bitte machen Sie einen Termin. Bringen Sie Ihren Pass mit.' },
  en: { label: 'Ready for collection', nextStep: 'Please book an appointment to collect it and bring your passport.' },
  ar: { label: 'جاهز للاستلام', nextStep: 'يرجى حجز موعد للاستلام وإحضار جواز سفرك.' },
  es: { label: 'Listo para recoger', nextStep: 'Reserve una cita para recogerlo y traiga su pasaporte.' },
  fa: { label: 'آمادهٔ تحویل', nextStep: 'لطفاً برای تحویل گرفتن وقت بگیرید و گذرنامهٔ خود را همراه بیاورید.' },
  prs: { label: 'آمادهٔ تسلیمی', nextStep: 'لطفاً برای گرفتن آن وقت ملاقات بگیرید و پاسپورت خود را با خود بیاورید.' },
  ps: { label: 'د ترلاسه کولو لپاره چمتو', nextStep: 'مهرباني وکړئ د ترلاسه کولو لپاره وخت ونیسئ او خپل پاسپورټ له ځانه سره راوړئ.' },
  fr: { label: 'Prêt à être retiré', nextStep: 'Veuillez prendre rendez-vous pour le retrait et apporter votre passeport.' },
  kmr: { label: 'Ji bo wergirtinê amade ye', nextStep: 'Ji kerema xwe ji bo wergirtinê randevûyekê bigirin û pasaporta xwe bi xwe re bînin.' },
  pl: { label: 'Gotowe do odbioru', nextStep: 'Prosimy umówić termin odbioru i zabrać ze sobą paszport.' },
  ro: { label: 'Gata de ridicare', nextStep: 'Vă rugăm să programați o întâlnire pentru ridicare și să aduceți pașaportul.' },
  ru: { label: 'Готово к выдаче', nextStep: 'Пожалуйста, запишитесь на приём для получения и возьмите с собой паспорт.' },
  so: { label: 'Diyaar u ah in la qaato', nextStep: 'Fadlan ballan u qabso qaadashada oo keen baasaboorkaaga.' },
  sq: { label: "Gati për t'u tërhequr", nextStep: 'Ju lutemi rezervoni një takim për tërheqjen dhe sillni pasaportën tuaj.' },
  ti: { label: 'ንምቕባል ድሉው እዩ', nextStep: 'በጃኹም ንምቕባል ቆጸራ ሓዙ፡ ፓስፖርትኹም ድማ ሒዝኩም ምጹ።' },
  tr: { label: 'Teslim almaya hazır', nextStep: 'Lütfen teslim almak için randevu alın ve pasaportunuzu yanınızda getirin.' },
  uk: { label: 'Готово до видачі', nextStep: 'Будь ласка, запишіться на прийом для отримання та візьміть із собою паспорт.' },
  vi: { label: 'Sẵn sàng để nhận', nextStep: 'Vui lòng đặt lịch hẹn để nhận và mang theo hộ chiếu.' },
};

const completed: Record<string, StatusText> = {
  de: { label: 'Abgeschlossen', nextStep: 'Sie müssen nichts mehr tun.' },
  'de-x-ls': { label: 'Fertig', nextStep: 'Sie müssen nichts mehr machen.' },
  en: { label: 'Completed', nextStep: 'There is nothing more you need to do.' },
  ar: { label: 'مكتمل', nextStep: 'لا يلزمك فعل أي شيء آخر.' },
  es: { label: 'Finalizado', nextStep: 'No tiene que hacer nada más.' },
  fa: { label: 'پایان یافته', nextStep: 'دیگر لازم نیست کاری انجام دهید.' },
  prs: { label: 'تکمیل شد', nextStep: 'دیگر لازم نیست کاری انجام دهید.' },
  ps: { label: 'بشپړ شو', nextStep: 'نور تاسو ته اړتیا نشته چې کوم کار وکړئ.' },
  fr: { label: 'Terminé', nextStep: "Vous n'avez plus rien à faire." },
  kmr: { label: 'Qediya', nextStep: 'Êdî ne hewce ye ku hûn tiştekî bikin.' },
  pl: { label: 'Zakończone', nextStep: 'Nie musi Pan/Pani już nic robić.' },
  ro: { label: 'Finalizat', nextStep: 'Nu mai trebuie să faceți nimic.' },
  ru: { label: 'Завершено', nextStep: 'Вам больше ничего не нужно делать.' },
  so: { label: 'Waa la dhammeeyay', nextStep: 'Wax kale uma baahnid inaad samayso.' },
  sq: { label: 'Përfunduar', nextStep: 'Nuk keni më nevojë të bëni asgjë.' },
  ti: { label: 'ተዛዚሙ', nextStep: 'ካልእ ዝኾነ ነገር ክትገብሩ ኣየድልየኩምን።' },
  tr: { label: 'Tamamlandı', nextStep: 'Başka bir şey yapmanıza gerek yok.' },
  uk: { label: 'Завершено', nextStep: 'Вам більше нічого не потрібно робити.' },
  vi: { label: 'Đã hoàn tất', nextStep: 'Bạn không cần làm gì thêm.' },
};

const receivedTexts = Object.fromEntries(Object.entries(received).map(([lang, label]) => [lang, { label, nextStep: nothing[lang] ?? '' }]));

export const standardStatuses: StandardStatus[] = [
  { code: 'received', isFinal: false, notify: true, texts: receivedTexts },
  { code: 'in_review', isFinal: false, notify: false, texts: inReview },
  { code: 'documents_missing', isFinal: false, notify: true, texts: documentsMissing },
  { code: 'ready', isFinal: false, notify: true, texts: ready },
  { code: 'completed', isFinal: true, notify: true, texts: completed },
];

/** The demo catalogue: the procedures an immigration office handles most. */
export const standardProcedureTypes = [
  { code: 'extension', nameDe: 'Verlängerung der Aufenthaltserlaubnis', nameEn: 'Extension of a residence permit', legalBasis: '§ 8 AufenthG' },
  {
    code: 'temporary-protection',
    nameDe: 'Aufenthaltserlaubnis zum vorübergehenden Schutz',
    nameEn: 'Residence permit for temporary protection',
    legalBasis: '§ 24 AufenthG',
  },
  { code: 'settlement', nameDe: 'Niederlassungserlaubnis', nameEn: 'Settlement permit', legalBasis: '§ 9 AufenthG' },
  { code: 'formal-obligation', nameDe: 'Verpflichtungserklärung', nameEn: 'Formal obligation (Verpflichtungserklärung)', legalBasis: '§ 68 AufenthG' },
  { code: 'eat-transfer', nameDe: 'Übertrag auf einen neuen eAT', nameEn: 'Transfer to a new residence card (eAT)', legalBasis: '§ 78 AufenthG' },
  { code: 'address-change', nameDe: 'Änderung der Anschrift auf dem eAT', nameEn: 'Change of address on the residence card', legalBasis: '§ 78 AufenthG' },
];
