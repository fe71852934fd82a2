"""The unlock screen: passphrase (or recovery key), key derivation off the UI thread.

A wrong passphrase gets a plain message and the field keeps the focus with its text
selected, ready to retype. The screen never shows what was typed after a lock: ``reset``
empties every field. With the demo practice the fixed demo passphrase is shown.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ipt_desktop.services.unlock_secret import UnlockSecret
from ipt_desktop.services.unlock_session import UnlockOutcome, unlock
from ipt_desktop.vault.errors import (
    VaultDamagedError,
    VaultError,
    WrongPassphraseError,
    WrongRecoveryKeyError,
)
from ipt_desktop.vault.vault import Vault
from ui.common.busy_indicator import BusyIndicator
from ui.common.failures import report_unexpected
from ui.common.icons import app_icon
from ui.common.message_style import set_message
from ui.common.passphrase_widgets import PassphraseEdit
from ui.common.task_runner import TaskRunner

WRONG_PASSPHRASE = (
    "That passphrase is not correct. Check Caps Lock and the keyboard layout, then try again."  # noqa: S105 - a message
)
CARD_WIDTH = 440


def _link_button(text: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName("linkButton")
    button.setFlat(True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    return button


class UnlockScreen(QWidget):
    #: (with the recovery key?, UnlockOutcome). With the recovery key: ask for a new passphrase.
    unlocked = Signal(bool, object)
    damaged = Signal(str)

    def __init__(
        self,
        vault: Vault,
        runner: TaskRunner,
        *,
        demo_passphrase: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unlockScreen")
        self._vault = vault
        self._runner = runner
        self._demo_passphrase = demo_passphrase
        self._task: int | None = None
        self._with_recovery = False
        self._own_failures = 0  # wrong secrets typed here since the last unlock

        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(56, 56))
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel("ipt-desktop")
        title_font = title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.6)
        title_font.setWeight(QFont.Weight.DemiBold)
        title.setFont(title_font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status = QLabel("The vault is locked.")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Lock status")

        # Passphrase mode.
        self.passphrase = PassphraseEdit("Passphrase")
        self.passphrase.setPlaceholderText("Passphrase")
        self.passphrase.returnPressed.connect(self.attemptUnlock)
        self.unlockButton = QPushButton("&Unlock")
        self.unlockButton.setDefault(True)
        self.unlockButton.setAccessibleName("Unlock")
        self.unlockButton.clicked.connect(self.attemptUnlock)
        self.useRecovery = _link_button("Forgot the passphrase? Use the &recovery key")
        self.useRecovery.setAccessibleName("Use the recovery key instead")
        self.useRecovery.clicked.connect(lambda: self.setRecoveryMode(True))
        passphrase_page = QWidget()
        pp = QVBoxLayout(passphrase_page)
        pp.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.unlockButton)
        pp.addWidget(QLabel("Type your passphrase to open the vault."))
        pp.addLayout(row)
        pp.addWidget(self.useRecovery, 0, Qt.AlignmentFlag.AlignLeft)

        # Recovery-key mode.
        self.recoveryKey = QLineEdit()
        self.recoveryKey.setAccessibleName("Recovery key")
        self.recoveryKey.setPlaceholderText("XXXX-XXXX-XXXX-…")
        self.recoveryKey.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.recoveryKey.setMaxLength(200)
        self.recoveryKey.returnPressed.connect(self.attemptUnlock)
        self.recoveryButton = QPushButton("Unlock with &key")
        self.recoveryButton.setAccessibleName("Unlock with the recovery key")
        self.recoveryButton.clicked.connect(self.attemptUnlock)
        self.backToPassphrase = _link_button("&Back to the passphrase")
        self.backToPassphrase.clicked.connect(lambda: self.setRecoveryMode(False))
        recovery_page = QWidget()
        rp = QVBoxLayout(recovery_page)
        rp.setContentsMargins(0, 0, 0, 0)
        explain = QLabel(
            "Type the recovery key from your recovery sheet. You will then choose a new passphrase."
        )
        explain.setWordWrap(True)
        rrow = QHBoxLayout()
        rrow.addWidget(self.recoveryKey, 1)
        rrow.addWidget(self.recoveryButton)
        rp.addWidget(explain)
        rp.addLayout(rrow)
        rp.addWidget(self.backToPassphrase, 0, Qt.AlignmentFlag.AlignLeft)

        self._modes = QStackedWidget()
        self._modes.addWidget(passphrase_page)
        self._modes.addWidget(recovery_page)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setAccessibleName("Unlock problem")
        set_message(self.error, "")
        self.busy = BusyIndicator(runner, self)

        card = QFrame()
        card.setObjectName("unlockCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setFixedWidth(CARD_WIDTH)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(10)
        inner.addWidget(icon)
        inner.addWidget(title)
        inner.addWidget(self.status)
        inner.addSpacing(8)
        inner.addWidget(self._modes)
        inner.addWidget(self.error)
        inner.addWidget(self.busy)
        if demo_passphrase is not None:
            inner.addWidget(self._demo_hint(demo_passphrase))

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.setFocusProxy(self.passphrase)

    def _demo_hint(self, passphrase: str) -> QWidget:
        box = QFrame()
        box.setObjectName("demoHint")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 8, 0, 0)
        text = QLabel(f"Demo practice (fictional clients). The passphrase is:\n“{passphrase}”")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.setAccessibleName("Demo passphrase")
        fill = QPushButton("Type it for me")
        fill.setAccessibleName("Type the demo passphrase")
        fill.clicked.connect(lambda: self._fill_demo(passphrase))
        layout.addWidget(text)
        layout.addWidget(fill, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    def _fill_demo(self, passphrase: str) -> None:
        self.setRecoveryMode(False)
        self.passphrase.setText(passphrase)
        self.passphrase.setFocus()

    # -- API ----------------------------------------------------------------------------
    def reset(self, message: str = "The vault is locked.") -> None:
        """Forget whatever was typed; show the passphrase mode with the focus in the field."""
        if self._task is not None:
            self._runner.cancel(self._task)
            self._task = None
        self.passphrase.wipe()
        self.recoveryKey.clear()
        self._set_busy(False)
        set_message(self.error, "")
        self.status.setText(message)
        self.setRecoveryMode(False)

    def setRecoveryMode(self, on: bool) -> None:
        self._with_recovery = on
        self._modes.setCurrentIndex(1 if on else 0)
        set_message(self.error, "")
        (self.recoveryKey if on else self.passphrase).setFocus()

    def failuresSeenHere(self) -> int:
        """Wrong secrets typed on this screen since the last unlock (the person saw them)."""
        return self._own_failures

    def isRecoveryMode(self) -> bool:
        return self._with_recovery

    def attemptUnlock(self) -> None:
        if self._task is not None:
            return
        field = self.recoveryKey if self._with_recovery else self.passphrase
        secret = field.text()
        if not secret:
            set_message(self.error, "Type it first.", error=True)
            field.setFocus()
            return
        vault, recovery = self._vault, self._with_recovery

        def work() -> UnlockOutcome:
            kind = UnlockSecret.recovery_key if recovery else UnlockSecret.passphrase
            return unlock(vault, kind(secret))

        set_message(self.error, "")
        self._set_busy(True)
        self._task = self._runner.run(work, self._succeeded, self._failed, label="Unlocking…")

    # -- outcomes -----------------------------------------------------------------------
    def _set_busy(self, busy: bool) -> None:
        # Read-only rather than disabled: a disabled field would lose the keyboard focus.
        self.passphrase.setReadOnly(busy)
        self.recoveryKey.setReadOnly(busy)
        self.unlockButton.setEnabled(not busy)
        self.recoveryButton.setEnabled(not busy)
        self.useRecovery.setEnabled(not busy)
        self.backToPassphrase.setEnabled(not busy)

    def _succeeded(self, outcome: UnlockOutcome) -> None:
        self._task = None
        self._set_busy(False)
        recovery = self._with_recovery
        self.passphrase.wipe()
        self.recoveryKey.clear()
        self.unlocked.emit(recovery, outcome)
        self._own_failures = 0

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        self._set_busy(False)
        field = self.recoveryKey if self._with_recovery else self.passphrase
        if isinstance(exc, VaultDamagedError):
            set_message(self.error, str(exc), error=True)
            self.damaged.emit(str(exc))
            return
        if isinstance(exc, WrongPassphraseError | WrongRecoveryKeyError):
            self._own_failures += 1
        if isinstance(exc, WrongPassphraseError):
            text = WRONG_PASSPHRASE
        elif isinstance(exc, VaultError):
            text = str(exc)
        else:
            report_unexpected(exc)
            text = "The vault could not be opened because of an unexpected problem."
        set_message(self.error, text, error=True)
        field.setFocus()
        field.selectAll()
