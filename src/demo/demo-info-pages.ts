import type { Database } from '../db/database.ts';
import { infoPageDigest } from '../features/office/index.ts';

type Text = { title: string; summary: string; body: string };

/**
 * The demo office's information pages: German and translations into English, Ukrainian, Arabic,
 * Persian, Russian and Turkish. The other languages are missing on purpose (the admin shows them so),
 * and the Turkish fees page is a machine translation no one has approved yet. The texts are general
 * and name no amounts: an office checks them against the law and its own practice before use.
 */
const pages: { slug: string; services: string[]; machineTranslated: string[]; texts: Record<string, Text> }[] = [
  {
    slug: 'ukraine-schutz',
    services: ['voruebergehender-schutz-24'],
    machineTranslated: [],
    texts: {
      de: {
        title: 'Ukraine: vorübergehender Schutz (§ 24 AufenthG)',
        summary: 'Aufenthaltserlaubnis für Menschen, die wegen des Krieges aus der Ukraine geflohen sind.',
        body: 'Wenn Sie wegen des Krieges aus der Ukraine nach Deutschland gekommen sind, können Sie eine Aufenthaltserlaubnis zum vorübergehenden Schutz nach § 24 Aufenthaltsgesetz bekommen. Sie brauchen dafür kein Asylverfahren.\n\nMelden Sie sich zuerst bei Ihrer Gemeinde an. Buchen Sie dann einen Termin bei uns.\n\nBitte bringen Sie mit:\n- Reisepass, ID-Karte oder Geburtsurkunde\n- Meldebescheinigung\n- ein biometrisches Foto\n\nMit der Aufenthaltserlaubnis dürfen Sie arbeiten. Die Karte (eAT) kommt einige Wochen nach dem Termin; bis dahin erhalten Sie eine Bescheinigung.',
      },
      en: {
        title: 'Ukraine: temporary protection (§ 24 Residence Act)',
        summary: 'Residence permit for people who fled Ukraine because of the war.',
        body: 'If you came to Germany from Ukraine because of the war, you can get a residence permit for temporary protection under § 24 of the Residence Act (Aufenthaltsgesetz). You do not need to apply for asylum.\n\nFirst register your address with your municipality. Then book an appointment with us.\n\nPlease bring:\n- passport, ID card or birth certificate\n- certificate of registration (Meldebescheinigung)\n- one biometric photo\n\nWith the residence permit you may work. The card (eAT) arrives a few weeks after the appointment; until then you receive a certificate.',
      },
      uk: {
        title: 'Україна: тимчасовий захист (§ 24 AufenthG)',
        summary: 'Дозвіл на проживання для людей, які втекли з України через війну.',
        body: 'Якщо ви приїхали до Німеччини з України через війну, ви можете отримати дозвіл на проживання для тимчасового захисту згідно з § 24 Закону про перебування (Aufenthaltsgesetz). Подавати заяву про притулок не потрібно.\n\nСпочатку зареєструйте місце проживання у своїй громаді. Потім запишіться до нас на прийом.\n\nБудь ласка, візьміть із собою:\n- закордонний паспорт, ID-картку або свідоцтво про народження\n- довідку про реєстрацію (Meldebescheinigung)\n- одне біометричне фото\n\nІз дозволом на проживання ви можете працювати. Картка (eAT) надходить через кілька тижнів після прийому; до того ви отримаєте довідку.',
      },
      ar: {
        title: 'أوكرانيا: الحماية المؤقتة (المادة 24 من قانون الإقامة)',
        summary: 'تصريح إقامة للأشخاص الذين فرّوا من أوكرانيا بسبب الحرب.',
        body: 'إذا جئت إلى ألمانيا من أوكرانيا بسبب الحرب، يمكنك الحصول على تصريح إقامة للحماية المؤقتة وفق المادة 24 من قانون الإقامة (Aufenthaltsgesetz). لا تحتاج إلى تقديم طلب لجوء.\n\nسجّل عنوانك أولًا لدى بلديتك. ثم احجز موعدًا لدينا.\n\nيرجى إحضار:\n- جواز السفر أو بطاقة الهوية أو شهادة الميلاد\n- شهادة تسجيل السكن (Meldebescheinigung)\n- صورة بيومترية واحدة\n\nيحق لك العمل مع تصريح الإقامة. تصل البطاقة (eAT) بعد بضعة أسابيع من الموعد، وحتى ذلك الحين تحصل على شهادة.',
      },
      fa: {
        title: 'اوکراین: حمایت موقت (ماده ۲۴ قانون اقامت)',
        summary: 'اجازه اقامت برای کسانی که به دلیل جنگ از اوکراین گریخته‌اند.',
        body: 'اگر به دلیل جنگ از اوکراین به آلمان آمده‌اید، می‌توانید اجازه اقامت برای حمایت موقت طبق ماده ۲۴ قانون اقامت (Aufenthaltsgesetz) دریافت کنید. به درخواست پناهندگی نیازی ندارید.\n\nابتدا نشانی خود را در شهرداری محل ثبت کنید. سپس نزد ما وقت بگیرید.\n\nلطفاً همراه بیاورید:\n- گذرنامه، کارت شناسایی یا شناسنامه\n- گواهی ثبت نشانی (Meldebescheinigung)\n- یک عکس بیومتریک\n\nبا اجازه اقامت می‌توانید کار کنید. کارت (eAT) چند هفته پس از وقت ملاقات می‌رسد؛ تا آن زمان یک گواهی دریافت می‌کنید.',
      },
      ru: {
        title: 'Украина: временная защита (§ 24 AufenthG)',
        summary: 'Вид на жительство для людей, бежавших из Украины из-за войны.',
        body: 'Если вы приехали в Германию из Украины из-за войны, вы можете получить вид на жительство для временной защиты по § 24 Закона о пребывании (Aufenthaltsgesetz). Подавать заявление на убежище не нужно.\n\nСначала зарегистрируйте место жительства в своей общине. Затем запишитесь к нам на приём.\n\nПожалуйста, возьмите с собой:\n- заграничный паспорт, ID-карту или свидетельство о рождении\n- справку о регистрации (Meldebescheinigung)\n- одну биометрическую фотографию\n\nС видом на жительство вы можете работать. Карта (eAT) приходит через несколько недель после приёма; до этого вы получите справку.',
      },
      tr: {
        title: 'Ukrayna: geçici koruma (Oturum Yasası § 24)',
        summary: 'Savaş nedeniyle Ukrayna’dan kaçan kişiler için oturum izni.',
        body: 'Savaş nedeniyle Ukrayna’dan Almanya’ya geldiyseniz, Oturum Yasası’nın (Aufenthaltsgesetz) 24. maddesine göre geçici koruma için oturum izni alabilirsiniz. İltica başvurusu yapmanız gerekmez.\n\nÖnce belediyenizde ikametinizi kaydettirin. Sonra bizden randevu alın.\n\nLütfen yanınızda getirin:\n- pasaport, kimlik kartı veya doğum belgesi\n- ikamet kayıt belgesi (Meldebescheinigung)\n- bir biyometrik fotoğraf\n\nOturum izniyle çalışabilirsiniz. Kart (eAT) randevudan birkaç hafta sonra gelir; o zamana kadar bir belge alırsınız.',
      },
    },
  },
  {
    slug: 'eat-karte',
    services: ['eat-abholung', 'eat-uebertrag'],
    machineTranslated: [],
    texts: {
      de: {
        title: 'Ihre eAT-Karte',
        summary: 'Der elektronische Aufenthaltstitel: Herstellung, Abholung, PIN und Verlust.',
        body: 'Ihr Aufenthaltstitel ist eine Karte im Format einer Bankkarte, der elektronische Aufenthaltstitel (eAT). Die Bundesdruckerei stellt sie her; das dauert meist vier bis sechs Wochen. Wir schreiben Ihnen, wenn die Karte da ist.\n\nZur Abholung bringen Sie bitte mit:\n- Ihren Pass\n- Ihre bisherige Karte oder Bescheinigung\n- den PIN-Brief, den Sie per Post bekommen haben\n\nKinder unter 10 Jahren müssen nicht mitkommen.\n\nHaben Sie die Karte verloren oder wurde sie gestohlen? Melden Sie das sofort der Polizei und uns. Dann buchen Sie einen Termin für eine neue Karte.',
      },
      en: {
        title: 'Your eAT card',
        summary: 'The electronic residence permit: production, collection, PIN and loss.',
        body: 'Your residence permit is a card the size of a bank card, the electronic residence permit (eAT). The Federal Printing Office (Bundesdruckerei) makes it; this usually takes four to six weeks. We will write to you when the card is ready.\n\nTo collect it, please bring:\n- your passport\n- your previous card or certificate\n- the PIN letter you received by post\n\nChildren under 10 do not need to come.\n\nHave you lost your card or was it stolen? Report it to the police and to us at once. Then book an appointment for a new card.',
      },
      uk: {
        title: 'Ваша картка eAT',
        summary: 'Електронна посвідка на проживання: виготовлення, отримання, PIN-код і втрата.',
        body: 'Ваша посвідка на проживання — це картка розміром із банківську, електронна посвідка на проживання (eAT). Її виготовляє Федеральна друкарня (Bundesdruckerei); зазвичай це триває від чотирьох до шести тижнів. Ми напишемо вам, коли картка буде готова.\n\nДля отримання, будь ласка, візьміть із собою:\n- ваш паспорт\n- вашу попередню картку або довідку\n- лист із PIN-кодом, який ви отримали поштою\n\nДітям до 10 років приходити не потрібно.\n\nВи загубили картку або її вкрали? Негайно повідомте про це поліцію і нас. Потім запишіться на прийом для нової картки.',
      },
      ar: {
        title: 'بطاقة الإقامة الإلكترونية (eAT)',
        summary: 'تصريح الإقامة الإلكتروني: الإصدار والاستلام والرقم السري والفقدان.',
        body: 'تصريح إقامتك بطاقة بحجم البطاقة المصرفية، وهو تصريح الإقامة الإلكتروني (eAT). تصدرها المطبعة الاتحادية (Bundesdruckerei)، ويستغرق ذلك عادةً من أربعة إلى ستة أسابيع. سنراسلك عندما تصبح البطاقة جاهزة.\n\nعند الاستلام يرجى إحضار:\n- جواز سفرك\n- بطاقتك السابقة أو شهادتك\n- رسالة الرقم السري التي وصلتك بالبريد\n\nلا يلزم حضور الأطفال دون سن العاشرة.\n\nهل فقدت بطاقتك أو سُرقت؟ أبلغ الشرطة وأبلغنا فورًا. ثم احجز موعدًا لبطاقة جديدة.',
      },
      fa: {
        title: 'کارت اقامت الکترونیکی شما (eAT)',
        summary: 'اجازه اقامت الکترونیکی: صدور، تحویل، رمز PIN و گم شدن.',
        body: 'اجازه اقامت شما کارتی به اندازه کارت بانکی است، یعنی اجازه اقامت الکترونیکی (eAT). چاپخانه فدرال (Bundesdruckerei) آن را می‌سازد؛ این کار معمولاً چهار تا شش هفته طول می‌کشد. وقتی کارت آماده شد به شما نامه می‌نویسیم.\n\nبرای تحویل گرفتن لطفاً همراه بیاورید:\n- گذرنامه خود\n- کارت یا گواهی قبلی خود\n- نامه رمز PIN که با پست دریافت کرده‌اید\n\nکودکان زیر ۱۰ سال لازم نیست بیایند.\n\nآیا کارت خود را گم کرده‌اید یا دزدیده شده است؟ فوراً به پلیس و به ما اطلاع دهید. سپس برای کارت جدید وقت بگیرید.',
      },
      ru: {
        title: 'Ваша карта eAT',
        summary: 'Электронный вид на жительство: изготовление, получение, PIN-код и утеря.',
        body: 'Ваш вид на жительство — это карта размером с банковскую, электронный вид на жительство (eAT). Её изготавливает Федеральная типография (Bundesdruckerei); обычно это занимает от четырёх до шести недель. Мы напишем вам, когда карта будет готова.\n\nДля получения, пожалуйста, возьмите с собой:\n- ваш паспорт\n- вашу прежнюю карту или справку\n- письмо с PIN-кодом, полученное по почте\n\nДетям до 10 лет приходить не нужно.\n\nВы потеряли карту или её украли? Немедленно сообщите об этом в полицию и нам. Затем запишитесь на приём для новой карты.',
      },
      tr: {
        title: 'eAT kartınız',
        summary: 'Elektronik oturum izni: üretim, teslim alma, PIN ve kayıp.',
        body: 'Oturum izniniz banka kartı boyutunda bir karttır: elektronik oturum izni (eAT). Kartı Federal Matbaa (Bundesdruckerei) üretir; bu genellikle dört ila altı hafta sürer. Kart hazır olduğunda size yazarız.\n\nTeslim almak için lütfen yanınızda getirin:\n- pasaportunuz\n- önceki kartınız veya belgeniz\n- posta ile gelen PIN mektubu\n\n10 yaşından küçük çocukların gelmesi gerekmez.\n\nKartınızı mı kaybettiniz ya da çalındı mı? Hemen polise ve bize bildirin. Sonra yeni kart için randevu alın.',
      },
    },
  },
  {
    slug: 'gebuehren',
    services: ['aufenthaltstitel-verlaengerung', 'niederlassungserlaubnis', 'eat-uebertrag', 'verpflichtungserklaerung'],
    machineTranslated: ['tr'],
    texts: {
      de: {
        title: 'Gebühren',
        summary: 'Was ein Aufenthaltstitel kostet, wie Sie bezahlen und wer weniger zahlt.',
        body: 'Für Aufenthaltstitel und Bescheinigungen erheben wir Gebühren nach der Aufenthaltsverordnung (AufenthV). Die Gebühr jeder Dienstleistung steht auf ihrer Seite im Terminportal.\n\nSie bezahlen beim Termin:\n- mit Karte (Girocard oder Kreditkarte)\n- oder bar\n\nKinder und Jugendliche unter 18 Jahren zahlen oft weniger. Wer Bürgergeld oder Leistungen nach dem Asylbewerberleistungsgesetz bekommt, kann von der Gebühr befreit werden. Bringen Sie dafür bitte Ihren aktuellen Bescheid mit.\n\nSie bekommen immer eine Quittung.',
      },
      en: {
        title: 'Fees',
        summary: 'What a residence permit costs, how to pay and who pays less.',
        body: 'For residence permits and certificates we charge fees under the Residence Ordinance (Aufenthaltsverordnung, AufenthV). The fee of each service is shown on its page in the appointment portal.\n\nYou pay at the appointment:\n- by card (girocard or credit card)\n- or in cash\n\nChildren and young people under 18 often pay less. If you receive citizen’s income (Bürgergeld) or benefits under the Asylum Seekers’ Benefits Act, you may be exempt from the fee. Please bring your current notice of benefits.\n\nYou always get a receipt.',
      },
      uk: {
        title: 'Збори',
        summary: 'Скільки коштує дозвіл на проживання, як платити і хто платить менше.',
        body: 'За дозволи на проживання та довідки ми стягуємо збори згідно з Постановою про перебування (Aufenthaltsverordnung, AufenthV). Збір за кожну послугу вказано на її сторінці в порталі запису.\n\nВи платите під час прийому:\n- карткою (girocard або кредитною карткою)\n- або готівкою\n\nДіти та підлітки до 18 років часто платять менше. Якщо ви отримуєте Bürgergeld або виплати за Законом про допомогу шукачам притулку, вас можуть звільнити від збору. Для цього візьміть, будь ласка, свою актуальну постанову про виплати.\n\nВи завжди отримуєте квитанцію.',
      },
      ar: {
        title: 'الرسوم',
        summary: 'كم يكلّف تصريح الإقامة، وكيف تدفع، ومن يدفع أقل.',
        body: 'نتقاضى رسومًا على تصاريح الإقامة والشهادات وفق لائحة الإقامة (Aufenthaltsverordnung). رسم كل خدمة مذكور في صفحتها في بوابة المواعيد.\n\nتدفع عند الموعد:\n- بالبطاقة (Girocard أو بطاقة ائتمان)\n- أو نقدًا\n\nغالبًا ما يدفع الأطفال والشباب دون 18 عامًا أقل. إذا كنت تتلقى Bürgergeld أو مساعدات وفق قانون إعانات طالبي اللجوء، فقد تُعفى من الرسم. يرجى إحضار قرار المساعدات الحالي.\n\nتحصل دائمًا على إيصال.',
      },
      fa: {
        title: 'هزینه‌ها',
        summary: 'هزینه اجازه اقامت چقدر است، چگونه پرداخت کنید و چه کسانی کمتر می‌پردازند.',
        body: 'برای اجازه اقامت و گواهی‌ها طبق آیین‌نامه اقامت (Aufenthaltsverordnung) هزینه دریافت می‌کنیم. هزینه هر خدمت در صفحه آن در درگاه نوبت‌دهی آمده است.\n\nهنگام وقت ملاقات پرداخت می‌کنید:\n- با کارت (Girocard یا کارت اعتباری)\n- یا نقدی\n\nکودکان و نوجوانان زیر ۱۸ سال اغلب کمتر می‌پردازند. اگر Bürgergeld یا کمک‌هزینه طبق قانون مزایای پناه‌جویان دریافت می‌کنید، ممکن است از پرداخت هزینه معاف شوید. لطفاً حکم فعلی کمک‌هزینه خود را همراه بیاورید.\n\nهمیشه رسید دریافت می‌کنید.',
      },
      ru: {
        title: 'Пошлины',
        summary: 'Сколько стоит вид на жительство, как платить и кто платит меньше.',
        body: 'За виды на жительство и справки мы взимаем пошлины согласно Положению о пребывании (Aufenthaltsverordnung, AufenthV). Пошлина за каждую услугу указана на её странице в портале записи.\n\nВы платите во время приёма:\n- картой (girocard или кредитной картой)\n- или наличными\n\nДети и подростки до 18 лет часто платят меньше. Если вы получаете Bürgergeld или пособия по Закону о пособиях для лиц, ищущих убежища, вас могут освободить от пошлины. Для этого, пожалуйста, возьмите с собой актуальное решение о пособии.\n\nВы всегда получаете квитанцию.',
      },
      tr: {
        title: 'Ücretler',
        summary: 'Oturum izni ne kadar tutar, nasıl ödersiniz ve kim daha az öder.',
        body: 'Oturum izinleri ve belgeler için Oturum Yönetmeliğine (Aufenthaltsverordnung, AufenthV) göre ücret alıyoruz. Her hizmetin ücreti randevu portalındaki sayfasında yer alır.\n\nRandevuda ödersiniz:\n- kartla (girocard veya kredi kartı)\n- veya nakit\n\n18 yaşından küçük çocuklar ve gençler çoğu zaman daha az öder. Bürgergeld veya Sığınmacılara Yardım Yasası kapsamında yardım alıyorsanız, ücretten muaf tutulabilirsiniz. Bunun için lütfen güncel yardım kararınızı getirin.\n\nHer zaman bir makbuz alırsınız.',
      },
    },
  },
];

/** Writes the pages, published and in this order, with their texts and links to the demo services. */
export async function seedDemoInfoPages(db: Database, now: Date, serviceIds: ReadonlyMap<string, string>): Promise<void> {
  for (const [index, page] of pages.entries()) {
    const { id } = await db
      .insertInto('info_page')
      .values({ slug: page.slug, position: index + 1, published: true, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const german = page.texts.de!;
    const digest = infoPageDigest(german);
    await db
      .insertInto('info_page_text')
      .values(
        Object.entries(page.texts).map(([lang, text]) => ({
          info_page_id: id,
          lang,
          ...text,
          source_digest: digest,
          machine_translated: page.machineTranslated.includes(lang),
          updated_at: now,
        })),
      )
      .execute();
    const linked = page.services.flatMap((slug) => serviceIds.get(slug) ?? []);
    if (linked.length)
      await db
        .insertInto('service_info_page')
        .values(linked.map((serviceId) => ({ service_id: serviceId, info_page_id: id })))
        .execute();
  }
}
