"""No password on the accessibility bus: password fields send assistive technologies bullets, not characters.

The leak (measured over AT-SPI with PySide6 6.11.3, and with 6.12 before the project began): a
Password-mode ``QLineEdit`` sends every typed character in clear to every accessibility client, one
``object:text-changed:insert`` event per key whose ``any_data`` is the character, although reading the
field returns bullets. Qt's AT-SPI bridge forwards a text event's own text (``atspiadaptor.cpp``:
``textInserted()``/``textRemoved()``); an event filter cannot help (accessibility events do not go
through Qt's event system). On Windows (UI Automation) and macOS (NSAccessibility) Qt's text-change
notifications carry no text (read in Qt's sources, not measured), so only the AT-SPI platforms (Linux,
BSD) need protecting.

Chosen approach: (a) of the three in docs/architecture.md ("Talking to assistive technologies"), an
accessibility *update handler*. Qt calls the handler installed with ``QAccessible::installUpdateHandler``
(public, exported, ABI-stable in Qt 6, not bound by PySide6: reached here through ctypes) with every
accessibility event before the platform bridge sees it. The handler lets every event through unchanged
except the text events (inserted, removed, replaced text) of a *protected* field, which it replaces with
the same event carrying as many bullets (the character the field itself displays) as the text had
characters. Protected: a line edit marked with ``protect_password_field`` (whatever its echo mode) and
any line edit not in Normal echo mode. A protected field that is not visible sends no name or
description change either (its page may be built while the window is already shown): nothing about a
password field reaches the bus before it is on screen.

What a screen-reader user keeps: everything Qt offers for a password field, since the field is a plain
``QLineEdit`` and its accessible interface is Qt's own. Role "password text"; name and description;
typing echoed as one bullet per character; the length, the caret and the selection (reading the field
returns bullets); editing through the accessibility API. Editing itself is Qt's, untouched: typing,
Backspace/Delete, selection replace, paste, drag and drop, input methods; and Qt's own rules for hidden
passwords (copy copies nothing, cut only deletes, undo empties the field). What they lose: nothing that
a sighted user gets either; the field never says which character was typed, which is the point.

"Afficher" (echo mode Normal): the password is then on screen, the field's role becomes "text" and
*reading* it (a screen reader's review cursor, an explicit query) returns the characters: a blind
candidate presses "Afficher" precisely to check what they typed, and that is the only way they can.
But nothing is ever *sent*: the text events of a marked field carry bullets in every echo mode, so a
client that merely listens (any program on the desktop's bus) learns nothing, shown or not.

Why not the alternatives: (b) a factory-made interface without a text interface is public API but
takes the length, caret and typing echo away from screen-reader users; (c) a line edit holding only
bullets would re-implement editing (paste, undo, drag and drop, input methods) with the risk of subtle
bugs in the one field that must never lose a character. (b) remains as the fallback: if the handler
cannot be reached (Qt's library not found, symbol missing), ``install_password_protection`` installs
the textless interface for marked fields instead of leaving them leaking.

Safety of the handler: it never keeps a reference to an event; it forwards unknown events unchanged;
a text event it cannot inspect is dropped rather than sent (fail closed). It is removed at interpreter
exit, before PySide6 tears Qt down. Qt calls it for every accessibility event, screen reader or not:
about 18 µs more per keystroke (measured offscreen). The live checklist, which would tell a listener the
kind of each character typed (capital, digit…) if its rows changed name per key, is kept off the bus
elsewhere: its names and the password's description change only once typing pauses
(``widgets/checklist.py``, ``accessibility/debounced.py``).

Never logs, prints, announces or stores a password, a character of one, or an event's text.
"""

from __future__ import annotations

import atexit
import ctypes
import logging
import os
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QAccessibleInterface,
    QAccessibleTextInsertEvent,
    QAccessibleTextRemoveEvent,
    QAccessibleTextUpdateEvent,
)
from PySide6.QtWidgets import QAccessibleWidget, QLineEdit, QStyle

__all__ = [
    "PASSWORD_FIELD_PROPERTY",
    "PasswordProtection",
    "ProtectionMethod",
    "UpdateHandlerBinding",
    "bullets_for",
    "install_password_protection",
    "installed_protection",
    "is_protected_field",
    "protect_password_field",
]

_log = logging.getLogger(__name__)

# The dynamic property that marks a password field (settable from a .ui file too).
PASSWORD_FIELD_PROPERTY = "passwordField"
# What a field shows if its style has no password character.
DEFAULT_BULLET = "\u25cf"

