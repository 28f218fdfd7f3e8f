"""How the operator reaches the console: a key sequence no candidate is shown, then the PIN.

``Ctrl+Alt+Maj+O`` (``texts.OPERATOR_KEYS``, documented for operators in the README, shown on no
candidate's screen) opens "Accès opérateur"; the right PIN opens the console. Where no PIN exists
yet (outside a kiosk: a kiosk cannot start without one, ``require_pin``) "Choisir le code opérateur"
comes first. What the console's "Quitter la borne" and purge do is the caller's (``app.py``): quit
the kiosk, end the session on screen. Nothing here shows the key sequence, and no PIN is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from functools import cached_property
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QWidget

from monmaster_desktop.accounts.store import StorageError
from monmaster_desktop.gui.language import translated
from monmaster_desktop.gui.main_window import MainWindow
from monmaster_desktop.gui.operator import texts

if TYPE_CHECKING:  # imported when the operator first asks for the console, not before the first paint
    from monmaster_desktop.accounts.operator import AuditAction, OperatorService
    from monmaster_desktop.gui.operator.console import OperatorConsole
    from monmaster_desktop.gui.operator.pin_dialogs import NewPinDialog

OPERATOR_SHORTCUT = QKeySequence(texts.OPERATOR_KEYS)


class OperatorAccess(QObject):
    def __init__(
        self,
        window: MainWindow,
        *,
        on_quit: Callable[[], None],
        on_purged: Callable[[QWidget], None],
    ) -> None:
        super().__init__(window)
        context = window.context
        self.window = window
        self.context = context
        self._on_quit = on_quit
        self._on_purged = on_purged
        self.dialog: QDialog | None = None  # the prompt or the console, while one is open
        self.shortcut = QShortcut(OPERATOR_SHORTCUT, window)
        self.shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)  # from the outbox window too
        self.shortcut.activated.connect(self.open)

    @cached_property
    def operator(self) -> OperatorService:
        from monmaster_desktop.accounts.operator import OperatorService

        context = self.context
        return OperatorService(context.service.database, context.settings.hashing, context.clock)

    def require_pin(self) -> bool:
        """A kiosk's first start: choose the PIN now (blocking); False if the operator quits instead."""
        if self.operator.has_pin():
            return True
        dialog = self._new_pin_dialog(None, cancel_text=translated(texts.CONTEXT, texts.QUIT_KIOSK_BUTTON))
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return accepted

    def open(self) -> None:
        """The key sequence: the PIN prompt (or the new PIN first), then the console."""
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        try:
            has_pin = self.operator.has_pin()
        except StorageError:
            return  # the console could not work either; the next press tries again
        from monmaster_desktop.accounts.operator import AuditAction
        from monmaster_desktop.gui.operator.pin_dialogs import PinPromptDialog

        if has_pin:
            dialog: QDialog = PinPromptDialog(
                self.operator, self.context.runner, self.context.announcer, self.window
            )
        else:
            dialog = self._new_pin_dialog(self.window)
            dialog.accepted.connect(lambda: self._record(AuditAction.CONSOLE_OPENED))
        dialog.accepted.connect(self.open_console)
        self._show(dialog)

    def open_console(self) -> OperatorConsole:
        from monmaster_desktop.gui.operator.console import OperatorConsole

        console = OperatorConsole(
            self.operator,
            self.context.runner,
            self.context.announcer,
            self.window,
            kiosk=self.context.settings.kiosk,
        )
        console.quit_requested.connect(self._on_quit)
        console.purged.connect(lambda: self._on_purged(console))
        self._show(console)
        self.context.announcer.announce(console.heading, translated(texts.CONTEXT, texts.CONSOLE_OPENED))
        return console

    def _new_pin_dialog(self, parent: QWidget | None, cancel_text: str | None = None) -> NewPinDialog:
        from monmaster_desktop.gui.operator.pin_dialogs import NewPinDialog

        return NewPinDialog(
            self.operator, self.context.runner, self.context.announcer, parent, cancel_text=cancel_text
        )

    def _show(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()
        dialog.raise_()
        dialog.activateWindow()

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _record(self, action: AuditAction) -> None:
        with suppress(StorageError):  # the audit must not stop the operator
            self.operator.record(action)


def install_operator_access(
    window: MainWindow, *, on_quit: Callable[[], None], on_purged: Callable[[QWidget], None]
) -> OperatorAccess:
    return OperatorAccess(window, on_quit=on_quit, on_purged=on_purged)
