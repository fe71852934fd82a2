"""The graduation summary preview, as the therapist uses it: what is ticked, ordered and
written ends up in the saved PDF (read back with pypdf); a password encrypts it; printing
goes to the system print dialog; nothing is left behind by a failed save; closing drops
every decrypted value. Every file, print and message dialog is scripted: none can block.
"""

import dataclasses
import datetime as dt
import os
from collections.abc import Callable, Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
import shiboken6
from pypdf import PdfReader
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ipt_desktop.crypto.kdf import floor_params
from ipt_desktop.domain.enums import PlanAfterEnding, ProblemArea
from ipt_desktop.domain.goals import GoalReview, GoalStatus
from ipt_desktop.domain.graduation import DocumentKind, PaperSize
from ipt_desktop.domain.model import (
    Client,
    Episode,
    Formulation,
    PracticeDetails,
    Session,
    Termination,
)
from ipt_desktop.services import clients, episodes, practice, sessions, summary_export
from ipt_desktop.vault.audit_log import AuditEvent, walk
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE
from ui.common.task_runner import TaskRunner
from ui.graduation import GraduationDialog, graduation_dialog, open_graduation_dialog, pdf_pages

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    # What the offscreen platform plugin says about itself (it has no window manager).
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

TODAY = dt.date(2026, 4, 20)
START = dt.date(2026, 1, 5)
ACHIEVEMENTS = ("Told my sister about the move", "Joined the walking group", "Slept through")
SKILLS = ("Phone a friend on bad days", "Keep Saturday plans")
SIGNS = ("Staying in bed past noon", "Skipping the walking group")
WAIT_MS = 30_000


def phq(total: int) -> tuple[int, ...]:
    items = [min(3, max(0, total - 3 * i)) for i in range(8)]
    return (*items, 0)


@dataclasses.dataclass
class Stored:
    vault: Vault
    client_id: str
    episode_id: str


@pytest.fixture
def stored(tmp_path: Path) -> Iterator[Stored]:
    vault, _recovery = Vault.create(tmp_path / "v", PASSPHRASE, kdf=floor_params())
    client = Client(name="Demo – Nora Graduate")
    episode = Episode(
        client_id=client.id,
        start_date=START,
        planned_sessions=12,
        formulation=Formulation((ProblemArea.ROLE_TRANSITION,), None, "", START),
        termination=Termination(
            ACHIEVEMENTS, SKILLS, SIGNS, "Call the practice", PlanAfterEnding.BOOSTER_SESSIONS
        ),
    )
    clients.create_client(vault, client)
    episodes.save_episode(vault, episode)
    for week, (mood, total) in enumerate([(3, 18), (5, 12), (6, 9), (8, 4)]):
        sessions.save_session(
            vault,
            Session(
                episode_id=episode.id,
                client_id=client.id,
                date=START + dt.timedelta(weeks=week),
                mood=mood,
                phq9=phq(total),
            ),
        )
    practice.save_practice(vault, PracticeDetails(therapist_name="Dr Demo Therapist"))
    yield Stored(vault, client.id, episode.id)
    vault.close()


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    made = TaskRunner()
    yield made
    made.cancelAll()
    made.waitForDone(WAIT_MS)
    QApplication.processEvents()


@dataclasses.dataclass
class Scripted:
    """What the scripted dialogs were asked, and what they answer."""

    save_path: Path | None = None
    file_asks: int = 0
    messages: list[str] = dataclasses.field(default_factory=list)
    opened: list[QUrl] = dataclasses.field(default_factory=list)


@pytest.fixture
def scripted(monkeypatch: pytest.MonkeyPatch) -> Scripted:
    script = Scripted()

    def save_name(*_args: object, **_kwargs: object) -> tuple[str, str]:
        script.file_asks += 1
        return (str(script.save_path) if script.save_path else "", "PDF documents (*.pdf)")

    def message(_parent: QWidget | None, title: str, text: str, *_a: object) -> int:
        script.messages.append(f"{title}: {text}")
        return int(QMessageBox.StandardButton.Ok.value)

    def open_url(url: QUrl) -> bool:
        script.opened.append(url)
        return True

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(message))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(message))
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    return script