# Platforms whose Qt accessibility bridge is AT-SPI, the one that sends a text event's text.
_AT_SPI_PLATFORMS = ("linux", "freebsd", "openbsd", "netbsd", "dragonfly", "sunos")

# QAccessible::installUpdateHandler(void (*)(QAccessibleEvent *)) and
# QAccessible::updateAccessibility(QAccessibleEvent *), Itanium C++ ABI (GCC and Clang on ELF platforms).
_INSTALL_UPDATE_HANDLER = "_ZN11QAccessible20installUpdateHandlerEPFvP16QAccessibleEventE"
_UPDATE_ACCESSIBILITY = "_ZN11QAccessible19updateAccessibilityEP16QAccessibleEvent"

# void (*)(QAccessibleEvent *), the handler's type.
_UpdateHandler = ctypes.CFUNCTYPE(None, ctypes.c_void_p)

_TEXT_EVENT_CLASSES: dict[QAccessible.Event, type[QAccessibleEvent]] = {
    QAccessible.Event.TextInserted: QAccessibleTextInsertEvent,
    QAccessible.Event.TextRemoved: QAccessibleTextRemoveEvent,
    QAccessible.Event.TextUpdated: QAccessibleTextUpdateEvent,
}


# A field's name and description: not sent while the field is hidden (``_BulletedTextEvents._screen``).
_PROPERTY_EVENTS = frozenset({QAccessible.Event.NameChanged, QAccessible.Event.DescriptionChanged})

# Returned by the handler's screening for an event that must not be sent at all.
_DROP = object()


class ProtectionMethod(Enum):
    """How password fields are kept off the accessibility bus (see the module docstring)."""

    BULLETED_TEXT_EVENTS = "bulleted-text-events"  # (a): the update handler
    TEXTLESS_INTERFACE = "textless-interface"  # (b): the fallback
    NOT_NEEDED = "not-needed"  # the platform's bridge sends no text in text events


# --- the marking ---------------------------------------------------------------------------------------


def is_protected_field(widget: object) -> bool:
    """Whether ``widget``'s text must never reach the accessibility bus."""
    if not isinstance(widget, QLineEdit):
        return False
    if widget.echoMode() != QLineEdit.EchoMode.Normal:
        return True
    return bool(widget.property(PASSWORD_FIELD_PROPERTY))


def protect_password_field(edit: QLineEdit) -> None:
    """Mark ``edit`` as a password field for good (also while shown) and make sure protection is on.

    Call it once per password field, as soon as the field exists (the pages do it in their constructor).
    """
    edit.setProperty(PASSWORD_FIELD_PROPERTY, True)
    protection = installed_protection() or install_password_protection()
    protection.field_marked(edit)


