"""Render the IPT task checklist (each phase) and the overview's tasks card to PNG.

    QT_QPA_PLATFORM=offscreen PYTHONPATH=. python tools/render_phase_tasks.py [OUT_DIR]

A fictional client in a throwaway vault (minimum KDF parameters through the API): an acute
course of 16 with 13 sessions held, some tasks ticked and some missed, then a maintenance
contract. Writes ``tasks_<what>_<width>x<height>.png`` at 1280x800 and 1024x700.
"""

import dataclasses
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QScrollArea, QStyleFactory, QWidget

from ipt_desktop.crypto.kdf import floor_params
from ipt_desktop.domain.enums import EpisodeKind, Phase, ProblemArea, Technique
from ipt_desktop.domain.goals import GoalReview, GoalStatus
from ipt_desktop.domain.graduation import DocumentKind, PaperSize, default_content
from ipt_desktop.domain.model import (
    Client,
    Episode,
    Formulation,
    PracticeDetails,
    Session,
    SessionNote,
)
from ipt_desktop.domain.phase_tasks import PhaseTask, SessionTasks, Strategy
from ipt_desktop.domain.timeline import build_timeline
from ipt_desktop.domain.worksheets import WORKSHEET_QUESTIONS, Worksheet
from ipt_desktop.reports import render_pdf
from ipt_desktop.services import clients, episodes, sessions, supervision_export
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE
from ui.common.app_settings import use_throwaway_settings
from ui.timeline.timeline_panel import TimelinePanel
from ui.workspace.client_workspace import ClientWorkspace

START = dt.date(2025, 1, 6)
TODAY = dt.date(2025, 4, 7)
SIZES = ((1280, 800), (1024, 700))
T = PhaseTask
GOALS = (
    "Talk with my partner about chores without shouting",
    "Feel at home in the new team",
    "Join one club in the new town",
)


def ticks(week: int) -> SessionTasks:
    if week == 0:
        return SessionTasks(done=frozenset({T.HISTORY_REVIEWED, T.PSYCHOEDUCATION, T.SICK_ROLE}))
    if week == 1:
        return SessionTasks(done=frozenset({T.INVENTORY, T.TIMELINE}))
    if week == 2:
        return SessionTasks(done=frozenset({T.FORMULATION_PRESENTED}))
    if week in (3, 5, 6, 8, 9, 10):
        return SessionTasks(
            done=frozenset({T.MOOD_LINKED, T.HOMEWORK}),
            focal_areas=(ProblemArea.ROLE_DISPUTE,),
            strategies=(Strategy.DISPUTE_STAGE, Strategy.DISPUTE_COMMUNICATION),
        )
    return SessionTasks(done=frozenset({T.MOOD_LINKED}))


def write(vault: Vault) -> tuple[str, list[str], str]:
    client = Client(name="Fictional Robin Tasker")
    clients.create_client(vault, client)
    episode = Episode(
        client.id,
        START,
        planned_sessions=16,
        formulation=Formulation(
            (ProblemArea.ROLE_DISPUTE, ProblemArea.ROLE_TRANSITION),
            accepted_on=START + dt.timedelta(weeks=3),
        ),
        onset=START - dt.timedelta(weeks=11),
        recurrent=True,
        earlier_episodes=1,
        goals=GOALS,
        goal_reviews=(
            GoalReview(GOALS[0], ProblemArea.ROLE_DISPUTE, GoalStatus.MET, "Weekly talk kept"),
            GoalReview(GOALS[1], ProblemArea.ROLE_TRANSITION, GoalStatus.PARTLY_MET),
            GoalReview(GOALS[2], ProblemArea.ROLE_TRANSITION),
        ),
        worksheets=tuple(
            Worksheet.of(area, {q.key: f"Fictional: {q.prompt}" for q in questions[:3]})
            for area, questions in WORKSHEET_QUESTIONS.items()
        ),
    )
    episodes.save_episode(vault, episode)
    ids = []
    for week in range(13):
        session = Session(
            episode.id,
            client.id,
            START + dt.timedelta(weeks=week),
            mood=3 + week // 3,
            phq9=(2, 2, 2, 2, 2, 2, 1, 1, 0) if week % 4 == 0 else None,
            note=SessionNote(
                techniques=(Technique.CLARIFICATION, Technique.ROLE_PLAY)[: 1 + week % 2]
            ),
            tasks=ticks(week),
        )
        sessions.save_session(vault, session)
        ids.append(session.id)
    return client.id, ids, episode.id


