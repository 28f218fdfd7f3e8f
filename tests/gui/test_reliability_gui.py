"""What the window does when things go wrong: megabyte pastes, password forms, a refusing disk, start-up.

Pasting 1 MB into any field is cut by the field and the page keeps answering; a password with emoji,
combining accents and full-width letters registers and then signs in typed in its other (NFKC) form;
a full database is told in French without losing anything typed, and the next try works; a damaged
database at start-up is moved aside and the operator is told in a dialog; a data folder that cannot
be used is told in a dialog. After a whole journey, no file and no log holds the password.
"""

from __future__ import annotations

import dataclasses
import logging
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QMessageBox, QPushButton, QWidget, QWizard
from support import files_holding, registration, texts_holding

from monmaster_desktop import texts, validation
from monmaster_desktop.accounts.service import AccountService, open_account_service
from monmaster_desktop.gui import app as gui_app
from monmaster_desktop.gui.context import GuiContext, PageId
from monmaster_desktop.gui.main_window import MainWindow
from monmaster_desktop.gui.testers.journey import Candidate
from monmaster_desktop.settings import CaptchaMode, HashingParameters, Settings

Button = QWizard.WizardButton
MEGABYTE = 1_000_000
# The same password in two forms that NFKC makes one: full-width letters and a combining accent
# against ASCII letters and the precomposed é; the emoji is the same in both.
TYPED_AT_REGISTRATION = "Ｍｏｔ-de-passe\u0301-😀-42%"
TYPED_AT_SIGN_IN = "Mot-de-passé-😀-42%"
FULL = "Impossible d'enregistrer : l'espace disque est plein"


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, one character per key event, as a keyboard layout or input method delivers it."""
    widget.setFocus()
    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character)
            )


def paste(qtbot, widget: QLineEdit, text: str) -> None:
    QApplication.clipboard().setText(text)
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def limit_to_current_size(service: AccountService) -> None:
    """Cap the database at its size now (SQLite's max_page_count): the next growth fails as on a full disk."""
    with service.outbox._database.reading() as connection:
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages}").fetchall()


def fill_database(service: AccountService) -> None:
    """Register until the capped database has no room left (free pages are used up first)."""
    for number in range(400):
        limit_to_current_size(service)
        if not service.register(registration(f"remplissage.{number}@example.fr")).ok:
            return
    raise AssertionError("the database never filled up")


def open_window(qtbot, context: GuiContext) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot, gui_context: GuiContext) -> Iterator[MainWindow]:
    gui_context.settings = dataclasses.replace(gui_context.settings, captcha=CaptchaMode.OFF)
    main_window = open_window(qtbot, gui_context)
    yield main_window
    gui_context.runner.wait_for_done()
    main_window.reset_for_next_candidate()


def go_to_sign_in(candidate: Candidate) -> None:
    candidate.press(Button.NextButton, "Candidater")
    candidate.wait_for_page(PageId.CANDIDATER)
    candidate.click(candidate.page(PageId.CANDIDATER).child(QPushButton, "signInLinkButton"))
    candidate.wait_for_page(PageId.SIGN_IN)


def press_sign_in(candidate: Candidate) -> None:
    candidate.press(Button.NextButton, "Se connecter")
    candidate.wait_until_idle()


def sign_in_field(candidate: Candidate, name: str) -> QLineEdit:
    return candidate.field(PageId.SIGN_IN, name)


# --- 1 MB pastes -------------------------------------------------------------------------------------


