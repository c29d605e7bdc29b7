"""Danger right now, more wordings in every language: methods and means (pills, rope, a height, gas, poison, vinegar,
train tracks, a blade or a gun) said with an act or an intent, an aggressor at the door or with a weapon, a small
child left alone, a person who is not breathing, not waking or bleeding heavily, a plan or a goodbye message.

Same conventions as ``services``: stems written in proper spelling (folded like the text), anchored at a word
start, so one stem matches every ending; Uzbek is matched on the Latin view. Negation and a distant past in the
same clause still flip these cues (see ``matching.RISK_KINDS``); the cues never include a negator themselves except
where the negation is the danger ("not breathing")."""

CUES = {
    "tg": {
        "suicide_intent": [
            (r"худ(ам|ама|амо)ро? (аз \w+ |ба \w+ |\w+ )?(мепартоям|партоям|меовезам|овезон мекунам|мекушам|куштаниям|мепарам)", "kill/throw/hang myself"),
            (r"(дору|доруҳо|таблетка|таблеткаҳо|заҳр|сирко)\w* (ҳамаашро |ҳамаро |ҳама )?(мехӯрам|менӯшам|хӯрданӣ|нӯшиданӣ)", "I will swallow pills or poison"),
            (r"(зери|таги|ба зери) (поезд|қатора)", "under a train"), (r"худамро ба (поезд|дарё|об)", "throw myself in front of a train or into water"),
            (r"(аз|дар) (кӯпрук|бом|ошёна)\w* (мепарам|партоям|мепартоям)", "jump from the bridge or roof"),
        ],
        "means": [
            (r"сирко", "vinegar"), (r"арғамчин|ресмон", "rope"), (r"роҳи оҳан|рельс|поезд|қатора", "train tracks"),
            (r"ошёна", "a high floor"), (r"баландӣ", "a height"), (r"(дар|ба) (лаби )?дарё", "river"), (r"дору", "medicine"),
        ],
        "act": [
            (r"(дору|доруҳо|таблетка|заҳр|сирко)\w* (ҳамаашро |ҳамаро |ҳама |бисёр )?(хӯрд|нӯшид|фурӯ бурд)", "swallowed pills or poison"),
            (r"(дар|болои) (бом|кӯпрук|лаби \w+)\w* (истодаам|нишастаам|истодааст)", "standing on a height"),
        ],
        "farewell": [
            (r"(дигар )?маро (дигар )?(намебинед|намебинӣ)", "you will not see me again"), (r"охирин (бор|паём|мактуб)", "a last message"),
            (r"(мактуб|хат|паём)\w* (навишт|фиристод)\w* (ки )?(бубахш|хайр|алвидо)", "a goodbye note"), (r"ҳалол кунед", "forgive me (before death)"),
            (r"нақша(и)? (дорам|кашидам)", "I have a plan"), (r"(ҳама|ҳамаи) (дору|таблетка)\w* (\w+ )?хӯрдам", "took all the pills"),
        ],
        "suicide_ideation": [(r"худамро(?= намекушам)", "kill myself (said with a negation)")],
        "neg": [(r"намекушам\b", "I will not kill")],
        "pension_theft": [(r"нафақа\w* (\w+ ){0,3}(мегир|гирифт|медузд|дуздид|мебар|бурд|кашида мегир)", "takes the pension")],
        "weapon": [(r"пичоқ|ханҷар", "knife"), (r"туфангча|силоҳ|тир(ро)? холӣ", "gun")],
        "violence_now": [
            (r"дар(ро)? (мешиканад|шикаста истодааст|тақ-тақ|лагад мезанад)", "is breaking the door"),
            (r"(бо )?(корд|пичоқ|табар)\w* (дар даст|истодааст|омад|пайи ман|моро тарсонда)", "with a knife now"),
            (r"(пайи|аз қафои) (ман|мо) (медавад|давида истодааст)", "is chasing us"),
        ],
        "now_strong": [(r"(ҳозир )?(дар )?(паси дар|назди дар)", "at the door"), (r"ҳозир (дар )?(хона|инҷо|ҳамин ҷо)ст", "is here now")],
        "unconscious": [
            (r"нафас (на)?гирифта наметавон", "cannot breathe"), (r"нафас(аш)? (нест|намекашад|қатъ)", "not breathing"),
            (r"ҳуш(аш)? (нест|намеояд|наомад)", "not conscious"), (r"бедор (намешавад|нашуд)", "does not wake"),
            (r"чашм(аш|ашро)? (намекушояд|накушод)", "does not open the eyes"), (r"ҳаракат намекунад", "does not move"),
            (r"хун(аш)? (бисёр )?(ист намекунад|қатъ намешавад|бисёр меравад|фаввора)", "heavy bleeding"), (r"хуни бисёр", "heavy bleeding"),
        ],
        "alone": [
            (r"(бача|кӯдак|тифл|писарча|духтарча|фарзанд)\w* (\w+ )?(дар хона )?танҳо (аст|монд|хоб|гиря|нишаст)", "a child alone"),
            (r"танҳо (монда|гузошта) (рафт|рафтанд|рафтааст)", "left alone"), (r"дар хона қулф (карда|монда) рафт", "locked in and left"),
        ],
    },
    "ru": {
        "suicide_intent": [
            (r"(наглота|напь|выпь|съем|приму|выпью|проглочу)\w* (вс[её] |всю |все |целую |пачку |горсть )(таблет|снотворн|лекарств|пачк|упаковк)", "I will swallow pills"),
            (r"(выпью|выпить|напьюсь|наглотаюсь)\w* (уксус|яд|отрав|кислот|белизн)", "I will drink poison"),
            (r"(брошусь|кинусь|лягу|шагну|прыгну) (под |на рельс|с |из |в окно|в реку)", "I will throw myself"), (r"(выброшусь|сброшусь)\b", "I will throw myself"),
            (r"(отравлюсь|застрелюсь|зарежусь|утоплюсь|удавлюсь|вскроюсь)", "I will kill myself (method)"),
            (r"(под поезд|на рельсы)", "under a train"),
            (r"(гараж\w*.{0,30}(мотор|двигател))|((мотор|двигател)\w*.{0,30}гараж)", "engine running in a closed garage"),
        ],
        "means": [(r"лекарств", "medicines"), (r"высот", "a height"), (r"балкон", "balcony"), (r"электричк", "train"), (r"(в )?реке|речк", "river")],
        "act": [
            (r"(выпил|съел|принял|проглотил)\w* (вс[её] |всю |все |целую |пачку |много |кучу |горсть |\d\d? )(таблет|снотворн|лекарств|пачк|упаковк)", "swallowed pills"),
            (r"(выпил|напил)\w* (уксус|яд|отрав|кислот|белизн)", "drank poison"), (r"(порезал|вскрыл)\w* (себе )?(вены|руки|запяст)", "cut the wrists"),
            (r"(стою|сижу|стоит|сидит) на (краю|крыше|мосту|подоконнике|рельсах|парапете|перилах)", "standing at a height"),
            (r"на (краю|крыше|мосту|мост|подоконнике|рельсах|парапете) (стою|сижу|стоит|сидит)", "standing at a height"),
        ],
        "farewell": [
            (r"(больше )?(меня )?не увидите", "you will not see me again"), (r"последн\w* (раз|сообщени|письм|смс)", "a last message"),
            (r"(написал|написала|оставил|оставила|прислал|прислала)\w* (\w+ )?(прощальн|письм|записк|смс)", "wrote a goodbye note"),
            (r"позаботьтесь о", "take care of (my child)"), (r"(уже )?(есть|продумал\w*) план\b", "I have a plan"), (r"всем пока", "bye everyone"), (r"не ищите меня", "do not look for me"),
        ],
        "weapon": [(r"ножом|ножи|нож\b", "knife"), (r"стволом|ствол\b|оружи", "gun"), (r"молотк", "hammer")],
        "violence_now": [
            (r"(ломится|ломает|выбивает|выламывает|вышибает) (в )?двер", "is breaking the door"),
            (r"(стоит|сидит|ходит) (с ножом|с топором|с ружьем|с ружьём|с пистолетом)", "has a weapon now"),
            (r"(гонится|гоняется|бегает) за (мной|нами|ней|ним|детьми)", "is chasing"), (r"(с ножом|с топором) (за|на) (мной|нами|ней|маму|мать)", "with a knife at"),
            (r"(держит|приставил|приставила) нож", "holds a knife"), (r"(с ножом|с топором|с ружь(е|ё)м|с пистолетом) (стоит|ходит|бегает|пришел|пришёл|ворвался|кидается)", "has a weapon now"), (r"(бь(е|ё)т|избивает|душит) (е(е|ё)|меня|маму|мать|нас) прямо сейчас", "is beating right now"),
        ],
        "young_child": [(r"(дв|тр(е|ё)|четыр(е|ё)|годова|полугодова)\w*летн|годовал|младен", "young child")],
        "past": [(r"раньше\b", "before (no longer)")],
        "no_response": [(r"(упал|упала|лежит)\w* и не (отвечает|встает|встаёт|реагирует)", "fell and does not answer"), (r"не отвеча\w* (на звонки|на телефон|на стук)", "does not answer"), (r"телефон (выключен|не отвечает)", "phone off")],
        "pension_theft": [(r"(забира|забрал|отнял|отнима|снима|снял|украл|ворует|присвои)\w* (\w+ ){0,3}(пенси|пособи)", "takes the pension")],
        "now_strong": [(r"(стоит|стучит|кричит) (за|под|у) двер", "at the door"), (r"он (здесь|тут|дома) (сейчас|пьяный)", "is here now"), (r"прямо сейчас", "right now")],
        "unconscious": [
            (r"не (дышит|двигается|шевелится|просыпается|реагирует|приходит в себя|открывает глаза)", "unresponsive"),
            (r"посинел", "turned blue"), (r"нет пульса|пульса нет", "no pulse"), (r"истекает кровью", "bleeding out"),
            (r"кровь (не останавливается|хлещет|ль(е|ё)тся|течет|течёт)", "heavy bleeding"), (r"много крови|вся в крови|весь в крови", "heavy bleeding"),
            (r"не могу (его |ее |её )?(разбудить|добудиться)", "cannot wake"),
        ],
        "alone": [
            (r"(оставил|оставила|оставили|бросил|бросила|бросили|заперл\w*)\w* (\w+ )?(\w+ )?(одн(ого|у|их)\b|одних)", "left the child alone"),
            (r"(реб[её]нок|малыш|дети|дочка|сынок|младенец)\w* (\w+ )?(один|одна|одни) (дома|в квартире|заперт|плачет|сидит)", "a child alone"),
            (r"(малыш|младенец|реб[её]нок)\w* (\w+ )?(один|одна)\b", "a small child alone"),
        ],
    },
    "uz": {
        "suicide_intent": [
            (r"[ou]zimni (k[ou]prikdan|tomdan|derazadan|balkondan|poyezd|poezd|suvga|daryoga|relsga)", "throw myself from/under"),
            (r"([hx]amma|bir quti|k[ou]p) (dori|tabletka)\w* (ichaman|yutaman|ichmoqchiman)", "I will swallow pills"),
            (r"(dori|tabletka)\w* ([hx]ammasini|bir qutisini) (ichaman|yutaman|ichmoqchiman)", "I will swallow pills"),
            (r"(zahar|sirka)\w* (ichaman|ichmoqchiman|ichib olaman)", "I will drink poison"),
            (r"(osilaman|[ou]zimni osib|tashlamoqchiman|sakrayman|sakramoqchiman)", "hang myself / jump"),
            (r"(poyezd|poezd) (tagiga|ostiga)", "under a train"),         ],
        "means": [(r"sirka", "vinegar"), (r"(poyezd|poezd|rels|temir y[ou]l)", "train tracks"), (r"qavat|balkon|deraza", "a height"), (r"tabletka|dori", "pills"), (r"gazni|gazga", "gas")],
        "act": [
            (r"([hx]amma|bir quti|k[ou]p) (dori|tabletka)\w* (ichib|ichdi|yutdi|yutib)", "swallowed pills"),
            (r"(dori|tabletka)\w* ([hx]ammasini|bir qutisini) (ichib|ichdi|yutdi|yutib)", "swallowed pills"),
            (r"(zahar|sirka)\w* (ichib|ichdi|yutdi)", "drank poison"), (r"(k[ou]prik|tom|balkon|rels|deraza|temir yo[ou]?l|yo[ou]?l)\w* (ustida|chetida|tepasida|[ou]rtasida) (turibman|turibdi|[ou]tiribman|[ou]tiribdi)", "standing at a height"),
        ],
        "farewell": [
            (r"(endi )?meni (boshqa )?k[ou]rmaysiz", "you will not see me again"), (r"(oxirgi|s[ou]nggi) (marta|xat|xabar|sms)", "a last message"),
            (r"(xat|xabar|sms) (yozib|q[ou]ldirib)", "left a note"), (r"meni kechiringlar|rozi b[ou]linglar", "forgive me, all"),
            (r"meni qidirmang", "do not look for me"), (r"rejam bor|reja tuzdim", "I have a plan"),
        ],
        "days": [(r"(ikki|uch|t[ou]rt|besh|2|3|4|5) kun(dan beri| boyi)", "for days")],
        "control": [(r"(ishlashga|tashqariga|uydan) (chiqarmaydi|q[ou]ymaydi|ruxsat bermaydi)", "does not let"), (r"pulni? [ou]zi (boshqaradi|oladi)", "controls the money")],
        "violence_now": [
            (r"eshikni (sindir|buz|tep|urayapti|taqillat)", "is breaking the door"),
            (r"(pichoq|bolta|miltiq)\w* (bilan )?(turibdi|quvlayapti|kelyapti|kirdi|ushlab)", "with a knife now"),
        ],
        "now_strong": [(r"eshik (oldida|ortida)", "at the door"), (r"[hx]ozir (shu yerda|shu yerga keldi)", "is here now"), (r"[hx]ozirning [ou]zida", "right now")],
        "unconscious": [
            (r"nafas olma(yapti|yotgan|di)", "not breathing"), (r"[hx]ushini y[ou]qot", "lost consciousness"),
            (r"qon (t[ou]xtamay|ketyapti|oqyapti|k[ou]p ket)", "heavy bleeding"), (r"k[ou]p qon", "heavy bleeding"),
            (r"k[ou]zini ochma", "does not open the eyes"), (r"uygonma", "does not wake"), (r"qimirlama", "does not move"),
        ],
        "alone": [
            (r"(bola|bolalar|chaqaloq|q[ou]zichoq|g[ou]dak)\w* (\w+ )?(uyda )?yolg[ou]?iz", "a child alone"),
            (r"yolg[ou]?iz (qoldirib|tashlab)", "left alone"),
            (r"(bola|chaqaloq|g[ou]dak|qizcha|[ou]g[ou]?lcha)\w* (uyda |uyga )?(yolg[ou]?iz )?(qoldirib|tashlab|qulflab) (ketgan|ketdi|ketibdi|ketishgan)", "left the child"), (r"(uyda |uyga )?qulflab (\w+ )?(ketdi|ketgan|qoldirib)", "locked in and left"),
        ],
    },
    "fa": {
        "suicide_intent": [
            (r"خودمو (از|زیر|جلوی|توی) ", "throw myself (method)"), (r"خودم را (از|زیر|جلوی|به) ", "throw myself (method)"),
            (r"همه ?ی? (قرص|دارو)\w* (رو |را )?(میخورم|بخورم)", "I will swallow all the pills"),
            (r"(سم|مرگ موش|سرکه)\w* (رو |را )?(میخورم|بخورم)", "I will drink poison"),
            (r"رگ(مو|م)? (میزنم|بزنم)", "I will cut my wrists"), (r"میپر(م|ه)\b", "I (she) will jump"), (r"حلق ?آویز", "hang myself"), (r"(جلوی|زیر) قطار", "under a train"),
        ],
        "means": [(r"سرکه", "vinegar"), (r"دارو", "medicine"), (r"ریل|قطار|مترو", "train tracks"), (r"طبقه", "a high floor"), (r"ارتفاع|بالکن|پنجره", "a height"), (r"رودخونه|رودخانه", "river"), (r"لبه (پنجره|پشت ?بوم|پل|بالکن)", "an edge")],
        "act": [
            (r"(همه ?ی? |تمام |یه ?بسته |\d\d? تا )(قرص|دارو)\w* (\S+ )?(رو |را )?(خوردم|خورده|خورد)", "swallowed pills"),
            (r"(سم|مرگ موش|سرکه|وایتکس)\w* (رو |را )?(خوردم|خورده|خورد)", "drank poison"), (r"رگ(مو|شو|م|ش)? (زدم|زده)", "cut the wrists"),
            (r"(رو|روی|لبه|بالای) (پل|پشت ?بوم|ریل|لبه|بالکن)\w* (\S+ )?(وایسادم|ایستادم|نشستم|وایساده|نشسته)", "standing at a height"),
        ],
        "farewell": [
            (r"(دیگه )?منو? (دیگه )?نمیبینید", "you will not see me again"), (r"(آخرین|اخرین) (بار|پیام|نامه)", "a last message"),
            (r"نامه (خداحافظی|آخر)", "a goodbye note"), (r"منو ببخشید", "forgive me"), (r"(برنامه|نقشه) (دارم|کشیدم)", "I have a plan"), (r"دنبالم نگردید", "do not look for me"),
        ],
        "young_child": [(r"(بچه|بچه ها|بچه‌ها)\w* (کوچیک|کوچولو|کوچک)", "small children")],
        "pension_theft": [(r"(مستمری|حقوق بازنشستگی|حقوقش|پول)\w* (\w+ )?(رو |را )?(میگیره|برمیداره|دزدید|گرفت|بالا کشید|بالا میکشه)", "takes the pension")],
        "violence_now": [
            (r"در(و|رو)? (داره )?(میشکنه|میکوبه|شکست)", "is breaking the door"),
            (r"(چاقو|قمه|تفنگ|چاقویی)\w* (دستشه|دستش|گرفته|بالا سرم)", "has a knife now"), (r"(دنبال|افتاده دنبال) (من|ما|بچه)", "is chasing"),
        ],
        "now_strong": [(r"پشت در", "at the door"), (r"الان (اینجاست|خونه ست|خونست|تو خونه)", "is here now")],
        "unconscious": [
            (r"نفس نمیکش", "not breathing"), (r"(تکون|حرکت) نمیخوره|تکون نمیده", "does not move"), (r"بیدار نمیشه", "does not wake"),
            (r"چشماشو باز نمیکنه", "does not open the eyes"), (r"خون(ریزی)? (زیاد|شدید|بند نمیاد|قطع نمیشه)", "heavy bleeding"),
            (r"(کبود|آبی) شده", "turned blue"), (r"نبض نداره", "no pulse"),
        ],
        "alone": [
            (r"(بچه|بچم|بچه‌ها|بچه ها|نوزاد|کودک|پسر|دختر)\w* (\w+ )?(تو خونه |در خانه )?تنها(ست| است| مونده| گذاشت)", "a child alone"),
            (r"(بچه|بچم|بچه‌ها|بچه ها|نوزاد|کودک)\w* .{0,25}(قفل|تنها) (موندن|مونده|شدن|شده)", "a child locked in alone"),
        ],
    },
    "en": {
        "suicide_intent": [
            (r"(going to|gonna|will|about to|im going to) (jump|hang|overdose|take (all|every)|drink (the |some )?(bleach|poison|vinegar)|swallow (all|every)|shoot myself|drown myself|throw myself)", "I will (method)"),
            (r"(standing|sitting) on (the|a|this) (bridge|roof|ledge|edge|tracks|railing)", "standing at a height"),
            (r"on the (train |railway )?tracks", "on the train tracks"), (r"engine running in (the|a) (closed )?garage|(garage|car).{0,40}engine running", "exhaust fumes"),
            (r"(tied|have|got) (a|the) (rope|noose)", "a rope ready"),
        ],
        "means": [(r"vinegar|antifreeze|rat poison|weed ?killer", "poison"), (r"trains?\b|railway", "train tracks"), (r"balcony|ledge|\d+(th|st|nd|rd)? floor", "a height"), (r"river", "river")],
        "act": [
            (r"(took|swallowed|drank|downed|taken|had) (all|every|the whole|a bottle|a pack|a box|loads|\d+|a lot|[5-9]|\d\d) ?(of )?(my |her |his |the )?(pills|tablets|meds|medication|sleeping|bleach|vinegar|poison|paracetamol)", "swallowed pills or poison"),
            (r"cut (my|her|his) (wrists|arms)", "cut the wrists"),
            (r"(drank|drunk|swallowed|drinking) (some |the |a bottle of )?(bleach|antifreeze|poison|vinegar|rat poison|weed ?killer)", "drank poison"),
        ],
        "farewell": [
            (r"(wont|will not|never) see me again", "you will not see me again"), (r"(last|final|goodbye) (message|text|letter|note)", "a last message"),
            (r"this is goodbye|say goodbye", "goodbye"), (r"take care of (my|the) (kids|children|son|daughter|cat|dog)", "take care of my child"),
            (r"dont look for me", "do not look for me"), (r"(have|got|made) (a|my) plan", "I have a plan"),
        ],
        "neg": [(r"never (hit|beat|hurt|touched)", "never hit")],
        "elder": [(r"grand(ad|dad|pa|ma)|granny|nan\b", "grandparent")],
        "pension_theft": [(r"(stole|steals|takes|took|taking|stealing|keeps|kept) (\w+ ){0,3}pension", "takes the pension")],
        "days": [(r"since (yesterday|last night)|for (two|three|2|3) days|all (night|weekend)", "for days")],
        "young_child": [(r"little (kids|ones|boy|girl|brother|sister)|small (kids|children)", "small children")],
        "no_response": [(r"not picking up|wont pick up|not answering (her|his|the) (phone|door)", "no answer")],
        "weapon": [(r"knives|stabbed|stabbing", "knife"), (r"shotgun|firearm", "gun"), (r"hammer\b", "hammer")],
        "violence_now": [
            (r"(breaking|kicking|banging|smashing|pounding) (down |on |at )?(the|my|our) door", "is breaking the door"),
            (r"(has|with|holding|got|waving|grabbed) a (knife|gun|axe|hammer)", "has a weapon now"),
            (r"(coming|came) (for|after|at) (me|us|her|mum|mom)", "is coming for us"), (r"chasing (me|us|her|mum|mom|my)", "is chasing"),
        ],
        "now_strong": [(r"(hes|shes|he is|she is) (here|outside|at the door|in the house|downstairs)", "is here now")],
        "unconscious": [
            (r"(isnt|not|stopped) (breathing|moving|responding|waking)", "unresponsive"), (r"no pulse|turning blue|gone blue|lips are blue", "no pulse"),
            (r"bleeding (a lot|heavily|badly|everywhere|out)|wont stop bleeding|lots of blood|so much blood|blood everywhere", "heavy bleeding"),
            (r"(cant|cannot|wont) wake (him|her|them) up", "cannot wake"),
        ],
        "alone": [
            (r"home alone", "home alone"), (r"(left|leaves|locked) (the |my |her |his |their |a |two )?(\w+ )?(kids?|baby|children|toddler|son|daughter|boy|girl|brother|sister) (\w+ )?alone", "left the child alone"),
            (r"alone (at|in) (home|the house|the flat|the apartment)", "alone at home"),
        ],
    },
}

