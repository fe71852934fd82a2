"""The measured operations on the synthetic vault, each beside its baseline.

Every operation calls the application's own services, the way the GUI calls them; the
vault is a working copy, so writes (new sessions, audit entries) do not touch the cache.
The OS file cache is warm (the copy was just written): these are the numbers of a vault
opened a second time, not of a disk read from cold.
"""

import dataclasses
import datetime as dt
import time
from functools import partial

from ipt_desktop.crypto.kdf import derive_key, normalise_passphrase
from ipt_desktop.domain.model import Session
from ipt_desktop.domain.summary import summarize
from ipt_desktop.domain.timeline import build_timeline
from ipt_desktop.services import backup, clients, practice_memory, sessions, unlock_session
from ipt_desktop.services.client_search import search, search_all
from ipt_desktop.services.search_texts import payload_texts
from ipt_desktop.services.unlock_secret import UnlockSecret
from ipt_desktop.services.vault_verify import verify_vault
from ipt_desktop.vault import codec
from ipt_desktop.vault import keys as vault_keys_module
from ipt_desktop.vault import rows as client_rows
from ipt_desktop.vault.vault import Vault

from . import graduation_pdf
from .baseline_reads import Baseline
from .results_table import Budget, Row
from .synthetic_practice import TODAY
from .synthetic_text import RARE_WORD
from .synthetic_vault import PASSPHRASE, PracticeFiles
from .timing import Stopwatch, time_runs, unlock_work_ended

_database_problems = unlock_session.database_problems

#: A word in many notes: every hit builds a snippet, the search's worst case.
COMMON_WORD = "conversation"
#: A word (and the words it begins) in every note: the largest count the index makes.
EVERY_NOTE_WORD = "the"
#: Two words, one rare and one common: the index intersects their entries.
TWO_WORDS = f"{RARE_WORD[:6]} {COMMON_WORD[:5]}"
#: Above this many clients the scan (the search before the index is ready) is timed once.
SCAN_TIMED_UP_TO = 5_000
#: Budgets that depend on the size of the practice (issue 16).
LARGE_PRACTICE = 20_000


def _large(clients_count: int) -> bool:
    return clients_count >= LARGE_PRACTICE


