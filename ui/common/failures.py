"""The one way the ui reports a failure: a sentence for the therapist, and for a bug a report
that holds no secret.

An exception raised while the vault was open may carry anything in its text (a passphrase
typed into the wrong place, a client's name) and its traceback holds every frame's locals
(the passphrase an unlock was given). So:

- ``scrub`` (used by the task runners on the worker thread) notes where the exception was
  raised (file, line, function: no text, no values) and then drops its traceback, context
  and cause, so no frame and no local outlives the failure;
- ``failure_text`` turns an exception into the sentence shown: the project's own errors
  (``VaultError``, ``ValidationError``) say what they mean; a failed file operation says
  what the system said; anything else is a bug, reported by ``report_unexpected`` and
  shown as the caller's plain ``unexpected`` sentence, never as its own text;
- ``report_unexpected`` writes the bug's type and places to the log (stderr), never its
  message or locals; ``install_excepthook`` routes uncaught exceptions (any thread) there.
"""

import contextlib
import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.vault.errors import VaultError

LOG = logging.getLogger("ipt_desktop.ui")
_WHERE = "_ipt_where"
_ROOT = Path(__file__).resolve().parents[2]
#: Frames kept in a report: enough to find the bug, never the values.
_MAX_FRAMES = 12


def _places(tb: TracebackType | None) -> tuple[str, ...]:
    frames = traceback.extract_tb(tb)[-_MAX_FRAMES:]
    return tuple(f"{_short(f.filename)}:{f.lineno} in {f.name}" for f in frames)


def _short(filename: str) -> str:
    """The file relative to where the ``ui`` package lives (no home folder, no user name)."""
    path = Path(filename)
    try:
        return path.resolve().relative_to(_ROOT).as_posix()
    except (OSError, ValueError):
        return path.name


def scrub(exc: BaseException) -> BaseException:
    """``exc`` without its traceback, context and cause (their frames hold secrets); where
    it was raised is kept, as places only, for ``report_unexpected``."""
    if not hasattr(exc, _WHERE):
        # An exception type with __slots__ cannot carry them: then no places.
        with contextlib.suppress(AttributeError):
            setattr(exc, _WHERE, _places(exc.__traceback__))
    exc.__context__ = exc.__cause__ = None
    exc.__suppress_context__ = True
    return exc.with_traceback(None)


def report_text(exc: BaseException) -> str:
    """The report of a bug: its type and where it was raised, nothing it carried."""
    places = getattr(exc, _WHERE, None) or _places(exc.__traceback__)
    where = "; ".join(places) if places else "unknown place"
    return f"Unexpected {type(exc).__module__}.{type(exc).__qualname__} at {where}"


def report_unexpected(exc: BaseException) -> None:
    """Log a bug without its text or values; the exception is scrubbed on the way."""
    text = report_text(exc)
    scrub(exc)
    LOG.error("%s", text)


def failure_text(exc: BaseException, unexpected: str) -> str:
    """The sentence to show for ``exc``; a bug is reported and shown as ``unexpected``."""
    if isinstance(exc, VaultError | ValidationError):
        return str(exc)
    if isinstance(exc, OSError):
        return f"The file could not be written there ({exc.strerror or 'system error'})."
    report_unexpected(exc)
    return unexpected


def _hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if tb is not None and exc.__traceback__ is None:
        exc = exc.with_traceback(tb)
    report_unexpected(exc)


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        _hook(args.exc_type, args.exc_value, args.exc_traceback)


def install_excepthook() -> None:
    """Uncaught exceptions (GUI thread, Qt slots, other threads) go to ``report_unexpected``,
    whose log lines go to stderr."""
    if not LOG.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("ipt-desktop: %(message)s"))
        LOG.addHandler(handler)
    sys.excepthook = _hook
    threading.excepthook = _thread_hook
