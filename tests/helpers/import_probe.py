"""Run in a child process: one import step, then print this process's peak RSS.

``python import_probe.py cli ARGS...`` runs the CLI; ``python import_probe.py parse FILE``
only reads and validates FILE (no vault). The last line on stderr is ``peak_kib=N``.
"""

import resource
import sys
from pathlib import Path


def main() -> int:
    mode, *args = sys.argv[1:]
    code = 0
    if mode == "cli":
        from ipt_desktop.cli.main import main as cli_main

        code = cli_main(args)
    else:
        from ipt_desktop.domain.errors import ValidationError
        from ipt_desktop.services.interchange import read_json_file, validate_import

        try:
            print(len(validate_import(read_json_file(Path(args[0])))))
        except ValidationError as exc:
            print(f"refused: {exc}", file=sys.stderr)
            code = 2
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(f"peak_kib={peak}", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
