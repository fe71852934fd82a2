"""ipt-desktop core: Qt-free. Never import PySide6 or ``ui`` from here."""

__version__ = "0.1.0"
