"""The simulated outbox window: what a candidate sees, hears and can do with the keyboard."""

from __future__ import annotations

import re
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from support import FakeClock, registration

from monmaster_desktop import texts
from monmaster_desktop.accounts.mail import token_from_activation_url
from monmaster_desktop.accounts.service import AccountService, ActivationOutcome
from monmaster_desktop.gui.context import GuiContext
from monmaster_desktop.gui.outbox.window import OutboxWindow

CAMILLE = "camille.martin@example.fr"
DOMINIQUE = "dominique.leroy@example.fr"
DATE_PATTERN = re.compile(r"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}$")


@pytest.fixture
def window(qtbot, service: AccountService, clock: FakeClock, gui_context: GuiContext) -> OutboxWindow:
    outbox_window = OutboxWindow(service.outbox, clock, gui_context.announcer)
    qtbot.addWidget(outbox_window)
    return outbox_window


def register(service: AccountService, email: str) -> int:
    result = service.register(registration(email))
    assert result.mail_id is not None
    return result.mail_id


def row_texts(window: OutboxWindow, row: int) -> list[str]:
    model = window.mail_list.model()
    return [model.index(row, column).data() for column in range(model.columnCount())]


def row_font(window: OutboxWindow, row: int) -> QFont:
    font = window.mail_list.model().index(row, 0).data(Qt.ItemDataRole.FontRole)
    return font if isinstance(font, QFont) else QFont()


def activation_button(window: OutboxWindow) -> QPushButton:
    buttons = [
        button
        for button in window.findChildren(QPushButton)
        if button.accessibleName() == texts.ACTIVATION_LINK_TEXT and button.isVisible()
    ]
    assert len(buttons) == 1
    return buttons[0]


def show_active(qtbot, window: OutboxWindow, mail_id: int | None = None) -> None:
    window.show_mail(mail_id)
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def press(qtbot, key: Qt.Key) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    QTest.keyClick(focused, key)


def visible_texts(window: OutboxWindow) -> list[str]:
    """Everything the window shows or gives to a screen reader, as text."""
    found: list[str] = [window.message_browser.toPlainText()]
    for widget in window.findChildren(QWidget):
        found += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
        if isinstance(widget, QLabel | QPushButton):
            found.append(widget.text())
    model = window.mail_list.model()
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            for role in (
                Qt.ItemDataRole.DisplayRole,
                Qt.ItemDataRole.ToolTipRole,
                Qt.ItemDataRole.AccessibleTextRole,
                Qt.ItemDataRole.AccessibleDescriptionRole,
            ):
                found.append(str(index.data(role) or ""))
    return found


# --- the list -------------------------------------------------------------------------------------


def test_list_shows_recipient_subject_and_local_date_newest_first(
    window: OutboxWindow, service: AccountService, clock: FakeClock
) -> None:
    register(service, CAMILLE)
    first_sent = clock.now
    clock.advance(minutes=5)
    register(service, DOMINIQUE)
    window.refresh()

    model = window.mail_list.model()
    headers = [model.headerData(column, Qt.Orientation.Horizontal) for column in range(3)]
    assert headers == ["Destinataire", "Objet", "Date"]
    assert model.rowCount() == 2
    newest, oldest = row_texts(window, 0), row_texts(window, 1)
    assert newest[:2] == [DOMINIQUE, "Activez votre compte Mon Master"]
    assert oldest[:2] == [CAMILLE, "Activez votre compte Mon Master"]
    assert DATE_PATTERN.match(oldest[2])
    assert oldest[2] == first_sent.astimezone().strftime("%d/%m/%Y %H:%M")  # local time, French order


def test_unread_mails_are_bold_and_say_non_lu(window: OutboxWindow, service: AccountService) -> None:
    register(service, CAMILLE)
    window.refresh()

    index = window.mail_list.model().index(0, 0)
    assert row_font(window, 0).bold()
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "Non lu"
    assert "non lu" in index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert window.mail_list.accessibleName() == "Courriels reçus"