@pytest.fixture
def open_dialog(
    qtbot: QtBot, stored: Stored, runner: TaskRunner, scripted: Scripted
) -> Iterator[Callable[[], GraduationDialog]]:
    opened: list[GraduationDialog] = []

    def make() -> GraduationDialog:
        dialog = open_graduation_dialog(
            stored.vault,
            stored.client_id,
            stored.episode_id,
            None,
            runner=runner,
            paper=PaperSize.A4,
            today=TODAY,
        )
        assert dialog is not None
        opened.append(dialog)
        with qtbot.waitSignal(dialog.previewUpdated, timeout=WAIT_MS):
            pass
        return dialog

    yield make
    for dialog in opened:
        if shiboken6.isValid(dialog):
            dialog.reject()
    runner.waitForDone(WAIT_MS)
    QApplication.processEvents()


def save(qtbot: QtBot, dialog: GraduationDialog, scripted: Scripted, path: Path) -> Path:
    scripted.save_path = path
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS) as saved:
        qtbot.mouseClick(dialog.saveButton, Qt.MouseButton.LeftButton)
    assert saved.args == [str(path)]
    return path


def text_of(path: Path, password: str | None = None) -> str:
    reader = PdfReader(path)
    if password is not None:
        reader.decrypt(password)
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)


def audit_details(vault: Vault) -> list[tuple[AuditEvent, tuple[str, ...], str]]:
    header = vault.header
    with vault.reading() as db:
        report = walk(
            db, vault.purpose_key("audit"), vault.vault_id, header.audit_head, header.audit_count
        )
    return [(e.event, e.object_ids, e.detail) for e in report.entries]


