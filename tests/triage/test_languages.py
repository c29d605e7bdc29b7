"""Each language: critical talk, negation, past, third-party reports, means words; scripts and spelling variants."""

import pytest

from hotline.triage import classify


def _check(text, urgency, category=None):
    result = classify(text=text)
    assert result.urgency == urgency, (text, result)
    if category:
        assert result.category == category, (text, result)
    return result


@pytest.mark.parametrize(
    ("text", "urgency", "category"),
    [
        ("выпил пачку таблеток, прощайте", "critical", "suicide_self_harm"),  # means + act
        ("я не собираюсь убивать себя, просто тоскливо", "medium", "mental_health"),  # negation
        ("в детстве отец меня бил, теперь кошмары снятся", "medium", "mental_health"),  # past
        ("муж сейчас бьёт меня, у него нож", "critical", "domestic_violence"),  # now + weapon
    ],
)
def test_russian(text, urgency, category):
    _check(text, urgency, category)


def test_russian_third_party_report_is_high_by_the_rules_and_never_lower():
    text = "соседский мальчик говорит что отчим его бьёт, ему 9 лет"
    rules = classify(text=text, use_model=False)
    assert (rules.urgency, rules.category) == ("high", "child_abuse")
    # the model may only raise it (a child beaten at home: when unsure between high and critical, the higher)
    assert classify(text=text).urgency in ("high", "critical") and classify(text=text).category == "child_abuse"


@pytest.mark.parametrize(
    ("text", "urgency", "category"),
    [
        ("ман худамро мекушам, заҳр дорам", "critical", "suicide_self_harm"),
        ("худамро куштан намехоҳам, фақат ғамгинам", "medium", "mental_health"),  # negation намехоҳам
        ("солҳо пеш худкушӣ карданӣ будам, ҳоло хубам", "medium", "mental_health"),  # past
        ("ҳамсоя бачаашро ҳамин ҳозир мезанад", "critical", "child_abuse"),  # third party, now
        ("шавхарам хозир маро мезанад", "critical", "domestic_violence"),  # typed without ҳ
    ],
)
def test_tajik(text, urgency, category):
    _check(text, urgency, category)


def test_tajik_mixed_with_russian():
    _check("муж ҳозир маро бьёт, помогите", "critical", "domestic_violence")
    _check("депрессия дорам, на работе стресс", "medium", "mental_health")


@pytest.mark.parametrize(
    ("text", "urgency", "category"),
    [
        ("o'zimni o'ldiraman, dori ichdim", "critical", "suicide_self_harm"),  # Latin with apostrophes
        ("ozimni oldirmoqchi emasman, faqat yolgizman", "medium", "mental_health"),  # Latin, no apostrophes, negation
        ("ўзимни ўлдирмоқчи эмасман, фақат ёлғизман", "medium", "mental_health"),  # Cyrillic, negation
        ("эрим ҳозир мени уряпти", "critical", "domestic_violence"),  # Cyrillic, progressive = now
        ("bolaligimda otam meni urardi, hozir yomon tushlar koraman", "medium", "mental_health"),  # past
        ("qo'shnimning qizi 10 yoshda, o'gay otasi uradi", "high", "child_abuse"),  # third party
    ],
)
def test_uzbek_both_scripts(text, urgency, category):
    _check(text, urgency, category)


@pytest.mark.parametrize(
    "text",
    ["يك بسته قرص خوردم، خداحافظ", "یک بسته قرص خوردم، خداحافظ", "يک بسته قرص خوردم خداحافظ"],
)
def test_persian_keyboard_variants_are_the_same(text):
    _check(text, "critical", "suicide_self_harm")


@pytest.mark.parametrize(
    ("text", "urgency", "category"),
    [
        ("نمی‌خوام خودکشی کنم، فقط افسرده‌ام", "medium", "mental_health"),  # ZWNJ
        ("نمیخوام خودکشی کنم فقط افسردهام", "medium", "mental_health"),  # no ZWNJ
        ("نمی خوام خودکشی کنم فقط افسرده ام", "medium", "mental_health"),  # space instead of ZWNJ
        ("چند سال پیش خودکشی کردم ولی الان خوبم", "medium", "mental_health"),  # past
        ("همسایه داره بچه‌شو با کمربند میزنه", "critical", "child_abuse"),  # third party, now
        ("شوهرم با چاقو تهدیدم میکنه", "critical", "domestic_violence"),  # weapon
    ],
)
def test_persian(text, urgency, category):
    _check(text, urgency, category)


@pytest.mark.parametrize(
    ("text", "urgency", "category"),
    [
        ("got a rope ready, gonna end it tonight", "critical", "suicide_self_harm"),
        ("im not gonna kill myself, just need to talk", "medium", "mental_health"),
        ("i tried suicide years ago, im fine now", "medium", "suicide_self_harm"),  # an attempt, if a past one
        ("my neighbours kid, 8 years old, says his dad beats him", "high", "child_abuse"),
        ("my husband has a knife and is hitting me right now", "critical", "domestic_violence"),
    ],
)
def test_english(text, urgency, category):
    _check(text, urgency, category)


def test_language_hint_wrong_or_missing_does_not_matter():
    text = "ўзимни ўлдираман бугун, арқон тайёр"
    for language in (None, "ru", "tg", "uz", "en"):
        assert classify(text=text, language=language).urgency == "critical"


def test_reasons_name_the_phrase_and_meaning():
    result = classify(text="выпила все таблетки")
    assert any("'таблетки'" in r and "(means: pills)" in r and "critical" in r for r in result.reasons), result.reasons


def test_category_precedence_from_triage_md():
    _check("пьяный отец бьёт ребёнка прямо сейчас", "critical", "child_abuse")  # not substance_use
    _check("потерял работу и не хочу больше жить", "high", "suicide_self_harm")  # not basic_needs
    _check("муж угрожает ножом", "critical", "domestic_violence")


def test_service_question_is_low():
    _check("где можно получить коляску для инвалида?", "low", "disability")
    _check("sorry wrong number", "low", "information")
