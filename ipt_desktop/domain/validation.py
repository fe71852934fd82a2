"""Small checks shared by the domain value types. Each raises ValidationError naming the field."""

import datetime as dt
from collections.abc import Sequence

from .errors import ValidationError

#: Longest text accepted in one field (a 1 MB paste into a note must work).
MAX_TEXT_CHARS = 2_000_000
MAX_NAME_CHARS = 200
EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2200, 12, 31)


def check_text(field: str, value: object, *, max_chars: int = MAX_TEXT_CHARS) -> str:
    if not isinstance(value, str):
        raise ValidationError(field, "must be text")
    if len(value) > max_chars:
        raise ValidationError(field, f"is longer than {max_chars} characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationError(field, "contains an invalid character (a lone surrogate)") from None
    if "\x00" in value:
        raise ValidationError(field, "contains a NUL character")
    return value


def check_name(field: str, value: object) -> str:
    text = check_text(field, value, max_chars=MAX_NAME_CHARS)
    if not text.strip():
        raise ValidationError(field, "must not be empty")
    return text


def check_int(field: str, value: object, low: int, high: int) -> int:
    # bool is an int in Python; a checkbox ticked is not a score.
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, f"must be a whole number from {low} to {high}")
    if not low <= value <= high:
        raise ValidationError(field, f"must be from {low} to {high}, not {value}")
    return value


def check_items(field: str, value: object, count: int, low: int, high: int) -> tuple[int, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Sequence):
        raise ValidationError(field, f"must be a list of {count} answers")
    if len(value) != count:
        raise ValidationError(field, f"must have exactly {count} answers, not {len(value)}")
    return tuple(check_int(f"{field}[{i}]", v, low, high) for i, v in enumerate(value))


def check_date(field: str, value: object) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise ValidationError(field, "must be a date")
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValidationError(
            field, f"must be between {EARLIEST_DATE.isoformat()} and {LATEST_DATE.isoformat()}"
        )
    return value


def parse_date(field: str, value: object) -> dt.date:
    """Parse an ISO ``YYYY-MM-DD`` string strictly (30 February and year 0 are refused)."""
    if not isinstance(value, str) or len(value) != 10 or value[4] != "-" or value[7] != "-":
        raise ValidationError(field, "must be a date written YYYY-MM-DD")
    try:
        parsed = dt.date.fromisoformat(value)
    except ValueError:
        raise ValidationError(field, f"is not a real calendar date ({value})") from None
    return check_date(field, parsed)


def check_text_list(field: str, value: object, *, max_items: int = 500) -> tuple[str, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Sequence):
        raise ValidationError(field, "must be a list of texts")
    if len(value) > max_items:
        raise ValidationError(field, f"must have at most {max_items} entries")
    return tuple(check_text(f"{field}[{i}]", v) for i, v in enumerate(value))
