"""The garbage collector and what one unlock loads (issue 16).

A full collection walks every tracked object, holding the interpreter lock in whichever
thread triggers it: with a large practice in memory (the client list, the search index
being built) one takes 30 to 100 ms, a visible stall of the window. ``gc.freeze`` moves
the objects that exist now out of the collector's walk. Two users share the one freeze:

* the client list, once loaded, is *held* until the lock (``hold_loaded`` after each
  chunk, ``release_at_lock`` at the lock, which collects everything again at once);
* an index build freezes for its own time (``frozen_during``) and, at its end, unfreezes
  only when nothing is held: otherwise it would hand the list back to the walk.

Frozen objects are still freed when nothing refers to them; only reference cycles among
them wait for ``release_at_lock``.
"""

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_builds = 0
_held = False


def hold_loaded() -> None:
    """What is loaded now stays out of the collector's walk until ``release_at_lock``."""
    global _held
    with _lock:
        _held = True
        gc.freeze()


def release_at_lock() -> None:
    """At the lock: everything frozen is walked again, and collected now."""
    global _held
    with _lock:
        _held = False
        if _builds == 0:
            gc.unfreeze()
    gc.collect()


def is_held() -> bool:
    return _held


@contextmanager
def frozen_during() -> Iterator[None]:
    """Freeze for the time of a build (builds running at once share one freeze); at the
    end unfreeze, unless the loaded practice is held (then what the build made joins it)."""
    global _builds
    with _lock:
        if _builds == 0:
            gc.freeze()
        _builds += 1
    try:
        yield
    finally:
        with _lock:
            _builds -= 1
            if _builds == 0:
                if _held:
                    gc.freeze()
                else:
                    gc.unfreeze()
