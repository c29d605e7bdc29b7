"""The SMS texts of referrals, in the partner's language: only what the partner needs to act, never notes."""

from dataclasses import dataclass

LANGUAGES = ("tg", "ru", "uz", "fa", "en")
FALLBACK = "ru"

REFERRAL = {
    "tg": "Хати {line}, равонакунӣ {code}: {urgency} - {category}, {place}, забон: {language}.{phone} "
          "Ҷавоб: OK {code} - қабул, ARRIVED {code} - дар ҷой, DONE {code} - иҷро шуд, NO {code} - наметавонем.",
    "ru": "Линия {line}, направление {code}: {urgency} - {category}, {place}, язык: {language}.{phone} "
          "Ответ: OK {code} - принято, ARRIVED {code} - на месте, DONE {code} - выполнено, NO {code} - не можем.",
    "uz": "{line} liniyasi, yo'llanma {code}: {urgency} - {category}, {place}, til: {language}.{phone} "
          "Javob: OK {code} - qabul, ARRIVED {code} - joydamiz, DONE {code} - bajarildi, NO {code} - imkonsiz.",
    "fa": "خط {line}، ارجاع {code}: {urgency} - {category}، {place}، زبان: {language}.{phone} "
          "پاسخ: OK {code} پذیرفته، ARRIVED {code} در محل، DONE {code} انجام شد، NO {code} نمی‌توانیم.",
    "en": "Hotline {line} referral {code}: {urgency} - {category}, {place}, language: {language}.{phone} "
          "Reply OK {code} to accept, ARRIVED {code}, DONE {code}, or NO {code} if you cannot.",
}
CALLER_PHONE = {"tg": " Тел.: {phone}.", "ru": " Тел.: {phone}.", "uz": " Tel.: {phone}.", "fa": " تلفن: {phone}.",
                "en": " Caller: {phone}."}
URGENCY = {
    "tg": {"critical": "ФАВРӢ", "high": "имрӯз", "medium": "то 3 рӯз", "low": "ҳангоми имкон"},
    "ru": {"critical": "СРОЧНО", "high": "сегодня", "medium": "в течение 3 дней", "low": "по возможности"},
    "uz": {"critical": "SHOSHILINCH", "high": "bugun", "medium": "3 kun ichida", "low": "imkon bo'lganda"},
    "fa": {"critical": "فوری", "high": "امروز", "medium": "تا ۳ روز", "low": "در صورت امکان"},
    "en": {"critical": "URGENT", "high": "today", "medium": "within 3 days", "low": "as needed"},
}
CATEGORY = {
    "tg": {"suicide_self_harm": "хавфи худкушӣ", "child_abuse": "зӯроварӣ нисбат ба кӯдак",
           "domestic_violence": "зӯроварии хонаводагӣ", "elder": "шахси солхӯрда", "disability": "маъюбӣ",
           "child_without_care": "кӯдаки бепарастор", "mental_health": "саломатии равонӣ",
           "family_relationships": "муносибатҳои оилавӣ", "substance_use": "истеъмоли моддаҳо",
           "health": "саломатӣ / ВНМО", "basic_needs": "эҳтиёҷоти асосӣ", "information": "маълумот"},
    "ru": {"suicide_self_harm": "суицидальный риск", "child_abuse": "насилие над ребёнком",
           "domestic_violence": "домашнее насилие", "elder": "пожилой человек", "disability": "инвалидность",
           "child_without_care": "ребёнок без попечения", "mental_health": "психическое здоровье",
           "family_relationships": "семейные отношения", "substance_use": "употребление веществ",
           "health": "здоровье / ВИЧ", "basic_needs": "базовые нужды", "information": "информация"},
    "uz": {"suicide_self_harm": "o'z joniga qasd xavfi", "child_abuse": "bolaga zo'ravonlik",
           "domestic_violence": "oilaviy zo'ravonlik", "elder": "keksa odam", "disability": "nogironlik",
           "child_without_care": "qarovsiz bola", "mental_health": "ruhiy salomatlik",
           "family_relationships": "oilaviy munosabatlar", "substance_use": "moddalar iste'moli",
           "health": "salomatlik / OIV", "basic_needs": "asosiy ehtiyojlar", "information": "ma'lumot"},
    "fa": {"suicide_self_harm": "خطر خودکشی", "child_abuse": "آزار کودک", "domestic_violence": "خشونت خانگی",
           "elder": "سالمند", "disability": "معلولیت", "child_without_care": "کودک بی‌سرپرست",
           "mental_health": "سلامت روان", "family_relationships": "روابط خانوادگی",
           "substance_use": "مصرف مواد", "health": "سلامت / اچ‌آی‌وی", "basic_needs": "نیازهای پایه",
           "information": "اطلاعات"},
    "en": {"suicide_self_harm": "suicide risk", "child_abuse": "child abuse", "domestic_violence": "domestic violence",
           "elder": "older person", "disability": "disability", "child_without_care": "child without care",
           "mental_health": "mental health", "family_relationships": "family relationships",
           "substance_use": "substance use", "health": "health / HIV", "basic_needs": "basic needs",
           "information": "information"},
}
REGION = {
    "tg": {"dushanbe": "Душанбе", "sughd": "Суғд", "khatlon": "Хатлон", "gbao": "ВМКБ", "drs": "НТҶ"},
    "ru": {"dushanbe": "Душанбе", "sughd": "Согд", "khatlon": "Хатлон", "gbao": "ГБАО", "drs": "РРП"},
    "uz": {"dushanbe": "Dushanbe", "sughd": "So'g'd", "khatlon": "Xatlon", "gbao": "TBMV", "drs": "RTT"},
    "fa": {"dushanbe": "دوشنبه", "sughd": "سغد", "khatlon": "ختلان", "gbao": "بدخشان", "drs": "نواحی تابع جمهوری"},
    "en": {"dushanbe": "Dushanbe", "sughd": "Sughd", "khatlon": "Khatlon", "gbao": "GBAO", "drs": "DRS"},
}
UNKNOWN = {"tg": "номаълум", "ru": "не известно", "uz": "noma'lum", "fa": "نامعلوم", "en": "unknown"}
SPEAKS = {"tg": "тоҷикӣ", "ru": "русский", "uz": "o'zbek", "fa": "فارسی", "en": "English"}
STATUS = {
    "tg": {"acknowledged": "қабул шуд", "on_scene": "дар ҷой", "completed": "иҷро шуд", "declined": "рад шуд"},
    "ru": {"acknowledged": "принято", "on_scene": "на месте", "completed": "выполнено", "declined": "отклонено"},
    "uz": {"acknowledged": "qabul qilindi", "on_scene": "joyida", "completed": "bajarildi", "declined": "rad etildi"},
    "fa": {"acknowledged": "پذیرفته شد", "on_scene": "در محل", "completed": "انجام شد", "declined": "رد شد"},
    "en": {"acknowledged": "acknowledged", "on_scene": "on scene", "completed": "completed", "declined": "declined"},
}
REPLY = {"tg": "Равонакунӣ {code}: {status}. Ташаккур.", "ru": "Направление {code}: {status}. Спасибо.",
         "uz": "Yo'llanma {code}: {status}. Rahmat.", "fa": "ارجاع {code}: {status}. سپاس.",
         "en": "Referral {code}: {status}. Thank you."}