def test_unticking_an_achievement_removes_it_from_the_pdf(
    qtbot, open_dialog, scripted, stored, tmp_path
):
    dialog = open_dialog()
    assert dialog.windowTitle() == "Graduation summary"  # never the client's name
    with qtbot.waitSignal(dialog.previewUpdated, timeout=WAIT_MS):
        dialog.form.achievements.setChecked(1, False)
    assert dialog.preview.pageCount() >= 1
    out = save(qtbot, dialog, scripted, tmp_path / "letter.pdf")
    text = text_of(out)
    assert ACHIEVEMENTS[0] in text and ACHIEVEMENTS[2] in text
    assert ACHIEVEMENTS[1] not in text
    assert "The PDF is not encrypted by the vault" in dialog.notice.text()
    assert audit_details(stored.vault)[-1] == (
        AuditEvent.EXPORT_PDF,
        (stored.client_id,),
        "letter pdf",
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.pdf", "v"]


def test_the_saved_file_is_the_previewed_pdf_built_once(
    qtbot, open_dialog, scripted, tmp_path, monkeypatch
):
    real_build = summary_export.build_summary_pdf
    builds: list[bytes] = []

    def counting_build(*args: object) -> summary_export.SummaryPdf:
        made = real_build(*args)  # type: ignore[arg-type]
        builds.append(made.data)
        return made

    monkeypatch.setattr(summary_export, "build_summary_pdf", counting_build)
    dialog = open_dialog()
    assert len(builds) == 1  # the preview
    out = save(qtbot, dialog, scripted, tmp_path / "same.pdf")
    assert len(builds) == 1  # saving did not build it again
    assert out.read_bytes() == builds[0]
    dialog.form.closing.setPlainText("Words typed after the preview was drawn.")
    changed = save(qtbot, dialog, scripted, tmp_path / "changed.pdf")  # before any new preview
    assert "Words typed after the preview was drawn." in text_of(changed)
    assert changed.read_bytes() in builds[1:]


def test_reordering_and_rewording_change_the_pdf(qtbot, open_dialog, scripted, tmp_path):
    dialog = open_dialog()
    picker = dialog.form.achievements
    picker.list.setCurrentRow(2)
    qtbot.mouseClick(picker.up, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(picker.up, Qt.MouseButton.LeftButton)  # the last one is now first
    skills = dialog.form.skills
    skills.list.setCurrentRow(0)
    qtbot.keyClick(skills.list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    signs = dialog.form.signs
    signs.list.item(0).setText("Staying in bed until the afternoon")
    assert picker.items() == (ACHIEVEMENTS[2], ACHIEVEMENTS[0], ACHIEVEMENTS[1])
    text = text_of(save(qtbot, dialog, scripted, tmp_path / "ordered.pdf"))
    assert text.index(ACHIEVEMENTS[2]) < text.index(ACHIEVEMENTS[0]) < text.index(ACHIEVEMENTS[1])
    assert text.index(SKILLS[1]) < text.index(SKILLS[0])
    assert "Staying in bed until the afternoon" in text
    assert SIGNS[0] not in text


def test_the_edited_words_appear(qtbot, open_dialog, scripted, tmp_path):
    dialog = open_dialog()
    dialog.form.opening.setPlainText("Dear friend, these opening words were written by hand.")
    dialog.form.closing.setPlainText("And these closing words too.")
    text = text_of(save(qtbot, dialog, scripted, tmp_path / "words.pdf"))
    assert "these opening words were written by hand." in text
    assert "And these closing words too." in text


def test_the_clinical_summary_on_letter_paper(qtbot, open_dialog, scripted, stored, tmp_path):
    dialog = open_dialog()
    with qtbot.waitSignal(dialog.previewUpdated, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.form.kindButtons[DocumentKind.CLINICAL], Qt.MouseButton.LeftButton)
        dialog.form.setPaperSize(PaperSize.LETTER)
    assert not dialog.form.opening.isVisible()  # the letter's words are not in this document
    dialog.form.recommendations.setPlainText("Recommend booster sessions in three months.")
    out = save(qtbot, dialog, scripted, tmp_path / "clinical.pdf")
    text = text_of(out)
    assert "Clinical termination summary" in text
    assert "Recommend booster sessions in three months." in text
    assert "Looking back" not in text
    assert round(float(PdfReader(out).pages[0].mediabox.width)) == 612
    assert audit_details(stored.vault)[-1][2] == "clinical pdf"


def test_a_password_encrypts_the_pdf(qtbot, open_dialog, scripted, tmp_path):
    dialog = open_dialog()
    dialog.form.usePassword.setChecked(True)
    scripted.save_path = tmp_path / "never.pdf"
    qtbot.mouseClick(dialog.saveButton, Qt.MouseButton.LeftButton)  # no password typed yet
    assert scripted.file_asks == 0
    assert scripted.messages and "Type a password" in scripted.messages[-1]
    assert "weak protection" in dialog.form.passwordNote.text()
    dialog.form.password.setText("orchid lantern seventeen")
    out = save(qtbot, dialog, scripted, tmp_path / "protected.pdf")
    reader = PdfReader(out)
    assert reader.is_encrypted
    assert ACHIEVEMENTS[0] in text_of(out, "orchid lantern seventeen")
    assert "weak protection" in dialog.outcome.text()


def test_a_failed_save_says_so_and_leaves_nothing(qtbot, open_dialog, scripted, stored, tmp_path):
    dialog = open_dialog()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    scripted.save_path = out_dir / "locked.pdf"
    stored.vault.lock()  # e.g. the app locked while the dialog was open
    with qtbot.waitSignal(dialog.exportFailed, timeout=WAIT_MS) as failed:
        qtbot.mouseClick(dialog.saveButton, Qt.MouseButton.LeftButton)
    assert "locked" in failed.args[0]
    assert scripted.messages and "Nothing was saved" in scripted.messages[-1]
    assert list(out_dir.iterdir()) == []
    assert dialog.saveButton.isEnabled()


def test_print_sends_every_page_to_the_printer(
    qtbot, open_dialog, scripted, stored, tmp_path, monkeypatch
):
    printed_to = tmp_path / "printer-output.pdf"

    class PrintDialog:
        def __init__(self, printer: QPrinter, _parent: QWidget) -> None:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(printed_to))

        def setWindowTitle(self, _title: str) -> None:
            pass

        def exec(self) -> QDialog.DialogCode:
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(graduation_dialog, "QPrintDialog", PrintDialog)
    dialog = open_dialog()
    with qtbot.waitSignal(dialog.previewUpdated, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.form.kindButtons[DocumentKind.BOTH], Qt.MouseButton.LeftButton)
    pages = dialog.preview.pageCount()
    assert pages >= 2
    with qtbot.waitSignal(dialog.printed, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.printButton, Qt.MouseButton.LeftButton)
    assert len(PdfReader(printed_to).pages) == pages
    assert audit_details(stored.vault)[-1] == (
        AuditEvent.EXPORT_PDF,
        (stored.client_id,),
        "both printed",
    )


def test_when_pages_cannot_be_drawn_the_preview_is_text(qtbot, open_dialog, monkeypatch):
    def broken(_pdf: bytes, _dpi: float) -> list[object]:
        raise pdf_pages.RenderError("simulated")

    monkeypatch.setattr(pdf_pages, "render_pages", broken)
    dialog = open_dialog()
    with qtbot.waitSignal(dialog.previewUpdated, timeout=WAIT_MS):
        dialog.form.opening.setPlainText("Words to find in the text preview.")
    shown = " ".join(label.text() for label in dialog.preview.pageLabels())
    assert "Words to find in the text preview." in " ".join(shown.split())
    assert "could not be drawn" in dialog.previewStatus.text()


def test_closing_drops_the_decrypted_text(qtbot, open_dialog):
    dialog = open_dialog()
    assert dialog.form.opening.toPlainText()
    dialog.reject()
    assert dialog.form.opening.toPlainText() == ""
    assert dialog.form.achievements.items() == ()
    assert dialog.preview.pageCount() == 0
    assert dialog.about.text() == ""


def test_every_control_has_an_accessible_name(open_dialog):
    dialog = open_dialog()
    controls = dialog.findChildren(QAbstractButton) + dialog.findChildren(QLineEdit)
    controls += dialog.findChildren(QPlainTextEdit) + dialog.findChildren(QComboBox)
    controls += dialog.findChildren(QListWidget)
    unnamed = [
        type(c).__name__
        for c in controls
        if not c.accessibleName() and c.isVisibleTo(dialog) and c.parent() is not None
    ]
    assert controls and unnamed == []


def test_an_unknown_client_is_explained_not_opened(qtbot, stored, runner, scripted):
    dialog = open_graduation_dialog(
        stored.vault, "f" * 32, None, None, runner=runner, paper=PaperSize.A4, today=TODAY
    )
    assert dialog is None
    assert scripted.messages and "no client" in scripted.messages[-1]


def test_greeting_uses_the_preferred_name_and_an_edit_is_kept(
    qtbot, open_dialog, scripted, stored, tmp_path
):
    dialog = open_dialog()
    # Default: the first name of the record name, without the "Demo – " label.
    assert dialog.form.greetingName.text() == "Nora"
    dialog.form.greetingName.setText("Norrie")
    text = text_of(save(qtbot, dialog, scripted, tmp_path / "greeting.pdf"))
    assert "Dear Norrie," in text
    assert "Dear Demo" not in text and "Dear Nora " not in text
    assert clients.read_record(stored.vault, stored.client_id).client.preferred_name == "Norrie"
    again = open_dialog()
    assert again.form.greetingName.text() == "Norrie"


def test_an_unfinished_course_warns_about_empty_sections_and_gives_no_verdict(
    qtbot, open_dialog, scripted, stored, tmp_path
):
    # Session 4 of 12 (PHQ-9 18 -> 4): mid-course, whatever the scores say.
    record = clients.read_record(stored.vault, stored.client_id)
    episodes.save_episode(
        stored.vault,
        dataclasses.replace(record.episodes[0], termination=Termination(achievements=("One",))),
    )
    dialog = open_dialog()
    warnings = dialog.form.warnings.text()
    assert dialog.form.warnings.isVisibleTo(dialog.form)
    assert "8 contracted sessions remain" in warnings
    assert "Skills to keep using" in warnings and "Early warning signs" in warnings
    text = text_of(save(qtbot, dialog, scripted, tmp_path / "mid.pdf"))
    lowered = text.lower()
    for word in ("response", "remission", "fell short", "not enough", "no further sessions"):
        assert word not in lowered, word
    assert "We still have 8 sessions planned together." in text


def test_goals_go_into_the_letter_only_when_chosen(qtbot, open_dialog, scripted, stored, tmp_path):
    episode = clients.read_record(stored.vault, stored.client_id).episodes[0]
    reviews = (
        GoalReview("Walk twice a week", ProblemArea.ROLE_TRANSITION, GoalStatus.MET, "Logbook"),
        GoalReview("Call my sister", ProblemArea.ROLE_TRANSITION, GoalStatus.PARTLY_MET),
    )
    episodes.save_episode(
        stored.vault,
        dataclasses.replace(
            episode, goals=("Walk twice a week", "Call my sister"), goal_reviews=reviews
        ),
    )
    dialog = open_dialog()
    box = dialog.form.goalsInLetter
    assert box.isVisibleTo(dialog) and box.isEnabled() and not box.isChecked()
    text = text_of(save(qtbot, dialog, scripted, tmp_path / "without.pdf"))
    assert "What you set out to do" not in text and "Walk twice a week" not in text
    with qtbot.waitSignal(dialog.previewUpdated, timeout=WAIT_MS):
        box.setChecked(True)
    text = text_of(save(qtbot, dialog, scripted, tmp_path / "with.pdf"))
    assert "What you set out to do" in text
    assert "Walk twice a week: you did this" in text
    assert "Call my sister: you made a good start" in text
    assert "Logbook" not in text  # the evidence is for clinicians
