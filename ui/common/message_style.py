"""Inline messages under a field: an error in the risk colour, a hint in muted text.

Colours come from the palette when the message is set, so they suit light and dark themes;
an error also carries its words (colour is never the only cue) and is exposed to screen
readers through the label's accessible description.
"""

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel

from .clinical_colours import muted_text, risk_colour


def set_message(
    label: QLabel, text: str, *, error: bool = False, hide_when_empty: bool = True
) -> None:
    palette = label.palette()
    colour = risk_colour(palette) if error else muted_text(palette)
    palette.setColor(QPalette.ColorRole.WindowText, colour)
    label.setPalette(palette)
    label.setText(text)
    label.setProperty("isError", error and bool(text))
    label.setAccessibleDescription(text)
    if hide_when_empty:
        label.setVisible(bool(text))


def is_error(label: QLabel) -> bool:
    return bool(label.property("isError"))
