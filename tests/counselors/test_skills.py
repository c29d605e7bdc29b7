"""Skills: languages and lines, where an empty list means all."""

from hotline.counselors.skills import Skills
from hotline.queue.policy import Waiting


def entry(language, line="123"):
    return Waiting("CA1", "high", language, line, 0.0)


def test_empty_means_everything():
    assert Skills().can_take(entry("fa", "1480"))


def test_languages_and_lines_must_both_match():
    skills = Skills(("ru", "tg"), ("1480",))
    assert skills.can_take(entry("ru", "1480"))
    assert not skills.can_take(entry("uz", "1480"))
    assert not skills.can_take(entry("ru", "123"))


def test_a_call_without_a_language_yet_goes_to_anyone_on_its_line():
    assert Skills(("uz",), ()).can_take(entry(None))