def test_show_mail_displays_the_seed_text_and_marks_it_read(
    qtbot, window: OutboxWindow, service: AccountService
) -> None:
    mail_id = register(service, CAMILLE)
    window.show_mail(mail_id)
    qtbot.waitExposed(window)

    assert window.isVisible()
    assert window.windowTitle() == "Boîte de réception (simulée)"
    content = window.message_browser.toPlainText()
    assert "Bonjour," in content
    assert "Bienvenue sur Mon Master." in content
    assert "Votre compte a été créé. Pour l'activer, veuillez cliquer sur le lien ci-dessous :" in content
    assert window.to_value.text() == CAMILLE
    assert window.subject_value.text() == "Activez votre compte Mon Master"
    assert window.message_browser.accessibleName() == "Contenu du courriel"
    assert CAMILLE in window.message_browser.accessibleDescription()
    # Read: no longer bold, says "Lu", and the outbox agrees.
    assert not row_font(window, 0).bold()
    assert window.mail_list.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "Lu"
    assert service.outbox.list()[0].is_read


def test_empty_outbox_says_there_is_no_mail(qtbot, window: OutboxWindow) -> None:
    window.show_mail()
    qtbot.waitExposed(window)

    assert window.empty_label.isVisible()
    assert window.empty_label.text() == "Aucun courriel pour le moment."
    assert not window.mail_list.isVisible()
    assert not window.save_button.isVisible()


# --- following the activation link ------------------------------------------------------------------


def test_activer_mon_compte_is_a_real_button_that_activates_the_account(
    qtbot, window: OutboxWindow, service: AccountService
) -> None:
    mail_id = register(service, CAMILLE)
    window.show_mail(mail_id)
    qtbot.waitExposed(window)

    button = activation_button(window)
    assert button.text() == "Activer mon compte"
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    with qtbot.waitSignal(window.link_activated, timeout=1000) as followed:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    token = token_from_activation_url(followed.args[0])
    assert token is not None
    assert service.activate(token).outcome is ActivationOutcome.ACTIVATED


def test_clicking_the_link_inside_the_mail_follows_it_too(
    qtbot, window: OutboxWindow, service: AccountService
) -> None:
    mail_id = register(service, CAMILLE)
    window.show_mail(mail_id)
    qtbot.waitExposed(window)

    browser = window.message_browser
    cursor = browser.document().find("Activer mon compte", 0, QTextDocument.FindFlag.FindCaseSensitively)
    assert not cursor.isNull()
    cursor.setPosition(cursor.selectionStart() + 2)
    browser.ensureCursorVisible()
    where = browser.cursorRect(cursor).center() + QPoint(0, 0)
    with qtbot.waitSignal(window.link_activated, timeout=1000) as followed:
        qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=where)

    assert token_from_activation_url(followed.args[0]) is not None


def test_tab_from_the_list_reaches_the_activation_button_and_enter_or_space_follow_it(
    qtbot, window: OutboxWindow, service: AccountService
) -> None:
    register(service, CAMILLE)
    show_active(qtbot, window)
    window.mail_list.setFocus()
    qtbot.waitUntil(window.mail_list.hasFocus)

    press(qtbot, Qt.Key.Key_Tab)
    assert window.message_browser.hasFocus()
    press(qtbot, Qt.Key.Key_Tab)
    button = activation_button(window)
    assert button.hasFocus()

    with qtbot.waitSignal(window.link_activated, timeout=1000):
        press(qtbot, Qt.Key.Key_Return)
    with qtbot.waitSignal(window.link_activated, timeout=1000):
        press(qtbot, Qt.Key.Key_Space)

    # Then on to the save and close buttons, and back to the list: no trap.
    press(qtbot, Qt.Key.Key_Tab)
    assert window.save_button.hasFocus()
    press(qtbot, Qt.Key.Key_Tab)
    assert window.close_button.hasFocus()
    press(qtbot, Qt.Key.Key_Tab)
    assert window.mail_list.hasFocus()