class VaultBench:
    """The working copy, opened once (as the application opens it) and then measured."""

    def __init__(self, files: PracticeFiles, runs: int) -> None:
        self.files = files
        self.manifest = files.manifest
        self.runs = runs
        self.kdf = Stopwatch()
        # Time the key derivation inside the real unlock path (vault_keys unwraps the
        # master key for Vault.unlock), to report the rest apart.
        setattr(vault_keys_module, "derive_key", self.kdf.wrap(derive_key))  # noqa: B010
        self.check = Stopwatch()  # the quick check that runs beside the key derivation
        unlock_session.database_problems = self.check.wrap(  # type: ignore[assignment]
            _database_problems
        )
        self.vault = Vault.open(files.vault_dir)
        self.baseline = Baseline(files.baseline)
        self.secret = UnlockSecret.passphrase(PASSPHRASE)
        self.scratch = files.root / "scratch"
        self.scratch.mkdir(exist_ok=True)

    def close(self) -> None:
        setattr(vault_keys_module, "derive_key", derive_key)  # noqa: B010
        unlock_session.database_problems = _database_problems
        self.vault.close()
        self.baseline.close()

    # -- unlock and the client list ---------------------------------------------------
    def _waited(self) -> float:
        return unlock_work_ended(self.kdf, self.check)

    def unlock_rows(self) -> list[Row]:
        header = self.vault.stored_header()
        secret = normalise_passphrase(PASSPHRASE)
        kdf_runs = time_runs(lambda: derive_key(secret, header.kdf), self.runs)
        total: list[float] = []
        rest: list[float] = []
        ready: list[float] = []
        first_screen: list[float] = []
        for _ in range(self.runs + 1):  # the first is a warm-up
            self.vault.lock()
            self.kdf.take_ms()
            began = time.perf_counter()
            unlock_session.unlock(self.vault, self.secret)
            unlocked = time.perf_counter()
            clients.list_chunk(self.vault, None, clients.FIRST_CHUNK)
            first_screen.append((time.perf_counter() - self._waited()) * 1000)
            self.vault.lock()  # the whole list timed from a fresh unlock too (no key cached)
            self.kdf.take_ms()
            began = time.perf_counter()
            unlock_session.unlock(self.vault, self.secret)
            unlocked = time.perf_counter()
            clients.list_summaries(self.vault)
            listed = time.perf_counter()
            kdf_ms = self.kdf.take_ms()
            if not 0 < kdf_ms <= (unlocked - began) * 1000 or not began < self.kdf.ended_at:
                raise RuntimeError("the unlock did not go through the timed key derivation")
            total.append((unlocked - began) * 1000)
            rest.append((unlocked - began) * 1000 - kdf_ms)
            ready.append((listed - self._waited()) * 1000)
        base_unlock = time_runs(self.baseline.unlock, self.runs)
        base_list = time_runs(self.baseline.client_list, self.runs)
        p = header.kdf
        kdf_text = f"Argon2id t={p.time_cost}, m={p.memory_kib // 1024} MiB, p={p.lanes}"
        return [
            Row("unlock: the key derivation alone", kdf_runs, note=kdf_text),
            Row(
                "unlock, with the key derivation",
                tuple(total[1:]),
                base_unlock,
                note="unlock_session.unlock: quick_check, Argon2id, unwrap, header MAC, "
                "audit entry, machine state",
            ),
            Row(
                "unlock, without the key derivation",
                tuple(rest[1:]),
                base_unlock,
                note="the same unlock minus the time spent inside derive_key",
            ),
            Row(
                "client list: first screen after the key derivation "
                f"(the first {min(clients.FIRST_CHUNK, self.manifest.clients):,} clients)",
                tuple(first_screen[1:]),
                budget=Budget(300),
                note="from the end of Argon2id inside unlock_session.unlock (or of the quick check "
                "beside it, if later) to "
                "clients.list_chunk returning the first chunk, as WorkArea.reload reads it "
                "on the GUI thread (the rest loads in chunks on the task runner)",
            ),
            Row(
                f"client list ready ({self.manifest.clients:,} clients) after the key derivation",
                tuple(ready[1:]),
                base_list,
                Budget() if _large(self.manifest.clients) else Budget(300),
                note="from the end of Argon2id inside unlock_session.unlock (or of the quick check "
                "beside it, if later) to "
                "clients.list_summaries returning; baseline: header and summaries read",
            ),
        ]

    # -- one client ---------------------------------------------------------------------
    def _open(self, client_id: str) -> None:
        record = clients.load_record(self.vault, client_id)
        build_timeline(record, today=TODAY)
        summarize(record)

    def open_rows(self) -> list[Row]:
        rows = []
        for label, client_id, count in self._clients():
            rows.append(
                Row(
                    f"open a client with its timeline ({label}, {count} sessions)",
                    time_runs(partial(self._open, client_id), self.runs),
                    time_runs(partial(self.baseline.open_client, client_id), self.runs),
                    Budget(100),
                    note="clients.load_record (audit entry included), build_timeline, summarize",
                )
            )
        return rows

    def _clients(self) -> list[tuple[str, str, int]]:
        m = self.manifest
        return [
            ("typical client", m.typical_client_id, m.typical_client_sessions),
            ("longest record", m.long_client_id, m.long_client_sessions),
        ]

    def save_rows(self) -> list[Row]:
        rows = []
        note = "sessions.save_session (one transaction: row, summary, audit entry, fsync)"
        for label, client_id, count in self._clients():
            saver = _SessionSaver(self.vault, self.baseline, client_id)
            what = f"{label}, {count} sessions"
            budget = Budget(15 if label == "longest record" else 30)
            base = time_runs(saver.baseline_save, self.runs)
            created = time_runs(saver.create, self.runs)
            edited = time_runs(saver.edit, self.runs)
            rows.append(Row(f"save a new session ({what})", created, base, budget, note=note))
            rows.append(Row(f"save an edited session ({what})", edited, base, budget, note=note))
        return rows

    # -- the whole practice -------------------------------------------------------------
    def scan_rows(self) -> list[Row]:
        """The search before the index is ready: every note decrypted again."""
        rows = []
        practice_memory.forget(self.vault)
        runs = self.runs if self.manifest.clients <= SCAN_TIMED_UP_TO else 1
        for word, label in ((RARE_WORD, "rare word"), (COMMON_WORD, "common word")):
            timings = time_runs(partial(search, self.vault, word), runs, warmup=0)
            result = search(self.vault, word) if runs > 1 else None
            hits = result.total if result is not None else len(search_all(self.vault, word))
            rows.append(
                Row(
                    f"search by scan, before the index is ready ({label}: {hits:,} hits)",
                    timings,
                    time_runs(partial(self.baseline.search, word), runs),
                    note="client_search.search while the index is not built: every note "
                    "decrypted, the first 200 hits and the count of all",
                    extra={"hits": hits},
                )
            )
        return rows

    def index_rows(self) -> list[Row]:
        """Build the index as after an unlock, then search with it and update it."""

        def rebuild() -> None:
            practice_memory.forget(self.vault)
            if not practice_memory.build_index(self.vault):
                raise RuntimeError("the index was not built")

        build_budget = None if _large(self.manifest.clients) else Budget(3000)
        rows = [
            Row(
                "index ready (decrypt every note once, index its words)",
                time_runs(rebuild, self.runs, warmup=0),
                budget=build_budget or Budget(),
                note="practice_memory.build_index, as the GUI runs it after the unlock "
                "(in short read sessions; the list is usable meanwhile)",
            )
        ]
        rebuild()
        limit = 200 if _large(self.manifest.clients) else 50
        queries = (
            (RARE_WORD, "rare word"),
            (COMMON_WORD, "common word"),
            (EVERY_NOTE_WORD, "a word in every note"),
            (TWO_WORDS, "two words"),
        )
        for query, label in queries:
            total = search(self.vault, query).total
            rows.append(
                Row(
                    f"search with the index ({label}: {total:,} hits)",
                    time_runs(partial(search, self.vault, query), self.runs),
                    time_runs(partial(self.baseline.search, query), self.runs),
                    Budget(limit),
                    note="client_search.search: the first 200 hits with snippets (their "
                    "rows decrypted again) and the count of all",
                    extra={"hits": total, "query": query},
                )
            )
        rows.append(self._index_update_row())
        return rows

    def _index_update_row(self) -> Row:
        memory = practice_memory.memory_of(self.vault)
        index = memory.index
        assert index is not None
        record = clients.read_record(self.vault, self.manifest.long_client_id)
        session = record.sessions[-1]
        payload = client_rows.session_payload(session)

        def update() -> None:
            with memory.lock:
                index.put_row(
                    record.client.id, "sessions", session.id, payload_texts("sessions", payload)
                )

        return Row(
            "index update on save (one session note)",
            time_runs(update, self.runs),
            budget=Budget(5),
            note="what a save adds to the index: the note's words in, its old entries out",
        )

    def pdf_row(self) -> Row:
        client_id = self.manifest.typical_client_id
        out = self.scratch / "graduation.pdf"
        return Row(
            "graduation PDF (letter + clinical summary)",
            time_runs(lambda: graduation_pdf.write(self.vault, client_id, out), self.runs),
            budget=Budget(1000),
            note=graduation_pdf.DESCRIPTION,
        )

    def backup_rows(self) -> list[Row]:
        dest = self.scratch / "practice.iptbackup"
        plain = self.scratch / "plain-backup.sqlite3"
        made = time_runs(lambda: backup.write_backup(self.vault, dest), self.runs)
        size = dest.stat().st_size
        return [
            Row(
                "full backup (snapshot, encrypt, fsync, read back and verify)",
                made,
                time_runs(lambda: self.baseline.backup(plain), self.runs),
                Budget(3000),
                note="backup.write_backup; baseline: SQLite backup API to a file, fsync, "
                "read back and hash",
                extra={"backup_bytes": size},
            ),
            Row(
                "verify the whole vault (every payload, audit chain)",
                time_runs(lambda: verify_vault(self.vault), self.runs),
                time_runs(self.baseline.verify, self.runs),
                note="vault_verify.verify_vault (ipt-desktop verify); baseline: integrity "
                "check and every row parsed",
            ),
        ]