def bullets_for(edit: QLineEdit, text: str) -> str:
    """As many of the field's own password characters as ``text`` has UTF-16 code units.

    Qt counts positions in UTF-16 code units (a character outside the BMP is two): the events must
    agree with the bullets that reading the field returns.
    """
    code = edit.style().styleHint(QStyle.StyleHint.SH_LineEdit_PasswordCharacter, None, edit)
    bullet = chr(code) if code > 0 else DEFAULT_BULLET
    return bullet * (len(text.encode("utf-16-le")) // 2)


# --- (a) the update handler ----------------------------------------------------------------------------


def _loaded_qt_gui_library() -> Path | None:
    """The path of the QtGui library this process has loaded (ELF platforms with /proc), if any."""
    maps = Path("/proc/self/maps")
    try:
        lines = maps.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    for line in lines:
        fields = line.split(maxsplit=5)  # address, permissions, offset, device, inode[, path]
        if len(fields) == 6 and Path(fields[5]).name.startswith("libQt6Gui.so"):
            return Path(fields[5])
    return None


class UpdateHandlerBinding:
    """``QAccessible::installUpdateHandler`` and ``QAccessible::updateAccessibility`` through ctypes.

    Handlers and events are passed as addresses (ints); ``install`` returns the previous handler's.
    """

    def __init__(self, library: ctypes.CDLL) -> None:
        self._install = getattr(library, _INSTALL_UPDATE_HANDLER)
        self._install.restype = ctypes.c_void_p
        self._install.argtypes = [ctypes.c_void_p]
        self._update = getattr(library, _UPDATE_ACCESSIBILITY)
        self._update.restype = None
        self._update.argtypes = [ctypes.c_void_p]

    @classmethod
    def locate(cls) -> UpdateHandlerBinding | None:
        """The binding to the QtGui library already loaded by PySide6, or None where it cannot be found."""
        path = _loaded_qt_gui_library()
        if path is None:
            return None
        try:
            # RTLD_NOLOAD: the very library PySide6 loaded (its static handler), never a second copy.
            library = ctypes.CDLL(str(path), mode=os.RTLD_NOLOAD | os.RTLD_LAZY)
            return cls(library)
        except (OSError, AttributeError):
            return None

    def install(self, handler_address: int | None) -> int | None:
        return self._install(handler_address)

    def dispatch(self, event_address: int) -> None:
        """``QAccessible::updateAccessibility``: the installed handler, if any, else the platform bridge."""
        self._update(event_address)


def _address_of(handler: _UpdateHandler) -> int:
    address = ctypes.cast(handler, ctypes.c_void_p).value
    assert address is not None
    return address


class PasswordProtection:
    """What ``install_password_protection`` installed; ``uninstall()`` puts things back as they were."""

    method: ProtectionMethod

    def field_marked(self, edit: QLineEdit) -> None:
        """Called for each field marked after installation."""

    def uninstall(self) -> None:
        global _installed
        if _installed is self:
            _installed = None


class _NothingToProtect(PasswordProtection):
    method = ProtectionMethod.NOT_NEEDED


class _BulletedTextEvents(PasswordProtection):
    """(a): replaces the text of protected fields' text events with bullets, passes everything else on."""

    method = ProtectionMethod.BULLETED_TEXT_EVENTS

    def __init__(self, binding: UpdateHandlerBinding) -> None:
        self._binding = binding
        # Kept referenced for as long as Qt may call it.
        self._callback = _UpdateHandler(self._on_event)
        self._callback_address = _address_of(self._callback)
        self._previous: _UpdateHandler | None = None
        self._installed = False

    def install(self) -> None:
        previous = self._binding.install(self._callback_address)
        self._previous = _UpdateHandler(previous) if previous else None
        self._installed = True
        atexit.register(self.uninstall)

    def uninstall(self) -> None:
        if self._installed:
            self._installed = False
            previous = _address_of(self._previous) if self._previous is not None else None
            current = self._binding.install(previous)
            if current != self._callback_address:
                # Someone installed a handler over ours meanwhile: leave theirs in place.
                self._binding.install(current)
            atexit.unregister(self.uninstall)
        super().uninstall()

    # Called by Qt, on the GUI thread, for every accessibility event of the application.
    def _on_event(self, event_address: int | None) -> None:
        if not event_address:
            return
        try:
            replacement = self._screen(event_address)
        except Exception:  # an exception must never escape into Qt
            _log.warning("An accessibility event could not be inspected; it was not sent.")
            return
        if replacement is None:
            self._forward(event_address)
        elif replacement is not _DROP:
            self._forward(shiboken6.getCppPointer(replacement)[0])

    def _screen(self, event_address: int) -> QAccessibleEvent | object | None:
        """None to send the event as it is, _DROP to send nothing, or the event to send instead."""
        event = shiboken6.wrapInstance(event_address, QAccessibleEvent)
        kind = event.type()
        if kind in _PROPERTY_EVENTS:
            source = event.object()
            del event
            # A password field that is not on screen (its page is still being built, after the
            # window's first paint) tells no one its name or description: a screen reader reads
            # them when the field is shown and focused.
            hidden_field = is_protected_field(source) and not source.isVisible()
            return _DROP if hidden_field else None
        if kind not in _TEXT_EVENT_CLASSES:
            return None
        source = event.object()
        # Release the generic wrapper: wrapping the same address again must give the specific class.
        del event
        if not is_protected_field(source):
            return None
        try:
            return _bulleted(shiboken6.wrapInstance(event_address, _TEXT_EVENT_CLASSES[kind]), source)
        except Exception:  # fail closed: a password's text event we cannot rewrite is not sent
            _log.warning("A password field's text event could not be rewritten; it was not sent.")
            return _DROP

    def _forward(self, event_address: int) -> None:
        if self._previous is not None:
            self._previous(event_address)
            return
        # updateAccessibility without our handler goes to the platform bridge, as if we were not there.
        self._binding.install(None)
        try:
            self._binding.dispatch(event_address)
        finally:
            self._binding.install(self._callback_address)


def _bulleted(event: QAccessibleEvent, edit: QLineEdit) -> QAccessibleEvent | object:
    if isinstance(event, QAccessibleTextInsertEvent):
        return QAccessibleTextInsertEvent(
            edit, event.changePosition(), bullets_for(edit, event.textInserted())
        )
    if isinstance(event, QAccessibleTextRemoveEvent):
        return QAccessibleTextRemoveEvent(
            edit, event.changePosition(), bullets_for(edit, event.textRemoved())
        )
    if isinstance(event, QAccessibleTextUpdateEvent):
        return QAccessibleTextUpdateEvent(
            edit,
            event.changePosition(),
            bullets_for(edit, event.textRemoved()),
            bullets_for(edit, event.textInserted()),
        )
    return _DROP  # a stale wrapper of another class at this address: do not guess


# --- (b) the fallback: an interface without text ---------------------------------------------------------


class TextlessPasswordInterface(QAccessibleWidget):
    """A password field's accessible interface with no text interface: its text events are never sent.

    Qt's bridges send text events only for objects that have a text interface. The field keeps its
    name, description, focus and the "password text" role; it loses its length and caret.
    """

    def __init__(self, edit: QLineEdit) -> None:
        super().__init__(edit, QAccessible.Role.EditableText)
        self._edit = edit

    def state(self) -> QAccessible.State:
        state = super().state()
        state.passwordEdit = True
        state.editable = not self._edit.isReadOnly()
        state.readOnly = self._edit.isReadOnly()
        return state

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Value:
            return ""  # never the password, whatever the echo mode
        return super().text(kind)


class _TextlessInterfaces(PasswordProtection):
    method = ProtectionMethod.TEXTLESS_INTERFACE

    def __init__(self) -> None:
        # Python owns the interfaces it makes, and Qt deletes each with its field. Kept referenced here so
        # that the garbage collector never deletes one Qt still uses; forgotten once Qt has deleted it.
        self._interfaces: list[TextlessPasswordInterface] = []
        self._active = False
        self._factory_callable: Callable[[str, object], QAccessibleInterface | None] | None = None

    def install(self) -> None:
        self._active = True
        self._install_factory()

    def _install_factory(self) -> None:
        # A factory installed before the QApplication exists is never called (measured with PySide6
        # 6.11): until there is one, marking a field installs it.
        if self._factory_callable is not None or QCoreApplication.instance() is None:
            return
        # PySide6 does not keep the callable alive: a bound method made on the fly would be collected.
        self._factory_callable = self._factory
        QAccessible.installFactory(self._factory_callable)

    def uninstall(self) -> None:
        # PySide6 binds no removeFactory: the factory stays but makes nothing once inactive.
        self._active = False
        super().uninstall()

    def _factory(self, _class_name: str, candidate: object) -> QAccessibleInterface | None:
        if not (self._active and isinstance(candidate, QLineEdit) and is_protected_field(candidate)):
            return None
        interface = TextlessPasswordInterface(candidate)
        self._interfaces = [alive for alive in self._interfaces if shiboken6.isValid(alive)]
        self._interfaces.append(interface)
        return interface

    def field_marked(self, edit: QLineEdit) -> None:
        self._install_factory()
        # An interface Qt made before the field was marked would still have text: replace it.
        interface = QAccessible.queryAccessibleInterface(edit)
        if interface is not None and not isinstance(interface, TextlessPasswordInterface):
            QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(interface))
            del interface
            QAccessible.queryAccessibleInterface(edit)


