"""Danger right now in every language, by the rules alone: means with an act, an aggressor at the door or with a
weapon, a small child left alone, a person not breathing or bleeding heavily, a goodbye or a plan; the same words
negated or in the past are not critical, and everyday uses of the means words are not raised."""

import json
from pathlib import Path

import pytest

from hotline.triage import classify
from hotline.triage.matching import find_hits


def _rules(text):
    return classify(text=text, use_model=False)


CRITICAL = [
    # Tajik (with Russian words), Tajik typed in Latin
    ("tg", "хамаи таблеткахоро хурдам дигар намехохам", "suicide_self_harm"),
    ("tg", "ман дар болои бом истодаам ҳозир мепарам", "suicide_self_harm"),
    ("tg", "сиркоро нӯшид, ҳоло дар ошхона хобидааст", "suicide_self_harm"),
    ("tg", "шавҳарам дарро мешиканад бо корд, ман бо бачаҳо дар ҳаммом", None),
    ("tg", "бибиам нафас намекашад, чашмашро намекушояд", "elder"),
    ("tg", "тифли 1 сола дар хона танҳо монд, модараш рафт", "child_without_care"),
    ("tg", "ба ҳама паём навиштам ки маро бубахшед, ресмон тайёр", "suicide_self_harm"),
    # Russian
    ("ru", "проглотила всю пачку снотворного, голова кружится", "suicide_self_harm"),
    ("ru", "сижу на крыше и смотрю вниз, сил больше нет", "suicide_self_harm"),
    ("ru", "брошусь под поезд сегодня, не ищите меня", "suicide_self_harm"),
    ("ru", "он выбивает дверь, мы заперлись в комнате", None),
    ("ru", "отец с топором ходит по квартире, кричит", None),
    ("ru", "годовалый малыш один в квартире, мать ушла", "child_without_care"),
    ("ru", "мама лежит и не дышит, посинела", None),
    ("ru", "напился уксуса, всё горит внутри", "suicide_self_harm"),
    # Uzbek, Latin and Cyrillic
    ("uz", "bir quti tabletkani ichib yubordim", "suicide_self_harm"),
    ("uz", "ko'prikdan o'zimni tashlayman, meni qidirmang", "suicide_self_harm"),
    ("uz", "erim bolta bilan eshikni sindiryapti", None),
    ("uz", "бувам нафас олмаяпти, кўзини очмаяпти", "elder"),
    ("uz", "2 yoshli qizcha uyda yolg'iz yig'layapti", "child_without_care"),
    # Persian
    ("fa", "یه بسته قرص خوردم، سرم گیج میره", "suicide_self_harm"),
    ("fa", "میخوام خودمو از پل پرت کنم، خداحافظ", "suicide_self_harm"),
    ("fa", "شوهرم با قمه پشت در وایساده", None),
    ("fa", "مادرم بیهوشه و خونریزی شدید داره", None),
    # English
    ("en", "swallowed a box of paracetamol an hour ago", "suicide_self_harm"),
    ("en", "im standing on the bridge and i cant do this", "suicide_self_harm"),
    ("en", "hes kicking down the door and hes got a knife", None),
    ("en", "my toddler was left home alone by the sitter", "child_without_care"),
    ("en", "dad collapsed and is not breathing", None),
    ("en", "theres so much blood, she cut her wrists", "suicide_self_harm"),
]


@pytest.mark.parametrize(("language", "text", "category"), CRITICAL)
def test_danger_now_is_critical_by_the_rules(language, text, category):
    result = _rules(text)
    assert result.urgency == "critical", (language, text, result)
    if category:
        assert result.category == category, (language, text, result)


NOT_CRITICAL = [
    # negated
    ("tg", "ман худамро намекушам, фақат дилам танг", "medium"),
    ("ru", "я не собираюсь прыгать с моста, просто плохо", "medium"),
    ("uz", "o'zimni ko'prikdan tashlamoqchi emasman, faqat yolg'izman", "medium"),
    ("fa", "قصد ندارم خودمو از پل پرت کنم، فقط ناراحتم", "medium"),
    ("en", "im not going to jump off the bridge, i just feel low", "medium"),
    ("en", "he never hit me, we argue about money", "medium"),
    # past
    ("ru", "много лет назад наглоталась таблеток, сейчас всё хорошо", "medium"),
    ("ru", "муж раньше бил, сейчас мы живём отдельно", "medium"),
    ("en", "years ago i swallowed a box of pills, now i want to talk about my son", "medium"),
    # everyday uses of the means words
    ("tg", "дорухона куҷост, барои бобоям дору лозим", "low"),
    ("ru", "куда обращаться насчет субсидии за газ", "low"),
    ("en", "what time does the pharmacy open", "low"),
]


@pytest.mark.parametrize(("language", "text", "urgency"), NOT_CRITICAL)
def test_negated_past_and_everyday_mentions_are_not_critical(language, text, urgency):
    assert _rules(text).urgency == urgency, (language, text, _rules(text))


@pytest.mark.parametrize(
    "text",
    [
        "писарам нафақаи бибиамро ҳар моҳ гирифта мебарад",
        "сын забирает у бабушки пенсию, ей не на что есть",
        "o'g'li onasining pensiyasini tortib oladi",
        "پسرش مستمری مادرش رو میگیره",
        "her son took the old womans pension again",
    ],
)
def test_a_son_taking_an_old_womans_pension_is_elder_abuse_not_a_child_category(text):
    result = _rules(text)
    assert (result.urgency, result.category) == ("high", "elder"), (text, result)


def test_the_cue_itself_is_not_its_own_negation():
    # "not breathing" holds a "not": the danger is the negation, so the cue stays active
    hits = [h for h in find_hits("he is not breathing") if h.kind == "unconscious"]
    assert hits and not any(h.negated for h in hits)


def test_a_child_alone_is_critical_only_when_small_or_unsafe():
    assert _rules("my 15 year old son is home alone after school").urgency != "critical"
    assert _rules("my 2 year old is home alone").urgency == "critical"


WRITTEN_CRITICAL = Path(__file__).resolve().parent / "data" / "written_critical.jsonl"


def test_the_written_critical_rows_stay_critical_by_the_rules_alone():
    # Critical rows written for this release that the rules catch: kept here as a regression set rather than in
    # train.jsonl, where rows the rules' floor already decides would teach the model to defer to the cue kinds.
    rows = [json.loads(line) for line in WRITTEN_CRITICAL.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) > 100 and {row["language"] for row in rows} == {"tg", "ru", "uz", "fa", "en"}
    missed = [row["text"] for row in rows if _rules(row["text"]).urgency != "critical"]
    assert not missed, missed


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("иногда думаю что проще исчезнуть", "suicide_self_harm"),
        ("баъзан фикр мекунам ки нопадид шавам беҳтар", "suicide_self_harm"),
        ("ba'zan yo'qolib ketsam yaxshi bo'lardi deyman", "suicide_self_harm"),  # "if I disappeared", not a missing person
        ("گاهی فکر میکنم اگه نباشم بهتره", "suicide_self_harm"),
        ("sometimes it feels easier to disappear", "suicide_self_harm"),
        ("хозяйка сказала освободить квартиру до вечера, идти некуда", "basic_needs"),
        ("they want to marry off my 14 year old cousin", "child_abuse"),
        ("дедушка лежачий, пролежни, сиделка не приходит", "elder"),
    ],
)
def test_serious_risk_that_is_not_this_minute_is_high(text, category):
    result = _rules(text)
    assert (result.urgency, result.category) == ("high", category), (text, result)
