"""Timing of one operation: several runs, each after an untimed setup, in milliseconds."""

import gc
import time
from collections.abc import Callable

DEFAULT_RUNS = 5
MIN_RUNS = 3
#: A slow operation gets fewer runs (never fewer than MIN_RUNS) to stay near this long.
TIME_PER_OPERATION_S = 60.0


def time_runs(
    operation: Callable[[], object],
    runs: int = DEFAULT_RUNS,
    *,
    setup: Callable[[], object] | None = None,
    warmup: int = 1,
) -> tuple[float, ...]:
    """Milliseconds of each of ``runs`` calls (after ``warmup`` untimed ones). An operation
    so slow that the runs would take more than TIME_PER_OPERATION_S gets fewer runs, but
    at least MIN_RUNS.

    The garbage collector runs before each call (untimed) and stays enabled during it,
    as in the application."""
    timings: list[float] = []
    planned = warmup + runs
    i = 0
    while i < planned:
        if setup is not None:
            setup()
        gc.collect()
        start = time.perf_counter()
        operation()
        elapsed = time.perf_counter() - start
        if i >= warmup:
            timings.append(elapsed * 1000)
        if i == 0 and elapsed * runs > TIME_PER_OPERATION_S:
            planned = warmup + min(runs, max(MIN_RUNS, int(TIME_PER_OPERATION_S / elapsed)))
        i += 1
    return tuple(timings)


class Stopwatch:
    """Accumulates the time spent inside a wrapped function (e.g. the key derivation)."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.ended_at = 0.0  # perf_counter() when the last call returned

    def wrap(self, function: Callable[..., object]) -> Callable[..., object]:
        def timed(*args: object, **kwargs: object) -> object:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.ended_at = time.perf_counter()
                self.seconds += self.ended_at - start

        return timed

    def take_ms(self) -> float:
        """Milliseconds accumulated since the last call, then reset."""
        ms, self.seconds = self.seconds * 1000, 0.0
        return ms


def unlock_work_ended(kdf: Stopwatch, check: Stopwatch) -> float:
    """When the unlock's two long waits were both over: the key derivation and the file's
    quick check, which runs beside it (services.unlock_session). "After the key
    derivation" is timed from the later of the two, so a check outlasting the derivation
    on a large file is not counted as the list's time (before they ran side by side the
    check came first, outside the measured time, and the wait was longer)."""
    return max(kdf.ended_at, check.ended_at)
