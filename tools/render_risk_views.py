"""Render the risk layer offscreen to PNG, to look at it.

    QT_QPA_PLATFORM=offscreen PYTHONPATH=. python tools/render_risk_views.py [OUT_DIR]

With the fictional demo practice and example crisis contacts: the main window (client list
and overview) with open risk and with a reviewed risk, the session editor's risk banner,
the guard dialog, the risk review and safety plan dialogs, Settings' crisis contacts tab,
at 1280x800 and 1024x700; and the safety plan and graduation letter PDFs as page images
(needs pdftoppm). Default OUT_DIR: /work/shots/h12b.
"""

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from ipt_desktop.domain.graduation import DocumentKind, PaperSize  # noqa: E402
from ipt_desktop.domain.risk_records import (  # noqa: E402
    CrisisContacts,
    DecisionAction,
    RiskLevel,
    RiskReview,
    SafetyPlan,
)
from ipt_desktop.services import (  # noqa: E402
    clients,
    practice,
    risk,
    safety_plan_export,
    summary_export,
)
from ui.app.demo_vault import DemoVault  # noqa: E402
from ui.app.main_window import MainWindow  # noqa: E402
from ui.app.settings_dialog import SettingsDialog  # noqa: E402
from ui.common.app_settings import AppSettings, use_throwaway_settings  # noqa: E402
from ui.common.risk_decision_dialog import RiskDecisionDialog  # noqa: E402
from ui.common.task_runner import TaskRunner  # noqa: E402
from ui.common.theme import apply_theme, configure_before_app  # noqa: E402
from ui.workspace.risk_review_dialog import RiskReviewDialog  # noqa: E402
from ui.workspace.safety_plan_dialog import SafetyPlanDialog  # noqa: E402

DEFAULT_OUT = Path("/work/shots/h12b")
SIZES = ((1280, 800), (1024, 700))
CONTACTS = CrisisContacts(
    out_of_hours="Riverside crisis team, 0800 555 0199 (24 hours)",
    emergency="112",
    other="Samaritans 116 123 (free, day and night)",
)


def settle(ms: int = 80) -> None:
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.005)


def save(widget: QWidget, out: Path, name: str) -> None:
    settle()
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def pdf_pages(data: bytes, out: Path, name: str) -> None:
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        print("pdftoppm missing: no page images")
        return
    pdf = out / f"{name}.pdf"
    pdf.write_bytes(data)
    command = [pdftoppm, "-png", "-r", "60", str(pdf), str(out / name)]
    subprocess.run(command, check=True)  # noqa: S603 - pdftoppm, fixed arguments, no shell
    print(out / f"{name}-1.png")


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else DEFAULT_OUT
    out.mkdir(parents=True, exist_ok=True)
    use_throwaway_settings()  # before any window: the real settings stay untouched
    configure_before_app()
    app = QApplication(["render_risk_views"])
    apply_theme(app)
    folder = Path(tempfile.mkdtemp(prefix="ipt-render-risk-"))
    settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    runner = TaskRunner()
    demo = DemoVault.create()
    try:
        vault = demo.vault
        practice.save_crisis_contacts(vault, CONTACTS)
        summaries = clients.list_summaries(vault)
        risky = [s for s in summaries if s.risk_flag]
        print("open risk:", len(risky), "of", len(summaries))
        calm = next(s for s in summaries if s.active and not s.risk_flag)
        # One client reviewed at a moderate level, with a safety plan.
        reviewed = risky[-1] if len(risky) > 1 else calm
        record = clients.read_record(vault, reviewed.client_id)
        last = max(s.date for s in record.sessions)
        risk.save_risk_review(
            vault,
            RiskReview(
                record.client.id,
                last,
                RiskLevel.MODERATE,
                "Asked about thoughts of death, plans, means and intent",
                "Passive thoughts most days, no plan, no intent; sister nearby",
                "Safety plan written together; crisis numbers given; review next week",
            ),
        )
        plan = risk.save_safety_plan(
            vault,
            SafetyPlan(
                record.client.id,
                last,
                warning_signs=("Staying in bed past noon", "Not answering my sister's calls"),
                coping_steps=("Walk to the river and back", "Shower and put music on"),
                distractions=("The library reading room", "Coffee with Ines"),
                help_contacts=("My sister Ines", "My neighbour Tomas"),
                professionals=("My therapist at the practice", "My GP, Dr Amari"),
                safe_surroundings=("Ines keeps my spare medicines",),
            ),
        )
        window = MainWindow(vault, runner, settings, demo_passphrase=demo.passphrase)
        window.show()
        open_id = risky[0].client_id
        for width, height in SIZES:
            size = f"{width}x{height}"
            window.resize(width, height)
            window.workArea.switchTo(open_id)
            window.workArea.workspace.setCurrentTab("overview")
            save(window, out, f"overview_open_{size}")
            window.workArea.switchTo(reviewed.client_id)
            window.workArea.workspace.setCurrentTab("overview")
            save(window, out, f"overview_reviewed_{size}")
            window.workArea.switchTo(open_id)
            open_record = clients.read_record(vault, open_id)
            latest = max(open_record.sessions, key=lambda s: (s.date, s.id))
            window.workArea.workspace.openSession(latest.id)
            save(window, out, f"session_open_risk_{size}")
        status = risk.client_risk_status(vault, open_id)
        guard = RiskDecisionDialog(DecisionAction.END_CLIENT, status, window)
        guard.show()
        guard.adjustSize()
        save(guard, out, "dialog_guard_empty")
        guard.reason.setPlainText("x")
        save(guard, out, "dialog_guard_too_short")
        guard.reason.setPlainText("Client moves abroad on Monday; GP and new team informed.")
        save(guard, out, "dialog_guard_ready")
        letter_guard = RiskDecisionDialog(DecisionAction.GRADUATION_LETTER, status, window)
        letter_guard.show()
        letter_guard.adjustSize()
        save(letter_guard, out, "dialog_guard_letter")
        review = RiskReviewDialog(open_id, dt.date(2025, 6, 2), window)
        review.show()
        review.adjustSize()
        review.texts["asked"].setPlainText("x")
        review._save()
        save(review, out, "dialog_review_too_short")
        plan_dialog = SafetyPlanDialog(reviewed.client_id, plan, last, None, window)
        plan_dialog.show()
        plan_dialog.adjustSize()
        save(plan_dialog, out, "dialog_safety_plan")
        settings_dialog = SettingsDialog(vault, settings, window)
        settings_dialog.show()
        settings_dialog.tabs.setCurrentIndex(1)
        settings_dialog.adjustSize()
        save(settings_dialog, out, "dialog_settings_crisis")
        pdf_pages(safety_plan_export.safety_plan_pdf(vault, reviewed.client_id), out, "plan")
        content, timeline = summary_export.prepare_content(vault, calm.client_id, None)
        from ipt_desktop.reports import build_pdf

        letter = build_pdf(content, DocumentKind.LETTER, PaperSize.A4, timeline)
        pdf_pages(letter, out, "letter")
        window.close()
        runner.waitForDone(30_000)
    finally:
        demo.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
