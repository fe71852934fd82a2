"""Every kind of damage to a backup file is refused before anything is restored.

One flipped byte anywhere, an edited header, a dropped, swapped or duplicated chunk, a cut
at a chunk boundary or inside a chunk, bytes appended, a header spliced onto another
backup's chunks, the wrong passphrase or recovery key: ``open_backup`` refuses each one,
and ``restore`` leaves the current vault exactly as it was.
"""

import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from ipt_desktop.crypto.backup_stream import MAC_BYTES, TAG_BYTES, read_header
from ipt_desktop.crypto.kdf import floor_params
from ipt_desktop.crypto.recovery_key import format_key
from ipt_desktop.demo import practice as demo_practice
from ipt_desktop.services.backup import write_backup
from ipt_desktop.services.backup_file import BackupDamagedError, open_backup
from ipt_desktop.services.restore import restore_backup
from ipt_desktop.services.unlock_secret import UnlockSecret
from ipt_desktop.vault.errors import WrongPassphraseError, WrongRecoveryKeyError
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE

CHUNK = 1024


@dataclass(frozen=True)
class Sample:
    good: bytes
    other: bytes  # a second backup of the same vault (same keys, other salt and nonces)
    header_len: int
    meta_start: int
    chunk_len: int  # sealed size of every chunk but the last
    recovery: str

    @property
    def chunks(self) -> list[bytes]:
        body = self.good[self.header_len :]
        return [body[i : i + self.chunk_len] for i in range(0, len(body), self.chunk_len)]

    def with_chunks(self, chunks: list[bytes]) -> bytes:
        return self.good[: self.header_len] + b"".join(chunks)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Sample:
    folder = tmp_path_factory.mktemp("damage")
    vault, recovery = Vault.create(folder / "vault", PASSPHRASE, kdf=floor_params())
    try:
        demo_practice.fill_demo(vault)
        write_backup(vault, folder / "a.iptbackup", chunk_size=CHUNK)
        write_backup(vault, folder / "b.iptbackup", chunk_size=CHUNK)
    finally:
        vault.close()
    good = (folder / "a.iptbackup").read_bytes()
    with open(folder / "a.iptbackup", "rb") as source:
        header = read_header(source)
    return Sample(
        good=good,
        other=(folder / "b.iptbackup").read_bytes(),
        header_len=header.length,
        meta_start=header.length - MAC_BYTES - len(header.meta),
        chunk_len=CHUNK + TAG_BYTES,
        recovery=recovery,
    )


def _open(tmp_path: Path, data: bytes, secret: UnlockSecret) -> None:
    path = tmp_path / "candidate.iptbackup"
    path.write_bytes(data)
    open_backup(path, secret)


def _edit_meta(sample: Sample, edit: Callable[[dict[str, object]], None]) -> bytes:
    """Rewrite the JSON metadata (and its length field) as an attacker would."""
    meta = json.loads(sample.good[sample.meta_start : sample.header_len - MAC_BYTES])
    edit(meta)
    raw = json.dumps(meta, sort_keys=True, separators=(",", ":")).encode("ascii")
    fixed = bytearray(sample.good[: sample.meta_start])
    fixed[-4:] = len(raw).to_bytes(4, "big")
    return bytes(fixed) + raw + sample.good[sample.header_len - MAC_BYTES :]


def _edit_vault_header(field: str, value: object) -> Callable[[dict[str, object]], None]:
    def edit(meta: dict[str, object]) -> None:
        inner = json.loads(str(meta["vault_header"]))
        inner[field] = value
        meta["vault_header"] = json.dumps(inner, sort_keys=True, separators=(",", ":"))

    return edit


def _set(key: str, value: object) -> Callable[[dict[str, object]], None]:
    return lambda meta: meta.__setitem__(key, value)


