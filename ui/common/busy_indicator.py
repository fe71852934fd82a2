"""A quiet busy indicator: a short label and an indeterminate bar, shown while work runs."""

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from .task_runner import TaskRunner


class BusyIndicator(QWidget):
    """Follows a ``TaskRunner``: visible with the task's label while the runner is busy."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label = QLabel(self)
        self._bar = QProgressBar(self)
        self._bar.setRange(0, 0)  # indeterminate
        self._bar.setTextVisible(False)
        self._bar.setMaximumWidth(120)
        self._bar.setMaximumHeight(12)
        self._bar.setAccessibleName("Busy")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self._bar)
        layout.addWidget(self._label)
        layout.addStretch(1)
        runner.busyChanged.connect(self._on_busy)
        runner.busyLabelChanged.connect(self._on_label)
        self._on_label(runner.busyLabel())
        self.setVisible(runner.isBusy())

    def text(self) -> str:
        return self._label.text()

    def _on_busy(self, busy: bool) -> None:
        self.setVisible(busy)

    def _on_label(self, text: str) -> None:
        self._label.setText(text)
        self.setAccessibleName(text or "Busy")
