"""The schema. Clear columns are structure only; everything about a client is a sealed blob."""

from sqlalchemy import ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

ID = String(36)


class Base(DeclarativeBase):
    pass


class HeaderRow(Base):
    """The vault header: canonical JSON body (no clinical data) and its MAC."""

    __tablename__ = "vault_header"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    body: Mapped[bytes] = mapped_column(LargeBinary)
    mac: Mapped[bytes] = mapped_column(LargeBinary)


class ClientRow(Base):
    __tablename__ = "clients"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    order_key: Mapped[int] = mapped_column(Integer, index=True)
    key_version: Mapped[int] = mapped_column(Integer)
    wrapped_key: Mapped[bytes] = mapped_column(LargeBinary)
    payload: Mapped[bytes] = mapped_column(LargeBinary)
    #: Sealed ClientSummary, kept current on every write, so the list opens without notes.
    summary: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    #: Write counters bound into the associated data of ``payload`` and ``summary``.
    version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    summary_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class ClientChildRow:
    """Columns shared by every table of records that belong to one client."""

    __tablename__: str
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    client_id: Mapped[str] = mapped_column(
        ID, ForeignKey("clients.id", ondelete="CASCADE"), index=True
    )
    order_key: Mapped[int] = mapped_column(Integer)
    payload: Mapped[bytes] = mapped_column(LargeBinary)
    #: Write counter, bound into the payload's associated data and listed in the manifest.
    version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class EpisodeRow(ClientChildRow, Base):
    __tablename__ = "episodes"


class SessionRow(ClientChildRow, Base):
    __tablename__ = "sessions"
    episode_id: Mapped[str] = mapped_column(
        ID, ForeignKey("episodes.id", ondelete="CASCADE"), index=True
    )


class InventoryRow(ClientChildRow, Base):
    __tablename__ = "inventory"


class LifeEventRow(ClientChildRow, Base):
    __tablename__ = "life_events"


class RiskRecordRow(ClientChildRow, Base):
    """Risk reviews, the safety plan and risk decisions; which one is said inside the
    sealed payload (its "record" field), so the clear columns stay structure only."""

    __tablename__ = "risk_records"


class ManifestRow(Base):
    """One client's sealed manifest: every row of the client (table, id, version, payload
    digest, owning episode). No foreign key: a manifest outlives a deleted client row, so
    the deletion is named. ``digest`` (SHA-256 of ``payload``) feeds the header's root."""

    __tablename__ = "client_manifests"
    client_id: Mapped[str] = mapped_column(ID, primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    digest: Mapped[bytes] = mapped_column(LargeBinary)
    payload: Mapped[bytes] = mapped_column(LargeBinary)


class DraftRow(Base):
    """Unsaved editor text, sealed (under the client's key when it belongs to a client)."""

    __tablename__ = "drafts"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    client_id: Mapped[str | None] = mapped_column(
        ID, ForeignKey("clients.id", ondelete="CASCADE"), nullable=True, index=True
    )
    payload: Mapped[bytes] = mapped_column(LargeBinary)


class SettingRow(Base):
    """Vault-wide settings that must not sit in QSettings (practice details), sealed."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    payload: Mapped[bytes] = mapped_column(LargeBinary)


class AuditRow(Base):
    """Append-only, hash-chained audit entries (sealed; never clinical content)."""

    __tablename__ = "audit_log"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    payload: Mapped[bytes] = mapped_column(LargeBinary)
    mac: Mapped[bytes] = mapped_column(LargeBinary)


#: Tables whose rows belong to a client (and are shredded with it).
CLIENT_CHILD_TABLES: tuple[type[ClientChildRow], ...] = (
    EpisodeRow,
    SessionRow,
    InventoryRow,
    LifeEventRow,
    RiskRecordRow,
)
