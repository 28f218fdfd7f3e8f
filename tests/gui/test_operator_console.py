"""The operator in the GUI (docs/kiosk.md): the hidden keys, the PIN prompt, the console, export and purge.

A kiosk is built as the application builds it; the operator's keys are pressed as real key events.
"""

from __future__ import annotations

import csv
import dataclasses
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from gui_support import AnnouncementLog
from kiosk_support import traces_of
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel
from support import GOOD_PASSWORD, files_holding, registration

from monmaster_desktop import texts
from monmaster_desktop.accounts.operator import AuditAction, ExportFormat, OperatorService
from monmaster_desktop.accounts.service import AccountService
from monmaster_desktop.gui import app as gui_app
from monmaster_desktop.gui.context import PageId
from monmaster_desktop.gui.kiosk.controller import KioskController
from monmaster_desktop.gui.operator.access import OperatorAccess
from monmaster_desktop.gui.operator.chart import describe_hours, shown_hours
from monmaster_desktop.gui.operator.console import OperatorConsole, PurgeDialog
from monmaster_desktop.gui.operator.pin_dialogs import NewPinDialog, PinPromptDialog
from monmaster_desktop.gui.testers.journey import Candidate
from monmaster_desktop.gui.testers.menu import AccessibilityMenu
from monmaster_desktop.settings import KioskSettings, Settings

PIN = "73519246"
OPERATOR_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
)


@pytest.fixture
def service(real_clock_service: AccountService) -> AccountService:
    """The service on the real clock, as the console's figures are (accounts made "today")."""
    return real_clock_service


@pytest.fixture
def make_window(qtbot, service: AccountService, settings: Settings) -> Iterator[Callable[..., tuple]]:
    made = []

    def make(*, kiosk: bool = True) -> tuple:
        options = dataclasses.replace(
            settings, kiosk=kiosk, kiosk_settings=KioskSettings(idle_timeout=100_000)
        )
        window = gui_app.create_main_window(options, None, service)
        qtbot.addWidget(window)
        controller = window.findChild(KioskController)
        if controller is not None:
            controller.show()
        else:
            window.show()
        qtbot.waitExposed(window)
        window.activateWindow()  # the operator's keys work while the application is in front
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        access = window.findChild(OperatorAccess)
        assert access is not None
        made.append((window, controller))
        return window, controller, access

    yield make
    for window, controller in made:
        window.context.runner.wait_for_done()
        window.findChild(AccessibilityMenu).log.deleteLater()  # see kiosk_support.Kiosk.close
        if controller is not None:
            controller.quit_kiosk()


def press_operator_keys(widget) -> None:  # type: ignore[no-untyped-def]
    QTest.keyClick(widget, Qt.Key.Key_O, OPERATOR_MODIFIERS)


def type_pin(qtbot, dialog: PinPromptDialog, pin: str) -> None:
    dialog.pin_edit.setFocus()
    QTest.keyClicks(dialog.pin_edit, pin)
    QTest.keyClick(dialog.pin_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.is_busy())


def open_prompt(qtbot, window, access: OperatorAccess) -> PinPromptDialog:  # type: ignore[no-untyped-def]
    press_operator_keys(window.wizard)
    qtbot.waitUntil(lambda: isinstance(access.dialog, PinPromptDialog) and access.dialog.isVisible())
    assert isinstance(access.dialog, PinPromptDialog)
    return access.dialog


def open_console(qtbot, window, access: OperatorAccess) -> OperatorConsole:  # type: ignore[no-untyped-def]
    prompt = open_prompt(qtbot, window, access)
    type_pin(qtbot, prompt, PIN)
    qtbot.waitUntil(lambda: isinstance(access.dialog, OperatorConsole) and access.dialog.isVisible())
    assert isinstance(access.dialog, OperatorConsole)
    return access.dialog


# --- the keys and the PIN ---------------------------------------------------------------------------


def test_nothing_on_screen_shows_the_operators_keys(make_window) -> None:
    window, _, _ = make_window()
    shown = [label.text() for label in window.findChildren(QLabel)]
    actions = [
        action.text() + action.shortcut().toString()
        for action in window.findChildren(type(window.outbox_action))
    ]
    assert not any("Alt" in text and "O" in text for text in shown + actions)
    assert not any("opérateur" in text for text in shown + actions)


def test_the_prompt_is_a_named_dialog_and_refuses_a_wrong_pin_aloud(qtbot, make_window) -> None:
    window, _, access = make_window()
    access.operator.set_pin(PIN)
    announcements = AnnouncementLog(window.context.announcer)
    prompt = open_prompt(qtbot, window, access)
    assert prompt.windowTitle() == "Accès opérateur"
    qtbot.waitUntil(prompt.pin_edit.hasFocus)
    field = QAccessible.queryAccessibleInterface(prompt.pin_edit)
    assert field.text(QAccessible.Text.Name) == "Code opérateur"  # its visible label
    assert (
        field.role() == QAccessible.Role.EditableText
        and prompt.pin_edit.echoMode() == prompt.pin_edit.EchoMode.Password
    )

    type_pin(qtbot, prompt, "000000")
    assert prompt.isVisible() and prompt.message.text() == texts.PIN_REFUSED
    assert prompt.pin_edit.accessibleDescription().startswith(texts.PIN_REFUSED)  # what Orca reads
    assert (texts.PIN_REFUSED, True) in announcements.entries  # assertive
    assert prompt.pin_edit.text() == "" and not prompt.pin_edit.isUndoAvailable()
    assert prompt.pin_edit.hasFocus()


