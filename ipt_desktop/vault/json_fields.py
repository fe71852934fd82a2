"""Strict reading of one JSON object, naming every problem by its JSON path.

``JsonObject`` reads the interchange format (files from outside) and everything else that
needs a precise message; ``StoredObject`` reads our own sealed payloads back by the same
rules, without the bookkeeping only a message needs. Every field is checked with the
domain's own checks; a field nobody asked for is an error (a typo such as ``"phq_9"`` must
not silently lose data). Messages say what is wrong and where, never what was typed (it
may be clinical text).
"""

import datetime as dt
import json
import re
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import TypeVar, cast

from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.validation import (
    MAX_TEXT_CHARS,
    check_date,
    check_int,
    check_items,
    check_name,
    check_text,
    check_text_list,
    parse_date,
)

E = TypeVar("E", bound=StrEnum)
T = TypeVar("T")

_MISSING = object()
_FIELD_HEAD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
#: Longest ISO date-and-time accepted ("2026-01-05T10:30:00.123456+05:30" is 32).
MAX_MOMENT_CHARS = 40


def show_key(key: str) -> str:
    """A field name as it may appear in a message: quoted, ASCII-escaped, cut short."""
    return json.dumps(key[:40])


def read_date(field: str, value: object) -> dt.date:
    if isinstance(value, str):
        check_text(field, value, max_chars=100)  # a lone surrogate never reaches a message
    return parse_date(field, value)


def read_moment(field: str, value: object) -> dt.datetime:
    """An ISO 8601 date and time with its UTC offset, e.g. ``2026-01-05T17:30:00+00:00``."""
    if not isinstance(value, str):
        raise ValidationError(field, "must be a date and time written YYYY-MM-DDTHH:MM:SS+00:00")
    check_text(field, value, max_chars=MAX_MOMENT_CHARS)
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise ValidationError(
            field, "is not a date and time written YYYY-MM-DDTHH:MM:SS+00:00"
        ) from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValidationError(field, "needs its UTC offset, e.g. 2026-01-05T17:30:00+00:00")
    check_date(field, moment.date())
    return moment


def write_moment(moment: dt.datetime) -> str:
    return moment.isoformat()


