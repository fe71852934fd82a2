"""Errors raised by the domain when a value breaks a rule."""


class ValidationError(ValueError):
    """A value a user entered (or a file held) is not acceptable.

    ``field`` names the field (or JSON path) so the UI and the CLI can point at it.
    The message never repeats clinical text back: it says what is wrong, not what was typed.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message

    def prefixed(self, prefix: str) -> "ValidationError":
        """The same error located under ``prefix`` (used to build JSON paths)."""
        return ValidationError(f"{prefix}.{self.field}" if prefix else self.field, self.message)


class SignedNoteError(ValueError):
    """A signed note was about to be changed; corrections must be amendments."""
