"""What a counselor can take: their languages and lines (an empty list means all)."""

from dataclasses import dataclass

from hotline.auth.models import User
from hotline.queue.policy import Waiting


@dataclass(frozen=True)
class Skills:
    languages: tuple[str, ...] = ()
    lines: tuple[str, ...] = ()

    def can_take(self, entry: Waiting) -> bool:
        """A call whose language is not known yet goes to anyone on its line."""
        language_ok = not self.languages or not entry.language or entry.language in self.languages
        line_ok = not self.lines or entry.line in self.lines
        return language_ok and line_ok


def skills_of(user: User) -> Skills:
    return Skills(tuple(user.languages or ()), tuple(user.lines or ()))
