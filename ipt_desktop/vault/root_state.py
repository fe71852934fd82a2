"""The manifest root over a set of (client id, manifest digest) pairs, kept so that one
changed pair costs less than hashing them all again.

The root is SHA-256 over ``b"ipt-desktop manifest root v1"`` and every pair in client id
order, each as ``len(id) (2 bytes, big-endian) || id (UTF-8) || digest (32 bytes)``. That
definition is on disk (the MACed header) and does not change here. SHA-256 reads its input
in order, so the pairs are kept in blocks of about ``BLOCK`` with the hash state before
each block: a changed pair re-hashes its block and those after it (on average half the
pairs, never a join of all of them), and ``RootState.of`` gives the same root from
scratch (tests/core/vault/test_manifest_root.py holds the two together).
"""

import hashlib
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

_ROOT_PREFIX = b"ipt-desktop manifest root v1"
EMPTY_ROOT = hashlib.sha256(_ROOT_PREFIX).hexdigest()
#: Pairs per block (about 4.5 KB of hashing each with UUID ids).
BLOCK = 64
#: Above this many changes at once (an import, a rekey) the state is built afresh.
_REBUILD_ABOVE = 64


def root_part(client_id: str, digest: bytes) -> bytes:
    """One pair as the root hashes it."""
    raw = client_id.encode("utf-8")
    return len(raw).to_bytes(2, "big") + raw + bytes(digest)


def root_of(parts: Iterable[bytes]) -> str:
    """The root over every part, in order, in one go."""
    return hashlib.sha256(_ROOT_PREFIX + b"".join(parts)).hexdigest()


@dataclass(frozen=True)
class _Block:
    ids: tuple[str, ...]
    parts: tuple[bytes, ...]
    blob: bytes  # the parts joined

    @classmethod
    def of(cls, ids: Sequence[str], parts: Sequence[bytes]) -> "_Block":
        return cls(tuple(ids), tuple(parts), b"".join(parts))


@dataclass(frozen=True, eq=False)
class RootState:
    """Pairs sorted by client id (as SQLite sorts TEXT: by UTF-8 bytes, which is code
    point order) in blocks, the hash state before each block, and the root. Never
    changed in place; ``changed`` returns a new state sharing the untouched blocks."""

    blocks: tuple[_Block, ...]
    before: tuple[Any, ...]  # hashlib state before each block (copied, never updated)
    root: str
    block_size: int = BLOCK

    @classmethod
    def of(cls, pairs: Iterable[tuple[str, bytes]], block_size: int = BLOCK) -> "RootState":
        ordered = sorted(pairs)  # already in order when read from the file: one pass
        ids = [client_id for client_id, _ in ordered]
        parts = [root_part(client_id, digest) for client_id, digest in ordered]
        return cls._hashed(_blocks(ids, parts, block_size), (), block_size)

    @classmethod
    def _hashed(cls, blocks: list[_Block], valid: Sequence[Any], block_size: int) -> "RootState":
        """``valid``: the states before the first blocks, still right (they are unchanged)."""
        before = list(valid[: len(blocks)])
        if blocks and not before:
            before.append(hashlib.sha256(_ROOT_PREFIX))
        while len(before) < len(blocks):
            state = before[-1].copy()
            state.update(blocks[len(before) - 1].blob)
            before.append(state)
        if not blocks:
            return cls((), (), EMPTY_ROOT, block_size)
        last = before[-1].copy()
        last.update(blocks[-1].blob)
        return cls(tuple(blocks), tuple(before), last.hexdigest(), block_size)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(client_id for block in self.blocks for client_id in block.ids)

    @property
    def parts(self) -> tuple[bytes, ...]:
        return tuple(part for block in self.blocks for part in block.parts)

    def changed(self, changes: Mapping[str, bytes | None]) -> "RootState":
        """The state with ``changes`` applied (a digest: written; None: deleted)."""
        if not changes:
            return self
        if len(changes) > _REBUILD_ABOVE or not self.blocks:
            merged = dict(zip(self.ids, self.parts, strict=True))
            for client_id, digest in changes.items():
                if digest is None:
                    merged.pop(client_id, None)
                else:
                    merged[client_id] = root_part(client_id, digest)
            ids = sorted(merged)
            parts = [merged[client_id] for client_id in ids]
            return RootState._hashed(_blocks(ids, parts, self.block_size), (), self.block_size)
        firsts = [block.ids[0] for block in self.blocks]
        by_block: dict[int, dict[str, bytes | None]] = {}
        for client_id, digest in changes.items():
            at = max(bisect_right(firsts, client_id) - 1, 0)
            by_block.setdefault(at, {})[client_id] = digest
        blocks = list(self.blocks)
        for at in sorted(by_block, reverse=True):  # splicing leaves lower indexes alone
            blocks[at : at + 1] = self._edited(blocks[at], by_block[at])
        return RootState._hashed(blocks, self.before[: min(by_block)], self.block_size)

    def _edited(self, block: _Block, changes: Mapping[str, bytes | None]) -> list[_Block]:
        """The block with ``changes`` applied: none when emptied, split when too long."""
        ids, parts = list(block.ids), list(block.parts)
        for client_id, digest in changes.items():
            at = bisect_left(ids, client_id)
            present = at < len(ids) and ids[at] == client_id
            if digest is None:
                if present:
                    del ids[at], parts[at]
            elif present:
                parts[at] = root_part(client_id, digest)
            else:
                ids.insert(at, client_id)
                parts.insert(at, root_part(client_id, digest))
        if len(ids) > 2 * self.block_size:
            return _blocks(ids, parts, self.block_size)
        return [_Block.of(ids, parts)] if ids else []


def _blocks(ids: Sequence[str], parts: Sequence[bytes], size: int) -> list[_Block]:
    return [
        _Block.of(ids[at : at + size], parts[at : at + size]) for at in range(0, len(ids), size)
    ]