def test_the_undamaged_backup_opens_with_either_secret(tmp_path: Path, sample: Sample) -> None:
    _open(tmp_path, sample.good, UnlockSecret.recovery_key(sample.recovery))
    _open(tmp_path, sample.good, UnlockSecret.passphrase(PASSPHRASE))
    assert len(sample.chunks) > 10  # enough chunks for the reordering cases to mean something


STRUCTURAL_DAMAGE: dict[str, Callable[[Sample], bytes]] = {
    "chunk dropped": lambda s: s.with_chunks(s.chunks[:3] + s.chunks[4:]),
    "chunks swapped": lambda s: s.with_chunks(
        [*s.chunks[:3], s.chunks[4], s.chunks[3], *s.chunks[5:]]
    ),
    "chunk duplicated": lambda s: s.with_chunks(s.chunks[:4] + s.chunks[3:]),
    "first chunk dropped": lambda s: s.with_chunks(s.chunks[1:]),
    "last chunk dropped (cut at a chunk boundary)": lambda s: s.with_chunks(s.chunks[:-1]),
    "cut at an earlier chunk boundary": lambda s: s.with_chunks(s.chunks[:5]),
    "last chunk duplicated": lambda s: s.with_chunks([*s.chunks, s.chunks[-1]]),
    "cut inside the last chunk": lambda s: s.good[:-5],
    "cut inside a middle chunk": lambda s: s.good[: s.header_len + 5 * s.chunk_len + 100],
    "only the header left": lambda s: s.good[: s.header_len],
    "cut inside the header": lambda s: s.good[: s.header_len // 2],
    "one byte appended": lambda s: s.good + b"\x00",
    "a tag's worth appended": lambda s: s.good + bytes(TAG_BYTES + 1),
    "a chunk's worth of garbage appended": lambda s: s.good + bytes(range(256)) * 5,
    "a chunk of the other backup appended": lambda s: s.good + s.other[-s.chunk_len :],
    "header of one backup on the chunks of another": lambda s: (
        s.good[: s.header_len] + s.other[s.header_len :]
    ),
    "one chunk taken from the other backup": lambda s: s.with_chunks(
        [*s.chunks[:2], s.other[s.header_len + 2 * s.chunk_len :][: s.chunk_len], *s.chunks[3:]]
    ),
    "empty file": lambda s: b"",
    "not a backup at all": lambda s: b"SQLite format 3\x00" + bytes(4000),
}


@pytest.mark.parametrize("damage", STRUCTURAL_DAMAGE, ids=list(STRUCTURAL_DAMAGE))
def test_structural_damage_is_refused(tmp_path: Path, sample: Sample, damage: str) -> None:
    with pytest.raises(BackupDamagedError):
        _open(
            tmp_path, STRUCTURAL_DAMAGE[damage](sample), UnlockSecret.recovery_key(sample.recovery)
        )


HEADER_EDITS: dict[str, Callable[[dict[str, object]], None]] = {
    "creation time": _set("created_at", "2020-01-01T00:00:00+00:00"),
    "kind": _set("kind", "automatic"),
    "snapshot size": lambda m: m.__setitem__("snapshot", {**m["snapshot"], "bytes": 1}),  # type: ignore[dict-item]
    "generation": _edit_vault_header("generation", 999),
    "audit head": _edit_vault_header("audit_head", "00" * 32),
    "written at": _edit_vault_header("written_at", "2030-01-01T00:00:00+00:00"),
    "kdf time cost": _edit_vault_header(
        "kdf", {"alg": "argon2id", "salt": "00" * 16, "t": 4, "m_kib": 65536, "p": 4}
    ),
}


@pytest.mark.parametrize("edit", HEADER_EDITS, ids=list(HEADER_EDITS))
def test_an_edited_header_is_refused(tmp_path: Path, sample: Sample, edit: str) -> None:
    edited = _edit_meta(sample, HEADER_EDITS[edit])
    assert edited != sample.good
    with pytest.raises(BackupDamagedError):
        _open(tmp_path, edited, UnlockSecret.recovery_key(sample.recovery))


def test_an_absurd_kdf_in_the_header_is_refused_before_any_work(
    tmp_path: Path, sample: Sample
) -> None:
    greedy = {"alg": "argon2id", "salt": "00" * 16, "t": 3, "m_kib": 2**40, "p": 4}
    edited = _edit_meta(sample, _edit_vault_header("kdf", greedy))
    started = time.perf_counter()
    with pytest.raises(BackupDamagedError, match="not acceptable"):
        _open(tmp_path, edited, UnlockSecret.passphrase(PASSPHRASE))
    assert time.perf_counter() - started < 1.0


def test_one_flipped_byte_anywhere_is_refused(tmp_path: Path, sample: Sample) -> None:
    """Every byte of the header; in the first, the last and 20 other chunks (seeded) the
    first byte, one inside and the last byte of the tag. Header flips may read as a wrong
    key (the wrapped key itself was hit); chunk flips always read as damage."""
    secret = UnlockSecret.recovery_key(sample.recovery)
    count = len(sample.chunks)
    picked = {0, count - 1, *random.Random(7).sample(range(count), 20)}
    in_chunks = [
        sample.header_len + n * sample.chunk_len + offset
        for n in sorted(picked)
        for offset in (0, len(sample.chunks[n]) // 2, len(sample.chunks[n]) - 1)
    ]
    path = tmp_path / "flipped.iptbackup"
    path.write_bytes(sample.good)
    with open(path, "r+b") as file:  # flip in place, open, flip back: no 200 KB rewrite each
        for at in [*range(sample.header_len), *in_chunks]:
            expected = (
                BackupDamagedError
                if at >= sample.header_len
                else (BackupDamagedError, WrongRecoveryKeyError)
            )
            file.seek(at)
            file.write(bytes([sample.good[at] ^ 0x01]))
            file.flush()
            with pytest.raises(expected):
                open_backup(path, secret)
            file.seek(at)
            file.write(sample.good[at : at + 1])
            file.flush()
    open_backup(path, secret)  # every flip was undone: the file is good again


@pytest.mark.parametrize(
    ("secret", "error"),
    [
        (UnlockSecret.passphrase("candle river orbit maples"), WrongPassphraseError),
        (UnlockSecret.passphrase(""), WrongPassphraseError),
        (UnlockSecret.recovery_key(format_key(bytes(32))), WrongRecoveryKeyError),
        (UnlockSecret.recovery_key("not a key"), WrongRecoveryKeyError),
    ],
    ids=["near miss", "empty", "well-formed but wrong key", "malformed key"],
)
def test_the_wrong_secret_is_refused(
    tmp_path: Path, sample: Sample, secret: UnlockSecret, error: type[Exception]
) -> None:
    with pytest.raises(error, match=r"does not open this backup|recovery key"):
        _open(tmp_path, sample.good, secret)


@pytest.mark.parametrize(
    "damage",
    ["chunks swapped", "last chunk dropped (cut at a chunk boundary)", "one byte appended"],
)
def test_restoring_a_damaged_backup_leaves_the_vault_as_it_was(
    tmp_path: Path, sample: Sample, make_vault, damage: str
) -> None:
    root = tmp_path / "current"
    vault, _recovery = make_vault(root)
    vault.close()
    before = {p.name: p.read_bytes() for p in root.iterdir() if p.is_file()}
    bad = tmp_path / "bad.iptbackup"
    bad.write_bytes(STRUCTURAL_DAMAGE[damage](sample))
    with pytest.raises(BackupDamagedError):
        restore_backup(bad, root, UnlockSecret.recovery_key(sample.recovery))
    after = {p.name: p.read_bytes() for p in root.iterdir() if p.is_file()}
    assert after == before
    assert sorted(p.name for p in root.iterdir()) == sorted(before)  # no folder left behind
