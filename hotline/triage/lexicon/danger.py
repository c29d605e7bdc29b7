"""More words for danger now, in every language: strangling as it happens, hiding behind a locked door, heights and
medicines as means, a child alone for days. Same conventions as ``services``: stems, proper spelling, Uzbek on the
Latin view."""

CUES = {
    "tg": {
        "violence_now": [(r"буғ(ӣ|и)? (карда истодааст|мекунад)", "is strangling")],
        "now_strong": [(r"дарро (аз дарун )?(пӯшидам|қулф кардам)", "locked myself in")],
        "means": [(r"антидепрессант|хобовар", "sleeping pills")],
    },
    "ru": {
        "violence_now": [(r"душит (меня|е(е|ё)|маму|мать|нас|ребенка|ребёнка)", "is strangling"), (r"избивает (меня|маму|мать|нас)", "is beating")],
        "means": [(r"(пят|шест|седьм|восьм|девят|десят|двенадцат|шестнадцат)\w* этаж", "high floor"),
                  (r"антидепрессант|снотворн|феназепам|транквилизатор", "sedatives")],
        "farewell": [(r"решил(а)? что вс(е|ё)\b", "decided it is over")],
        "alone": [(r"(один|одна|одни|одного) (дома|в квартире|в доме|в комнате)", "alone at home")],
        "days": [(r"(втор|трет|четв(е|ё)рт|пят)(ой|ий|ые|ьи|ый)? (день|сутки|ночь)", "for days")],
    },
    "uz": {
        "violence_now": [(r"b[ou]g(ya|a|ayo)pti", "is strangling")],
        "threat": [(r"q[ou]rqit(yapti|ayapti|adi)", "threatens")],
        "means": [(r"tabletka|antidepressant", "pills"), (r"k[ou]prik", "bridge"), (r"tom(da|ga|ning)\b", "roof")],
        "suicide_intent": [(r"[ou]zimni (osmoqchi|oldirmoqchi|tashlamoqchi|osaman|oldiraman|tashlayman)", "kill myself")],
    },
    "fa": {
        "violence_now": [(r"خفه(م|ش)? (میکنه|میکند)", "is strangling")],
        "suicide_intent": [(r"خودمو .{0,20}(پرت کنم|بکشم|دار بزنم|بندازم)", "kill myself")],
        "means": [(r"پل\b|پشت ?بوم", "bridge or roof"), (r"قرص", "pills")],
    },
    "en": {
        "violence_now": [(r"(is|s) (choking|strangling|stabbing|kicking|punching)", "is attacking now"), (r"(choking|strangling) (me|her|him)", "is strangling")],
        "now_strong": [(r"locked (myself|ourselves|us|me) in", "locked in, hiding")],
        "means": [(r"antidepress|my meds\b|medication|tablets", "medicines")],
    },
}
