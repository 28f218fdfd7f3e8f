"""The testers' accessibility log: every announcement and focus change, live, savable — never a password."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from support import GOOD_PASSWORD

from monmaster_desktop.gui.accessibility.announcer import Announcer, describe
from monmaster_desktop.gui.accessibility.recorder import AccessibilityLog, LogEntry, start_accessibility_log
from monmaster_desktop.gui.context import GuiContext, PageId
from monmaster_desktop.gui.main_window import MainWindow
from monmaster_desktop.gui.testers.journey import Candidate
from monmaster_desktop.gui.testers.log_window import AccessibilityLogWindow
from monmaster_desktop.gui.testers.menu import install_accessibility_menu
from monmaster_desktop.settings import CaptchaMode


class SteppingClock:
    """Local times 250 ms apart, from 10:30:00."""

    def __init__(self) -> None:
        self.now = datetime(2026, 9, 1, 10, 30, 0)

    def __call__(self) -> datetime:
        current = self.now
        self.now += timedelta(milliseconds=250)
        return current


@pytest.fixture
def log(qapp) -> AccessibilityLog:
    return AccessibilityLog(clock=SteppingClock())


@pytest.fixture
def announcer(log: AccessibilityLog) -> Announcer:
    source = Announcer()
    log.watch_announcer(source)
    return source


def activate(qtbot, window: QWidget) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


@pytest.fixture
def form(qtbot, qapp, log: AccessibilityLog) -> QWidget:
    """A small form: a described e-mail field, a password field, a checkbox and a button."""
    log.watch_focus(qapp)
    widget = QWidget()
    layout = QVBoxLayout(widget)
    for label_text, name in (("Votre adresse électronique", "email"), ("Votre mot de passe", "password")):
        label = QLabel(label_text)
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(label_text)
        label.setBuddy(edit)
        layout.addWidget(label)
        layout.addWidget(edit)
    widget.findChild(QLineEdit, "password").setEchoMode(QLineEdit.EchoMode.Password)
    describe(widget.findChild(QLineEdit, "email"), "Par exemple : nom@example.com")
    layout.addWidget(QCheckBox("J'accepte"))
    layout.addWidget(QPushButton("Continuer"))
    qtbot.addWidget(widget)
    activate(qtbot, widget)
    return widget


def focus_entries(log: AccessibilityLog) -> list[tuple[str, str, str]]:
    return [(entry.role, entry.name, entry.description) for entry in log.entries() if entry.kind == "focus"]


# --- the log ------------------------------------------------------------------------------------------


def test_an_announcement_appears_with_its_text_and_politeness(
    log: AccessibilityLog, announcer: Announcer
) -> None:
    source = QWidget()
    announcer.announce(source, "Étape 1 sur 2 : Suis-je concerné par la plateforme ?")
    announcer.announce(source, "Les mots de passe ne correspondent pas.", assertive=True)
    assert [(entry.kind, entry.text, entry.politeness) for entry in log.entries()] == [
        ("annonce", "Étape 1 sur 2 : Suis-je concerné par la plateforme ?", "polie"),
        ("annonce", "Les mots de passe ne correspondent pas.", "assertive"),
    ]


def test_a_focus_change_appears_with_the_controls_role_name_and_description(
    qtbot, form: QWidget, log: AccessibilityLog
) -> None:
    form.findChild(QLineEdit, "email").setFocus()
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: len(focus_entries(log)) >= 4)
    assert focus_entries(log)[-4:] == [
        ("zone de texte", "Votre adresse électronique", "Par exemple : nom@example.com"),
        ("zone de mot de passe", "Votre mot de passe", ""),
        ("case à cocher", "J'accepte", ""),
        ("bouton", "Continuer", ""),
    ]


def test_as_text_and_save_write_one_tab_separated_line_per_entry_with_milliseconds(
    tmp_path: Path, log: AccessibilityLog, announcer: Announcer
) -> None:
    announcer.announce(QWidget(), "Taille du texte : 150 %.")
    announcer.announce(QWidget(), "Saisissez votre adresse électronique.\tMerci.", assertive=True)
    expected = (
        "2026-09-01T10:30:00.000\tannonce\tpolie\tTaille du texte : 150 %.\t\tfr\n"
        "2026-09-01T10:30:00.250\tannonce\tassertive\tSaisissez votre adresse électronique. Merci.\t\tfr\n"
    )
    assert log.as_text() == expected
    saved = log.save(tmp_path / "journal.txt")
    assert saved.read_text(encoding="utf-8") == expected


def test_a_focus_line_has_its_role_name_and_description_in_columns() -> None:
    entry = LogEntry(
        datetime(2026, 9, 1, 10, 30, 0, 5000),
        "focus",
        role="zone de texte",
        name="Votre adresse électronique",
        description="Par exemple : nom@example.com",
    )
    assert entry.as_line().split("\t") == [
        "2026-09-01T10:30:00.005",
        "focus",
        "zone de texte",
        "Votre adresse électronique",
        "Par exemple : nom@example.com",
        "fr",
    ]
    assert entry.columns()[0] == "10:30:00.005"


def test_clear_empties_the_log(log: AccessibilityLog, announcer: Announcer) -> None:
    announcer.announce(QWidget(), "Candidater")
    log.clear()
    assert log.entries() == [] and log.as_text() == ""


def test_the_log_keeps_only_the_newest_entries(qapp) -> None:
    log = AccessibilityLog(max_entries=3)
    source = Announcer()
    log.watch_announcer(source)
    for number in range(5):
        source.announce(QWidget(), f"Annonce {number}")
    assert [entry.text for entry in log.entries()] == ["Annonce 2", "Annonce 3", "Annonce 4"]


def test_nothing_is_recorded_while_paused(log: AccessibilityLog, announcer: Announcer) -> None:
    with log.paused():
        announcer.announce(QWidget(), "Étape du scénario")
    announcer.announce(QWidget(), "Scénario ouvert")
    assert [entry.text for entry in log.entries()] == ["Scénario ouvert"]


def test_the_application_log_records_from_its_start(qapp) -> None:
    source = Announcer()
    log = start_accessibility_log(source)
    try:
        source.announce(QWidget(), "Bienvenue sur Mon Master")
        assert [entry.text for entry in log.entries()] == ["Bienvenue sur Mon Master"]
        assert log.parent() is qapp
    finally:
        source.announced.disconnect(log.record_announcement)
        qapp.focusChanged.disconnect(log._focus_changed)
        log.setParent(None)


# --- never a password -------------------------------------------------------------------------------------


@pytest.fixture
def window(qtbot, gui_context: GuiContext, log: AccessibilityLog, qapp) -> Iterator[MainWindow]:
    gui_context.settings = dataclasses.replace(gui_context.settings, captcha=CaptchaMode.OFF)
    log.watch_announcer(gui_context.announcer)
    log.watch_focus(qapp)
    main_window = MainWindow(gui_context)
    qtbot.addWidget(main_window)
    activate(qtbot, main_window)
    yield main_window
    gui_context.runner.wait_for_done()
    main_window.reset_for_next_candidate()


def fragments(secret: str, length: int = 4) -> set[str]:
    return {secret[start : start + length] for start in range(len(secret) - length + 1)}


def test_a_password_typed_in_a_password_field_never_appears_in_the_log(
    qtbot, window: MainWindow, log: AccessibilityLog
) -> None:
    candidate = Candidate.at(window)
    candidate.go_to_credentials()
    password = candidate.field(PageId.CREDENTIALS, "passwordEdit")
    password.setFocus()
    qtbot.keyClicks(password, GOOD_PASSWORD)
    candidate.click(candidate.credentials_page().show_password_button)  # "Afficher"
    password.setFocus()
    confirmation = candidate.field(PageId.CREDENTIALS, "confirmationEdit")
    qtbot.keyClick(password, Qt.Key.Key_Tab)
    qtbot.keyClicks(confirmation, GOOD_PASSWORD[:-1])
    qtbot.keyClick(confirmation, Qt.Key.Key_Tab)
    confirmation.setFocus()
    candidate.settle()  # the debounced checklist announcement
    text = log.as_text()
    assert "zone de texte\tVotre mot de passe" in text or "zone de mot de passe\tVotre mot de passe" in text
    assert not [fragment for fragment in fragments(GOOD_PASSWORD) if fragment in text]


def test_a_password_in_an_announcement_or_a_description_would_be_masked(
    qtbot, window: MainWindow, log: AccessibilityLog, gui_context: GuiContext
) -> None:
    candidate = Candidate.at(window)
    candidate.go_to_credentials()
    password = candidate.field(PageId.CREDENTIALS, "passwordEdit")
    password.setFocus()
    qtbot.keyClicks(password, GOOD_PASSWORD)
    # A bug elsewhere that put the password into an announcement or a description:
    gui_context.announcer.announce(password, f"Vous avez saisi {GOOD_PASSWORD}.")
    email = candidate.field(PageId.CREDENTIALS, "emailEdit")
    describe(email, f"Indice : {GOOD_PASSWORD}")
    email.setFocus()
    qtbot.waitUntil(lambda: "Indice" in log.as_text())
    assert GOOD_PASSWORD not in log.as_text()
    assert "Vous avez saisi [masqué]." in log.as_text()
    assert "Indice : [masqué]" in log.as_text()


# --- the window -------------------------------------------------------------------------------------------


@pytest.fixture
def log_window(qtbot, log: AccessibilityLog) -> AccessibilityLogWindow:
    window = AccessibilityLogWindow(log)
    qtbot.addWidget(window)
    window.resize(900, 500)
    window.open_and_focus()
    activate(qtbot, window)
    return window


def test_the_window_shows_each_column_and_new_entries_live(
    qtbot, log_window: AccessibilityLogWindow, announcer: Announcer
) -> None:
    model = log_window.model
    headers = [model.headerData(column, Qt.Orientation.Horizontal) for column in range(model.columnCount())]
    assert headers == ["Heure", "Type", "Politesse ou rôle", "Texte ou nom", "Description", "Langue"]
    assert log_window.count_label.text() == "Aucune entrée pour l'instant."
    announcer.announce(QWidget(), "Connexion en cours.")
    assert model.rowCount() == 1
    assert [model.index(0, column).data() for column in range(6)] == [
        "10:30:00.000",
        "annonce",
        "polie",
        "Connexion en cours.",
        "",
        "fr",
    ]
    assert log_window.count_label.text() == "1 entrée."


def test_the_window_follows_the_newest_entry_unless_the_tester_scrolled_up(
    qtbot, log_window: AccessibilityLogWindow, announcer: Announcer
) -> None:
    for number in range(60):
        announcer.announce(QWidget(), f"Annonce {number}")
    bar = log_window.table.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.value() == bar.maximum())
    bar.setValue(0)  # the tester goes back to read the first entries
    announcer.announce(QWidget(), "Une de plus")
    assert bar.value() == 0
    bar.setValue(bar.maximum())
    announcer.announce(QWidget(), "Et encore une")
    qtbot.waitUntil(lambda: bar.value() == bar.maximum())
    assert log_window.count_label.text() == "62 entrées."


def test_focus_inside_the_log_window_is_not_recorded(
    qtbot, qapp, log: AccessibilityLog, log_window: AccessibilityLogWindow
) -> None:
    log.watch_focus(qapp)
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert log_window.close_button.hasFocus()
    assert focus_entries(log) == []


def test_buttons_are_named_after_their_labels_and_tab_goes_list_save_clear_close(
    qtbot, log_window: AccessibilityLogWindow
) -> None:
    assert log_window.windowTitle() == "Journal d'accessibilité"
    assert log_window.table.accessibleName() == "Entrées du journal"
    seen = []
    for _ in range(3):
        assert QApplication.focusWidget() is not None
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == [log_window.save_button, log_window.clear_button, log_window.close_button]
    assert [(button.text(), button.accessibleName()) for button in seen] == [
        ("Enregistrer le journal…", "Enregistrer le journal…"),
        ("Effacer", "Effacer"),
        ("Fermer", "Fermer"),
    ]


def test_escape_closes_the_window(qtbot, log_window: AccessibilityLogWindow) -> None:
    qtbot.keyClick(log_window.table, Qt.Key.Key_Escape)
    assert not log_window.isVisible()


def test_enter_on_fermer_closes_the_window(qtbot, log_window: AccessibilityLogWindow) -> None:
    log_window.close_button.setFocus()
    qtbot.keyClick(log_window.close_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not log_window.isVisible())


def test_effacer_empties_the_list_and_says_so(
    qtbot, log_window: AccessibilityLogWindow, log: AccessibilityLog, announcer: Announcer
) -> None:
    announcer.announce(QWidget(), "Candidater")
    qtbot.mouseClick(log_window.clear_button, Qt.MouseButton.LeftButton)
    assert log_window.model.rowCount() == 0 and log.entries() == []
    assert log_window.status_message.isVisible() and log_window.status_message.text() == "Journal effacé."
    assert log_window.count_label.text() == "Aucune entrée pour l'instant."


def test_enregistrer_writes_the_file_and_says_where(
    qtbot, tmp_path: Path, log_window: AccessibilityLogWindow, announcer: Announcer
) -> None:
    announcer.announce(QWidget(), "Compte activé")
    asked: list[Path] = []

    def choose(default: Path) -> Path:
        asked.append(default)
        return tmp_path / "journal.txt"

    log_window.ask_save_path = choose  # type: ignore[method-assign]
    qtbot.mouseClick(log_window.save_button, Qt.MouseButton.LeftButton)
    assert re.fullmatch(r"journal-accessibilite-\d{8}-\d{6}\.txt", asked[0].name)
    assert (tmp_path / "journal.txt").read_text(encoding="utf-8").endswith("\tCompte activé\t\tfr\n")
    assert log_window.status_message.kind() == "success"
    assert log_window.status_message.text() == f"Journal enregistré : {tmp_path / 'journal.txt'}"


def test_saving_where_it_cannot_be_written_says_so(
    qtbot, tmp_path: Path, log_window: AccessibilityLogWindow
) -> None:
    log_window.ask_save_path = lambda default: tmp_path / "absent" / "journal.txt"  # type: ignore[method-assign]
    qtbot.mouseClick(log_window.save_button, Qt.MouseButton.LeftButton)
    assert log_window.status_message.kind() == "error"
    assert "n'a pas pu être enregistré" in log_window.status_message.text()


def test_cancelling_the_save_dialog_saves_nothing(qtbot, log_window: AccessibilityLogWindow) -> None:
    log_window.ask_save_path = lambda default: None  # type: ignore[method-assign]
    qtbot.mouseClick(log_window.save_button, Qt.MouseButton.LeftButton)
    assert not log_window.status_message.isVisible()


# --- the menu ---------------------------------------------------------------------------------------------


def test_the_accessibilite_menu_comes_before_aide_with_journal_and_its_shortcut(
    qtbot, window: MainWindow, gui_context: GuiContext, log: AccessibilityLog
) -> None:
    menu = install_accessibility_menu(window, gui_context, log)
    titles = [action.text().replace("&", "") for action in window.menuBar().actions()]
    assert titles == ["Courriels", "Affichage", "Accessibilité", "Aide"]
    assert [action.text().replace("&", "") for action in menu.menu.actions()] == ["Journal", "Aller à"]
    assert menu.log_action.shortcut().toString() == "Ctrl+Shift+J"
    qtbot.keyClick(
        window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert menu.log_window is not None and menu.log_window.isVisible()
    qtbot.waitUntil(menu.log_window.table.hasFocus)


def test_on_a_kiosk_the_log_is_emptied_when_the_next_candidate_starts(
    qtbot, window: MainWindow, gui_context: GuiContext, log: AccessibilityLog
) -> None:
    gui_context.settings = dataclasses.replace(gui_context.settings, kiosk=True)
    menu = install_accessibility_menu(window, gui_context, log)
    gui_context.announcer.announce(window, "Un courriel d'activation a été envoyé à camille@example.fr.")
    menu.open_log()
    window.wizard.start_over_requested.emit()  # "Retour à l'accueil"
    assert not [entry for entry in log.entries() if "camille" in entry.text]
    assert menu.log_window is not None and not menu.log_window.isVisible()
