"""Which characters of a graduation summary no bundled font can print (they show as U+FFFD).

The PDF is still written; the caller tells the therapist, so that a name with an emoji
(or Korean, which the bundled CJK font lacks) is not handed over without a word.
"""

import dataclasses
from collections.abc import Iterator

from ipt_desktop.domain.graduation import GraduationContent

from .script_text import unprintable


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _strings(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _strings(getattr(value, field.name))


def unprintable_characters(content: GraduationContent) -> list[str]:
    """The distinct characters of ``content`` that will print as U+FFFD, in order of use."""
    return unprintable("\n".join(_strings(content)))


def describe(characters: list[str]) -> str:
    """One sentence naming the characters by code point (never the text around them)."""
    points = ", ".join(f"U+{ord(c):04X}" for c in characters)
    noun = "character" if len(characters) == 1 else "characters"
    return (
        f"{len(characters)} {noun} ({points}) cannot be printed with the bundled fonts "
        "and show as \ufffd in the PDF."
    )