class _SessionSaver:
    """New notes a week apart, and edits of one unsigned note, for one client."""

    def __init__(self, vault: Vault, baseline: Baseline, client_id: str) -> None:
        self.vault = vault
        self.baseline = baseline
        self.record = clients.load_record(vault, client_id)  # opened, as the GUI does
        self.day = self.record.sessions[-1].date
        self.draft = self._new_note()
        sessions.save_session(vault, self.draft)
        self.payload = client_rows.session_payload(self.draft)
        self.summary = codec.summary_json(summarize(self.record))

    def _new_note(self) -> Session:
        self.day += dt.timedelta(days=7)
        blank = sessions.new_session_for(self.record, self.day)
        text = self.record.sessions[-1].note
        return dataclasses.replace(blank, mood=5, phq9=(1,) * 8 + (0,), note=text)

    def create(self) -> None:
        sessions.save_session(self.vault, self._new_note())

    def edit(self) -> None:
        note = dataclasses.replace(self.draft.note, note=self.draft.note.note + " Edited.")
        self.draft = dataclasses.replace(self.draft, note=note)
        sessions.save_session(self.vault, self.draft)

    def baseline_save(self) -> None:
        d = self.draft
        self.baseline.save_session(d.id, d.client_id, d.episode_id, self.payload, self.summary)


def measure(files: PracticeFiles, runs: int) -> list[Row]:
    bench = VaultBench(files, runs)
    try:
        rows = bench.unlock_rows()
        rows += bench.open_rows()
        rows += bench.scan_rows()
        rows += bench.index_rows()
        rows += bench.save_rows()
        rows.append(bench.pdf_row())
        rows += bench.backup_rows()
    finally:
        bench.close()
    return rows
