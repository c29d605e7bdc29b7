"""What a simulated caller does at each <Gather>: a script (`2,1,s,say:help me`) or seeded random keys."""

from dataclasses import dataclass
import random

SILENCE = "s"
SPEECH_PREFIX = "say:"
KEYS = "0123456789*#"
PHRASES = (
    "he is hitting my mother", "мне страшно", "помогите пожалуйста", "I want to die", "ман метарсам",
    "yordam bering", "کمک کنید", "nothing", "I don't know", "...",
)


@dataclass(frozen=True)
class Input:
    """One answer to one <Gather>: a key (or keys), words, or nothing."""

    digits: str = ""
    speech: str = ""

    @property
    def silent(self) -> bool:
        return not self.digits and not self.speech

    def describe(self) -> str:
        if self.speech:
            return f'said "{self.speech}"'
        return f"pressed {self.digits}" if self.digits else "stayed silent"


def parse_item(item: str) -> Input:
    """`3`, `s` (silence) or `say:text`; raises ValueError for anything else."""
    item = item.strip()
    if item.lower().startswith(SPEECH_PREFIX):
        text = item[len(SPEECH_PREFIX):].strip()
        if not text:
            raise ValueError("'say:' needs the words the caller says")
        return Input(speech=text)
    if item.lower() in (SILENCE, ""):
        return Input()
    if all(key in KEYS for key in item):
        return Input(digits=item)
    raise ValueError(f"{item!r} is not a key (0-9, *, #), 's' (silence) or 'say:text'")


def parse_script(text: str | None) -> list[Input]:
    """A comma-separated script; an empty one means a caller who never presses anything."""
    if not text:
        return []
    return [parse_item(item) for item in text.split(",")]


class Script:
    """Each gather in the menus takes the next item; on hold, left-over items are pressed; then silence."""

    def __init__(self, items: list[Input] | list[str] | str | None):
        if isinstance(items, str) or items is None:
            items = parse_script(items)
        self.items = [parse_item(item) if isinstance(item, str) else item for item in items]

    def next(self, on_hold: bool = False) -> Input:
        return self.items.pop(0) if self.items else Input()


class RandomCaller:
    """Random keys, invalid ones included, silence and speech; silent on hold. Seeded: runs repeat exactly."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def next(self, on_hold: bool = False) -> Input:
        if on_hold:
            return Input()
        roll = self.rng.random()
        if roll < 0.15:
            return Input()
        if roll < 0.25:
            return Input(speech=self.rng.choice(PHRASES))
        if roll < 0.35:
            return Input(digits=self.rng.choice("*#"))
        return Input(digits=self.rng.choice("0123456789"))
