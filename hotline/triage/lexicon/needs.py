"""More words for everyday needs, in every language: gambling (an addiction, like drink and drugs), money for
food or rent, losing a job, a teenager who shuts the parents out. Same conventions as ``services``."""

CUES = {
    "tg": {
        "substance": [(r"қимор|қартабозӣ", "gambling")],
        "money": [(r"пули (хӯрок|нон|дору|иҷора|кироя|мактаб)", "money for food or rent"), (r"аз кор (ронда|пеш карда|хориҷ)", "lost the job")],
        "family": [(r"гапамро намешунавад|бо ман гап намезанад", "does not talk to me")],
    },
    "ru": {
        "substance": [(r"азартн|игра(ет|ют|ю) в (автомат|карты|казино)|ставк(и|ах) на спорт|проигр(ал|ыва)", "gambling")],
        "money": [(r"(денег )?на (еду|продукты|хлеб) (нет|не хватает)", "no money for food"), (r"уволили|потерял(а)? работу", "lost the job")],
        "parents_away": [(r"(уехали|уехал|уехала|работают|работает) на заработки", "parents away for work")],
    },
    "uz": {
        "substance": [(r"qimor", "gambling")],
        "money": [(r"ovqatga pul|ishdan (bo[ou]?shatishdi|haydashdi|chiqarishdi)", "no money for food, lost the job")],
        "parents_away": [(r"(ota-?onasi|ota-?onalari|onasi|otasi) (rossiya|moskva|ishlashga)", "parents away for work")],
    },
    "fa": {
        "substance": [(r"قمار", "gambling")],
        "money": [(r"پول (غذا|اجاره|نون)", "money for food or rent"), (r"بیکار شدم|اخراج(م)? کردن", "lost the job")],
        "family": [(r"با (من|ما) حرف نمیزن", "does not talk to me"), (r"(همش|همیشه) (تو|توی) گوشی", "always on the phone")],
    },
    "en": {
        "substance": [(r"gambl", "gambling")],
        "money": [(r"lost my job|got fired|laid off", "lost the job")],
        "parents_away": [(r"parents? (are |is )?(working|work|gone) (in|to|abroad)", "parents away for work")],
    },
}
