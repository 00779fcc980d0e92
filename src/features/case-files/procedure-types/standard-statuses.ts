/**
 * The status set every standard procedure type starts with, with what the person reads in the
 * status look-up (label) and what they must do next (nextStep), in every portal language.
 * Translations made for Lotse from the German text; an office edits them in the catalogue admin.
 * The statuses issue 14 names map onto these codes: received, documents requested
 * (documents_missing), documents complete, waiting for another authority, appointment booked,
 * decided, eAT ordered (card_ordered), eAT ready for pick-up (ready), closed (completed);
 * in_review is the general "being worked on". Lotse itself moves a procedure to
 * appointment_booked, card_ordered, ready and completed (src/features/status-lookup).
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

const documentsComplete: Record<string, StatusText> = {
  de: { label: 'Unterlagen vollständig', nextStep: 'Ihre Unterlagen sind vollständig. Sie müssen im Moment nichts tun.' },
  'de-x-ls': { label: 'Alle Papiere sind da', nextStep: 'Wir haben alle Papiere. Sie müssen jetzt nichts machen.' },
  en: { label: 'Documents complete', nextStep: 'Your documents are complete. You do not need to do anything at the moment.' },
  ar: { label: 'المستندات مكتملة', nextStep: 'مستنداتك مكتملة. لا يلزمك فعل أي شيء في الوقت الحالي.' },
  es: { label: 'Documentación completa', nextStep: 'Su documentación está completa. Por el momento no tiene que hacer nada.' },
  fa: { label: 'مدارک کامل است', nextStep: 'مدارک شما کامل است. در حال حاضر لازم نیست کاری انجام دهید.' },
  prs: { label: 'اسناد تکمیل است', nextStep: 'اسناد شما تکمیل است. فعلاً لازم نیست کاری انجام دهید.' },
  ps: { label: 'اسناد بشپړ دي', nextStep: 'ستاسو اسناد بشپړ دي. اوس مهال تاسو ته اړتیا نشته چې کوم کار وکړئ.' },
  fr: { label: 'Dossier complet', nextStep: "Vos documents sont complets. Vous n'avez rien à faire pour le moment." },
  kmr: { label: 'Belge temam in', nextStep: 'Belgeyên we temam in. Niha ne hewce ye ku hûn tiştekî bikin.' },
  pl: { label: 'Dokumenty kompletne', nextStep: 'Dokumenty są kompletne. Obecnie nie musi Pan/Pani nic robić.' },
  ro: { label: 'Documente complete', nextStep: 'Documentele dumneavoastră sunt complete. Momentan nu trebuie să faceți nimic.' },
  ru: { label: 'Документы в полном объёме', nextStep: 'Ваши документы в полном объёме. Сейчас вам ничего не нужно делать.' },
  so: { label: 'Dukumentiyadu way dhammaystiran yihiin', nextStep: 'Dukumentiyadaadu way dhammaystiran yihiin. Hadda waxba uma baahnid inaad samayso.' },
  sq: { label: 'Dokumentet janë të plota', nextStep: 'Dokumentet tuaja janë të plota. Për momentin nuk keni nevojë të bëni asgjë.' },
  ti: { label: 'ሰነዳት ምሉኣት እዮም', nextStep: 'ሰነዳትኩም ምሉኣት እዮም። ሕጂ ዝኾነ ነገር ክትገብሩ ኣየድልየኩምን።' },
  tr: { label: 'Belgeler tamam', nextStep: 'Belgeleriniz tamam. Şu anda bir şey yapmanıza gerek yok.' },
  uk: { label: 'Документи повні', nextStep: 'Ваші документи повні. Наразі вам нічого не потрібно робити.' },
  vi: { label: 'Đã đủ giấy tờ', nextStep: 'Giấy tờ của bạn đã đầy đủ. Hiện tại bạn không cần làm gì.' },
};

const waitingForAuthority: Record<string, StatusText> = {
  de: {
    label: 'Wartet auf eine andere Behörde',
    nextStep: 'Wir warten auf die Antwort einer anderen Behörde (z. B. der Bundesagentur für Arbeit). Sie müssen nichts tun.',
  },
  'de-x-ls': {
    label: 'Wir warten auf ein anderes Amt',
    nextStep: 'Ein anderes Amt muss uns antworten. Zum Beispiel: die Agentur für Arbeit. Sie müssen nichts machen.',
  },
  en: {
    label: 'Waiting for another authority',
    nextStep: 'We are waiting for the answer of another authority (e.g. the Federal Employment Agency). You do not need to do anything.',
  },
  ar: { label: 'بانتظار جهة رسمية أخرى', nextStep: 'ننتظر رد جهة رسمية أخرى (مثل الوكالة الاتحادية للعمل). لا يلزمك فعل أي شيء.' },
  es: {
    label: 'En espera de otra autoridad',
    nextStep: 'Estamos esperando la respuesta de otra autoridad (p. ej. la Agencia Federal de Empleo). No tiene que hacer nada.',
  },
  fa: { label: 'در انتظار ادارهٔ دیگر', nextStep: 'منتظر پاسخ ادارهٔ دیگری هستیم (مثلاً ادارهٔ فدرال کار). لازم نیست کاری انجام دهید.' },
  prs: { label: 'در انتظار ادارهٔ دیگر', nextStep: 'منتظر جواب ادارهٔ دیگری هستیم (مثلاً ادارهٔ فدرال کار). لازم نیست کاری انجام دهید.' },
  ps: { label: 'د بلې ادارې انتظار', nextStep: 'موږ د بلې ادارې ځواب ته انتظار کوو (لکه د کار فدرالي اداره). تاسو ته اړتیا نشته چې کوم کار وکړئ.' },
  fr: {
    label: "En attente d'une autre autorité",
    nextStep: "Nous attendons la réponse d'une autre autorité (p. ex. l'Agence fédérale pour l'emploi). Vous n'avez rien à faire.",
  },
  kmr: {
    label: 'Li benda dezgeheke din e',
    nextStep: 'Em li benda bersiva dezgeheke din in (bo nimûne Ajansa Federal a Kar). Ne hewce ye ku hûn tiştekî bikin.',
  },
  pl: { label: 'Oczekiwanie na inny urząd', nextStep: 'Czekamy na odpowiedź innego urzędu (np. Federalnej Agencji Pracy). Nie musi Pan/Pani nic robić.' },
  ro: {
    label: 'Așteptăm o altă autoritate',
    nextStep: 'Așteptăm răspunsul unei alte autorități (de ex. Agenția Federală pentru Ocuparea Forței de Muncă). Nu trebuie să faceți nimic.',
  },
  ru: {
    label: 'Ожидаем ответа другого ведомства',
    nextStep: 'Мы ждём ответа другого ведомства (например, Федерального агентства по труду). Вам ничего не нужно делать.',
  },
  so: {
    label: 'Waxaa la sugayaa hay’ad kale',
    nextStep: 'Waxaan sugaynaa jawaabta hay’ad kale (tusaale Wakaaladda Shaqada ee Federaalka). Waxba uma baahnid inaad samayso.',
  },
  sq: {
    label: 'Në pritje të një autoriteti tjetër',
    nextStep: 'Po presim përgjigjen e një autoriteti tjetër (p.sh. Agjencisë Federale të Punës). Nuk keni nevojë të bëni asgjë.',
  },
  ti: { label: 'ንካልእ ኣካል መንግስቲ ይጽበ ኣሎ', nextStep: 'መልሲ ካልእ ኣካል መንግስቲ (ንኣብነት ፈደራላዊ ኤጀንሲ ስራሕ) ንጽበ ኣለና። ዝኾነ ነገር ክትገብሩ ኣየድልየኩምን።' },
  tr: { label: 'Başka bir kurum bekleniyor', nextStep: 'Başka bir kurumun (ör. Federal İş Ajansı) yanıtını bekliyoruz. Bir şey yapmanıza gerek yok.' },
  uk: {
    label: 'Очікуємо на інше відомство',
    nextStep: 'Ми чекаємо на відповідь іншого відомства (наприклад, Федерального агентства з праці). Вам нічого не потрібно робити.',
  },
  vi: { label: 'Đang chờ cơ quan khác', nextStep: 'Chúng tôi đang chờ trả lời của một cơ quan khác (ví dụ Cơ quan Việc làm Liên bang). Bạn không cần làm gì.' },
};

const appointmentBooked: Record<string, StatusText> = {
  de: { label: 'Termin vereinbart', nextStep: 'Bitte kommen Sie zu Ihrem Termin und bringen Sie Ihren Pass und die angeforderten Unterlagen mit.' },
  'de-x-ls': {
    label: 'Sie haben einen Termin',
    nextStep: 'Bitte kommen Sie zu Ihrem Termin. Bringen Sie Ihren Pass mit. Und die Papiere, nach denen wir gefragt haben.',
  },
  en: { label: 'Appointment booked', nextStep: 'Please come to your appointment and bring your passport and the documents we asked for.' },
  ar: { label: 'تم حجز موعد', nextStep: 'يرجى الحضور في موعدك وإحضار جواز سفرك والمستندات المطلوبة.' },
  es: { label: 'Cita reservada', nextStep: 'Acuda a su cita y traiga su pasaporte y los documentos solicitados.' },
  fa: { label: 'وقت ملاقات رزرو شد', nextStep: 'لطفاً سر وقت ملاقات خود بیایید و گذرنامه و مدارک درخواست‌شده را همراه بیاورید.' },
  prs: { label: 'وقت ملاقات گرفته شد', nextStep: 'لطفاً سر وقت ملاقات خود بیایید و پاسپورت و اسناد خواسته‌شده را با خود بیاورید.' },
  ps: { label: 'وخت ونیول شو', nextStep: 'مهرباني وکړئ خپل وخت ته راشئ او خپل پاسپورټ او غوښتل شوي اسناد له ځانه سره راوړئ.' },
  fr: { label: 'Rendez-vous pris', nextStep: 'Veuillez venir à votre rendez-vous avec votre passeport et les documents demandés.' },
  kmr: { label: 'Randevû hat girtin', nextStep: 'Ji kerema xwe werin randevûya xwe û pasaport û belgeyên xwestî bi xwe re bînin.' },
  pl: { label: 'Termin umówiony', nextStep: 'Prosimy przyjść na wizytę i zabrać paszport oraz wymagane dokumenty.' },
  ro: { label: 'Programare făcută', nextStep: 'Vă rugăm să veniți la programare și să aduceți pașaportul și documentele solicitate.' },
  ru: { label: 'Запись на приём есть', nextStep: 'Пожалуйста, приходите на приём и возьмите с собой паспорт и запрошенные документы.' },
  so: { label: 'Ballan ayaa la qabsaday', nextStep: 'Fadlan imow ballantaada oo keen baasaboorkaaga iyo dukumentiyada la codsaday.' },
  sq: { label: 'Takimi u rezervua', nextStep: 'Ju lutemi ejani në takim dhe sillni pasaportën dhe dokumentet e kërkuara.' },
  ti: { label: 'ቆጸራ ተሓዚ ኣሎ', nextStep: 'በጃኹም ናብ ቆጸራኹም ምጹ፡ ፓስፖርትኹምን ዝተሓተቱ ሰነዳትን ሒዝኩም ምጹ።' },
  tr: { label: 'Randevu alındı', nextStep: 'Lütfen randevunuza gelin ve pasaportunuzu ve istenen belgeleri yanınızda getirin.' },
  uk: { label: 'Запис на прийом є', nextStep: 'Будь ласка, приходьте на прийом і візьміть із собою паспорт та запитані документи.' },
  vi: { label: 'Đã đặt lịch hẹn', nextStep: 'Vui lòng đến đúng lịch hẹn và mang theo hộ chiếu cùng các giấy tờ được yêu cầu.' },
};

const decided: Record<string, StatusText> = {
  de: { label: 'Entschieden', nextStep: 'Über Ihren Antrag ist entschieden. Sie bekommen die Entscheidung schriftlich; bitte lesen Sie das Schreiben.' },
  'de-x-ls': { label: 'Wir haben entschieden', nextStep: 'Wir haben über Ihren Antrag entschieden. Sie bekommen einen Brief. Bitte lesen Sie den Brief.' },
  en: { label: 'Decided', nextStep: 'A decision has been made on your application. You will receive it in writing; please read the letter.' },
  ar: { label: 'تم البت', nextStep: 'تم البت في طلبك. ستتلقى القرار كتابيًا؛ يرجى قراءة الرسالة.' },
  es: { label: 'Resuelto', nextStep: 'Se ha resuelto su solicitud. Recibirá la resolución por escrito; lea la carta.' },
  fa: { label: 'تصمیم گرفته شد', nextStep: 'دربارهٔ درخواست شما تصمیم گرفته شده است. تصمیم را کتبی دریافت می‌کنید؛ لطفاً نامه را بخوانید.' },
  prs: { label: 'فیصله شد', nextStep: 'دربارهٔ درخواست شما فیصله شده است. فیصله را کتبی می‌گیرید؛ لطفاً نامه را بخوانید.' },
  ps: { label: 'پرېکړه وشوه', nextStep: 'ستاسو په غوښتنلیک پرېکړه شوې ده. پرېکړه به په لیکلي ډول درکړل شي؛ مهرباني وکړئ لیک ولولئ.' },
  fr: { label: 'Décision prise', nextStep: 'Une décision a été prise sur votre demande. Vous la recevrez par écrit ; veuillez lire le courrier.' },
  kmr: { label: 'Biryar hat dayîn', nextStep: 'Li ser serlêdana we biryar hat dayîn. Hûn ê biryarê bi nivîskî bistînin; ji kerema xwe nameyê bixwînin.' },
  pl: { label: 'Decyzja wydana', nextStep: 'W sprawie wniosku zapadła decyzja. Otrzyma ją Pan/Pani na piśmie; prosimy przeczytać pismo.' },
  ro: { label: 'Decis', nextStep: 'S-a luat o decizie privind cererea dumneavoastră. O veți primi în scris; vă rugăm să citiți scrisoarea.' },
  ru: { label: 'Решение принято', nextStep: 'По вашему заявлению принято решение. Вы получите его в письменном виде; пожалуйста, прочитайте письмо.' },
  so: { label: 'Go’aan ayaa la gaaray', nextStep: 'Codsigaaga go’aan ayaa laga gaaray. Waxaad heli doontaa qoraal; fadlan akhri warqadda.' },
  sq: { label: 'U vendos', nextStep: 'Për kërkesën tuaj është marrë një vendim. Do ta merrni me shkrim; ju lutemi lexoni letrën.' },
  ti: { label: 'ተወሲኑ', nextStep: 'ብዛዕባ ሕቶኹም ውሳነ ተዋሂቡ። ውሳነ ብጽሑፍ ክበጽሓኩም እዩ፤ በጃኹም ደብዳቤ ኣንብቡ።' },
  tr: { label: 'Karar verildi', nextStep: 'Başvurunuz hakkında karar verildi. Kararı yazılı olarak alacaksınız; lütfen mektubu okuyun.' },
  uk: { label: 'Рішення ухвалено', nextStep: 'Щодо вашої заяви ухвалено рішення. Ви отримаєте його письмово; будь ласка, прочитайте лист.' },
  vi: { label: 'Đã có quyết định', nextStep: 'Hồ sơ của bạn đã có quyết định. Bạn sẽ nhận quyết định bằng văn bản; vui lòng đọc thư.' },
};

const cardOrdered: Record<string, StatusText> = {
  de: { label: 'eAT bestellt', nextStep: 'Ihre Karte wird in der Bundesdruckerei hergestellt (meist 4 bis 6 Wochen). Wir schreiben Ihnen, wenn sie da ist.' },
  'de-x-ls': {
    label: 'Ihre Karte ist bestellt',
    nextStep: 'Ihre Karte wird jetzt gemacht. Das dauert meistens 4 bis 6 Wochen. Wir schreiben Ihnen, wenn die Karte da ist.',
  },
  en: {
    label: 'eAT ordered',
    nextStep: 'Your card is being made by the Federal Printing Office (usually 4 to 6 weeks). We will write to you when it has arrived.',
  },
  ar: { label: 'تم طلب بطاقة الإقامة (eAT)', nextStep: 'يتم إنتاج بطاقتك في مطبعة الحكومة الاتحادية (عادةً من 4 إلى 6 أسابيع). سنكتب إليك عند وصولها.' },
  es: {
    label: 'eAT solicitado',
    nextStep: 'Su tarjeta se está fabricando en la Imprenta Federal (normalmente de 4 a 6 semanas). Le escribiremos cuando haya llegado.',
  },
  fa: { label: 'کارت اقامت (eAT) سفارش داده شد', nextStep: 'کارت شما در چاپخانهٔ فدرال تولید می‌شود (معمولاً ۴ تا ۶ هفته). وقتی رسید به شما خبر می‌دهیم.' },
  prs: { label: 'کارت اقامت (eAT) فرمایش داده شد', nextStep: 'کارت شما در مطبعهٔ فدرال ساخته می‌شود (معمولاً ۴ تا ۶ هفته). وقتی رسید به شما خبر می‌دهیم.' },
  ps: { label: 'د اوسېدو کارت (eAT) وغوښتل شو', nextStep: 'ستاسو کارت په فدرالي چاپخانه کې جوړېږي (معمولاً ۴ تر ۶ اونۍ). کله چې راورسېد، تاسو ته به ولیکو.' },
  fr: {
    label: 'eAT commandé',
    nextStep: "Votre carte est fabriquée par l'Imprimerie fédérale (en général 4 à 6 semaines). Nous vous écrirons quand elle sera arrivée.",
  },
  kmr: {
    label: 'eAT hat fermankirin',
    nextStep: 'Qerta we li Çapxaneya Federal tê çêkirin (bi gelemperî 4 heta 6 hefte). Dema ku bigihîje em ê ji we re binivîsin.',
  },
  pl: { label: 'eAT zamówiony', nextStep: 'Karta jest wykonywana w Federalnej Drukarni (zwykle 4–6 tygodni). Napiszemy, gdy do nas dotrze.' },
  ro: { label: 'eAT comandat', nextStep: 'Cardul dumneavoastră este produs la Tipografia Federală (de obicei 4–6 săptămâni). Vă vom scrie când a sosit.' },
  ru: { label: 'eAT заказан', nextStep: 'Ваша карта изготавливается в Федеральной типографии (обычно 4–6 недель). Мы напишем вам, когда она поступит.' },
  so: {
    label: 'eAT waa la dalbaday',
    nextStep: 'Kaarkaaga waxaa lagu samaynayaa Madbacadda Federaalka (caadi ahaan 4 ilaa 6 toddobaad). Waan kuu soo qori doonaa marka uu yimaado.',
  },
  sq: {
    label: 'eAT u porosit',
    nextStep: 'Karta juaj po prodhohet në Shtypshkronjën Federale (zakonisht 4 deri në 6 javë). Do t’ju shkruajmë kur të ketë ardhur.',
  },
  ti: { label: 'eAT ተኣዚዙ', nextStep: 'ካርድኹም ኣብ ፈደራላዊ ማሕተሚ ይስራሕ ኣሎ (መብዛሕትኡ ግዜ 4 ክሳብ 6 ሰሙን)። ምስ በጽሐ ክንጽሕፈልኩም ኢና።' },
  tr: { label: 'eAT sipariş edildi', nextStep: 'Kartınız Federal Matbaada üretiliyor (genellikle 4 ila 6 hafta). Kart geldiğinde size yazacağız.' },
  uk: { label: 'eAT замовлено', nextStep: 'Вашу картку виготовляє Федеральна друкарня (зазвичай 4–6 тижнів). Ми напишемо вам, коли вона надійде.' },
  vi: { label: 'Đã đặt làm thẻ eAT', nextStep: 'Thẻ của bạn đang được Nhà in Liên bang sản xuất (thường 4 đến 6 tuần). Chúng tôi sẽ báo khi thẻ đến.' },
};

const receivedTexts = Object.fromEntries(Object.entries(received).map(([lang, label]) => [lang, { label, nextStep: nothing[lang] ?? '' }]));

export const standardStatuses: StandardStatus[] = [
  { code: 'received', isFinal: false, notify: true, texts: receivedTexts },
  { code: 'in_review', isFinal: false, notify: false, texts: inReview },
  { code: 'documents_missing', isFinal: false, notify: true, texts: documentsMissing },
  { code: 'documents_complete', isFinal: false, notify: false, texts: documentsComplete },
  { code: 'waiting_for_authority', isFinal: false, notify: false, texts: waitingForAuthority },
  { code: 'appointment_booked', isFinal: false, notify: true, texts: appointmentBooked },
  { code: 'decided', isFinal: false, notify: true, texts: decided },
  { code: 'card_ordered', isFinal: false, notify: false, texts: cardOrdered },
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
