"""Render every page of hand-over mode offscreen to PNG, to look at them.

    QT_QPA_PLATFORM=offscreen PYTHONPATH=. python tools/render_handover.py [OUT_DIR]

Writes to OUT_DIR (default /work/main/screenshots/handover) each page (welcome, mood,
a PHQ-9 item, PHQ-9 item 9, the support message after a positive item 9, a GAD-7 item,
the summary, thank you) at 1280x800 and 1024x700, plus the therapist's choice dialog.
Fictional answers only; no vault is opened (the view never sees the record anyway).
"""

import datetime as dt
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QWidget  # noqa: E402

from ipt_desktop.crypto.kdf import floor_params  # noqa: E402
from ipt_desktop.domain.client_entry import QUESTIONNAIRE_ORDER  # noqa: E402
from ipt_desktop.domain.handover import HandoverAnswers  # noqa: E402
from ipt_desktop.domain.model import Client, Episode, Session, new_id  # noqa: E402
from ipt_desktop.services import clients, episodes, sessions  # noqa: E402
from ipt_desktop.vault.vault import Vault  # noqa: E402
from tests.helpers import PASSPHRASE  # noqa: E402
from ui.app.main_window import MainWindow  # noqa: E402
from ui.common.app_settings import AppSettings, use_throwaway_settings  # noqa: E402
from ui.common.task_runner import TaskRunner  # noqa: E402
from ui.common.theme import apply_theme, configure_before_app  # noqa: E402
from ui.handover import HandoverView  # noqa: E402
from ui.workspace.handover_choice_dialog import HandoverChoiceDialog  # noqa: E402

DEFAULT_OUT = ROOT / "screenshots" / "handover"
SIZES = ((1280, 800), (1024, 700))
CONTACTS = ("Fictional Practice: 555 0100", "Crisis line (fictional): 555 0199")


def settle(ms: int = 60) -> None:
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.005)


def grab(widget: QWidget, path: Path) -> None:
    settle()
    widget.grab().save(str(path))
    print(path)


def main(argv: list[str]) -> int:
    use_throwaway_settings()  # before any window: the real settings stay untouched
    out = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUT
    out.mkdir(parents=True, exist_ok=True)
    configure_before_app()
    app = QApplication(["render_handover"])
    apply_theme(app)
    for width, height in SIZES:
        answers = HandoverAnswers(new_id(), QUESTIONNAIRE_ORDER, dt.datetime.now(dt.UTC))
        view = HandoverView(answers, CONTACTS)
        view.resize(width, height)
        view.show()
        tag = f"{width}x{height}"
        grab(view, out / f"1-welcome-{tag}.png")
        view.welcome.start.click()
        view.item.choices.buttons()[6].click()
        grab(view, out / f"2-mood-{tag}.png")
        view.item.next.click()
        grab(view, out / f"3-phq9-item1-{tag}.png")
        for value in (1, 2, 0, 1, 3, 0, 1):
            view.item.choices.buttons()[value].click()
            view.item.next.click()
        grab(view, out / f"4-phq9-item8-{tag}.png")
        view.item.choices.buttons()[0].click()
        view.item.next.click()
        view.item.choices.buttons()[1].click()
        grab(view, out / f"5-phq9-item9-{tag}.png")
        view.item.next.click()
        grab(view, out / f"6-support-{tag}.png")
        view.support.proceed.click()
        for value in (1, 0, 2):
            view.item.choices.buttons()[value].click()
            view.item.next.click()
        grab(view, out / f"7-gad7-item4-{tag}.png")
        for value in (1, 0, 0, 1):
            view.item.choices.buttons()[value].click()
            view.item.next.click()
        grab(view, out / f"8-summary-{tag}.png")
        view.summary.done.click()
        grab(view, out / f"9-thanks-{tag}.png")
        view.close()
        view.deleteLater()
    dialog = HandoverChoiceDialog()
    dialog.show()
    grab(dialog, out / "0-choice-dialog.png")
    dialog.close()
    render_after_unlock(out)
    return 0


def render_after_unlock(out: Path) -> None:
    """The therapist's side: the item-9 prompt on unlock, then the session, client-rated."""
    import tempfile

    passphrase = PASSPHRASE
    with tempfile.TemporaryDirectory() as tmp:
        vault, _ = Vault.create(Path(tmp) / "v", passphrase, kdf=floor_params())
        client = Client(name="Demo – Fictional Client")
        clients.create_client(vault, client)
        episode = Episode(client_id=client.id, start_date=dt.date(2026, 1, 5))
        episodes.save_episode(vault, episode)
        session = Session(episode_id=episode.id, client_id=client.id, date=dt.date(2026, 1, 12))
        sessions.save_session(vault, session)
        settings = AppSettings(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        window = MainWindow(vault, TaskRunner(), settings)
        window.resize(1280, 800)
        window.show()
        window.workArea.reload()
        window.workArea.switchTo(client.id)
        window.workArea.workspace.openSession(session.id)
        window.handover.start(client.id, session.id, QUESTIONNAIRE_ORDER)
        view = window.handover.view()
        assert view is not None
        view.welcome.start.click()
        for n in range(1 + 9 + 7):
            if view.currentPage() is view.support:
                view.support.proceed.click()
            view.item.choices.buttons()[{0: 4, 9: 1}.get(n, n % 3)].click()
            view.item.next.click()
        view.summary.done.click()
        view.thanks.hand_back.click()
        settle()

        def prompt() -> None:
            box = QApplication.activeModalWidget()
            if isinstance(box, QDialog):
                grab(box, out / "10-risk-prompt-after-unlock.png")
                grab(window, out / "10-behind-the-prompt-1280x800.png")
                box.accept()
            else:
                QTimer.singleShot(50, prompt)

        QTimer.singleShot(50, prompt)
        window.unlockScreen.passphrase.setText(passphrase)
        window.unlockScreen.attemptUnlock()
        end = time.monotonic() + 60
        while window.isShowingUnlock() and time.monotonic() < end:
            settle(50)
        settle(200)
        grab(window, out / "11-session-client-rated-1280x800.png")
        window.resize(1024, 700)
        grab(window, out / "11-session-client-rated-1024x700.png")
        window.discard()
        vault.close()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
