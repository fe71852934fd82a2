"""The passphrase policy the strength meter and ``Vault.create`` share (through
``services.passphrases``): length after NFKC, zxcvbn's score, a limit on length."""

import pytest

from ipt_desktop.crypto import passphrase_policy
from ipt_desktop.services import passphrases
from tests.helpers import PASSPHRASE


def test_the_ui_asks_the_same_policy_as_the_vault():
    assert passphrases.assess is passphrase_policy.assess


def test_the_test_passphrase_is_acceptable():
    assert passphrases.assess(PASSPHRASE).acceptable


@pytest.mark.parametrize(
    ("candidate", "because"),
    [
        ("short words", "at least 12 characters"),
        ("passwordpassword", ""),  # long enough, guessed at once
        ("x" * (passphrase_policy.MAX_CHARS + 1), "at most 1024"),
    ],
)
def test_weak_or_absurd_passphrases_are_refused(candidate: str, because: str):
    verdict = passphrases.assess(candidate)
    assert not verdict.acceptable
    assert because in verdict.message
    assert passphrase_policy.ADVICE in verdict.suggestions


def test_length_is_counted_after_nfkc():
    # Eleven full-width letters and a space: NFKC makes them ASCII, still 12 characters.
    wide = "ｃａｎｄｌｅ ｒｉｖｅｒ"
    assert len(wide) == 12
    verdict = passphrases.assess(wide)
    assert "at least 12 characters" not in verdict.message
