"""The synthetic practice on disk, twice: as a real vault and as the plain baseline file.

The vault is written through the services' own bulk path (``client_rows.add_records``,
which the interchange import uses): every payload is sealed by ``Vault.seal`` under the
client's own data key, one transaction (with its audit entry and fsync) per client.
The baseline is a plain SQLite file with the same rows as unencrypted JSON (the exact JSON
the vault seals) and no ORM: the floor the benchmark compares against.

Both are built once per ``PracticeShape`` and cached under ``benchmark-results/`` by the
shape's key; a run works on fresh copies, so the cache stays as generated.

While writing, the builder adds an index on each child table's ``order_key`` and drops it
again before the vault is closed. ``client_rows.next_order_key`` reads the table-wide
maximum of that column once per transaction, which without an index is a full scan of the
table for every client written (minutes of scans at this size). The vault the benchmarks
open has exactly the application's schema; the README's benchmark section reports what
that scan costs a save.
"""

import json
import shutil
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ipt_desktop.crypto.kdf import KdfParams, calibrate
from ipt_desktop.domain.model import ClientRecord
from ipt_desktop.domain.summary import summarize
from ipt_desktop.services import practice
from ipt_desktop.vault import codec
from ipt_desktop.vault import rows as client_rows
from ipt_desktop.vault.audit_log import AuditEvent
from ipt_desktop.vault.vault import Vault

from .synthetic_practice import PRACTICE, PracticeShape, generate

#: Fictional passphrase of every synthetic vault (it protects nothing real).
PASSPHRASE = "harbour quilt velvet meadow lantern"
VAULT_DIR = "vault"
BASELINE_NAME = "baseline.sqlite3"
MANIFEST_NAME = "manifest.json"
_CHILD_TABLES = ("episodes", "sessions", "inventory", "life_events")
_BUILD_INDEX = "bench_build_order_{table}"

BASELINE_SCHEMA = (
    "CREATE TABLE header (id INTEGER PRIMARY KEY, body TEXT NOT NULL)",
    "CREATE TABLE clients (id TEXT PRIMARY KEY, order_key INTEGER NOT NULL,"
    " payload TEXT NOT NULL, summary TEXT NOT NULL)",
    "CREATE INDEX ix_clients_order_key ON clients (order_key)",
    *(
        f"CREATE TABLE {table} (id TEXT PRIMARY KEY, client_id TEXT NOT NULL REFERENCES"
        f" clients(id),{' episode_id TEXT NOT NULL,' if table == 'sessions' else ''}"
        f" order_key INTEGER NOT NULL, payload TEXT NOT NULL)"
        for table in _CHILD_TABLES
    ),
    *(f"CREATE INDEX ix_{t}_client_id ON {t} (client_id)" for t in _CHILD_TABLES),
)
BASELINE_PRAGMAS = ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL")


@dataclass(frozen=True)
class Manifest:
    """What the benchmark needs to know about a built practice."""

    key: str
    clients: int
    sessions: int
    long_client_id: str
    long_client_sessions: int
    typical_client_id: str
    typical_client_sessions: int
    kdf_time_cost: int
    kdf_memory_kib: int
    kdf_lanes: int
    recovery_key: str
    build_seconds: float
    vault_bytes: int
    baseline_bytes: int


@dataclass(frozen=True)
class PracticeFiles:
    root: Path
    manifest: Manifest

    @property
    def vault_dir(self) -> Path:
        return self.root / VAULT_DIR

    @property
    def baseline(self) -> Path:
        return self.root / BASELINE_NAME

    def copy_to(self, target: Path) -> "PracticeFiles":
        """A working copy (vault and baseline) that a run may change."""
        if target.exists():
            shutil.rmtree(target)
        target.mkdir(parents=True)
        shutil.copytree(self.vault_dir, target / VAULT_DIR)
        shutil.copy2(self.baseline, target / BASELINE_NAME)
        return PracticeFiles(target, self.manifest)