def test_wrong_pins_are_throttled_in_the_prompt(qtbot, make_window) -> None:
    window, _, access = make_window()
    access.operator.set_pin(PIN)
    prompt = open_prompt(qtbot, window, access)
    for wrong in ("000000", "000001", "000002"):
        type_pin(qtbot, prompt, wrong)
    assert prompt.message.text() == texts.PIN_REFUSED_THEN_WAIT.format(wait="30 secondes")
    type_pin(qtbot, prompt, PIN)  # even the right one waits
    assert prompt.isVisible() and prompt.message.text().startswith("Trop d'essais de code opérateur.")


def test_the_right_pin_opens_the_console_and_is_audited(qtbot, make_window, service: AccountService) -> None:
    window, _, access = make_window()
    access.operator.set_pin(PIN)
    service.register(registration("camille@example.fr"))
    console = open_console(qtbot, window, access)
    assert console.windowTitle() == "Console de l'opérateur"
    assert "1 compte créé, dont 1 en attente d'activation et 0 activé." in console.today_label.text()
    assert console.chart.accessibleName() == "Comptes créés par heure aujourd'hui"
    assert console.quit_button.isVisible()
    actions = [
        console.audit_model.data(console.audit_model.index(row, 1))
        for row in range(console.audit_model.rowCount())
    ]
    assert actions[0] == texts.AUDIT_ACTIONS["console_opened"]
    # No address anywhere in the console: counts only.
    assert traces_of(["camille@example.fr"], undo=False) == []


def test_without_a_pin_the_keys_ask_for_one_first(qtbot, make_window) -> None:
    window, _, access = make_window(kiosk=False)
    press_operator_keys(window.wizard)
    qtbot.waitUntil(lambda: isinstance(access.dialog, NewPinDialog))
    dialog = access.dialog
    assert isinstance(dialog, NewPinDialog)
    QTest.keyClicks(dialog.new_pin_edit, "1234")
    QTest.keyClicks(dialog.confirm_pin_edit, "1234")
    dialog.save_button.click()
    assert dialog.message.text() == texts.PIN_RULE and dialog.isVisible()
    QTest.keyClicks(dialog.new_pin_edit, PIN)
    QTest.keyClicks(dialog.confirm_pin_edit, PIN[:-1] + "0")
    dialog.save_button.click()
    assert dialog.message.text() == texts.PIN_MISMATCH
    assert dialog.new_pin_edit.text() == PIN and dialog.confirm_pin_edit.text() == ""
    QTest.keyClicks(dialog.confirm_pin_edit, PIN)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: isinstance(access.dialog, OperatorConsole))
    assert not access.dialog.quit_button.isVisible()  # no kiosk to quit
    assert access.operator.verify_pin(PIN).accepted


def test_a_kiosk_does_not_start_without_a_pin(qtbot, make_window, monkeypatch) -> None:
    _window, _, access = make_window()
    shown: list[NewPinDialog] = []

    def choose(dialog: NewPinDialog) -> int:
        shown.append(dialog)
        assert dialog.cancel_button.text() == "Quitter la borne"
        return 0  # the operator quits

    monkeypatch.setattr(NewPinDialog, "exec", choose)
    assert access.require_pin() is False
    assert len(shown) == 1
    access.operator.set_pin(PIN)
    assert access.require_pin() is True and len(shown) == 1


# --- export, purge, quit ----------------------------------------------------------------------------


def test_export_through_the_file_dialog(qtbot, make_window, service: AccountService, tmp_path: Path) -> None:
    window, _, access = make_window()
    access.operator.set_pin(PIN)
    service.register(registration("camille@example.fr"))
    console = open_console(qtbot, window, access)
    asked: list[tuple[ExportFormat, Path]] = []

    def choose(kind: ExportFormat, default: Path) -> Path:
        asked.append((kind, default))
        return tmp_path / f"export.{kind.value}"

    console.ask_export_path = choose  # type: ignore[method-assign]
    console.include_audit.setChecked(True)
    console.export_csv_button.click()
    qtbot.waitUntil(lambda: console.export_message.isVisible() and not console.is_busy())
    assert asked[0][0] is ExportFormat.CSV and asked[0][1].name.endswith(".csv")
    assert console.export_message.text().startswith("1 compte exporté dans ")
    rows = list(csv.DictReader((tmp_path / "export.csv").read_text("utf-8-sig").splitlines(), delimiter=";"))
    assert [row["email"] for row in rows] == ["camille@example.fr"]
    assert (tmp_path / "export-journal.csv").exists()

    console.export_json_button.click()
    qtbot.waitUntil(lambda: not console.is_busy() and "export.json" in console.export_message.text())
    exported = json.loads((tmp_path / "export.json").read_text("utf-8"))
    assert [account["email"] for account in exported["accounts"]] == ["camille@example.fr"]
    assert {entry["action"] for entry in exported["audit"]} >= {"console_opened", "export_csv"}
    assert console.audit_model.rowCount() >= 3


