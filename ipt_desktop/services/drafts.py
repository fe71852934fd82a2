"""Drafts: text being edited, saved sealed every few seconds and on lock (no audit entry).

A draft of a client's record is sealed under that client's data key (table "drafts"), so
deleting the client shreds it too; any other draft (a client not created yet) is sealed
under the vault's drafts sub-key, bound to the vault id and the draft key. The draft key
is a clear column: keep it structural, e.g. ``session:<id>`` or ``new-client``.
"""

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session as DbSession

from ipt_desktop.crypto import aead
from ipt_desktop.crypto.errors import DecryptionError
from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.validation import check_name, check_text
from ipt_desktop.store.tables import DraftRow
from ipt_desktop.vault import rows as client_rows
from ipt_desktop.vault.errors import RecordDamagedError
from ipt_desktop.vault.json_fields import JsonObject
from ipt_desktop.vault.vault import Vault

from . import practice_memory

TABLE = "drafts"
MAX_KEY_CHARS = 200


@dataclass(frozen=True)
class Draft:
    key: str
    client_id: str | None
    fields: dict[str, str]
    saved_at: str  # ISO date and time, UTC


def session_draft_key(session_id: str) -> str:
    return f"session:{session_id}"


def _aad(vault: Vault, key: str) -> bytes:
    return aead.associated_data(TABLE, vault.vault_id, key)


def _check_fields(fields: Mapping[str, str]) -> dict[str, str]:
    if not isinstance(fields, Mapping):
        raise ValidationError("fields", "must map field names to texts")
    checked: dict[str, str] = {}
    for name, text in fields.items():
        check_name("fields", name)
        checked[name] = check_text(f"fields.{name[:MAX_KEY_CHARS]}", text)
    return checked


def save_draft(vault: Vault, key: str, client_id: str | None, fields: Mapping[str, str]) -> None:
    """Save (or replace) the draft ``key``. Writes no audit entry."""
    check_name("key", key)
    check_text("key", key, max_chars=MAX_KEY_CHARS)
    data = {
        "fields": _check_fields(fields),
        "saved_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    with practice_memory.tracked(vault), vault.transaction(None) as db:
        if client_id is None:
            plaintext = json.dumps(data, ensure_ascii=False).encode("utf-8")
            blob = aead.seal(vault.purpose_key("drafts"), plaintext, _aad(vault, key))
        else:
            ckey = client_rows.client_key(vault, db, client_id)
            blob = vault.seal(ckey, client_id, TABLE, key, data)
        row = db.get(DraftRow, key)
        if row is None:
            db.add(DraftRow(id=key, client_id=client_id, payload=blob))
        else:
            row.client_id = client_id
            row.payload = blob


def open_draft_row(vault: Vault, db: DbSession, row: DraftRow) -> Draft:
    """Decrypt one stored draft (RecordDamagedError when it does not authenticate)."""
    data: Any
    if row.client_id is None:
        try:
            plaintext = aead.open_sealed(
                vault.purpose_key("drafts"), row.payload, _aad(vault, row.id)
            )
            data = json.loads(plaintext.decode("utf-8"))
        except (DecryptionError, ValueError):
            raise RecordDamagedError(TABLE, row.id) from None
    else:
        ckey = client_rows.client_key(vault, db, row.client_id)
        data = vault.unseal(ckey, row.client_id, TABLE, row.id, row.payload)

    def read(obj: JsonObject) -> Draft:
        fields = obj.optional_object("fields")
        texts: dict[str, str] = {}
        if fields is not None:
            for name in _field_names(data):
                texts[name] = fields.text(name)
            fields.finish()
        return Draft(row.id, row.client_id, texts, obj.text("saved_at", max_chars=40))

    return client_rows.decode(TABLE, row.id, data, read)


def _field_names(data: Any) -> list[str]:
    inner = data.get("fields") if isinstance(data, dict) else None
    return [str(name) for name in inner] if isinstance(inner, dict) else []


def load_draft(vault: Vault, key: str) -> Draft | None:
    with vault.reading() as db:
        row = db.get(DraftRow, key)
        return None if row is None else open_draft_row(vault, db, row)


def discard_draft(vault: Vault, key: str) -> None:
    """Forget the draft ``key`` (nothing happens if there is none). No audit entry."""
    with practice_memory.tracked(vault), vault.transaction(None) as db:
        db.execute(delete(DraftRow).where(DraftRow.id == key))


def list_drafts(vault: Vault) -> list[Draft]:
    with vault.reading() as db:
        rows = db.scalars(select(DraftRow).order_by(DraftRow.id)).all()
        return [open_draft_row(vault, db, row) for row in rows]