HELP = {
    "tg": "Хати боварӣ: рамз ёфт нашуд. Ҷавоб диҳед: OK <рамз>, ARRIVED <рамз>, DONE <рамз> ё NO <рамз>.",
    "ru": "Горячая линия: код не найден. Ответьте OK <код>, ARRIVED <код>, DONE <код> или NO <код> "
          "с кодом из нашего сообщения.",
    "uz": "Ishonch telefoni: kod topilmadi. Javob: OK <kod>, ARRIVED <kod>, DONE <kod> yoki NO <kod>.",
    "fa": "خط تلفن: کد پیدا نشد. پاسخ دهید: OK <کد>، ARRIVED <کد>، DONE <کد> یا NO <کد>.",
    "en": "Hotline: code not found. Reply OK <code>, ARRIVED <code>, DONE <code> or NO <code> "
          "with the code from our message.",
}
SUPERVISOR = {
    "ru": "Линия {line}: направление {code} ({urgency}, {category}, {place}) - {partner}: {why}. {next}",
    "tg": "Хати {line}: равонакунӣ {code} ({urgency}, {category}, {place}) - {partner}: {why}. {next}",
    "en": "Line {line}: referral {code} ({urgency}, {category}, {place}) - {partner}: {why}. {next}",
}
WHY = {
    "ru": {"unanswered": "нет ответа {minutes} мин", "declined": "отказ", "failed": "не доставлено"},
    "tg": {"unanswered": "ҷавоб нест {minutes} дақ", "declined": "рад кард", "failed": "нарасид"},
    "en": {"unanswered": "no answer in {minutes} min", "declined": "declined", "failed": "not delivered"},
}
NEXT = {"ru": ("Передано: {name} ({code}).", "Других партнёров нет - нужны действия."),
        "tg": ("Ба {name} ({code}) фиристода шуд.", "Шарики дигар нест - амал лозим."),
        "en": ("Passed to {name} ({code}).", "No other partner - please act.")}


@dataclass(frozen=True)
class ReferralFacts:
    """What a partner is told: the code, how urgent, about what, where, and (only if needed) a phone."""

    line: str
    code: str
    urgency: str | None
    category: str | None
    region: str | None
    caller_language: str | None
    caller_phone: str | None = None


def language_of(languages: list[str] | None, default: str = FALLBACK) -> str:
    return next((language for language in languages or [] if language in LANGUAGES), default)


def referral_sms(facts: ReferralFacts, language: str) -> str:
    lang = language if language in LANGUAGES else FALLBACK
    phone = CALLER_PHONE[lang].format(phone=facts.caller_phone) if facts.caller_phone else ""
    return REFERRAL[lang].format(line=facts.line, code=facts.code, phone=phone, **_labels(facts, lang))


def _labels(facts: ReferralFacts, lang: str) -> dict[str, str]:
    unknown = UNKNOWN[lang]
    return {"urgency": URGENCY[lang].get(facts.urgency or "", unknown),
            "category": CATEGORY[lang].get(facts.category or "", unknown),
            "place": REGION[lang].get(facts.region or "", unknown),
            "language": SPEAKS.get(facts.caller_language or "", unknown)}


def status_reply(code: str, status: str, language: str) -> str:
    lang = language if language in LANGUAGES else FALLBACK
    return REPLY[lang].format(code=code, status=STATUS[lang].get(status, status))


def help_text(language: str) -> str:
    return HELP[language if language in LANGUAGES else FALLBACK]


def supervisor_sms(facts: ReferralFacts, *, partner: str, why: str, minutes: int, language: str,
                   next_name: str | None, next_code: str | None) -> str:
    lang = language if language in SUPERVISOR else FALLBACK
    following = NEXT[lang][0].format(name=next_name, code=next_code) if next_name else NEXT[lang][1]
    labels = _labels(facts, lang if lang in LANGUAGES else FALLBACK)
    return SUPERVISOR[lang].format(line=facts.line, code=facts.code, partner=partner, next=following,
                                   why=WHY[lang][why].format(minutes=minutes), **labels)
