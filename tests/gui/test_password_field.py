"""What password fields tell assistive technologies, seen from inside the application.

A recorder installed as Qt's accessibility update handler *under* the protection receives exactly what
the platform bridge (AT-SPI on Linux) would: the tests type, paste, undo… and read what it got. The
black-box proof over the real bus is tests/a11y/test_password_on_the_bus.py.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar, NamedTuple

import pytest
import shiboken6
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QAccessibleTextInsertEvent,
    QAccessibleTextRemoveEvent,
    QAccessibleTextUpdateEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QInputMethodEvent,
)
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QVBoxLayout, QWidget

from monmaster_desktop.gui.accessibility import password_protection
from monmaster_desktop.gui.accessibility.password_protection import (
    PASSWORD_FIELD_PROPERTY,
    ProtectionMethod,
    TextlessPasswordInterface,
    UpdateHandlerBinding,
    bullets_for,
    install_password_protection,
    installed_protection,
    is_protected_field,
    protect_password_field,
)
from monmaster_desktop.gui.pages.credentials_page import CredentialsPage
from monmaster_desktop.gui.pages.sign_in_page import SignInPage

pytestmark = pytest.mark.skipif(
    UpdateHandlerBinding.locate() is None, reason="Qt's update handler is reachable on ELF platforms only"
)

PASSWORD = "Kw7#Qk9$Xw"
BULLET = "\u25cf"  # what Fusion and most styles draw for a password character
Handler = ctypes.CFUNCTYPE(None, ctypes.c_void_p)


@dataclass(frozen=True)
class TextEvent:
    kind: str  # "insert", "remove" or "update"
    source: str  # the object name of the widget it comes from
    removed: str
    inserted: str


class PlatformBridgeRecorder:
    """Stands where the platform's accessibility bridge is: records the text events it would send."""

    _KINDS: ClassVar[dict[QAccessible.Event, tuple[str, type[QAccessibleEvent]]]] = {
        QAccessible.Event.TextInserted: ("insert", QAccessibleTextInsertEvent),
        QAccessible.Event.TextRemoved: ("remove", QAccessibleTextRemoveEvent),
        QAccessible.Event.TextUpdated: ("update", QAccessibleTextUpdateEvent),
    }

    _PROPERTIES: ClassVar[dict[QAccessible.Event, str]] = {
        QAccessible.Event.NameChanged: "name",
        QAccessible.Event.DescriptionChanged: "description",
    }

    def __init__(self) -> None:
        self.events: list[TextEvent] = []
        self.property_changes: list[tuple[str, str]] = []  # (which property, the source's object name)
        self.callback = Handler(self._record)
        self.address = ctypes.cast(self.callback, ctypes.c_void_p).value

    def _record(self, address: int) -> None:
        event = shiboken6.wrapInstance(address, QAccessibleEvent)
        kind, source = event.type(), event.object()
        del event  # so that wrapping the address again gives the specific class
        if kind in self._PROPERTIES:
            self.property_changes.append((self._PROPERTIES[kind], source.objectName()))
            return
        if kind not in self._KINDS:
            return
        name, event_class = self._KINDS[kind]
        text_event = shiboken6.wrapInstance(address, event_class)
        removed = text_event.textRemoved() if hasattr(text_event, "textRemoved") else ""
        inserted = text_event.textInserted() if hasattr(text_event, "textInserted") else ""
        self.events.append(TextEvent(name, source.objectName(), removed, inserted))

    def from_(self, source: str) -> list[TextEvent]:
        return [event for event in self.events if event.source == source]

    def texts_from(self, source: str) -> str:
        return "".join(event.removed + event.inserted for event in self.from_(source))


@pytest.fixture
def bridge(qapp) -> Iterator[PlatformBridgeRecorder]:
    """The recorder, with the protection (update handler) installed over it; all put back afterwards."""
    previous = installed_protection()
    if previous is not None:
        previous.uninstall()
    binding = UpdateHandlerBinding.locate()
    assert binding is not None
    recorder = PlatformBridgeRecorder()
    binding.install(recorder.address)
    protection = install_password_protection(ProtectionMethod.BULLETED_TEXT_EVENTS)
    try:
        yield recorder
    finally:
        protection.uninstall()
        assert binding.install(None) == recorder.address  # the protection gave the recorder back
        if previous is not None:
            install_password_protection(previous.method)


class Form(NamedTuple):
    window: QWidget  # kept referenced by the test, or Python would delete the fields under it
    password: QLineEdit
    other: QLineEdit


