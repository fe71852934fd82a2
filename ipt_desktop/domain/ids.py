"""Record ids: UUID strings assigned before anything is stored.

One place for making and checking them, shared by ``model`` and ``risk_records`` (``model``
imports ``risk_records``, so neither can hold them for the other).
"""

import uuid

from .errors import ValidationError


def new_id() -> str:
    """A fresh random id (UUID4, as text)."""
    return str(uuid.uuid4())


def check_id(name: str, value: object) -> None:
    """Refuse ``value`` for field ``name`` unless it is a UUID string."""
    if not isinstance(value, str):
        raise ValidationError(name, "must be an id")
    try:
        uuid.UUID(value)
    except ValueError:
        raise ValidationError(name, "is not a valid id") from None
