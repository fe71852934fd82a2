"""The client's safety plan: the six usual parts, one item per line, in the client's words.

Save stores it (sealed); "Save as PDF…" asks where and writes the printable plan with the
practice's crisis contacts (plaintext, and the dialog says so).
"""

import dataclasses
import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.risk_records import SAFETY_PLAN_PARTS, SafetyPlan
from ui.common.banner import Banner, BannerKind
from ui.common.form_parts import muted_label

HELP = "One item per line. Write it with the client, in their words."


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


class SafetyPlanDialog(QDialog):
    def __init__(
        self,
        client_id: str,
        plan: SafetyPlan | None,
        today: dt.date,
        save_pdf: Callable[[SafetyPlan], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Safety plan")
        self.setMinimumWidth(560)
        self._client_id = client_id
        self._plan = plan
        self._today = today
        self._save_pdf = save_pdf
        self.plan: SafetyPlan | None = None
        self.problem = Banner(BannerKind.PROBLEM, parent=self)
        self.parts: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for number, (name, heading) in enumerate(SAFETY_PLAN_PARTS, 1):
            edit = QPlainTextEdit(self)
            edit.setAccessibleName(heading)
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 12)
            if plan is not None:
                edit.setPlainText("\n".join(getattr(plan, name)))
            self.parts[name] = edit
            form.addRow(QLabel(f"{number}. {heading}", self), edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.pdf_button = buttons.addButton(
            "Save and make PDF…", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.pdf_button.setEnabled(save_pdf is not None)
        self.pdf_button.clicked.connect(self._save_and_print)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.problem)
        column.addWidget(muted_label(HELP, self))
        column.addLayout(form)
        column.addWidget(buttons)

    def _collect(self) -> SafetyPlan | None:
        values: dict[str, object] = {
            name: _lines(edit.toPlainText()) for name, edit in self.parts.items()
        }
        try:
            plan = SafetyPlan(self._client_id, self._today)
            plan = dataclasses.replace(plan, **values)  # type: ignore[arg-type]
        except ValidationError as error:
            self.problem.showMessage("This plan cannot be saved yet", f"{error.message}.")
            return None
        return plan if self._plan is None else dataclasses.replace(plan, id=self._plan.id)

    def _save(self) -> None:
        self.plan = self._collect()
        if self.plan is not None:
            self.accept()

    def _save_and_print(self) -> None:
        self.plan = self._collect()
        if self.plan is None or self._save_pdf is None:
            return
        self._save_pdf(self.plan)
        self.accept()