def test_a_megabyte_pasted_into_any_field_is_cut_by_the_field(qtbot, gui_context: GuiContext) -> None:
    window = open_window(qtbot, gui_context)  # with the image captcha and its answer field
    candidate = Candidate.at(window)
    candidate.go_to_credentials()
    credentials = window.wizard.pages[PageId.CREDENTIALS]
    edits = credentials.findChildren(QLineEdit)
    assert {edit.objectName() for edit in edits} >= {
        "emailEdit",
        "passwordEdit",
        "confirmationEdit",
        "captchaAnswerEdit",
    }
    for edit in edits:
        paste(qtbot, edit, "x" * MEGABYTE)
        assert 0 < len(edit.text()) == edit.maxLength() <= validation.MAX_PASSWORD_FIELD_LENGTH
    # The page still answers: the checklist settles and says the password is too long, not cut short.
    candidate.settle()
    assert validation.PASSWORD_PROBLEM_MESSAGES["too_long"] in credentials.checklist.summary()

    window.reset_for_next_candidate()
    go_to_sign_in(candidate)
    for name in ("emailEdit", "passwordEdit"):
        edit = sign_in_field(candidate, name)
        paste(qtbot, edit, "é" * MEGABYTE)
        assert 0 < len(edit.text()) == edit.maxLength() <= validation.MAX_PASSWORD_FIELD_LENGTH
    press_sign_in(candidate)
    assert candidate.message(PageId.SIGN_IN, "signInMessage") == texts.SIGN_IN_FAILED
    gui_context.runner.wait_for_done()
    window.reset_for_next_candidate()


# --- NFKC forms --------------------------------------------------------------------------------------


def test_a_password_registered_in_one_form_signs_in_typed_in_the_other(
    qtbot, window: MainWindow, caplog, announcements
) -> None:
    caplog.set_level(logging.DEBUG)
    assert unicodedata.normalize("NFKC", TYPED_AT_REGISTRATION) == unicodedata.normalize(
        "NFKC", TYPED_AT_SIGN_IN
    )
    assert TYPED_AT_REGISTRATION != TYPED_AT_SIGN_IN
    candidate = Candidate.at(window)
    candidate.go_to_credentials()
    page = window.wizard.pages[PageId.CREDENTIALS]
    type_text(page.email_edit, "zoe.nfkc@example.fr")
    type_text(page.password_edit, TYPED_AT_REGISTRATION)
    type_text(page.confirmation_edit, TYPED_AT_REGISTRATION)
    assert page.password_edit.text() == TYPED_AT_REGISTRATION  # every character arrived as typed
    candidate.click(page.child(QCheckBox, "consentCheckBox"))
    candidate.submit_credentials()
    candidate.wait_for_page(PageId.MAIL_SENT)
    candidate.open_outbox()
    candidate.follow_link()
    candidate.wait_for_page(PageId.ACTIVATED)

    candidate.press(Button.NextButton, "Se connecter")
    candidate.wait_for_page(PageId.SIGN_IN)
    type_text(sign_in_field(candidate, "passwordEdit"), TYPED_AT_SIGN_IN)
    press_sign_in(candidate)
    candidate.wait_for_page(PageId.SIGNED_IN)

    # Secrets: no file of the data dir, no log line, no announcement holds either form.
    data_dir = window.context.settings.data_dir
    for secret in (TYPED_AT_REGISTRATION, TYPED_AT_SIGN_IN):
        assert files_holding(data_dir, secret) == []
        assert texts_holding([caplog.text, *announcements.texts], secret) == []


# --- a disk that refuses -----------------------------------------------------------------------------


def test_a_full_database_is_told_on_the_form_and_nothing_typed_is_lost(qtbot, window: MainWindow) -> None:
    service = window.context.service
    candidate = Candidate.at(window)
    candidate.go_to_credentials()
    page = window.wizard.pages[PageId.CREDENTIALS]
    type_text(page.email_edit, "camille.martin@example.fr")
    type_text(page.password_edit, "Rh%8vQz!mLw2")
    type_text(page.confirmation_edit, "Rh%8vQz!mLw2")
    candidate.click(page.consent_checkbox)

    fill_database(service)
    limit_to_current_size(service)
    candidate.submit_credentials()
    assert candidate.current_page() is PageId.CREDENTIALS
    title = candidate.message(PageId.CREDENTIALS, "formErrorTitle")
    assert title.startswith(FULL) and title.endswith(texts.INPUT_KEPT)
    assert page.email_edit.text() == "camille.martin@example.fr"
    assert page.password_edit.text() == page.confirmation_edit.text() == "Rh%8vQz!mLw2"
    assert page.consent_checkbox.isChecked()
    assert QApplication.focusWidget() is page.error_summary.title
    assert service.find_account("camille.martin@example.fr") is None

    candidate.submit_credentials()  # room again: the same form, untouched, registers
    candidate.wait_for_page(PageId.MAIL_SENT)
    assert service.find_account("camille.martin@example.fr") is not None


