"""Check an ``--out`` path before any work: a file name in an existing folder, not a folder."""

from pathlib import Path

from .exit_codes import CommandFailed


def output_file(out: Path, force: bool) -> Path:
    """``out`` if a file may be written there; else CommandFailed with one clear line."""
    if out.is_dir():
        raise CommandFailed(f"--out {out} is a folder; give the name of the file to write in it")
    if out.exists() and not force:
        raise CommandFailed(f"{out} already exists; use --force to replace it")
    if not out.parent.is_dir():
        raise CommandFailed(f"the folder {out.parent} does not exist")
    return out
