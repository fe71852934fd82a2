"""The daily actions, their shortcuts, the menu bar and the toolbar.

Shortcuts: new session Ctrl+N, save Ctrl+S, sign Ctrl+Shift+S, lock Ctrl+L, find client
Ctrl+F, new client Ctrl+Shift+N, settings Ctrl+, (the platform's Preferences key where
there is one), quit Ctrl+Q. The workspace defines none of these itself (one owner per key:
Qt reports an ambiguous shortcut otherwise).
"""

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenuBar, QSizePolicy, QToolBar, QWidget

from ui.common.icons import tinted_icon

#: The session editor's "Hand to client" shortcut (ui/workspace/session_editor.py).
HANDOVER_KEYS = "Ctrl+Shift+H"


def _keys(standard: QKeySequence.StandardKey, fallback: str) -> list[QKeySequence]:
    bound = QKeySequence.keyBindings(standard)
    return bound if bound else [QKeySequence(fallback)]


class AppActions(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.newClient = self._action("&New client…", "Ctrl+Shift+N", "client-add")
        self.editClient = self._action("&Edit client details…")
        self.endTreatment = self._action("End or &resume treatment…")
        self.deleteClient = self._action("&Delete client…")
        self.exportFhir = self._action("Export &measures as FHIR…")
        self.supervisionSummary = self._action("Supervision summary (de-&identified)…")
        self.newSession = self._action("New &session", "Ctrl+N", "session-new")
        self.save = self._action("&Save", "Ctrl+S", "save")
        self.sign = self._action("Si&gn note…", "Ctrl+Shift+S", "sign")
        self.findClient = self._action("&Find client", "Ctrl+F", "search")
        self.lock = self._action("&Lock", "Ctrl+L", "lock")
        self.lock.setToolTip("Lock now (Ctrl+L): the records close until the passphrase is typed")
        self.settings = self._action("Se&ttings…", "", "settings")
        self.settings.setShortcuts(_keys(QKeySequence.StandardKey.Preferences, "Ctrl+,"))
        self.backupNow = self._action("&Back up now…")
        self.restore = self._action("&Restore from a backup…")
        self.auditLog = self._action("&Audit log…")
        self.changePassphrase = self._action("Change &passphrase…")
        self.renewKeys = self._action("New recovery &key and master key…")
        self.quit = self._action("&Quit", "")
        self.quit.setShortcuts(_keys(QKeySequence.StandardKey.Quit, "Ctrl+Q"))
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.shortcuts = self._action("&Keyboard shortcuts")
        self.about = self._action("&About ipt-desktop")
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self._vault_actions = [
            self.newClient,
            self.findClient,
            self.lock,
            self.settings,
            self.backupNow,
            self.restore,
            self.auditLog,
            self.changePassphrase,
            self.renewKeys,
        ]
        self._client_actions = [
            self.editClient,
            self.endTreatment,
            self.deleteClient,
            self.exportFhir,
            self.supervisionSummary,
            self.newSession,
            self.save,
            self.sign,
        ]

    def _action(self, text: str, shortcut: str = "", icon: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if icon:
            action.setIcon(tinted_icon(icon))
            action.setProperty("iconName", icon)
        plain = text.replace("&", "").rstrip("…")
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{plain} ({keys})" if keys else plain)
        action.setStatusTip(plain)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        return action

    def refreshIcons(self) -> None:
        """Re-tint after the palette changed (light <-> dark)."""
        for action in self.findChildren(QAction):
            name = action.property("iconName")
            if name:
                action.setIcon(tinted_icon(str(name)))

    def setUnlocked(self, unlocked: bool, client_shown: bool) -> None:
        for action in self._vault_actions:
            action.setEnabled(unlocked)
        for action in self._client_actions:
            action.setEnabled(unlocked and client_shown)

    # -- building menus and the toolbar -------------------------------------------------
    def buildMenus(self, menu_bar: QMenuBar) -> None:
        file = menu_bar.addMenu("&File")
        file.addAction(self.newClient)
        file.addSeparator()
        file.addAction(self.backupNow)
        file.addAction(self.restore)
        file.addAction(self.auditLog)
        file.addSeparator()
        file.addAction(self.changePassphrase)
        file.addAction(self.renewKeys)
        file.addAction(self.settings)
        file.addSeparator()
        file.addAction(self.lock)
        file.addAction(self.quit)
        client = menu_bar.addMenu("&Client")
        client.addAction(self.findClient)
        client.addSeparator()
        client.addAction(self.editClient)
        client.addAction(self.endTreatment)
        client.addAction(self.exportFhir)
        client.addAction(self.supervisionSummary)
        client.addSeparator()
        client.addAction(self.deleteClient)
        session = menu_bar.addMenu("&Session")
        session.addAction(self.newSession)
        session.addAction(self.save)
        session.addAction(self.sign)
        help_menu = menu_bar.addMenu("&Help")
        help_menu.addAction(self.shortcuts)
        help_menu.addAction(self.about)

    def buildToolBar(self, window: QMainWindow) -> QToolBar:
        bar = QToolBar("Main toolbar", window)
        bar.setObjectName("mainToolBar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        bar.addAction(self.newClient)
        bar.addSeparator()
        bar.addAction(self.newSession)
        bar.addAction(self.save)
        bar.addAction(self.sign)
        spacer = QWidget(bar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addAction(self.settings)
        bar.addAction(self.lock)
        for action in bar.actions():
            button = bar.widgetForAction(action)
            if button is not None:
                button.setAccessibleName(action.text().replace("&", "").rstrip("…"))
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        return bar

    def shortcutRows(self) -> list[tuple[str, str]]:
        """(what, keys) for the keyboard shortcuts dialog."""
        rows = []
        for action in (
            self.newSession,
            self.save,
            self.sign,
            self.findClient,
            self.newClient,
            self.lock,
            self.settings,
            self.quit,
        ):
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            rows.append((action.text().replace("&", "").rstrip("…"), keys))
        # Owned by the session editor (one owner per key), listed here for the therapist.
        handover = QKeySequence(HANDOVER_KEYS).toString(QKeySequence.SequenceFormat.NativeText)
        rows.insert(3, ("Hand to client (questionnaires)", handover))
        return rows