def password_form(qtbot) -> Form:
    """A labelled password field and a plain field, shown and registered with qtbot."""
    form = QWidget()
    layout = QVBoxLayout(form)
    label = QLabel("Votre mot de passe")
    password = QLineEdit()
    password.setObjectName("password")
    password.setEchoMode(QLineEdit.EchoMode.Password)
    password.setAccessibleName(label.text())
    label.setBuddy(password)
    other = QLineEdit()
    other.setObjectName("other")
    for widget in (label, password, other):
        layout.addWidget(widget)
    protect_password_field(password)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    password.setFocus()
    return Form(form, password, other)


def assert_bullets_only(events: list[TextEvent]) -> None:
    assert events, "no text event at all: the screen reader would not even hear the length"
    for event in events:
        assert set(event.removed + event.inserted) <= {BULLET}, event


def test_typing_a_password_tells_assistive_technologies_one_bullet_per_character(qtbot, bridge) -> None:
    form = password_form(qtbot)
    password = form.password
    qtbot.keyClicks(password, PASSWORD)

    assert password.text() == PASSWORD  # the field itself keeps the password
    assert [event.inserted for event in bridge.from_("password")] == [BULLET] * len(PASSWORD)
    assert not set(bridge.texts_from("password")) & set(PASSWORD)


