"""What passphrase we accept for an offline, single-factor secret (NIST SP 800-63B style).

At least 12 characters after NFKC, any Unicode, no composition rules, up to 1024 characters;
refused when zxcvbn scores it below 3 (zxcvbn knows common passwords, names and keyboard
patterns). The advice points at a few random words, the way KeePassXC and 1Password do.
"""

import unicodedata
from dataclasses import dataclass

from zxcvbn import zxcvbn

MIN_CHARS = 12
MAX_CHARS = 1024
MIN_SCORE = 3
#: No example passphrase is shown: an example on screen is the first one an attacker tries.
ADVICE = (
    "A good passphrase is four or five random words you can remember, chosen by you: "
    "not a sentence from a song or a book, and not an example you have seen."
)
# zxcvbn refuses inputs over 72 characters (ValueError); past that length the score no
# longer changes anyway, so the first 72 are judged.
_ZXCVBN_PREFIX = 72


@dataclass(frozen=True)
class PassphraseVerdict:
    acceptable: bool
    score: int  # 0..4 (zxcvbn)
    message: str  # what is wrong, or a word of praise
    suggestions: tuple[str, ...]


def assess(passphrase: str, context: tuple[str, ...] = ()) -> PassphraseVerdict:
    """Judge a candidate passphrase; ``context`` holds words it must not be built from."""
    text = unicodedata.normalize("NFKC", passphrase)
    if len(text) > MAX_CHARS:
        return PassphraseVerdict(False, 0, f"Use at most {MAX_CHARS} characters.", (ADVICE,))
    result = zxcvbn(text[:_ZXCVBN_PREFIX], user_inputs=[w for w in context if w])
    score = int(result["score"])
    feedback = result.get("feedback", {})
    hints = tuple(str(s) for s in feedback.get("suggestions", []) if s)
    warning = str(feedback.get("warning") or "")
    if len(text) < MIN_CHARS:
        more = MIN_CHARS - len(text)
        return PassphraseVerdict(
            False, min(score, 2), f"Use at least {MIN_CHARS} characters ({more} more).", (ADVICE,)
        )
    if score < MIN_SCORE:
        reason = warning or "This passphrase would be too easy to guess."
        return PassphraseVerdict(False, score, reason, (*hints, ADVICE))
    praise = (
        "A strong passphrase." if score == 4 else "Good enough; a few more words make it stronger."
    )
    return PassphraseVerdict(True, score, praise, ())