def test_enter_on_a_list_row_opens_that_mail(qtbot, window: OutboxWindow, service: AccountService) -> None:
    older = register(service, CAMILLE)
    register(service, DOMINIQUE)
    show_active(qtbot, window)
    window.mail_list.setFocus()
    qtbot.waitUntil(window.mail_list.hasFocus)

    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)

    assert window.displayed_mail_id() == older
    assert window.to_value.text() == CAMILLE
    assert window.message_browser.hasFocus()


def test_escape_and_fermer_close_the_window(qtbot, window: OutboxWindow, service: AccountService) -> None:
    register(service, CAMILLE)
    show_active(qtbot, window)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isVisible())

    show_active(qtbot, window)
    qtbot.mouseClick(window.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.isVisible())


# --- status, saving, filter, refresh, reset ---------------------------------------------------------


def test_show_status_shows_the_text_and_announces_it(
    qtbot, window: OutboxWindow, service: AccountService, announcements
) -> None:
    window.show_mail(register(service, CAMILLE))
    qtbot.waitExposed(window)

    window.show_status("success", texts.ACTIVATION_DONE)
    assert window.status_message.isVisible()
    assert window.status_message.text() == texts.ACTIVATION_DONE
    assert window.status_frame.property("alert") == "success"
    assert announcements.entries[-1] == (texts.ACTIVATION_DONE, False)

    window.show_status("error", texts.ACTIVATION_UNKNOWN)
    assert window.status_message.text() == texts.ACTIVATION_UNKNOWN
    assert window.status_frame.property("alert") == "error"
    assert announcements.entries[-1] == (texts.ACTIVATION_UNKNOWN, True)


def test_saving_the_mail_writes_an_eml_file_a_mail_client_can_read(
    qtbot, window: OutboxWindow, service: AccountService, tmp_path: Path, announcements
) -> None:
    mail_id = register(service, CAMILLE)
    window.show_mail(mail_id)
    qtbot.waitExposed(window)
    offered: list[Path] = []
    destination = tmp_path / "activation.eml"

    def choose(default: Path) -> Path:
        offered.append(default)
        return destination

    window.ask_save_path = choose  # type: ignore[method-assign]
    qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)

    assert offered[0].name == f"courriel-{mail_id}.eml"
    message = BytesParser(policy=policy.default).parsebytes(destination.read_bytes())
    assert message["To"] == CAMILLE
    assert message["Subject"] == "Activez votre compte Mon Master"
    assert message.get_body(preferencelist=("html",)) is not None
    assert window.status_message.text() == f"Courriel enregistré : {destination}"
    assert announcements.texts[-1] == f"Courriel enregistré : {destination}"


def test_cancelling_the_save_dialog_saves_nothing(
    qtbot, window: OutboxWindow, service: AccountService, tmp_path: Path
) -> None:
    window.show_mail(register(service, CAMILLE))
    qtbot.waitExposed(window)
    window.ask_save_path = lambda default: None  # type: ignore[method-assign]

    qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)

    assert not window.status_message.isVisible()
    assert list(tmp_path.glob("*.eml")) == []


def test_saving_where_it_cannot_be_written_says_so(
    qtbot, window: OutboxWindow, service: AccountService, tmp_path: Path, announcements
) -> None:
    window.show_mail(register(service, CAMILLE))
    qtbot.waitExposed(window)
    window.ask_save_path = lambda default: tmp_path / "missing-folder" / "x.eml"  # type: ignore[method-assign]

    qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)

    assert window.status_message.kind() == "error"
    assert "n'a pas pu être enregistré" in window.status_message.text()
    assert announcements.entries[-1][1] is True


def test_recipient_filter_lists_only_that_candidates_mails(
    window: OutboxWindow, service: AccountService
) -> None:
    register(service, CAMILLE)
    register(service, DOMINIQUE)

    window.set_recipient_filter(DOMINIQUE.upper())
    assert window.mail_list.model().rowCount() == 1
    assert row_texts(window, 0)[0] == DOMINIQUE

    window.set_recipient_filter(None)
    assert window.mail_list.model().rowCount() == 2