def test_purge_after_typing_effacer_leaves_nothing_anywhere(
    qtbot, make_window, service: AccountService, settings: Settings
) -> None:
    window, _controller, access = make_window()
    access.operator.set_pin(PIN)
    candidate = Candidate.at(window)
    candidate.go_to_credentials()
    candidate.register("camille.purge@example.fr", GOOD_PASSWORD)
    console = open_console(qtbot, window, access)
    dialogs: list[PurgeDialog] = []
    console.make_purge_dialog = lambda accounts: dialogs.append(PurgeDialog(accounts, console)) or dialogs[-1]  # type: ignore[method-assign]
    console.purge_button.click()
    qtbot.waitUntil(lambda: bool(dialogs) and dialogs[0].isVisible())
    dialog = dialogs[0]
    assert dialog.warning_label.text().startswith("1 compte et ses courriels simulés seront effacés")
    assert not dialog.purge_button.isEnabled() and dialog.cancel_button.isDefault()
    QTest.keyClicks(dialog.confirmation_edit, "effacer")
    assert dialog.purge_button.isEnabled()
    dialog.purge_button.click()
    qtbot.waitUntil(lambda: console.purge_message.isVisible() and not console.is_busy())
    assert console.purge_message.text().startswith("Données des candidats effacées : 1 compte et 1 courriel.")
    assert console.isVisible()  # the console stays; the candidate's screen starts over
    assert candidate.current_page() is PageId.WELCOME
    assert service.list_accounts() == []
    assert files_holding(settings.data_dir, "camille.purge@example.fr") == []
    assert traces_of(["camille.purge@example.fr"], undo=False) == []
    purge = [entry for entry in access.operator.audit() if entry.action is AuditAction.PURGE]
    assert [entry.count for entry in purge] == [1]


def test_cancelling_the_purge_deletes_nothing(qtbot, make_window, service: AccountService) -> None:
    window, _, access = make_window()
    access.operator.set_pin(PIN)
    service.register(registration("camille@example.fr"))
    console = open_console(qtbot, window, access)
    dialogs: list[PurgeDialog] = []
    console.make_purge_dialog = lambda accounts: dialogs.append(PurgeDialog(accounts, console)) or dialogs[-1]  # type: ignore[method-assign]
    console.purge_button.click()
    qtbot.waitUntil(lambda: bool(dialogs) and dialogs[0].isVisible())
    QTest.keyClicks(dialogs[0].confirmation_edit, "EFFACE")
    QTest.keyClick(dialogs[0].confirmation_edit, Qt.Key.Key_Return)  # Enter: the default, "Annuler"
    assert not dialogs[0].isVisible()
    assert [account.email for account in service.list_accounts()] == ["camille@example.fr"]


def test_quit_the_kiosk_from_the_console(qtbot, make_window) -> None:
    window, _, access = make_window()
    access.operator.set_pin(PIN)
    console = open_console(qtbot, window, access)
    console.quit_button.click()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert access.operator.audit()[0].action is AuditAction.KIOSK_QUIT


def test_an_idle_kiosk_closes_the_console(qtbot, make_window) -> None:
    window, controller, access = make_window()
    access.operator.set_pin(PIN)
    console = open_console(qtbot, window, access)
    controller.end_session()  # what the idle reset does
    assert not console.isVisible()


# --- the chart --------------------------------------------------------------------------------------


def test_the_chart_says_its_numbers() -> None:
    per_hour = tuple(3 if hour == 9 else 1 if hour == 20 else 0 for hour in range(24))
    assert list(shown_hours(per_hour)) == list(range(8, 21))
    assert describe_hours(per_hour).startswith("8 h : 0 ; 9 h : 3 ; 10 h : 0")
    assert describe_hours(per_hour).endswith("20 h : 1.")
    assert describe_hours((0,) * 24) == "Aucun compte créé aujourd'hui."


def test_the_console_shows_the_chart_of_the_day(qtbot, make_window, service: AccountService) -> None:
    window, _, access = make_window()
    access.operator.set_pin(PIN)
    for number in range(3):
        service.register(registration(f"c{number}@example.fr"))
    console = open_console(qtbot, window, access)
    figures = OperatorService(service.database, access.context.settings.hashing).figures()
    assert console.chart.counts() == figures.per_hour and sum(console.chart.counts()) == 3
    assert console.chart.accessibleDescription() == describe_hours(figures.per_hour)
    qtbot.waitUntil(lambda: console.chart.height() > 0)
    assert console.chart.height() >= console.chart.fontMetrics().height() * 9
    assert not console.chart.grab().toImage().isNull()
