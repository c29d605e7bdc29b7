"""The ids the pages show as words (urgencies, categories, presences...), marked for the translation catalogues."""

from hotline.web.i18n import N_


URGENCY_WORDS = (N_("critical"), N_("high"), N_("medium"), N_("low"), N_("untriaged"))
PRESENCE_WORDS = (N_("available"), N_("busy"), N_("wrap-up"), N_("offline"))
LANGUAGE_WORDS = {"tg": N_("Tajik"), "ru": N_("Russian"), "uz": N_("Uzbek"), "fa": N_("Persian"), "en": N_("English")}
CATEGORY_WORDS = (N_("suicide_self_harm"), N_("child_abuse"), N_("domestic_violence"), N_("elder"), N_("disability"),
                  N_("child_without_care"), N_("mental_health"), N_("family_relationships"), N_("substance_use"),
                  N_("health"), N_("basic_needs"), N_("information"))
PARTNER_WORDS = (N_("mobile_team"), N_("police"), N_("ambulance"), N_("hospital"), N_("rehabilitation"), N_("cbr"),
                 N_("shelter"), N_("psychologist"), N_("legal_aid"), N_("child_rights"), N_("hiv_centre"),
                 N_("elderly_care"))
REGION_WORDS = (N_("dushanbe"), N_("sughd"), N_("khatlon"), N_("gbao"), N_("drs"))
STATUS_WORDS = (N_("ivr"), N_("queued"), N_("connected"), N_("completed"), N_("abandoned"), N_("pending"),
                N_("sent"), N_("acknowledged"), N_("on_scene"), N_("declined"), N_("escalated"), N_("failed"))
OUTCOME_WORDS = (N_("counseled"), N_("referred"), N_("information_given"), N_("callback_planned"),
                 N_("emergency_dispatched"), N_("silent"), N_("hung_up"), N_("hoax"), N_("wrong_number"))
CALLER_WORDS = (N_("self"), N_("third_party"), N_("child"))
GROUP_WORDS = (N_("orphan"), N_("older_person"), N_("living_with_hiv"), N_("pregnant"), N_("migrant"), N_("refugee"),
               N_("homeless"))
ROLE_WORDS = (N_("counselor"), N_("supervisor"), N_("manager"), N_("admin"))
ALL = (*URGENCY_WORDS, *PRESENCE_WORDS, *LANGUAGE_WORDS, *CATEGORY_WORDS, *PARTNER_WORDS, *REGION_WORDS, *STATUS_WORDS,
       *OUTCOME_WORDS, *CALLER_WORDS, *ROLE_WORDS,
       *GROUP_WORDS)


def language_name(code: str) -> str:
    return LANGUAGE_WORDS.get(code, code)
