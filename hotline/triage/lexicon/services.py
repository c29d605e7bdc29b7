"""Questions about the hotline's own services, in every language: opening hours, consultations, appointments,
fees, addresses, "I want to know / I have a question". A call that only asks such things is information (low).

Patterns are written in proper spelling and folded like the text; the Uzbek ones are read on the Latin view, so
they serve Uzbek typed in Cyrillic too. Kinds: "info" marks a question, "info_topic" names a service.
"""

CUES = {
    "tg": {
        "info": [
            (r"(мехоҳам|мехостам|мехоҳем|мехостем) (бидонам|бифаҳмам|бипурсам|пурсам|донам)", "I want to know"),
            (r"пурсидан (мехостам|мехоҳам)", "I wanted to ask"), (r"(як )?савол(е)? (дорам|доштам|ҳаст)", "I have a question"),
            (r"(соат|вақт|реҷа|ҷадвал)\w* (и )?корӣ", "working hours"), (r"кор мекунед\b", "are you open"),
            (r"то соати|аз соати", "from/until what time"), (r"ройгон", "free of charge"), (r"пулакӣ", "paid"),
            (r"нарх\w* (чанд|чӣ қадар)", "price"), (r"навбат", "appointment"), (r"сабти ном", "registration"), (r"суроға", "address"),
            (r"(дар )?куҷо ҷойгир", "where is it"), (r"(ба )?куҷо муроҷиат", "where to apply"), (r"муроҷиат (кунам|кунем|кардан)", "how to apply"),
            (r"чӣ гуна (аст|мешавад)\s?\??", "how is it"), (r"оё\b", "whether (a question)"), (r"маълумот (гирифтан|лозим|диҳед)", "information"),
        ],
        "info_topic": [(r"машварат", "consultation"), (r"консул(ь)?татсия|консул(ь)?тация", "consultation"),
                       (r"ҳуқуқшинос|адвокат", "lawyer")],
    },
    "ru": {
        "info": [
            (r"(хочу|хотел\w*|хотим|могу) (бы )?(узнать|спросить|уточнить)", "I want to know"), (r"(у меня|один|небольшой|такой) вопрос", "a question"),
            (r"(режим|время|график|часы) работы", "working hours"), (r"до скольки|со скольки|с какого часа|до какого часа", "until what time"),
            (r"работаете\b", "are you open"), (r"(бес)?платн(ая|ый|ое|о|ая ли)\b", "free or paid"), (r"сколько стоит", "what it costs"),
            (r"записаться|запис(ь|и) на при(е|ё)м", "appointment"), (r"как (с вами )?связаться", "how to reach you"),
            (r"где (вы )?находит", "where are you"), (r"узнать\b", "to find out"),
        ],
        "info_topic": [(r"при(е|ё)м(а|у)? (у|к) (юрист|психолог|специалист)", "appointment")],
    },
    "uz": {
        "info": [
            (r"soramoqchi", "I want to ask"), (r"savol(im|imiz)? (bor|bor edi)", "I have a question"),
            (r"ish (vaqt|tartib|soat)", "working hours"), (r"soat nechada|nechagacha|nechadan", "what time"),
            (r"ishlaysiz", "are you open"), (r"bepul|tekin|pullik", "free or paid"), (r"narx\w* qancha", "price"),
            (r"yozil(ish|sa|moq)", "sign up"), (r"navbat(ga)? (olish|yozil)", "appointment"), (r"murojaat", "where to apply"),
            (r"qabul (qilasiz|kun|vaqt|qila)", "reception hours"),
        ],
        "info_topic": [(r"konsultatsiya|konsultasiya", "consultation")],
    },
    "fa": {
        "info": [
            (r"(میخواستم|میخوام|میخواهم) (بدونم|بدانم|بپرسم)", "I want to know"), (r"سوال(ی)? (داشتم|دارم)", "I have a question"),
            (r"ساعت(های|ات)? کار", "working hours"), (r"چه ساعتی|ساعت چند|تا ساعت", "what time"),
            (r"باز (هستید|هستین|است)", "are you open"), (r"رایگان|مجانی", "free of charge"), (r"هزینه\w* (چقدر|چنده|چند)", "what it costs"),
            (r"نوبت", "appointment"), (r"شماره (تلفن|تماس)", "phone number"), (r"چطوری (میتونم|میشه)", "how can I"),
        ],
        "info_topic": [(r"مشاوره", "consultation")],
    },
    "en": {
        "info": [
            (r"(want|wanted|would like|like) to (know|ask)", "I want to know"), (r"(quick|a|one|small) question", "a question"),
            (r"(working|office|opening|business) hours|hours on", "working hours"), (r"what time (do|does|are|is)", "what time"),
            (r"are you open|open on|do you (open|close|work)", "are you open"), (r"is (it|the \w+|this) free|for free|free of charge", "free of charge"),
            (r"how much (does|is)", "what it costs"), (r"appointment|book (a|an)\b", "appointment"), (r"address", "address"),
            (r"where is your", "where are you"), (r"how does (this|the|your) (line|hotline|service)", "how the service works"),
        ],
        "info_topic": [(r"consultation", "consultation"), (r"lawyer|legal advice", "lawyer")],
    },
}
