"""Colours and fills of the timeline, derived from the widget's palette.

Series take Okabe-Ito colours (distinguishable with the common colour-vision deficiencies),
each also with its own marker shape and line style, so nothing rests on hue alone. Phase
bands are neutral: a blend of the palette's base and text colours at four lightness steps,
two of them hatched, so they read in greyscale and in dark mode alike.
"""

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from ipt_desktop.domain.enums import Phase
from ipt_desktop.domain.outcomes import Measure

#: Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
_LIGHT_SERIES = {
    Measure.MOOD: "blue",
    Measure.PHQ9: "vermillion",
    Measure.GAD7: "bluish_green",
    Measure.HAMD: "reddish_purple",
}
_DARK_SERIES = {
    Measure.MOOD: "sky_blue",
    Measure.PHQ9: "orange",
    Measure.GAD7: "bluish_green",
    Measure.HAMD: "reddish_purple",
}
#: Share of the text colour blended into the base for each phase band, and its hatching.
_PHASE_FILLS: dict[Phase, tuple[float, Qt.BrushStyle | None]] = {
    Phase.INITIAL: (0.045, Qt.BrushStyle.BDiagPattern),
    Phase.MIDDLE: (0.085, None),
    Phase.TERMINATION: (0.14, Qt.BrushStyle.FDiagPattern),
    Phase.MAINTENANCE: (0.025, None),
}
#: Marker shape per series: what tells the lines apart without colour.
MARKER_SHAPES = {
    Measure.MOOD: "circle",
    Measure.PHQ9: "square",
    Measure.GAD7: "triangle",
    Measure.HAMD: "diamond",
}
LINE_STYLES = {
    Measure.MOOD: Qt.PenStyle.SolidLine,
    Measure.PHQ9: Qt.PenStyle.SolidLine,
    Measure.GAD7: Qt.PenStyle.DashLine,
    Measure.HAMD: Qt.PenStyle.DashDotLine,
}


def blend(base: QColor, top: QColor, share: float) -> QColor:
    """``share`` of ``top`` over ``base``, opaque."""
    return QColor.fromRgbF(
        base.redF() + (top.redF() - base.redF()) * share,
        base.greenF() + (top.greenF() - base.greenF()) * share,
        base.blueF() + (top.blueF() - base.blueF()) * share,
    )


@dataclass(frozen=True)
class PhaseFill:
    colour: QColor
    hatch: QColor | None
    hatch_style: Qt.BrushStyle | None


@dataclass(frozen=True)
class TimelineColours:
    dark: bool
    base: QColor
    text: QColor
    muted: QColor  # secondary text: ticks, captions
    grid: QColor
    rule: QColor  # axis lines, reference lines
    series: dict[Measure, QColor]
    phases: dict[Phase, PhaseFill]
    flag: QColor  # PHQ-9 item 9 positive
    flag_outline: QColor
    highlight: QColor  # the session under the mouse

    def series_colour(self, measure: Measure) -> QColor:
        return self.series[measure]


def colours_for(palette: QPalette) -> TimelineColours:
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    dark = base.lightnessF() < text.lightnessF()
    names = _DARK_SERIES if dark else _LIGHT_SERIES
    phases = {
        phase: PhaseFill(
            colour=blend(base, text, share),
            hatch=None if style is None else blend(base, text, share + 0.11),
            hatch_style=style,
        )
        for phase, (share, style) in _PHASE_FILLS.items()
    }
    highlight = QColor(palette.color(QPalette.ColorRole.Highlight))
    highlight.setAlphaF(0.18)
    return TimelineColours(
        dark=dark,
        base=base,
        text=text,
        muted=blend(base, text, 0.68),
        grid=blend(base, text, 0.12),
        rule=blend(base, text, 0.45),
        series={m: QColor(OKABE_ITO[n]) for m, n in names.items()},
        phases=phases,
        flag=QColor(OKABE_ITO["yellow"]),
        flag_outline=QColor("#1a1a1a"),
        highlight=highlight,
    )