def test_a_full_database_is_told_on_sign_in_and_nothing_typed_is_lost(qtbot, window: MainWindow) -> None:
    service = window.context.service
    assert service.register(registration()).ok
    # Fill the last page: failed sign-ins add small rows until one no longer fits.
    for number in range(400):
        limit_to_current_size(service)
        if service.sign_in(f"remplissage.{number}@example.fr", "x").message != texts.SIGN_IN_FAILED:
            break
    candidate = Candidate.at(window)
    go_to_sign_in(candidate)
    email = sign_in_field(candidate, "emailEdit")
    password = sign_in_field(candidate, "passwordEdit")
    type_text(email, "quelqu.un@example.fr")
    type_text(password, "Mauvais%pass1")
    limit_to_current_size(service)
    press_sign_in(candidate)
    shown = candidate.message(PageId.SIGN_IN, "signInMessage")
    assert shown.startswith(FULL) and shown.endswith(texts.INPUT_KEPT)
    assert (email.text(), password.text()) == ("quelqu.un@example.fr", "Mauvais%pass1")

    press_sign_in(candidate)  # the cause is gone: an ordinary answer again
    assert candidate.message(PageId.SIGN_IN, "signInMessage") == texts.SIGN_IN_FAILED


# --- start-up -----------------------------------------------------------------------------------------


def test_a_damaged_database_is_set_aside_and_the_operator_told(
    started_gui: list[QWidget], tmp_path: Path, qtbot
) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    damaged = b"Ceci n'est pas une base SQLite.\n" * 100
    (data_dir / "monmaster.sqlite3").write_bytes(damaged)
    settings = Settings(data_dir=data_dir, hashing=HashingParameters.fast_for_tests())

    assert gui_app.run_gui(settings) == 0
    (notice,) = [widget for widget in started_gui if widget.objectName() == "setAsideNotice"]
    assert isinstance(notice, QMessageBox) and notice.windowTitle() == texts.DATABASE_SET_ASIDE_TITLE
    (kept,) = data_dir.glob("monmaster-endommagee-*.sqlite3")
    assert kept.read_bytes() == damaged
    assert f"« {kept.name} »" in notice.text() and str(data_dir) in notice.text()
    assert any(isinstance(widget, MainWindow) for widget in started_gui)  # on a fresh database
    for widget in started_gui:
        if isinstance(widget, MainWindow):
            widget.context.service.close()
    fresh = open_account_service(settings)
    assert fresh.list_accounts() == []
    fresh.close()


def test_a_data_folder_that_cannot_be_used_is_told_in_a_dialog(
    started_gui: list[QWidget], tmp_path: Path, monkeypatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: told.append(text))
    not_a_folder = tmp_path / "fichier"
    not_a_folder.write_text("", encoding="utf-8")
    assert gui_app.run_gui(Settings(data_dir=not_a_folder)) == 2
    assert told == [texts.DATA_DIR_NOT_A_FOLDER.format(path=not_a_folder)]
    assert started_gui == []


# --- the password typed into the address field ---------------------------------------------------------


def test_a_password_typed_into_the_address_field_is_kept_nowhere(
    qtbot, window: MainWindow, caplog, announcements
) -> None:
    caplog.set_level(logging.DEBUG)
    secret = "Ｓecret%Typé-Ici42"
    candidate = Candidate.at(window)
    go_to_sign_in(candidate)
    type_text(sign_in_field(candidate, "emailEdit"), secret)
    type_text(sign_in_field(candidate, "passwordEdit"), secret)
    press_sign_in(candidate)
    assert candidate.message(PageId.SIGN_IN, "signInMessage") == texts.SIGN_IN_FAILED
    assert files_holding(window.context.settings.data_dir, secret) == []
    assert texts_holding([caplog.text, *announcements.texts], secret) == []
