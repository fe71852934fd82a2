"""Render the client workspace's tabs to PNG (offscreen) with the fictional demo practice.

    QT_QPA_PLATFORM=offscreen PYTHONPATH=. python tools/render_workspace.py [OUT_DIR]

Writes ``<tab>_<width>x<height>.png`` for each tab at 1280x800 and 1024x700, a few states
worth seeing (the ending prompt, PHQ-9 item 9 positive, an impossible date, a right-to-left
name, a signed and amended note) and the same tabs in a dark palette, into
/work/main/screenshots/workspace/ by default. The vault is a throwaway one in a temporary
folder (minimum KDF parameters through the API).
"""

import datetime as dt
import os
import sys
import tempfile
import unicodedata
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from ipt_desktop.crypto.kdf import floor_params
from ipt_desktop.demo.practice import fill_demo
from ipt_desktop.domain.enums import EpisodeKind
from ipt_desktop.domain.measures import PHQ9_ITEM9_INDEX
from ipt_desktop.domain.model import ClientRecord
from ipt_desktop.services import clients, sessions
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE
from ui.common.app_settings import use_throwaway_settings
from ui.timeline.timeline_panel import TimelinePanel
from ui.workspace.client_workspace import TAB_NAMES, ClientWorkspace

TODAY = dt.date(2025, 6, 2)
SIZES = ((1280, 800), (1024, 700))
DEFAULT_OUT = Path("/work/main/screenshots/workspace")


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#202124",
        QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: "#18191b",
        QPalette.ColorRole.AlternateBase: "#232427",
        QPalette.ColorRole.Text: "#e8eaed",
        QPalette.ColorRole.Button: "#2b2c30",
        QPalette.ColorRole.ButtonText: "#e8eaed",
        QPalette.ColorRole.Highlight: "#3d6fa8",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#2b2c30",
        QPalette.ColorRole.ToolTipText: "#e8eaed",
        QPalette.ColorRole.PlaceholderText: "#8a8d93",
        QPalette.ColorRole.Mid: "#3a3b3f",
        QPalette.ColorRole.Dark: "#111214",
        QPalette.ColorRole.Light: "#4a4b50",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7d8086"))
    return palette


def grab(widget: QWidget, path: Path) -> None:
    for _ in range(4):  # let wrapped labels settle their height (a layout pass each)
        QApplication.processEvents()
    widget.grab().save(str(path))
    print(path)


def richest(records: list[ClientRecord]) -> ClientRecord:
    return max(records, key=lambda r: (len(r.sessions), len(r.inventory), len(r.life_events)))


def render(workspace: ClientWorkspace, record: ClientRecord, out: Path, suffix: str) -> None:
    latest = max(record.sessions, key=lambda s: (s.date, s.id))
    workspace.show()
    for width, height in SIZES:
        workspace.resize(width, height)
        workspace.showClient(record.client.id)
        workspace.openSession(latest.id)
        if record.inventory:
            workspace.inventory.selectPerson(record.inventory[0].id)
        if record.life_events:
            workspace.life_events.selectEvent(record.life_events[-1].id)
        for name in TAB_NAMES:
            if name == "termination":  # the contract that has a termination record
                ended = max(record.episodes, key=lambda e: len(e.termination.achievements))
                workspace.record.select_episode(ended.id)
            workspace.setCurrentTab(name)
            grab(workspace, out / f"{name}_{width}x{height}{suffix}.png")


def is_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def near_the_end(record: ClientRecord) -> bool:
    episode = record.current_episode
    if episode is None or episode.kind is not EpisodeKind.ACUTE:
        return False
    remaining = episode.planned_sessions - len(record.sessions_of(episode.id))
    return 0 < remaining <= 3


def render_states(
    workspace: ClientWorkspace, vault: Vault, records: list[ClientRecord], out: Path
) -> None:
    """The states worth a look: the ending prompt, item 9, RTL names, a bad date, signed."""
    workspace.show()
    workspace.resize(1280, 800)
    ending = next((r for r in records if near_the_end(r)), None)
    if ending is not None:
        workspace.showClient(ending.client.id)
        workspace.openSession(max(ending.sessions, key=lambda s: (s.date, s.id)).id)
        grab(workspace, out / "sessions_ending_1280x800.png")
    flagged = [
        (r, s)
        for r in records
        for s in r.sessions
        if not s.is_signed and s.phq9 is not None and s.phq9[PHQ9_ITEM9_INDEX] > 0
    ]
    if flagged:
        record, session = flagged[0]
        workspace.showClient(record.client.id)
        workspace.openSession(session.id)
        grab(workspace, out / "sessions_item9_1280x800.png")
        bar = workspace.sessions.editor._scroll.verticalScrollBar()
        for step in (1, 2, 3):
            bar.setValue(bar.maximum() * step // 3)
            grab(workspace, out / f"sessions_scrolled_{step}_1280x800.png")
        date_edit = workspace.sessions.editor.form.date_field.lineEdit()
        date_edit.clear()
        QTest.keyClicks(date_edit, "2025-02-30")
        workspace.sessions.editor.saveChanges()
        bar.setValue(0)
        grab(workspace, out / "sessions_bad_date_1280x800.png")
        workspace.keeper.setClientId(None)  # leave the vault as it was
        workspace.showClient(record.client.id)
    rtl = next((r for r in records if is_rtl(r.client.name)), None)
    if rtl is not None:
        workspace.showClient(rtl.client.id)
        for name in ("overview", "inventory"):
            workspace.setCurrentTab(name)
            grab(workspace, out / f"rtl_{name}_1280x800.png")
    record = max(records, key=lambda r: sum(1 for s in r.sessions if s.is_signed))
    target = max((s for s in record.sessions if s.is_signed), key=lambda s: (s.date, s.id))
    sessions.amend_session(
        vault, record.client.id, target.id, "Correction: homework was agreed for two weeks."
    )
    workspace.showClient(record.client.id)
    workspace.openSession(target.id)
    grab(workspace, out / "sessions_signed_1280x800.png")
    workspace.sessions.editor.goToAmendment()
    QApplication.processEvents()
    workspace.sessions.editor.goToAmendment()
    grab(workspace, out / "sessions_signed_amended_1280x800.png")


def main() -> int:
    use_throwaway_settings()  # before any window: the real settings stay untouched
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setStyle(QStyleFactory.create("Fusion"))
    with tempfile.TemporaryDirectory() as folder:
        vault, _recovery = Vault.create(Path(folder) / "v", PASSPHRASE, kdf=floor_params())
        try:
            ids = fill_demo(vault, TODAY)
            records = [clients.read_record(vault, client_id) for client_id in ids]
            record = richest(records)
            workspace = ClientWorkspace(vault, timeline_factory=TimelinePanel, today=lambda: TODAY)
            workspace.dialogs = _NoDialogs()  # type: ignore[assignment]
            render(workspace, record, out, "")
            render_states(workspace, vault, records, out)
            app.setPalette(dark_palette())
            dark = ClientWorkspace(vault, timeline_factory=TimelinePanel, today=lambda: TODAY)
            render(dark, clients.read_record(vault, record.client.id), out, "_dark")
            workspace.deleteLater()
            dark.deleteLater()
        finally:
            vault.close()
    return 0


class _NoDialogs:
    """Rendering never waits on a question."""

    def confirmSign(self, what: str) -> bool:
        return False

    def confirmDelete(self, what: str) -> bool:
        return False

    def leaveWithProblems(self, problems: str) -> bool:
        return True


if __name__ == "__main__":
    raise SystemExit(main())
