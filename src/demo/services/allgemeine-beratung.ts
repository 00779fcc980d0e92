import type { DemoService } from './demo-service.ts';

export const allgemeineBeratung: DemoService = {
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
    'de-x-ls': {
      name: 'Beratung für Ihre Fragen',
      description:
        'Sie haben eine Frage zu Ihrem Aufenthalt. Aufenthalt bedeutet: Sie leben in Deutschland. Sie wissen nicht: Welcher Termin ist der richtige? Dann machen Sie diesen Termin. Wir sprechen mit Ihnen über Ihre Frage. Wir sagen Ihnen: So geht es weiter.',
      audience: 'Für alle Menschen mit Fragen zum Aufenthalt. Die Frage passt zu keinem anderen Termin.',
      requiredDocuments: [
        'Ihr Pass oder Ihr Ausweis',
        'Ihr Aufenthalts-Titel, wenn Sie einen haben. Der Aufenthalts-Titel ist Ihre Erlaubnis für Deutschland.',
        'Briefe von der Ausländer-Behörde zu Ihrer Frage',
      ],
      feeNote: 'Die Beratung kostet nichts.',
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
      description: 'Маєте питання щодо свого перебування і не знаєте, який запис обрати? На консультації ми з’ясуємо ваше питання і підкажемо подальші кроки.',
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
    es: {
      name: 'Asesoramiento general',
      description:
        '¿Tiene una pregunta sobre su residencia y no sabe qué cita es la adecuada? En la entrevista de asesoramiento aclaramos su caso y le explicamos los siguientes pasos.',
      audience: 'Para todas las personas con preguntas sobre el derecho de residencia que no encajan en ninguna otra cita.',
      requiredDocuments: [
        'Pasaporte o documento de identidad',
        'Permiso de residencia actual (si lo tiene)',
        'Cartas de la Oficina de Extranjería sobre su pregunta',
      ],
      feeNote: 'El asesoramiento es gratuito.',
    },
    pl: {
      name: 'Porada ogólna',
      description:
        'Mają Państwo pytanie dotyczące pobytu i nie wiedzą, która wizyta jest właściwa? Podczas rozmowy doradczej wyjaśnimy sprawę i powiemy, co dalej.',
      audience: 'Dla wszystkich z pytaniami o prawo pobytu, które nie pasują do żadnej innej wizyty.',
      requiredDocuments: ['Paszport lub dokument tożsamości', 'Aktualny dokument pobytowy (jeśli jest)', 'Pisma z Urzędu ds. Cudzoziemców dotyczące pytania'],
      feeNote: 'Porada jest bezpłatna.',
    },
    ro: {
      name: 'Consiliere generală',
      description:
        'Aveți o întrebare despre șederea dumneavoastră și nu știți ce programare este cea potrivită? La discuția de consiliere lămurim solicitarea dumneavoastră și vă spunem care sunt pașii următori.',
      audience: 'Pentru toți cei care au întrebări despre dreptul de ședere care nu se potrivesc la nicio altă programare.',
      requiredDocuments: [
        'Pașaport sau act de identitate',
        'Permisul de ședere actual (dacă aveți)',
        'Scrisorile Oficiului pentru Străini legate de întrebarea dumneavoastră',
      ],
      feeNote: 'Consilierea este gratuită.',
    },
    sq: {
      name: 'Këshillim i përgjithshëm',
      description:
        'Keni një pyetje për qëndrimin tuaj dhe nuk e dini cili takim është i duhuri? Në bisedën këshilluese sqarojmë çështjen tuaj dhe ju tregojmë si vazhdohet më tej.',
      audience: 'Për të gjithë ata që kanë pyetje për të drejtën e qëndrimit, të cilat nuk përshtaten me asnjë takim tjetër.',
      requiredDocuments: [
        'Pasaportë ose dokument identifikimi',
        'Leja aktuale e qëndrimit (nëse e keni)',
        'Letrat e Zyrës për të Huajt që lidhen me pyetjen tuaj',
      ],
      feeNote: 'Këshillimi është falas.',
    },
    vi: {
      name: 'Tư vấn chung',
      description:
        'Quý vị có câu hỏi về việc cư trú và không biết nên đặt cuộc hẹn nào? Trong buổi tư vấn, chúng tôi làm rõ vấn đề của quý vị và cho biết các bước tiếp theo.',
      audience: 'Dành cho tất cả những ai có câu hỏi về luật cư trú mà không phù hợp với cuộc hẹn nào khác.',
      requiredDocuments: ['Hộ chiếu hoặc giấy tờ tùy thân', 'Giấy phép cư trú hiện tại (nếu có)', 'Các thư của Sở Ngoại kiều liên quan đến câu hỏi của quý vị'],
      feeNote: 'Tư vấn miễn phí.',
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
};