def to_png(pdf: Path, prefix: Path) -> None:
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        return
    subprocess.run(  # noqa: S603 - pdftoppm, fixed arguments, no shell
        [pdftoppm, "-png", "-r", "60", str(pdf), str(prefix)], check=True
    )


def render_documents(vault: Vault, client_id: str, episode_id: str, out: Path) -> None:
    """The clinical summary and the letter with the goals chosen, as PDF and PNG pages."""
    record = clients.read_record(vault, client_id)
    content = default_content(record, episode_id, PracticeDetails(), TODAY)
    content = dataclasses.replace(content, include_goals_in_letter=True)
    timeline = build_timeline(record, TODAY)
    for kind in (DocumentKind.CLINICAL, DocumentKind.LETTER):
        pdf = out / f"goals_{kind.value}.pdf"
        render_pdf(content, kind, PaperSize.A4, pdf, timeline)
        to_png(pdf, out / f"goals_{kind.value}")
        print(pdf)
    pdf = out / "supervision.pdf"
    report = supervision_export.prepare_report(vault, client_id, episode_id)
    pdf.write_bytes(supervision_export.supervision_pdf_bytes(report, PaperSize.A4))
    to_png(pdf, out / "supervision")
    print(pdf)


def grab(widget: QWidget, path: Path) -> None:
    for _ in range(4):
        QApplication.processEvents()
    widget.grab().save(str(path))
    print(path)


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/work/shots/h19")
    out.mkdir(parents=True, exist_ok=True)
    use_throwaway_settings()  # before any window: the real settings stay untouched
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setStyle(QStyleFactory.create("Fusion"))
    with tempfile.TemporaryDirectory() as folder:
        vault, _recovery = Vault.create(Path(folder) / "v", PASSPHRASE, kdf=floor_params())
        try:
            client_id, ids, episode_id = write(vault)
            workspace = ClientWorkspace(vault, timeline_factory=TimelinePanel, today=lambda: TODAY)
            workspace.show()
            for width, height in SIZES:
                workspace.resize(width, height)
                workspace.showClient(client_id)
                workspace.setCurrentTab("overview")
                grab(workspace, out / f"tasks_overview_{width}x{height}.png")
                workspace.setCurrentTab("formulation")
                bar = workspace.formulation.findChild(QScrollArea).verticalScrollBar()
                bar.setValue(bar.maximum())
                grab(workspace, out / f"goals_review_{width}x{height}.png")
                scroll = workspace.formulation.findChild(QScrollArea)
                for area in WORKSHEET_QUESTIONS:
                    group = workspace.formulation.worksheets.group(area)
                    scroll.verticalScrollBar().setValue(
                        group.mapTo(scroll.widget(), group.rect().topLeft()).y()
                    )
                    grab(workspace, out / f"worksheet_{area.value}_{width}x{height}.png")
                for name, index in (("initial", 0), ("accepted", 3), ("middle", 5), ("ending", 12)):
                    workspace.openSession(ids[index])
                    grab(workspace, out / f"tasks_{name}_{width}x{height}.png")
                form = workspace.sessions.editor.form
                index = form.phase_combo.findData(Phase.TERMINATION.value)
                form.phase_combo.setCurrentIndex(index)
                form.phase_combo.activated.emit(index)
                grab(workspace, out / f"tasks_termination_{width}x{height}.png")
                workspace.sessions.editor.load(ids[12])  # drop the unsaved phase choice
            render_documents(vault, client_id, episode_id, out)
            # A maintenance contract after the course.
            record = clients.read_record(vault, client_id)
            acute = record.episodes[0]
            episodes.save_episode(vault, dataclasses.replace(acute, planned_sessions=13))
            upkeep = Episode(client_id, START + dt.timedelta(weeks=14), EpisodeKind.MAINTENANCE, 12)
            episodes.save_episode(vault, upkeep)
            session = Session(
                upkeep.id,
                client_id,
                upkeep.start_date,
                tasks=SessionTasks(done=frozenset({T.EVENTS_AND_MOOD_REVIEWED})),
            )
            sessions.save_session(vault, session)
            for width, height in SIZES:
                workspace.resize(width, height)
                workspace.showClient(client_id)
                workspace.openSession(session.id)
                grab(workspace, out / f"tasks_maintenance_{width}x{height}.png")
        finally:
            vault.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
