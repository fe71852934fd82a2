"""The risk layer in the workspace: the overview's panel, recording a review, the session's
other risk sources, and the dialogs' refusals (one character is not an assessment)."""

import datetime as dt
from typing import ClassVar

from pytestqt.qtbot import QtBot

from ipt_desktop.domain.model import Session
from ipt_desktop.domain.risk_records import RiskLevel, RiskReview
from ipt_desktop.services import clients, risk, sessions
from ipt_desktop.vault.vault import Vault
from tests.helpers.workspace import TODAY, Fixture, phq9
from ui.common.risk_decision_dialog import RiskDecisionDialog
from ui.workspace.client_workspace import ClientWorkspace
from ui.workspace.risk_review_dialog import RiskReviewDialog
from ui.workspace.session_risk import CLIENT_RISK_TITLE


def add_item9_then_zero(vault: Vault, fern: Fixture) -> None:
    """A positive item 9, then a 0 a week later: the flag must stay."""
    for week, item9 in ((3, 2), (4, 0)):
        sessions.save_session(
            vault,
            Session(
                fern.episode_id,
                fern.client_id,
                dt.date(2025, 1, 6) + dt.timedelta(weeks=week),
                phq9=phq9(12, item9=item9),
            ),
        )


class AcceptingReview(RiskReviewDialog):
    """Fills the dialog as a therapist would and accepts it without blocking."""

    texts_to_type: ClassVar[dict[str, str]] = {
        "asked": "Asked about thoughts of death and self-harm",
        "found": "Passive thoughts, no plan and no intent",
        "actions": "Safety plan written, crisis line given",
    }

    def exec(self) -> int:
        for name, text in self.texts_to_type.items():
            self.texts[name].setPlainText(text)
        self.level.setCurrentIndex(self.level.findData(RiskLevel.LOW.value))
        self._save()
        return self.result()


def test_open_risk_shows_on_the_overview_until_a_review_is_recorded(
    qtbot: QtBot, vault: Vault, fern: Fixture, workspace: ClientWorkspace
) -> None:
    workspace.show()
    workspace.showClient(fern.client_id)
    panel = workspace.overview.risk_panel
    assert panel.none_line.isVisibleTo(workspace) and not panel.open_banner.isVisibleTo(workspace)
    add_item9_then_zero(vault, fern)
    workspace.showClient(fern.client_id)
    assert panel.open_banner.isVisibleTo(workspace)
    assert panel.open_banner.title() == "Risk open: document a risk review"
    assert "Session 4 (2025-01-27)" in panel.open_banner.message()
    workspace.overview.risk_actions.review_dialog = lambda cid, day: AcceptingReview(
        cid, day, workspace
    )
    panel.open_banner.actionButton().click()
    assert not panel.open_banner.isVisibleTo(workspace)
    assert panel.reviewed_banner.isVisibleTo(workspace)
    assert "level low" in panel.reviewed_banner.title()
    (stored,) = clients.read_record(vault, fern.client_id).risk_reviews
    assert stored.date == TODAY and stored.found.startswith("Passive thoughts")


def test_a_one_character_review_is_refused_and_nothing_is_saved(
    qtbot: QtBot, vault: Vault, fern: Fixture, workspace: ClientWorkspace
) -> None:
    add_item9_then_zero(vault, fern)
    workspace.showClient(fern.client_id)

    class OneCharacter(AcceptingReview):
        texts_to_type: ClassVar[dict[str, str]] = {**AcceptingReview.texts_to_type, "found": "x"}

    workspace.overview.risk_actions.review_dialog = lambda cid, day: OneCharacter(
        cid, day, workspace
    )
    assert workspace.overview.risk_actions.recordReview() is None
    assert clients.read_record(vault, fern.client_id).risk_reviews == ()
    dialog = OneCharacter(fern.client_id, TODAY, workspace)
    qtbot.addWidget(dialog)
    dialog.exec()
    assert dialog.review is None
    assert "at least a short sentence on what was found" in dialog.problem.message()


