"""Client > Export measures as FHIR: warned first (plaintext), then a valid FHIR bundle."""

import json

from fhir.resources.R4B.bundle import Bundle
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from tests.helpers.handover import EARLIER_GAD7, EARLIER_PHQ9, stock
from tests.helpers.shell import when_modal
from ui.app.fhir_export_action import WARNING_TITLE


def click(text: str):
    def action(box: QWidget) -> None:
        assert isinstance(box, QMessageBox) and box.text() == WARNING_TITLE
        [button] = [b for b in box.buttons() if b.text() == text]
        button.click()

    return action


def test_export_after_the_warning_writes_a_valid_bundle(window, vault, tmp_path, monkeypatch):
    client_id, _earlier, _today = stock(vault)
    window.workArea.reload()
    assert window.workArea.switchTo(client_id)
    out = tmp_path / "measures.fhir.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    when_modal(click("Cancel"))
    window.actions_.exportFhir.trigger()
    assert not out.exists()
    when_modal(click("Export (not encrypted)"))
    window.actions_.exportFhir.trigger()
    bundle = Bundle.model_validate(json.loads(out.read_text(encoding="utf-8")))
    totals = [
        e.resource.valueQuantity.value
        for e in bundle.entry
        if e.resource.__resource_type__ == "Observation"
    ]
    assert sorted(totals) == sorted([sum(EARLIER_PHQ9), sum(EARLIER_GAD7)])
    assert "not encrypted" in window.statusBar().currentMessage()
    assert out.stat().st_mode & 0o077 == 0  # owner-readable only