def test_after_a_resend_the_new_mail_comes_first_is_announced_once_and_the_old_link_fails(
    qtbot, window: OutboxWindow, service: AccountService, clock: FakeClock, announcements
) -> None:
    first_mail = register(service, CAMILLE)
    show_active(qtbot, window, first_mail)
    with qtbot.waitSignal(window.link_activated, timeout=1000) as old_link:
        qtbot.mouseClick(activation_button(window), Qt.MouseButton.LeftButton)

    clock.advance(minutes=3)
    new_mail = service.resend_activation(CAMILLE).mail_id
    window.refresh()
    window.refresh()

    assert window.mail_list.model().rowCount() == 2
    assert window.mail_list.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "Non lu"
    assert window.displayed_mail_id() == first_mail  # the mail being read stays on screen
    assert announcements.texts.count("Nouveau courriel : Activez votre compte Mon Master") == 1
    old_token = token_from_activation_url(old_link.args[0])
    assert old_token is not None
    assert service.activate(old_token).outcome is ActivationOutcome.SUPERSEDED

    window.show_mail(new_mail)
    with qtbot.waitSignal(window.link_activated, timeout=1000) as new_link:
        qtbot.mouseClick(activation_button(window), Qt.MouseButton.LeftButton)
    new_token = token_from_activation_url(new_link.args[0])
    assert new_token is not None
    assert service.activate(new_token).outcome is ActivationOutcome.ACTIVATED


def test_mails_already_there_when_the_window_opens_are_not_announced_as_new(
    qtbot, service: AccountService, clock: FakeClock, gui_context: GuiContext, announcements
) -> None:
    register(service, CAMILLE)
    window = OutboxWindow(service.outbox, clock, gui_context.announcer)
    qtbot.addWidget(window)
    window.show_mail()
    window.refresh()

    assert not [text for text in announcements.texts if text.startswith("Nouveau courriel")]


def test_clear_hides_the_window_and_forgets_the_mail_the_status_and_the_filter(
    qtbot, window: OutboxWindow, service: AccountService
) -> None:
    register(service, CAMILLE)
    dominique_mail = register(service, DOMINIQUE)
    window.set_recipient_filter(DOMINIQUE)
    window.show_mail(dominique_mail)
    qtbot.waitExposed(window)
    window.show_status("success", texts.ACTIVATION_DONE)

    window.clear()

    assert not window.isVisible()
    assert window.displayed_mail_id() is None
    assert window.message_browser.toPlainText() == ""
    assert window.to_value.text() == ""
    assert not window.status_message.isVisible()
    assert window.status_message.text() == ""
    assert not window.mail_list.selectionModel().hasSelection()
    assert window.mail_list.model().rowCount() == 2  # no filter any more
    assert not [
        button
        for button in window.findChildren(QPushButton)
        if button.isVisibleTo(window) and button.accessibleName() == texts.ACTIVATION_LINK_TEXT
    ]


def test_the_activation_token_appears_nowhere_but_in_the_link(
    qtbot, window: OutboxWindow, service: AccountService
) -> None:
    mail_id = register(service, CAMILLE)
    window.show_mail(mail_id)
    qtbot.waitExposed(window)
    stored = service.outbox.get(mail_id)
    assert stored is not None
    token = token_from_activation_url(stored.links[0].url)
    assert token

    assert not [text for text in visible_texts(window) if token in text]


def test_mail_link_follows_a_theme_change_made_while_the_mail_is_shown(qtbot, service, clock, qapp) -> None:
    from monmaster_desktop.gui.accessibility.announcer import Announcer
    from monmaster_desktop.gui.style import apply_style, look_restored, theme_tokens

    result = service.register(registration("camille@example.fr"))
    window = OutboxWindow(service.outbox, clock, Announcer())
    qtbot.addWidget(window)
    window.show_mail(result.mail_id)
    with look_restored(qapp):
        apply_style(qapp, "dark", 1.0)
        qtbot.waitUntil(
            lambda: theme_tokens("dark")["primary"] in window.message_browser.document().defaultStyleSheet()
        )
        assert theme_tokens("dark")["primary"] in window.message_browser.toHtml()
        window.close()
