"""Exit codes every command keeps (scripts rely on them)."""

OK = 0
PROBLEMS_FOUND = 1  # the command ran and found problems (e.g. verify: damaged records)
FAILED = 2  # it could not do its job (wrong passphrase, missing vault, bad input, locked)


class CommandFailed(Exception):
    """Raised by a command to end with exit 2 and one clear line on stderr."""
