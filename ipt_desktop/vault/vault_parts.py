"""What the vault's helper modules need of an unlocked vault, as Protocols.

The manifests, their upgrade and the rollback anchor are used by ``Vault`` itself, so they
cannot import it back (every package reads top-down: tests/packaging/test_import_cycles.py).
They name the few operations they call instead; ``Vault`` has them all.
"""

from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy.orm import Session as DbSession

from .audit_log import AuditEvent
from .header import VaultHeader


class RowSealer(Protocol):
    """Client keys and row sealing (the manifests)."""

    def client_key(self, session: DbSession, client_id: str) -> bytes: ...

    def seal(
        self,
        key: bytes,
        client_id: str,
        table: str,
        row_id: str,
        data: object,
        version: int | None = None,
        episode_id: str = "",
    ) -> bytes: ...

    def unseal(
        self,
        key: bytes,
        client_id: str,
        table: str,
        row_id: str,
        blob: bytes,
        version: int | None = None,
        episode_id: str = "",
    ) -> Any: ...


class WritableVault(RowSealer, Protocol):
    """Row sealing and write transactions (the manifest upgrade)."""

    def transaction(
        self,
        event: AuditEvent | None,
        *object_ids: str,
        detail: str = "",
        header_update: dict[str, Any] | None = None,
    ) -> AbstractContextManager[DbSession]: ...

    def record_event(self, event: AuditEvent, *object_ids: str, detail: str = "") -> None: ...


class AnchoredVault(Protocol):
    """What the rollback anchor reads (the header, a sub-key, the audit rows)."""

    anchor_folder: Path

    @property
    def vault_id(self) -> str: ...

    @property
    def header(self) -> VaultHeader: ...

    def purpose_key(self, purpose: str) -> bytes: ...

    def reading(self) -> AbstractContextManager[DbSession]: ...
