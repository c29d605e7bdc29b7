"""Simulated callers against the whole app in-process: every caller, whatever it presses, ends with a human."""

import random

from hotline.simulate import simulate_call
from hotline.simulate.cli import queue_position

FUZZ_CALLERS = 200


def place(client, settings, **options):
    return simulate_call(client, base_url=settings.public_base_url, token=settings.twilio_token,
                         queue_lookup=queue_position, **options)


def test_russian_caller_reporting_violence_with_someone_hurt_is_queued_critical(client, hotline_env):
    transcript = place(client, hotline_env, line="123", digits="2,3,1")
    assert transcript.inputs[:3] == ["at language: pressed 2", "at topic: pressed 3", "at someone_hurt: pressed 1"]
    heard = "\n".join(transcript.heard)
    assert "[Polly.Tatyana, ru-RU] Для русского языка нажмите 2." in heard
    for russian in ("Вы позвонили на линию 123", "Насилие в семье – 3", "Кто-то сейчас пострадал?",
                    "Сейчас мы соединяем вас с консультантом", "Ваш номер в очереди: 1."):
        assert russian in heard, russian
    assert transcript.outcome == "queued"
    assert transcript.ended == "queued on line 123 (hotline-123), urgency critical, position 1 of 1"


def test_1480_caller_in_english_is_queued_for_counseling(client, hotline_env):
    transcript = place(client, hotline_env, line="1480", digits="5,2,1")
    assert transcript.heard[4] == "[Polly.Joanna, en-US] For English press 5."
    assert transcript.heard[5].startswith("[Polly.Joanna, en-US] You have reached 1480, the psychological support line.")
    assert any("Where are you? Dushanbe, press 1." in heard for heard in transcript.heard)
    assert transcript.ended.startswith("queued on line 1480 (hotline-1480)")


def test_a_silent_caller_ends_with_a_counselor(client, hotline_env):
    transcript = place(client, hotline_env, line="123", digits="")
    assert transcript.inputs and all(line.endswith("stayed silent") for line in transcript.inputs)
    assert transcript.outcome == "queued", transcript.log


def test_danger_pressed_on_hold_makes_the_call_critical_then_hanging_up_abandons_it(client, hotline_env):
    transcript = place(client, hotline_env, line="123", digits="2,5,1,1", hold=2, hang_up=True)
    assert transcript.inputs[-3:] == ["at region: pressed 1", "on hold: pressed 1", "on hold: stayed silent"]
    assert transcript.outcome == "abandoned"
    assert "urgency critical" in transcript.ended and transcript.ended.endswith("(abandoned)")
    assert queue_position(transcript.call_sid) is None  # an abandoned call no longer waits


def test_two_hundred_random_callers_all_end_with_a_human(client, hotline_env):
    seeds = random.Random(1480)
    failures = []
    for number in range(FUZZ_CALLERS):
        transcript = place(client, hotline_env, line=("123", "1480")[number % 2], random_seed=seeds.randrange(2**32),
                           hold=1)
        if not transcript.with_a_human:
            failures.append(f"{transcript.ended}\n    " + "\n    ".join(transcript.log))
    assert not failures, f"{len(failures)} of {FUZZ_CALLERS} callers did not reach a human; first:\n" + failures[0]
