"""Dialogs about a client as a whole: add (with the first episode), edit, end, delete.

Values are checked by the domain as they are typed; the OK button stays off until the form
can be saved, and the reason is shown beside it. Deleting asks for the client's full name,
typed, and says plainly that it cannot be undone.
"""

import datetime as dt
import unicodedata
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ipt_desktop.domain.enums import EpisodeKind
from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.model import (
    MAX_ACUTE_SESSIONS,
    MIN_ACUTE_SESSIONS,
    Client,
    Episode,
)
from ipt_desktop.domain.validation import MAX_NAME_CHARS, check_name
from ui.common.date_field import DateField
from ui.common.message_style import set_message

DEFAULT_ACUTE_SESSIONS = 16
NAME_NEEDED = "The client needs a name."


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    set_message(label, "", hide_when_empty=False)
    return label


class ClientFormDialog(QDialog):
    """New client (name, date of birth, first acute episode) or edit name and birth date."""

    def __init__(self, client: Client | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client = client
        adding = client is None
        self.setWindowTitle("New client" if adding else "Edit client")
        self.setMinimumWidth(460)
        self.name = QLineEdit()
        self.name.setAccessibleName("Client name")
        self.name.setMaxLength(MAX_NAME_CHARS)
        self.name.setPlaceholderText("Full name")
        self.preferred = QLineEdit()
        self.preferred.setAccessibleName("Preferred name in letters")
        self.preferred.setMaxLength(200)
        self.preferred.setPlaceholderText("The name they want to be called (default: first name)")
        self.birth = DateField("Date of birth", allow_empty=True)
        form = QFormLayout()
        form.addRow("&Name:", self.name)
        form.addRow("&Called:", self.preferred)
        form.addRow("Date of &birth:", self.birth)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.sessions: QSpinBox | None = None
        self.start: DateField | None = None
        if adding:
            episode = QGroupBox("First episode: acute course")
            self.sessions = QSpinBox()
            self.sessions.setRange(MIN_ACUTE_SESSIONS, MAX_ACUTE_SESSIONS)
            self.sessions.setValue(DEFAULT_ACUTE_SESSIONS)
            self.sessions.setSuffix(" sessions")
            self.sessions.setAccessibleName("Planned sessions")
            self.sessions.setMaximumWidth(self.sessions.sizeHint().width() + 24)
            self.start = DateField("Start date")
            self.start.setDate(dt.date.today())
            episode_form = QFormLayout(episode)
            episode_form.addRow("&Planned:", self.sessions)
            episode_form.addRow("&Start date:", self.start)
            hint = QLabel("IPT's acute course is 12 to 16 weekly sessions.")
            hint.setWordWrap(True)
            set_message(hint, hint.text())
            episode_form.addRow(hint)
            layout.addWidget(episode)
            self.start.lineEdit().textChanged.connect(self._validate)
        else:
            assert client is not None
            self.name.setText(client.name)
            self.preferred.setText(client.preferred_name)
            self.birth.setDate(client.date_of_birth)
        self.problem = _error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("&Add client" if adding else "&Save")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._name_touched = False
        self.name.textEdited.connect(self._name_edited)
        self.name.textChanged.connect(self._validate)
        self.birth.lineEdit().textChanged.connect(self._validate)
        self._validate()

    def _name_edited(self) -> None:
        self._name_touched = True

    def _problem(self) -> str | None:
        try:
            check_name("name", self.name.text().strip())
        except ValidationError:
            return NAME_NEEDED
        fields = [self.birth] + ([self.start] if self.start is not None else [])
        for field in fields:
            problem = field.problem()
            if problem is not None:
                return problem
        birth = self.birth.date()
        if birth is not None and birth > dt.date.today():
            return "The date of birth is in the future."
        return None

    def _validate(self) -> None:
        for field in [self.birth] + ([self.start] if self.start is not None else []):
            if field.text():
                field.validate()  # the date in words, or why not, under the field as typed
        problem = self._problem()
        # A fresh, empty form is not an error: the name message waits for some typing; a
        # date's problem is already shown under that date.
        dates = [self.birth] + ([self.start] if self.start is not None else [])
        shown_by_field = any(problem == field.problem() for field in dates)
        quiet = shown_by_field or (problem == NAME_NEEDED and not self._name_touched)
        set_message(self.problem, "" if quiet else problem or "", error=True, hide_when_empty=False)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(problem is None)

    def client(self) -> Client:
        """The new or edited client (call after ``exec`` returned Accepted)."""
        name = self.name.text().strip()
        preferred = self.preferred.text().strip()
        if self._client is None:
            return Client(name=name, date_of_birth=self.birth.date(), preferred_name=preferred)
        return replace(
            self._client, name=name, date_of_birth=self.birth.date(), preferred_name=preferred
        )

    def firstEpisode(self, client_id: str) -> Episode:
        assert self.sessions is not None
        assert self.start is not None
        start = self.start.date()
        assert start is not None
        return Episode(
            client_id=client_id,
            start_date=start,
            kind=EpisodeKind.ACUTE,
            planned_sessions=self.sessions.value(),
        )


class EndTreatmentDialog(QDialog):
    """Mark a client's treatment as ended on a date (the list's "Ended" filter)."""

    def __init__(self, client: Client, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("End treatment")
        self.setMinimumWidth(420)
        self._client = client
        text = QLabel(
            "The client moves to the “Ended treatment” list. Their record stays as it is, "
            "and treatment can be resumed later."
        )
        text.setWordWrap(True)
        self.ended = DateField("End date")
        self.ended.setDate(dt.date.today())
        form = QFormLayout()
        form.addRow("&Ended on:", self.ended)
        self.problem = _error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&End treatment")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.ended.lineEdit().textChanged.connect(self._validate)
        self._validate()

    def _validate(self) -> None:
        if self.ended.text():
            self.ended.validate()
        problem = self.ended.problem()
        set_message(self.problem, problem or "", error=True, hide_when_empty=False)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(problem is None)

    def client(self) -> Client:
        return replace(self._client, ended_on=self.ended.date())


def _same_name(typed: str, name: str) -> bool:
    return unicodedata.normalize("NFC", typed.strip()) == unicodedata.normalize("NFC", name.strip())


class DeleteClientDialog(QDialog):
    """Delete for good: the client's full name must be typed to confirm."""

    def __init__(self, client: Client, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self.setWindowTitle("Delete client")
        self.setMinimumWidth(480)
        heading = QLabel("Delete this client and every record of them?")
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        heading.setWordWrap(True)
        name = QLabel(client.name)
        name.setTextFormat(Qt.TextFormat.PlainText)
        name.setWordWrap(True)
        name.setAccessibleName("Client to delete")
        body = QLabel(
            "All sessions, notes, measures, the inventory, life events, the formulation and "
            "any drafts are deleted, and the client's key is destroyed. This cannot be "
            "undone. Backups made earlier still contain the client until they are replaced."
        )
        body.setWordWrap(True)
        self.confirm = QLineEdit()
        self.confirm.setAccessibleName("Type the client's full name to confirm")
        self.confirm.setPlaceholderText("The client's full name")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.deleteButton = self.buttons.addButton(
            "&Delete for good", QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.deleteButton.setEnabled(False)
        self.deleteButton.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(name)
        layout.addWidget(body)
        layout.addWidget(QLabel("Type the client's full name to confirm:"))
        layout.addWidget(self.confirm)
        layout.addWidget(self.buttons)
        self.confirm.textChanged.connect(
            lambda text: self.deleteButton.setEnabled(_same_name(text, client.name))
        )