def test_hamd_item3_in_the_session_raises_the_flag(
    qtbot: QtBot, vault: Vault, fern: Fixture, workspace: ClientWorkspace
) -> None:
    workspace.show()
    workspace.showClient(fern.client_id)
    workspace.openSession(fern.session_ids[-1])
    editor = workspace.sessions.editor
    assert not editor.risk_banner.isVisibleTo(workspace)
    editor.form.risk_sources.item3.setValue(2)
    assert editor.risk_banner.isVisibleTo(workspace)  # at once, before saving
    editor.saveChanges()
    record = clients.read_record(vault, fern.client_id)
    saved = next(s for s in record.sessions if s.id == fern.session_ids[-1])
    assert saved.hamd_item3 == 2
    assert risk.risk_status_key(record) == "open"
    workspace.showClient(fern.client_id)
    workspace.openSession(fern.session_ids[0])  # another session: the client's risk shows
    assert editor.risk_banner.title() == CLIENT_RISK_TITLE


def test_a_high_level_review_is_due_again_at_the_next_session(
    qtbot: QtBot, vault: Vault, fern: Fixture, workspace: ClientWorkspace
) -> None:
    add_item9_then_zero(vault, fern)
    review = RiskReview(
        fern.client_id,
        dt.date(2025, 1, 27),
        RiskLevel.HIGH,
        "Asked about plans and means",
        "Thoughts most days, no plan yet",
        "Crisis team informed, safety plan made",
    )
    risk.save_risk_review(vault, review)
    workspace.showClient(fern.client_id)
    panel = workspace.overview.risk_panel
    assert panel.open_banner.title() == "Risk review due at this session"


def test_the_guard_dialog_needs_a_real_reason(qtbot: QtBot, vault: Vault, fern: Fixture) -> None:
    add_item9_then_zero(vault, fern)
    status = risk.client_risk_status(vault, fern.client_id)
    from ipt_desktop.domain.risk_records import DecisionAction

    dialog = RiskDecisionDialog(DecisionAction.END_CLIENT, status)
    qtbot.addWidget(dialog)
    assert "Session 4 (2025-01-27)" in dialog.banner.message()
    assert not dialog.go.isEnabled()
    dialog.reason.setPlainText("x")
    assert not dialog.go.isEnabled()
    assert "short sentence" in dialog.problem.text()
    dialog.reason.setPlainText("Client moved abroad; GP informed today")
    assert dialog.go.isEnabled()
    assert dialog.problem.text() == ""


def test_the_sample_client_carries_no_risk(vault: Vault, fern: Fixture) -> None:
    """Guard against a fixture that would already carry risk (the tests above rely on it)."""
    record = clients.read_record(vault, fern.client_id)
    assert risk.risk_status_key(record) == "none"
    assert all(s.hamd_item3 is None and not s.risk_noted for s in record.sessions)


def test_the_safety_plan_is_saved_and_written_as_a_pdf_off_the_ui_thread(
    qtbot: QtBot, vault: Vault, fern: Fixture, workspace: ClientWorkspace, tmp_path
) -> None:
    from ipt_desktop.domain.risk_records import SafetyPlan

    workspace.showClient(fern.client_id)
    actions = workspace.overview.risk_actions
    out = tmp_path / "plan.pdf"
    actions.plan_path = lambda: out
    plan = SafetyPlan(fern.client_id, TODAY, help_contacts=("Fictional sister Ada",))
    with qtbot.waitSignal(actions.pdfWritten, timeout=30_000) as written:
        actions._save_pdf(plan)
    assert written.args == [str(out)]
    assert out.read_bytes().startswith(b"%PDF")
    assert clients.read_record(vault, fern.client_id).safety_plan == plan
    assert workspace.overview.risk_panel.plan_button.text() == "Safety plan…"
