"""Machine preferences kept in QSettings: nothing personal, nothing clinical.

Only the values below are ever written: auto-lock minutes, paper size, backup folder and
window geometry. Practice details (a person's name, an address) live sealed in the vault
(``services.practice``); client names and ids never reach QSettings, recent-file lists or
window titles the OS keeps.
"""

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QByteArray, QLocale, QSettings

from ipt_desktop.domain.graduation import PaperSize

IDLE_MINUTES_DEFAULT = 10
IDLE_MINUTES_MIN = 1
IDLE_MINUTES_MAX = 60
ORGANIZATION = "ipt-desktop"
APPLICATION = "ipt-desktop"
#: A folder for the settings instead of the user's own (render tools, tests, scripts).
SETTINGS_DIR_ENV = "IPT_DESKTOP_SETTINGS_DIR"

_IDLE = "lock/idle_minutes"
_PAPER = "print/paper_size"
_BACKUP = "backup/folder"
_GEOMETRY = "window/geometry"
_STATE = "window/state"
_SPLITTER = "window/splitter"
#: Countries that use US Letter paper by default (everyone else uses A4).
_LETTER_COUNTRIES = {
    QLocale.Country.UnitedStates,
    QLocale.Country.Canada,
    QLocale.Country.Mexico,
    QLocale.Country.Philippines,
    QLocale.Country.Chile,
    QLocale.Country.Colombia,
}


def default_paper_size(locale: QLocale | None = None) -> PaperSize:
    country = (locale or QLocale.system()).territory()
    return PaperSize.LETTER if country in _LETTER_COUNTRIES else PaperSize.A4


def settings_store() -> QSettings:
    """The user's settings, or an ini file in ``$IPT_DESKTOP_SETTINGS_DIR`` when it is set."""
    folder = os.environ.get(SETTINGS_DIR_ENV, "").strip()
    if folder:
        return QSettings(str(Path(folder) / f"{APPLICATION}.ini"), QSettings.Format.IniFormat)
    return QSettings(ORGANIZATION, APPLICATION)


def use_throwaway_settings() -> Path:
    """For a tool: every settings write of this process goes to a new temporary folder,
    never to the real user's settings (``AppSettings()`` and Qt's own ``QSettings``)."""
    folder = Path(tempfile.mkdtemp(prefix="ipt-settings-"))
    os.environ[SETTINGS_DIR_ENV] = str(folder)
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(kind, scope, str(folder))
    return folder


class AppSettings:
    """Typed access to the few machine preferences; out-of-range values fall back safely."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else settings_store()

    @property
    def store(self) -> QSettings:
        return self._store

    # -- auto-lock ----------------------------------------------------------------------
    def idleMinutes(self) -> int:
        raw = self._store.value(_IDLE, IDLE_MINUTES_DEFAULT)
        try:
            minutes = int(str(raw))
        except ValueError:
            return IDLE_MINUTES_DEFAULT
        return minutes if IDLE_MINUTES_MIN <= minutes <= IDLE_MINUTES_MAX else IDLE_MINUTES_DEFAULT

    def setIdleMinutes(self, minutes: int) -> None:
        if not IDLE_MINUTES_MIN <= minutes <= IDLE_MINUTES_MAX:
            raise ValueError(f"auto-lock minutes must be {IDLE_MINUTES_MIN}..{IDLE_MINUTES_MAX}")
        self._store.setValue(_IDLE, minutes)

    # -- paper --------------------------------------------------------------------------
    def paperSize(self) -> PaperSize:
        raw = self._store.value(_PAPER, None)
        try:
            return PaperSize(str(raw)) if raw is not None else default_paper_size()
        except ValueError:
            return default_paper_size()

    def setPaperSize(self, paper: PaperSize) -> None:
        self._store.setValue(_PAPER, PaperSize(paper).value)

    # -- backups ------------------------------------------------------------------------
    def backupFolder(self) -> Path | None:
        raw = self._store.value(_BACKUP, "")
        return Path(str(raw)) if raw else None

    def setBackupFolder(self, folder: Path | None) -> None:
        if folder is None:
            self._store.remove(_BACKUP)
        else:
            self._store.setValue(_BACKUP, str(folder))

    # -- window -------------------------------------------------------------------------
    def windowGeometry(self) -> QByteArray | None:
        return self._bytes(_GEOMETRY)

    def windowState(self) -> QByteArray | None:
        return self._bytes(_STATE)

    def splitterState(self) -> QByteArray | None:
        return self._bytes(_SPLITTER)

    def saveWindow(self, geometry: QByteArray, state: QByteArray, splitter: QByteArray) -> None:
        self._store.setValue(_GEOMETRY, geometry)
        self._store.setValue(_STATE, state)
        self._store.setValue(_SPLITTER, splitter)

    def sync(self) -> None:
        self._store.sync()

    def _bytes(self, key: str) -> QByteArray | None:
        raw = self._store.value(key, None)
        return raw if isinstance(raw, QByteArray) and not raw.isEmpty() else None
