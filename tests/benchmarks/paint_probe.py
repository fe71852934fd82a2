"""Runs the timeline helper's paint benchmark in a child process and prints its result as
one JSON line (a crash in Qt then costs one row of the table, not the whole run).

    python -m tests.benchmarks.paint_probe
"""

import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from .bench_timeline_paint import bench_timeline_paint

    print(json.dumps(bench_timeline_paint()), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
