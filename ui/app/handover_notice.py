"""What the therapist sees after unlocking when a hand-over left answers.

A positive PHQ-9 item 9 comes first, before the record is shown: a modal prompt that
says what the client answered and that they saw the crisis contacts. Then one status
line says where the answers went (client-rated), what replaced a value the therapist had
entered, and what is unfinished (kept for the next hand-over of that session).
"""

from PySide6.QtWidgets import QMessageBox, QWidget

from ipt_desktop.domain.client_entry import Questionnaire
from ipt_desktop.domain.handover import FREQUENCY_CHOICES, TITLES
from ipt_desktop.domain.measures import PHQ9_ITEM9_INDEX
from ipt_desktop.services.handover import PlacedAnswers
from ui.common.ui_text import format_date

RISK_PROMPT_TITLE = "The client answered PHQ-9 item 9 above 0"
GO_TO_RISK = "Go to the risk assessment"


def _names(measures: tuple[Questionnaire, ...]) -> str:
    return ", ".join(TITLES[q] for q in measures)


def risk_prompt_text(result: PlacedAnswers, item9_value: int | None) -> str:
    said = dict(FREQUENCY_CHOICES).get(item9_value or 0, "above 0")
    when = "" if result.session is None else f" (session of {format_date(result.session.date)})"
    return (
        "In hand-over mode the client answered “Thoughts that you would be better off dead, "
        f"or of hurting yourself in some way” with “{said}”{when}.\n\n"
        "The client was asked to talk with you today and shown the practice's crisis "
        "contacts. Talk with the client now, and write the risk assessment in this session: "
        "the note cannot be signed without it."
    )


def show_risk_prompt(parent: QWidget, result: PlacedAnswers, item9_value: int | None) -> None:
    box = QMessageBox(parent)
    box.setObjectName("handoverRiskPrompt")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Risk: PHQ-9 item 9")
    box.setText(RISK_PROMPT_TITLE)
    box.setInformativeText(risk_prompt_text(result, item9_value))
    box.addButton(GO_TO_RISK, QMessageBox.ButtonRole.AcceptRole)
    box.setAccessibleName(RISK_PROMPT_TITLE)
    box.exec()
    box.deleteLater()


def item9_value(result: PlacedAnswers) -> int | None:
    session = result.session
    if session is None or session.phq9 is None:
        return None
    return session.phq9[PHQ9_ITEM9_INDEX]


def placed_summary(results: list[PlacedAnswers]) -> str:
    """One status line (no clinical values, no names)."""
    parts: list[str] = []
    for r in results:
        day = "" if r.session is None else f" of {format_date(r.session.date)}"
        if r.placed:
            text = f"The client's {_names(r.placed)} answers are in the session{day}, client-rated"
            if r.replaced:
                text += f" (they replace the {_names(r.replaced)} entered before)"
            parts.append(text + ".")
        if r.unfinished:
            parts.append(
                f"Unfinished {_names(r.unfinished)} kept: hand to the client again to finish."
            )
        if r.problem:
            parts.append(f"Answers not placed: {r.problem}.")
    return " ".join(parts)