class JsonObject:
    """One JSON object at ``path``; read each field once, then call ``finish``."""

    def __init__(self, data: object, path: str) -> None:
        if not isinstance(data, dict):
            raise ValidationError(path or "file", "must be a JSON object ({...})")
        self._data: dict[str, object] = data
        self.path = path
        self._read: set[str] = set()

    def at(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def _take(self, key: str) -> object:
        self._read.add(key)
        return self._data.get(key, _MISSING)

    def has(self, key: str) -> bool:
        return key in self._data

    def required(self, key: str) -> object:
        value = self._take(key)
        if value is _MISSING:
            raise ValidationError(self.at(key), "is missing")
        return value

    def ignore(self, key: str) -> None:
        """Accept a field without using it (must be text when present, e.g. exported ids)."""
        value = self._take(key)
        if value is not _MISSING and value is not None:
            check_text(self.at(key), value, max_chars=100)

    # -- texts ------------------------------------------------------------------------
    def text(self, key: str, default: str = "", *, max_chars: int = MAX_TEXT_CHARS) -> str:
        value = self._take(key)
        if value is _MISSING:
            return default
        return check_text(self.at(key), value, max_chars=max_chars)

    def name(self, key: str) -> str:
        return check_name(self.at(key), self.required(key))

    def texts(self, key: str) -> tuple[str, ...]:
        value = self._take(key)
        if value is _MISSING:
            return ()
        return check_text_list(self.at(key), value)

    # -- dates ------------------------------------------------------------------------
    def date(self, key: str) -> dt.date:
        return read_date(self.at(key), self.required(key))

    def optional_date(self, key: str) -> dt.date | None:
        value = self._take(key)
        if value is _MISSING or value is None:
            return None
        return read_date(self.at(key), value)

    def optional_moment(self, key: str) -> dt.datetime | None:
        value = self._take(key)
        if value is _MISSING or value is None:
            return None
        return read_moment(self.at(key), value)

    def moment(self, key: str) -> dt.datetime:
        return read_moment(self.at(key), self.required(key))

    # -- numbers and flags ------------------------------------------------------------
    def number(self, key: str, low: int, high: int, default: int) -> int:
        value = self._take(key)
        if value is _MISSING:
            return default
        return check_int(self.at(key), value, low, high)

    def optional_number(self, key: str, low: int, high: int) -> int | None:
        value = self._take(key)
        if value is _MISSING or value is None:
            return None
        return check_int(self.at(key), value, low, high)

    def optional_answers(self, key: str, count: int, low: int, high: int) -> tuple[int, ...] | None:
        value = self._take(key)
        if value is _MISSING or value is None:
            return None
        if not isinstance(value, list):
            raise ValidationError(self.at(key), f"must be a list of {count} answers or null")
        return check_items(self.at(key), value, count, low, high)

    def flag(self, key: str, default: bool) -> bool:
        value = self.optional_flag(key)
        return default if value is None else value

    def optional_flag(self, key: str) -> bool | None:
        value = self._take(key)
        if value is _MISSING or value is None:
            return None
        if not isinstance(value, bool):
            raise ValidationError(self.at(key), "must be true or false")
        return value

    # -- vocabularies -----------------------------------------------------------------
    def choice(self, key: str, kind: type[E], default: E) -> E:
        value = self.optional_choice(key, kind)
        return default if value is None else value

    def optional_choice(self, key: str, kind: type[E]) -> E | None:
        value = self._take(key)
        if value is _MISSING or value is None:
            return None
        return _member(self.at(key), value, kind)

    def choices(self, key: str, kind: type[E]) -> tuple[E, ...]:
        value = self._take(key)
        if value is _MISSING:
            return ()
        if not isinstance(value, list):
            raise ValidationError(self.at(key), "must be a list")
        return tuple(_member(f"{self.at(key)}[{i}]", v, kind) for i, v in enumerate(value))

    # -- nesting ----------------------------------------------------------------------
    def objects(self, key: str, *, required: bool = False) -> list["JsonObject"]:
        value = self.required(key) if required else self._take(key)
        if value is _MISSING:
            return []
        if not isinstance(value, list):
            raise ValidationError(self.at(key), "must be a list")
        return [JsonObject(item, f"{self.at(key)}[{i}]") for i, item in enumerate(value)]

    def optional_object(self, key: str) -> "JsonObject | None":
        value = self._take(key)
        if value is _MISSING or value is None:
            return None
        return JsonObject(value, self.at(key))

    def finish(self) -> None:
        """Refuse fields nobody read (unknown, misspelt or from a newer format)."""
        for key in self._data:
            if key not in self._read:
                raise ValidationError(self.path or "file", f"has an unknown field {show_key(key)}")

    def build(
        self, factory: Callable[..., T], renames: Mapping[str, str], /, **values: object
    ) -> T:
        """``factory(**values)``, with a rule it breaks named by this object's JSON path."""
        try:
            return factory(**values)
        except ValidationError as exc:
            head = _FIELD_HEAD.match(exc.field)
            field = exc.field
            if head is not None:
                field = renames.get(head.group(), head.group()) + exc.field[head.end() :]
            raise ValidationError(self.at(field), exc.message) from None


class StoredObject(JsonObject):
    """A payload this program sealed and has just authenticated, read the lean way.

    The same reader functions (record_codec) serve both classes, so the JSON shape is
    defined once. What this one leaves out: JSON paths (nested objects are read at path
    "", so a message names only the field; a stored payload that does not read is reported
    as a damaged record anyway), and the content checks of texts, text lists and answer
    lists, which are only type-checked here because every reader hands them straight to a
    domain constructor that checks them again (length, NUL, lone surrogates, item ranges).
    Every other check (numbers, flags, vocabularies, dates, names, unknown fields) is the
    one ``JsonObject`` makes. Never use it for data from outside (files, the clipboard).
    """

    def __init__(self, data: object, path: str = "") -> None:
        super().__init__(data, "")

    def text(self, key: str, default: str = "", *, max_chars: int = MAX_TEXT_CHARS) -> str:
        value = self._take(key)
        if value is _MISSING:
            return default
        if not isinstance(value, str):
            raise ValidationError(key, "must be text")
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        value = self._take(key)
        if value is _MISSING:
            return ()
        if not isinstance(value, list):
            raise ValidationError(key, "must be a list of texts")
        return tuple(value)

    def optional_answers(self, key: str, count: int, low: int, high: int) -> tuple[int, ...] | None:
        value = self._take(key)
        if value is _MISSING or value is None:
            return None
        if not isinstance(value, list):
            raise ValidationError(key, f"must be a list of {count} answers or null")
        return tuple(value)

    def objects(self, key: str, *, required: bool = False) -> list["JsonObject"]:
        value = self.required(key) if required else self._take(key)
        if value is _MISSING:
            return []
        if not isinstance(value, list):
            raise ValidationError(key, "must be a list")
        return [StoredObject(item) for item in value]

    def optional_object(self, key: str) -> "JsonObject | None":
        value = self._take(key)
        if value is _MISSING or value is None:
            return None
        return StoredObject(value)


#: Each vocabulary's members by value: ``kind(value)`` as a dict look-up (an enum call
#: costs microseconds, and the client list reads thousands of vocabulary values).
_MEMBERS: dict[type[StrEnum], dict[str, StrEnum]] = {}


def _member(field: str, value: object, kind: type[E]) -> E:
    members = _MEMBERS.get(kind)
    if members is None:
        members = _MEMBERS[kind] = {member.value: member for member in kind}
    member = members.get(value) if isinstance(value, str) else None
    if member is None:
        raise ValidationError(field, "must be one of: " + ", ".join(m.value for m in kind))
    return cast(E, member)
