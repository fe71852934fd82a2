"""File > Export measures as FHIR: one client's PHQ-9 and GAD-7 scores, as FHIR R4 JSON.

Like the JSON export, the file is plaintext: the therapist is told so before it is
written and chooses where it goes. The suggested file name holds no client name.
"""

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ipt_desktop.services.fhir_export import write_fhir_export
from ipt_desktop.vault.errors import VaultError
from ipt_desktop.vault.vault import Vault

SUGGESTED_NAME = "measures.fhir.json"
WARNING_TITLE = "The export is not encrypted"
WARNING_TEXT = (
    "The file holds the client's name, date of birth and every PHQ-9 and GAD-7 answer in "
    "plain text (FHIR R4 JSON with LOINC codes). Anyone who can read the file can read "
    "them. Keep it somewhere safe and delete it when it is no longer needed."
)


def confirm_plaintext(parent: QWidget) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(WARNING_TITLE)
    box.setText(WARNING_TITLE)
    box.setInformativeText(WARNING_TEXT)
    export = box.addButton("Export (not encrypted)", QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton("Cancel", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is export


def export_measures_as_fhir(parent: QWidget, vault: Vault, client_id: str) -> str:
    """Ask, write, and return a status line ("" when the therapist cancelled)."""
    if not confirm_plaintext(parent):
        return ""
    name, _filter = QFileDialog.getSaveFileName(
        parent, "Export measures as FHIR", SUGGESTED_NAME, "FHIR JSON (*.json)"
    )
    if not name:
        return ""
    try:
        count = write_fhir_export(vault, client_id, Path(name))
    except (VaultError, OSError) as error:
        QMessageBox.warning(parent, "Export not written", str(error))
        return ""
    noun = "score" if count == 1 else "scores"
    return f"Exported {count} {noun} as FHIR to {Path(name).name} (not encrypted)."
