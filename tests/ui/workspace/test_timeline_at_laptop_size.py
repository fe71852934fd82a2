"""Issue 13, item 5: in a 1024x700 window the overview keeps the timeline's charts at a
readable height (the page scrolls instead), opens on the contract, and shows its controls."""

from pytestqt.qtbot import QtBot

from tests.helpers.workspace import Fixture
from ui.timeline.timeline_panel import TimelinePanel
from ui.workspace.client_workspace import ClientWorkspace
from ui.workspace.overview_tab import TIMELINE_MIN_HEIGHT

#: The workspace's share of a 1024x700 window (the client list and the toolbar aside).
WORKSPACE_AT_1024 = (700, 560)
READABLE_PANEL = 45  # pixels: every tick label at its band edge or every band name fits


def test_charts_keep_their_height_and_the_page_scrolls(
    qtbot: QtBot, workspace: ClientWorkspace, fern: Fixture
) -> None:
    workspace.resize(*WORKSPACE_AT_1024)
    workspace.show()
    qtbot.waitExposed(workspace)
    workspace.showClient(fern.client_id)
    overview = workspace.overview
    panel = overview.timelineWidget
    assert isinstance(panel, TimelinePanel)
    qtbot.waitUntil(lambda: panel.height() >= TIMELINE_MIN_HEIGHT)
    assert overview._scroll.verticalScrollBar().maximum() > 0  # scrolls, not squashed
    layout = panel.widget._current_layout()
    assert layout is not None
    for geometry in layout.panels:
        assert geometry.rect.height() >= READABLE_PANEL, geometry.panel.title
        assert len(geometry.band_labels) == len(geometry.panel.bands)
    assert panel.controls.isVisible()
    assert panel.controls.fit_button.isEnabled()
    lo, hi = panel.widget.viewWindow()
    assert (lo, hi) != (0.0, 1.0)  # Fern's life event of 2024 is outside the contract view