def baseline_connection(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in BASELINE_PRAGMAS:
        conn.execute(pragma)
    return conn


class _BaselineWriter:
    def __init__(self, path: Path) -> None:
        self.conn = baseline_connection(path)
        for statement in BASELINE_SCHEMA:
            self.conn.execute(statement)
        self.order = 0

    def _dump(self, data: object) -> str:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    def _child(self, table: str, row_id: str, client_id: str, data: object, **extra: str) -> None:
        self.order += 1
        columns = ["id", "client_id", *extra, "order_key", "payload"]
        values = [row_id, client_id, *extra.values(), self.order, self._dump(data)]
        marks = ", ".join("?" * len(columns))
        self.conn.execute(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", values)

    def add(self, record: ClientRecord) -> None:
        cid = record.client.id
        self.conn.execute("BEGIN IMMEDIATE")
        self.order += 1
        self.conn.execute(
            "INSERT INTO clients VALUES (?, ?, ?, ?)",
            (
                cid,
                self.order,
                self._dump(codec.client_json(record.client)),
                self._dump(codec.summary_json(summarize(record))),
            ),
        )
        for e in record.episodes:
            self._child("episodes", e.id, cid, codec.episode_json(e))
        for s in record.sessions:
            data = client_rows.session_payload(s)
            self._child("sessions", s.id, cid, data, episode_id=s.episode_id)
        for p in record.inventory:
            self._child("inventory", p.id, cid, codec.person_json(p))
        for ev in record.life_events:
            self._child("life_events", ev.id, cid, codec.life_event_json(ev))
        self.conn.execute("COMMIT")

    def close(self, header: dict[str, Any]) -> None:
        self.conn.execute("INSERT INTO header VALUES (1, ?)", (json.dumps(header),))
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.conn.close()


def _set_build_indexes(vault: Vault, present: bool) -> None:
    with vault.engine.begin() as conn:
        for table in _CHILD_TABLES:
            name = _BUILD_INDEX.format(table=table)
            if present:
                conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {table} (order_key)")
            else:
                conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")


def _write(
    shape: PracticeShape, root: Path, kdf: KdfParams | None, records: Iterable[ClientRecord]
) -> Manifest:
    started = time.perf_counter()
    vault, recovery = Vault.create(root / VAULT_DIR, PASSPHRASE, kdf=kdf)
    baseline = _BaselineWriter(root / BASELINE_NAME)
    long_id, long_count = "", 0
    typical: list[tuple[int, str]] = []
    try:
        practice.save_practice(vault, PRACTICE)
        _set_build_indexes(vault, present=True)
        for record in records:
            client_rows.add_records(vault, [record], AuditEvent.IMPORT, detail="synthetic practice")
            baseline.add(record)
            count = len(record.sessions)
            typical.append((count, record.client.id))
            if count > long_count:
                long_id, long_count = record.client.id, count
        _set_build_indexes(vault, present=False)
        params = vault.header.kdf
        header = {"vault_id": vault.vault_id, "generation": vault.header.generation}
    finally:
        vault.close()
    baseline.close(header)
    typical.sort()
    typical_count, typical_id = typical[len(typical) // 2]
    return Manifest(
        key=shape.key,
        clients=shape.clients,
        sessions=shape.sessions,
        long_client_id=long_id,
        long_client_sessions=long_count,
        typical_client_id=typical_id,
        typical_client_sessions=typical_count,
        kdf_time_cost=params.time_cost,
        kdf_memory_kib=params.memory_kib,
        kdf_lanes=params.lanes,
        recovery_key=recovery,
        build_seconds=round(time.perf_counter() - started, 1),
        vault_bytes=(root / VAULT_DIR / "vault.sqlite3").stat().st_size,
        baseline_bytes=(root / BASELINE_NAME).stat().st_size,
    )


def build(
    shape: PracticeShape, cache_dir: Path, *, kdf: KdfParams | None = None, rebuild: bool = False
) -> PracticeFiles:
    """The practice of ``shape`` under ``cache_dir``, built unless a complete copy is there.

    ``kdf`` None calibrates Argon2id as a real vault creation does (about 0.5 s here)."""
    root = Path(cache_dir) / f"practice-{shape.key}"
    manifest_path = root / MANIFEST_NAME
    if manifest_path.is_file() and not rebuild:
        return PracticeFiles(root, Manifest(**json.loads(manifest_path.read_text("utf-8"))))
    partial = root.with_name(root.name + ".partial")
    for stale in (partial, root):
        if stale.exists():
            shutil.rmtree(stale)
    partial.mkdir(parents=True)
    manifest = _write(shape, partial, kdf if kdf is not None else calibrate(), generate(shape))
    (partial / MANIFEST_NAME).write_text(json.dumps(asdict(manifest), indent=2), "utf-8")
    partial.rename(root)
    return PracticeFiles(root, manifest)
