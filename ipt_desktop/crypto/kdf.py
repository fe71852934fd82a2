"""Passphrase to key-encryption key: NFKC, then Argon2id (RFC 9106).

Parameters are stored in the vault header. The floor is RFC 9106's second recommendation
(t=3, m=64 MiB, p=4); creation calibrates upward to about half a second on this machine. A
header asking for more than the ceiling is refused *before* any derivation, so a tampered
vault cannot make the program allocate 64 GiB or spin for hours.
"""

import os
import time
import unicodedata
from dataclasses import dataclass

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from .errors import KdfParametersError

KEY_BYTES = 32
SALT_BYTES = 16

FLOOR_TIME_COST = 3
FLOOR_MEMORY_KIB = 64 * 1024
FLOOR_LANES = 4

CEILING_TIME_COST = 64
CEILING_MEMORY_KIB = 4 * 1024 * 1024  # 4 GiB
CEILING_LANES = 64
#: Calibration never goes above this memory, so a vault stays openable on a smaller laptop.
CALIBRATION_MAX_MEMORY_KIB = 1024 * 1024


@dataclass(frozen=True)
class KdfParams:
    salt: bytes
    time_cost: int = FLOOR_TIME_COST
    memory_kib: int = FLOOR_MEMORY_KIB
    lanes: int = FLOOR_LANES

    def check(self) -> None:
        """Refuse parameters below the floor or above the ceiling (no work is done)."""
        if len(self.salt) != SALT_BYTES:
            raise KdfParametersError("the key-derivation salt has the wrong length")
        for name, value, low, high in (
            ("time cost", self.time_cost, FLOOR_TIME_COST, CEILING_TIME_COST),
            ("memory", self.memory_kib, FLOOR_MEMORY_KIB, CEILING_MEMORY_KIB),
            ("parallelism", self.lanes, FLOOR_LANES, CEILING_LANES),
        ):
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                raise KdfParametersError(
                    f"the vault asks for a key-derivation {name} of {value!r}, outside "
                    f"{low}..{high}; the file may have been altered"
                )

    def to_dict(self) -> dict[str, object]:
        return {
            "alg": "argon2id",
            "salt": self.salt.hex(),
            "t": self.time_cost,
            "m_kib": self.memory_kib,
            "p": self.lanes,
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> "KdfParams":
        try:
            if data["alg"] != "argon2id":
                raise KdfParametersError("unknown key-derivation algorithm")
            salt = bytes.fromhex(str(data["salt"]))
            params = cls(salt, data["t"], data["m_kib"], data["p"])  # type: ignore[arg-type]
        except (KeyError, ValueError, TypeError):
            raise KdfParametersError("the key-derivation parameters are unreadable") from None
        params.check()
        return params


def floor_params() -> KdfParams:
    """RFC 9106's second recommendation with a fresh salt: the minimum this program accepts."""
    return KdfParams(os.urandom(SALT_BYTES))


def normalise_passphrase(passphrase: str) -> bytes:
    """NFKC then UTF-8, so the same passphrase typed in NFC or NFD gives the same key."""
    return unicodedata.normalize("NFKC", passphrase).encode("utf-8")


def derive_key(secret: bytes, params: KdfParams) -> bytes:
    params.check()
    kdf = Argon2id(
        salt=params.salt,
        length=KEY_BYTES,
        iterations=params.time_cost,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(secret)


def calibrate(target_seconds: float = 0.5) -> KdfParams:
    """Raise memory (then time cost) from the floor until one derivation takes ~target."""
    params = floor_params()
    probe = b"calibration probe"
    while True:
        start = time.perf_counter()
        derive_key(probe, params)
        elapsed = time.perf_counter() - start
        if elapsed >= target_seconds * 0.8:
            return params
        factor = max(1.1, min(4.0, target_seconds / max(elapsed, 1e-3)))
        if params.memory_kib < CALIBRATION_MAX_MEMORY_KIB:
            memory = min(CALIBRATION_MAX_MEMORY_KIB, int(params.memory_kib * factor))
            params = KdfParams(params.salt, params.time_cost, memory, params.lanes)
        elif params.time_cost < CEILING_TIME_COST:
            time_cost = min(
                CEILING_TIME_COST, max(params.time_cost + 1, int(params.time_cost * factor))
            )
            params = KdfParams(params.salt, time_cost, params.memory_kib, params.lanes)
        else:
            return params
