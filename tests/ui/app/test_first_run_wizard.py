"""The first-run wizard, driven like a person would: passphrase with the policy's live
verdict, the vault created off the UI thread, the recovery key shown once and printable,
two groups typed back, practice details sealed in the vault. Cancelling after creation
removes the empty vault; the demo choice opens a throwaway practice."""

import random
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QWidget, QWizard
from pytestqt.qtbot import QtBot

from ipt_desktop.crypto.kdf import floor_params
from ipt_desktop.services import clients, practice
from ipt_desktop.vault.files import VaultFiles
from ipt_desktop.vault.vault import Vault
from tests.helpers import PASSPHRASE
from tests.helpers.shell import when_modal
from ui.app.first_run_wizard import FirstRunWizard
from ui.app.recovery_key_panel import key_groups
from ui.common.app_settings import AppSettings
from ui.common.task_runner import TaskRunner

SLOW_MS = 30_000


def make_wizard(qtbot: QtBot, root: Path, settings: AppSettings) -> FirstRunWizard:
    wizard = FirstRunWizard(root, TaskRunner(), settings, kdf=floor_params, rng=random.Random(3))
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def create_vault(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.PASSPHRASE
    page = wizard.passphrasePage
    page.passphrase.setText(PASSPHRASE)
    page.confirm.setText(PASSPHRASE)
    assert page.isComplete()
    wizard.button(QWizard.WizardButton.CommitButton).click()
    assert page.isCreating()  # the window stays responsive while Argon2 runs
    qtbot.waitUntil(lambda: wizard.currentId() == FirstRunWizard.RECOVERY, timeout=SLOW_MS)


def test_passphrase_page_shows_the_policy_verdict_live(
    qtbot: QtBot, tmp_path: Path, settings: AppSettings
) -> None:
    wizard = make_wizard(qtbot, tmp_path / "vault", settings)
    wizard.next()
    page = wizard.passphrasePage
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    qtbot.keyClicks(page.passphrase, "short")
    qtbot.waitUntil(lambda: "at least 12 characters" in page.meter.messageText())
    assert not commit.isEnabled()
    page.passphrase.setText("password1234")
    page.meter.verdict()
    assert "Not accepted" in page.meter.messageText()
    page.passphrase.setText(PASSPHRASE)
    page.confirm.setText(PASSPHRASE + "x")
    page.meter.verdict()
    assert page.meter.isAcceptable()
    assert not commit.isEnabled()  # the two differ
    page.confirm.setText(PASSPHRASE)
    assert commit.isEnabled()
    assert any("cannot be recovered by anyone" in label.text() for label in _labels(page))


def _labels(widget: QWidget) -> list[QLabel]:
    return widget.findChildren(QLabel)


def test_wizard_creates_the_vault_and_confirms_the_recovery_key(
    qtbot: QtBot, tmp_path: Path, settings: AppSettings
) -> None:
    root = tmp_path / "vault"
    wizard = make_wizard(qtbot, root, settings)
    create_vault(qtbot, wizard)
    assert VaultFiles(root).exists()
    key = wizard.recoveryKey()
    groups = key_groups(key)
    assert len(groups) == 14
    shown = wizard.recoveryPage.keyPanel.keyLabel.text()
    assert all(group in shown for group in groups)
    assert any("cannot be recovered by anyone" in label.text() for label in _labels(wizard))

    # The printable sheet.
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()
    wizard.recoveryPage.keyPanel.saveSheetTo(tmp_path / "sheet")
    pdf = tmp_path / "sheet.pdf"
    qtbot.waitUntil(pdf.exists, timeout=SLOW_MS)
    qtbot.waitUntil(lambda: wizard.recoveryPage.keyPanel.saveSheet.isEnabled(), timeout=SLOW_MS)
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert groups[0] in text.replace(" ", "") and groups[-1] in text.replace(" ", "")
    wizard.recoveryPage.keyPanel.written.setChecked(True)
    assert next_button.isEnabled()
    next_button.click()

    # Two groups typed back: a wrong one is named, right ones (any case) pass.
    confirm = wizard.confirmPage
    first, second = confirm.expectedGroups()
    confirm.first.setText("ZZZZ")
    assert not confirm.isComplete()
    assert f"group {first}" in confirm._message.text()
    confirm.first.setText(groups[first - 1].lower())
    confirm.second.setText(groups[second - 1])
    assert confirm.isComplete()
    wizard.button(QWizard.WizardButton.NextButton).click()

    # Practice details, then finish.
    form = wizard.practicePage.form
    form.therapist.setText("Dr Jordan Reyes")
    form.practice.setText("Riverside Psychotherapy")
    form.address.setPlainText("2 Mill Lane\nSampletown")
    # The crisis contacts are asked for on the same page (optional).
    assert wizard.practicePage.crisis.isVisibleTo(wizard)
    wizard.practicePage.crisis.emergency.setText("112")
    wizard.practicePage.crisis.out_of_hours.setText("Crisis team 0800 555 0199")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QDialog.DialogCode.Accepted
    vault = wizard.takeVault()
    assert vault is not None and vault.is_unlocked
    try:
        details = practice.load_practice(vault)
        assert details.therapist_name == "Dr Jordan Reyes"
        assert details.address == "2 Mill Lane\nSampletown"
        contacts = practice.load_crisis_contacts(vault)
        assert (contacts.emergency, contacts.out_of_hours) == ("112", "Crisis team 0800 555 0199")
    finally:
        vault.close()
    assert wizard.recoveryKey() == ""  # not kept in memory after the wizard

    # The passphrase and the recovery key both open the new vault.
    for unlock in (lambda v: v.unlock(PASSPHRASE), lambda v: v.unlock_with_recovery_key(key)):
        reopened = Vault.open(root)
        try:
            unlock(reopened)
            assert reopened.is_unlocked
        finally:
            reopened.close()


def test_cancelling_after_creation_removes_the_empty_vault(
    qtbot: QtBot, tmp_path: Path, settings: AppSettings
) -> None:
    root = tmp_path / "vault"
    wizard = make_wizard(qtbot, root, settings)
    create_vault(qtbot, wizard)
    assert VaultFiles(root).exists()

    def discard(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        box.button(QMessageBox.StandardButton.Discard).click()

    when_modal(discard)
    wizard.reject()
    assert wizard.result() == QDialog.DialogCode.Rejected
    assert not VaultFiles(root).exists()
    assert not root.exists()


def test_demo_choice_opens_a_throwaway_practice(
    qtbot: QtBot, tmp_path: Path, settings: AppSettings
) -> None:
    wizard = make_wizard(qtbot, tmp_path / "vault", settings)
    wizard.welcomePage.demoChoice.setChecked(True)
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isVisible()
    finish.click()
    qtbot.waitUntil(lambda: wizard.result() == QDialog.DialogCode.Accepted, timeout=SLOW_MS)
    demo = wizard.takeDemo()
    assert demo is not None
    try:
        assert len(clients.list_summaries(demo.vault)) >= 6
        assert not (tmp_path / "vault").exists()  # nothing was created at the real location
    finally:
        demo.dispose()
    assert not demo.folder.exists()
