"""Colours for severity bands, phase badges and the risk flag, from the widget's palette.

Okabe-Ito hues (distinguishable with the common colour-vision deficiencies), always beside
text: a band is "14 · Moderate" with a coloured dot, a phase badge carries its name, the
risk flag says "Risk". Fills are blended into the palette's base colour so badges sit
calmly on light and dark themes alike.
"""

from PySide6.QtGui import QColor, QPalette

from ipt_desktop.domain.enums import Phase, Severity

from .palette import OKABE_ITO, blend

SEVERITY_COLOURS: dict[Severity, str] = {
    Severity.NORMAL: OKABE_ITO["bluish_green"],
    Severity.MINIMAL: OKABE_ITO["bluish_green"],
    Severity.MILD: OKABE_ITO["yellow"],
    Severity.MODERATE: OKABE_ITO["orange"],
    Severity.MODERATELY_SEVERE: OKABE_ITO["vermillion"],
    Severity.SEVERE: "#8F2D00",  # a darker vermillion: told apart by lightness, and by text
    Severity.VERY_SEVERE: "#8F2D00",
}
PHASE_HUES: dict[Phase, str] = {
    Phase.INITIAL: OKABE_ITO["sky_blue"],
    Phase.MIDDLE: OKABE_ITO["bluish_green"],
    Phase.TERMINATION: OKABE_ITO["orange"],
    Phase.MAINTENANCE: OKABE_ITO["reddish_purple"],
}
_BADGE_SHARE_LIGHT = 0.22
_BADGE_SHARE_DARK = 0.38


def is_dark(palette: QPalette) -> bool:
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    return base.lightnessF() < text.lightnessF()


def severity_colour(severity: Severity) -> QColor:
    return QColor(SEVERITY_COLOURS[severity])


def phase_fill(phase: Phase, palette: QPalette) -> QColor:
    """Badge background: the phase hue blended into the palette's base colour."""
    base = palette.color(QPalette.ColorRole.Base)
    share = _BADGE_SHARE_DARK if is_dark(palette) else _BADGE_SHARE_LIGHT
    return blend(base, QColor(PHASE_HUES[phase]), share)


def phase_outline(phase: Phase, palette: QPalette) -> QColor:
    base = palette.color(QPalette.ColorRole.Base)
    return blend(base, QColor(PHASE_HUES[phase]), 0.75)


def risk_colour(palette: QPalette) -> QColor:
    """Vermillion on light themes, orange on dark ones (enough contrast on both)."""
    return QColor(OKABE_ITO["orange"] if is_dark(palette) else OKABE_ITO["vermillion"])


def muted_text(palette: QPalette) -> QColor:
    """Secondary text: a blend of text into base that stays readable (about 4.5:1)."""
    base = palette.color(QPalette.ColorRole.Base)
    return blend(base, palette.color(QPalette.ColorRole.Text), 0.7)
