"""Client > Supervision summary (de-identified): the PDF of the open contract is built off
the UI thread, saved where the therapist chooses, holds no name, and is audited."""

from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog

from ipt_desktop.services import clients
from tests.helpers.handover import stock


def test_the_action_writes_a_de_identified_pdf(window, vault, tmp_path, monkeypatch, qtbot):
    client_id, _earlier, _today = stock(vault)
    name = clients.read_record(vault, client_id).client.name
    window.workArea.reload()
    assert window.workArea.switchTo(client_id)
    assert window.actions_.supervisionSummary.isEnabled()
    out = tmp_path / "supervision.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.actions_.supervisionSummary.trigger()
    qtbot.waitUntil(out.exists, timeout=30_000)
    qtbot.waitUntil(lambda: "supervision" in window.statusBar().currentMessage(), timeout=30_000)
    text = " ".join(p.extract_text() or "" for p in PdfReader(out).pages)
    assert "IPT supervision summary" in text
    assert name not in text and name.split()[-1] not in text