# Serious risk that is not this minute (high): a wish to disappear, a child's disclosure of touching, a child
# married off, eviction by tonight, an older or disabled person left bedbound, unfed or shut away.
HIGH_RISK = {
    "tg": {
        "suicide_ideation": [(r"нопадид шав", "wish to disappear"), (r"набошам (беҳтар|осон)", "better if I were not")],
        "sexual": [(r"даст расонд", "touched"), (r"ламс кард", "touched")],
        "eviction": [(r"хона(ро)? холӣ кун", "told to leave the house")],
        "soon": [(r"то бегоҳ", "by evening")],
        "neglect": [(r"касе нигоҳубин намекунад", "nobody cares for"), (r"захм шудааст", "bedsores"), (r"(дар )?оғил", "kept in a shed")],
    },
    "ru": {
        "suicide_ideation": [(r"(проще|лучше|легче) (было бы )?(исчезнуть|не быть|не жить|не проснуться)", "wish to disappear"), (r"хочу исчезнуть", "wish to disappear")],
        "sexual": [(r"трогал(а|и)?\b|трогает", "touched"), (r"домогал|лапал", "molested")],
        "exploitation": [(r"выда(ют|ть|дут|ли) (е(е|ё) )?замуж", "married off")],
        "eviction": [(r"освободить (квартиру|комнату|дом)", "told to leave")],
        "soon": [(r"до вечера", "by evening")],
        "neglect": [(r"пролежн", "bedsores"), (r"(сиделка|соцработник)\w* не (приходит|приходила)", "carer not coming"),
                    (r"(почти )?не кормят", "not fed"), (r"держат в (сарае|подвале|хлеву)", "kept in a shed")],
    },
    "uz": {
        "suicide_ideation": [(r"y[ou]q[ou]lib ketsam", "if I disappeared"), (r"y[ou]q b[ou]lsam", "if I were not")],
        "sexual": [(r"tegib ket|paypasla", "touched")],
        "exploitation": [(r"turmushga (ber|uzat)\w*", "married off")],
        "soon": [(r"kechgacha", "by evening")],
        "neglect": [(r"yotoq yara", "bedsores"), (r"[hx]ech kim qaramay", "nobody cares for"), (r"ovqat bermay", "not fed")],
    },
    "fa": {
        "suicide_ideation": [(r"(اگه|اگر) نباشم", "if I were not"), (r"نباشم (بهتر|راحت)", "better if I were not")],
        "sexual": [(r"دست زده|دستمالی", "touched")],
        "exploitation": [(r"شوهر(ش)? بد(ن|هند)", "married off")],
        "eviction": [(r"خونه (رو |را )?خالی کن", "told to leave")],
        "soon": [(r"تا شب", "by tonight")],
        "neglect": [(r"زخم بستر", "bedsores"), (r"کسی بهش نمیرسه", "nobody cares for"), (r"غذا(ش)? نمیدن", "not fed")],
    },
    "en": {
        "suicide_ideation": [(r"(easier|better) (to|if i) (disappear|wasnt here|wasnt around|didnt wake up)", "wish to disappear"), (r"want to disappear", "wish to disappear")],
        "sexual": [(r"touched (her|him|me)\b|touching (her|him|me)\b", "touched"), (r"molest", "molested")],
        "exploitation": [(r"marr(y|ying|ied) (her |a \d+ year old( girl)? )?off", "married off"), (r"child marriage", "child marriage")],
        "eviction": [(r"get out by", "told to leave")],
        "neglect": [(r"bed ?sores|pressure sores|has sores", "bedsores"), (r"carer (hasnt|didnt|doesnt) (come|show)", "carer not coming"),
                    (r"(barely|dont|doesnt|never) feed", "not fed"), (r"kept in (the|a) (shed|basement|barn)", "kept in a shed")],
    },
}