def test_backspace_delete_and_typing_over_a_selection_send_only_bullets(qtbot, bridge) -> None:
    form = password_form(qtbot)
    password = form.password
    qtbot.keyClicks(password, PASSWORD)
    qtbot.keyClick(password, Qt.Key.Key_Backspace)
    qtbot.keyClick(password, Qt.Key.Key_Home)
    qtbot.keyClick(password, Qt.Key.Key_Delete)
    assert password.text() == PASSWORD[1:-1]
    qtbot.keyClick(password, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(password, "Zz")

    assert password.text() == "Zz"
    events = bridge.from_("password")
    assert_bullets_only(events)
    removed = [len(event.removed) for event in events if event.removed]
    assert removed == [1, 1, len(PASSWORD) - 2]  # the lengths are told, as bullets


def test_paste_sends_bullets_and_undo_clears_a_hidden_password_for_good(qtbot, bridge) -> None:
    form = password_form(qtbot)
    password = form.password
    QGuiApplication.clipboard().setText(PASSWORD)
    qtbot.keyClick(password, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert password.text() == PASSWORD
    # Qt's own rule for hidden passwords, kept: Undo empties the field, Redo brings nothing back.
    qtbot.keyClick(password, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert password.text() == ""
    qtbot.keyClick(password, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert password.text() == ""

    assert_bullets_only(bridge.from_("password"))
    assert not set(bridge.texts_from("password")) & set(PASSWORD)


def test_copy_and_cut_never_put_a_hidden_password_in_the_clipboard(qtbot, bridge) -> None:
    form = password_form(qtbot)
    password = form.password
    qtbot.keyClicks(password, PASSWORD)
    QGuiApplication.clipboard().setText("presse-papiers")
    qtbot.keyClick(password, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(password, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "presse-papiers"
    qtbot.keyClick(password, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)

    assert QGuiApplication.clipboard().text() == "presse-papiers"  # Qt deletes, copies nothing
    assert_bullets_only(bridge.from_("password"))


def test_dropped_and_input_method_text_is_told_as_bullets(qtbot, bridge) -> None:
    form = password_form(qtbot)
    password = form.password
    dropped = QMimeData()
    dropped.setText("Kw7#")
    where = password.rect().center()
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    for drag in (
        QDragEnterEvent(where, Qt.DropAction.CopyAction, dropped, buttons, modifiers),
        QDragMoveEvent(where, Qt.DropAction.CopyAction, dropped, buttons, modifiers),
        QDropEvent(QPointF(where), Qt.DropAction.CopyAction, dropped, buttons, modifiers),
    ):
        QApplication.sendEvent(password, drag)
    composed = QInputMethodEvent()
    composed.setCommitString("Qk9$")  # what an input method hands over once a composition is done
    QApplication.sendEvent(password, composed)

    assert password.text() == "Kw7#Qk9$"
    assert [event.inserted for event in bridge.from_("password")] == [BULLET * 4, BULLET * 4]


def test_a_shown_password_still_sends_only_bullets(qtbot, bridge) -> None:
    form = password_form(qtbot)
    password = form.password
    password.setEchoMode(QLineEdit.EchoMode.Normal)  # "Afficher"
    qtbot.keyClicks(password, PASSWORD)

    assert password.displayText() == PASSWORD  # on screen, as the candidate asked
    assert [event.inserted for event in bridge.from_("password")] == [BULLET] * len(PASSWORD)


def test_emptying_the_field_sends_bullets_and_forgets_the_undo_history(qtbot, bridge) -> None:
    form = password_form(qtbot)
    password = form.password
    qtbot.keyClicks(password, PASSWORD)
    password.setText("")  # what the pages do for the next candidate
    password.undo()

    assert password.text() == ""
    assert_bullets_only(bridge.from_("password"))


def test_other_fields_keep_telling_what_is_typed(qtbot, bridge) -> None:
    form = password_form(qtbot)
    other = form.other
    other.setFocus()
    qtbot.keyClicks(other, "nom@example.com")

    assert bridge.texts_from("other") == "nom@example.com"


def test_a_text_event_that_cannot_be_rewritten_is_not_sent(qtbot, bridge, monkeypatch) -> None:
    form = password_form(qtbot)
    password, other = form.password, form.other

    def broken(edit: QLineEdit, text: str) -> str:
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(password_protection, "bullets_for", broken)
    qtbot.keyClicks(password, "Kw")
    other.setFocus()
    qtbot.keyClicks(other, "ok")

    assert password.text() == "Kw"
    assert bridge.from_("password") == []  # dropped, not sent in clear
    assert bridge.texts_from("other") == "ok"  # everything else still goes through


def test_bullets_count_utf16_units_like_the_field_does(qapp) -> None:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setText("a\U0001f600")

    assert bullets_for(edit, "a\U0001f600") == BULLET * 3
    assert len(edit.displayText()) == 3


def test_password_fields_of_the_pages_are_protected_even_while_shown(qtbot, gui_context) -> None:
    credentials = CredentialsPage(gui_context)
    sign_in = SignInPage(gui_context)
    qtbot.addWidget(credentials)
    qtbot.addWidget(sign_in)
    fields = {
        "Votre mot de passe": credentials.password_edit,
        "Confirmez votre mot de passe": credentials.confirmation_edit,
    }
    credentials.show_password_button.click()  # "Afficher": echo mode Normal
    sign_in.show_password_button.click()

    for name, field in fields.items():
        assert field.echoMode() == QLineEdit.EchoMode.Normal
        assert field.accessibleName() == name
        assert is_protected_field(field)
    assert is_protected_field(sign_in.password_edit)
    assert not is_protected_field(credentials.email_edit)
    assert installed_protection() is not None


def test_a_hidden_password_field_sends_no_name_or_description_until_it_is_shown(qtbot, bridge) -> None:
    # A page built after the window's first paint names and describes its fields while hidden.
    form = QWidget()
    layout = QVBoxLayout(form)
    password, other = QLineEdit(), QLineEdit()
    password.setObjectName("password")
    other.setObjectName("other")
    password.setEchoMode(QLineEdit.EchoMode.Password)
    protect_password_field(password)
    for field in (password, other):
        layout.addWidget(field)
        field.setAccessibleName("Votre mot de passe")
        field.setAccessibleDescription("Pour créer votre mot de passe, vous devez utiliser : …")
    qtbot.addWidget(form)
    assert bridge.property_changes == [("name", "other"), ("description", "other")]
    form.show()
    qtbot.waitExposed(form)
    password.setAccessibleDescription("Tous les critères sont respectés.")
    assert bridge.property_changes[-1] == ("description", "password")  # shown: told as before


@pytest.fixture
def textless(qapp) -> Iterator[None]:
    previous = installed_protection()
    install_password_protection(ProtectionMethod.TEXTLESS_INTERFACE)
    try:
        yield
    finally:
        if previous is not None:
            install_password_protection(previous.method)


def test_fallback_interface_has_no_text_but_keeps_name_role_and_focus(qtbot, textless) -> None:
    form = password_form(qtbot)
    password, other = form.password, form.other
    qtbot.keyClicks(password, PASSWORD)
    interface = QAccessible.queryAccessibleInterface(password)

    assert isinstance(interface, TextlessPasswordInterface)
    assert interface.textInterface() is None  # Qt's bridges send no text event without it
    assert interface.role() == QAccessible.Role.EditableText
    assert interface.state().passwordEdit and interface.state().focusable
    assert interface.text(QAccessible.Text.Name) == "Votre mot de passe"
    assert interface.text(QAccessible.Text.Value) == ""
    assert QAccessible.queryAccessibleInterface(other).textInterface() is not None


def test_fallback_replaces_an_interface_made_before_the_field_was_marked(qtbot, textless) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    assert QAccessible.queryAccessibleInterface(edit).textInterface() is not None
    protect_password_field(edit)

    assert isinstance(QAccessible.queryAccessibleInterface(edit), TextlessPasswordInterface)
    assert edit.property(PASSWORD_FIELD_PROPERTY) is True


def test_nothing_is_installed_where_the_platform_sends_no_text(qapp, monkeypatch) -> None:
    previous = installed_protection()
    if previous is not None:
        previous.uninstall()
    monkeypatch.setattr(sys, "platform", "win32")
    try:
        assert install_password_protection().method is ProtectionMethod.NOT_NEEDED
    finally:
        installed = installed_protection()
        if installed is not None:
            installed.uninstall()
        monkeypatch.undo()
        if previous is not None:
            install_password_protection(previous.method)
