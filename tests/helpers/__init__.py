"""Helpers shared by the tests, always imported by package path (``tests.helpers.x``).

Constants every test package uses live here, once: the repository root and the passphrase
test vaults are made with (fictional, and strong enough for the passphrase policy).
"""

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PASSPHRASE = "candle river orbit maple"
