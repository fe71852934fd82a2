"""The workspace fits beside the client list in a 1024 px window: about 706 px wide.

Every tab is shown once (a tab's minimum only grows when it has been laid out), then each is
checked at 706x600: the workspace asks for no more than 706 px, no label's text is cut off
(a one-line label has its full width, a wrapped label the height its lines need), no list or
form needs a horizontal scrollbar, and no scroll area holds content wider than its view
(it would be cut off at the right edge). The records are the demo practice's (long band
names, several contracts, right-to-left names) and the test client's.
"""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QLabel, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from ipt_desktop.demo.practice import fill_demo
from ipt_desktop.domain.risk_status import RiskStatus, risk_status
from ipt_desktop.services import clients
from ipt_desktop.vault.vault import Vault
from tests.helpers.workspace import Fixture
from ui.timeline.timeline_panel import TimelinePanel
from ui.workspace.client_workspace import TAB_NAMES, ClientWorkspace

WIDTH, HEIGHT = 706, 600  # beside the client list in a 1024 px window (measured)
DEMO_TODAY = dt.date(2025, 6, 2)


def settle() -> None:
    for _ in range(6):  # wrapped labels settle their height one layout pass at a time
        QApplication.processEvents()


def clipped(label: QLabel) -> str | None:
    """Why ``label``'s text does not fit its box (None when it fits)."""
    if not label.text():
        return None
    size = label.size()
    if not label.wordWrap():
        need = label.sizeHint().width()
        return None if need <= size.width() else f"needs {need} px wide, has {size.width()}"
    word = label.minimumSizeHint().width()
    if word > size.width():
        return f"a word needs {word} px, has {size.width()}"
    lines = label.heightForWidth(size.width())
    return None if lines <= size.height() else f"needs {lines} px high, has {size.height()}"


def visible_labels(root: QWidget) -> list[QLabel]:
    return [label for label in root.findChildren(QLabel) if label.isVisibleTo(root)]


def problems_in(workspace: ClientWorkspace) -> list[str]:
    found = []
    for label in visible_labels(workspace):
        why = clipped(label)
        if why is not None:
            found.append(f"{type(label).__name__} {label.text()[:40]!r}: {why}")
    for area in workspace.findChildren(QAbstractScrollArea):
        bar = area.horizontalScrollBar()
        if area.isVisibleTo(workspace) and bar.isVisibleTo(workspace) and bar.maximum() > 0:
            name = area.accessibleName() or type(area).__name__
            found.append(f"{name}: scrolls sideways by {bar.maximum()} px")
    for area in workspace.findChildren(QScrollArea):
        # A scroll area without a sideways bar cuts off what is wider than its view.
        inner = area.widget()
        if inner is None or not area.isVisibleTo(workspace):
            continue
        view = area.viewport().width()
        need = max(inner.minimumSizeHint().width(), inner.minimumWidth())
        if need > view:
            name = area.accessibleName() or type(area).__name__
            found.append(f"{name}: its content needs {need} px, the view is {view}")
    return found


def check_every_tab(qtbot: QtBot, workspace: ClientWorkspace, client_id: str) -> None:
    workspace.resize(WIDTH, HEIGHT)
    workspace.show()
    qtbot.waitExposed(workspace)
    workspace.showClient(client_id)
    record = workspace.record.record
    assert record is not None and record.sessions
    latest = max(record.sessions, key=lambda s: (s.date, s.id))
    workspace.openSession(latest.id)
    for name in TAB_NAMES:  # show each once: minimum sizes grow as tabs are laid out
        workspace.setCurrentTab(name)
        settle()
    failures = []
    for name in TAB_NAMES:
        workspace.setCurrentTab(name)
        settle()
        minimum = workspace.minimumSizeHint().width()
        if minimum > WIDTH or workspace.width() > WIDTH:
            failures.append(f"{name}: the workspace needs {minimum} px, is {workspace.width()}")
        failures.extend(f"{name}: {problem}" for problem in problems_in(workspace))
    assert not failures, "\n".join(failures)


def test_every_tab_fits_740_px_with_the_test_client(
    qtbot: QtBot, workspace: ClientWorkspace, fern: Fixture
) -> None:
    check_every_tab(qtbot, workspace, fern.client_id)


@pytest.mark.parametrize("which", ["most sessions", "longest name", "most contracts", "risk open"])
def test_every_tab_fits_740_px_with_demo_clients(qtbot: QtBot, vault: Vault, which: str) -> None:
    records = [clients.read_record(vault, client_id) for client_id in fill_demo(vault, DEMO_TODAY)]
    pick = {
        "most sessions": lambda r: len(r.sessions),
        "longest name": lambda r: len(r.client.name),
        "most contracts": lambda r: len(r.episodes),
        "risk open": lambda r: risk_status(r).state is RiskStatus.OPEN,
    }[which]
    record = max(records, key=pick)
    workspace = ClientWorkspace(vault, timeline_factory=TimelinePanel, today=lambda: DEMO_TODAY)
    qtbot.addWidget(workspace)
    check_every_tab(qtbot, workspace, record.client.id)


def test_the_check_sees_a_clipped_label(qtbot: QtBot) -> None:
    box = QWidget()
    qtbot.addWidget(box)
    label = QLabel("A sentence far too long for the box it sits in", box)
    label.setGeometry(0, 0, 60, 20)
    wrapped = QLabel("Words that wrap onto several lines need height", box)
    wrapped.setWordWrap(True)
    wrapped.setGeometry(0, 30, 80, 16)
    wrapped.setAlignment(Qt.AlignmentFlag.AlignLeft)
    assert clipped(label) is not None
    assert clipped(wrapped) is not None
    label.resize(label.sizeHint())
    wrapped.resize(80, wrapped.heightForWidth(80))
    assert clipped(label) is None and clipped(wrapped) is None