# --- installing ------------------------------------------------------------------------------------------

_installed: PasswordProtection | None = None


def installed_protection() -> PasswordProtection | None:
    return _installed


def install_password_protection(method: ProtectionMethod | None = None) -> PasswordProtection:
    """Keep password fields off the accessibility bus for the whole application; idempotent.

    Call once, early (``create_application``); pages that create password fields also make sure of it.
    ``method`` None chooses: nothing where the platform does not need it, else the update handler, else
    the textless interface. A method given explicitly replaces the one installed (tests use this).
    """
    global _installed
    if _installed is not None:
        if method is None or method is _installed.method:
            return _installed
        _installed.uninstall()
    protection = _create(method)
    _installed = protection
    return protection


def _create(method: ProtectionMethod | None) -> PasswordProtection:
    if method is None and not sys.platform.startswith(_AT_SPI_PLATFORMS):
        return _NothingToProtect()
    if method is ProtectionMethod.NOT_NEEDED:
        return _NothingToProtect()
    if method in (None, ProtectionMethod.BULLETED_TEXT_EVENTS):
        binding = UpdateHandlerBinding.locate()
        if binding is not None:
            bulleted = _BulletedTextEvents(binding)
            bulleted.install()
            return bulleted
        if method is ProtectionMethod.BULLETED_TEXT_EVENTS:
            raise RuntimeError("Qt's accessibility update handler cannot be reached in this process")
        _log.warning("Qt's accessibility update handler is out of reach: password fields lose their text.")
    textless = _TextlessInterfaces()
    textless.install()
    return textless
