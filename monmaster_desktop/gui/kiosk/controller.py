"""A main window as a fair's kiosk: the whole screen, no way out, and each session ending without a trace.

``install_kiosk`` makes the ``KioskController`` of a main window (``--kiosk``, docs/kiosk.md):

- **The screen**: frameless, the screen's whole geometry taken by the window itself (where no window
  manager honours a full-screen request) as well as asked for full screen, and again when the
  screen changes. Closing is refused — the close event, and Ctrl+Q, Ctrl+W, Ctrl+F4, Alt+F4 — until
  the operator quits (``quit_kiosk``). The testers' "Accessibilité" menu is hidden (``testers/menu.py``).
- **The idle reset** (``idle.IdleGuard``): a warning after ``idle_timeout`` seconds without input,
  the end of the session if nobody answers it.
- **The end of a session**, whatever ends it — the idle reset, "Terminer" on "Compte activé" (the
  "Retour à l'accueil" button, so named on a kiosk), "Se déconnecter", the automatic return
  ``return_after_activation`` seconds after activation, "Retour à l'accueil" elsewhere: all go
  through the wizard's ``start_over_requested``. The main window empties the wizard and closes the
  outbox and the documents; then this controller closes every other dialog and menu, clears the
  clipboard if it holds what the application put there, puts the theme and text size back to the
  kiosk's, shows "Nouvelle session" on "Accueil" and says it to screen readers, and restarts the
  idle clock.

It never reads what candidates typed; it only asks each part to forget it.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication, QKeySequence, QScreen, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QWidget

from monmaster_desktop import texts as core_texts
from monmaster_desktop.gui.appearance import AppearanceController
from monmaster_desktop.gui.context import PageId
from monmaster_desktop.gui.kiosk import idle, texts
from monmaster_desktop.gui.kiosk.activity import ActivityMonitor
from monmaster_desktop.gui.kiosk.idle import IdleGuard, announce_remaining
from monmaster_desktop.gui.language import translated
from monmaster_desktop.gui.main_window import MainWindow
from monmaster_desktop.gui.pages.activated_page import ActivatedPage
from monmaster_desktop.gui.pages.welcome_page import WelcomePage
from monmaster_desktop.gui.soon import call_soon

# Platforms that cannot say whether the clipboard is ours: the application then clears what changed
# while it ran (on a kiosk nothing else runs).
_NO_CLIPBOARD_OWNERSHIP = frozenset({"offscreen", "minimal", "vnc", "linuxfb", "eglfs"})


def closing_keys() -> list[QKeySequence]:
    """The keys that close a window or quit: Ctrl+Q, Ctrl+W, Ctrl+F4, Alt+F4 (and the platform's own).

    Asked for once an application exists (the platform's key bindings need it).
    """
    return [
        *QKeySequence.keyBindings(QKeySequence.StandardKey.Quit),
        *QKeySequence.keyBindings(QKeySequence.StandardKey.Close),
        QKeySequence("Alt+F4"),
        QKeySequence("Ctrl+F4"),
    ]


class KioskController(QObject):
    session_ended = Signal()  # everything of the previous candidate is gone; a new session starts

    def __init__(self, window: MainWindow, appearance: AppearanceController | None = None) -> None:
        super().__init__(window)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.window = window
        self.context = window.context
        self.options = window.context.settings.kiosk_settings
        self.appearance = appearance
        self._quitting = False
        self._keep_open: QWidget | None = None
        self._second_ms = idle.SECOND_MS
        self.monitor = ActivityMonitor(app, self)
        self.guard = IdleGuard(
            window,
            self.monitor,
            self.context.announcer,
            self.options.idle_timeout,
            self.options.warning,
            self,
        )
        self.guard.expired.connect(self.end_session)

        wizard = window.wizard
        wizard.start_over_requested.connect(self._after_start_over)  # after the main window's reset
        wizard.currentIdChanged.connect(self._page_changed)
        self.activated_page = wizard.page_of(ActivatedPage)
        assert isinstance(self.activated_page, ActivatedPage)
        self.activated_page.name_home_button(translated(texts.CONTEXT, texts.FINISH_BUTTON))
        self.activated_page.stay_requested.connect(self._stay)
        welcome = wizard.page_of(WelcomePage)
        assert isinstance(welcome, WelcomePage)
        self.welcome_page = welcome

        self._auto_return = QTimer(self)
        self._auto_return.setInterval(max(1, self._second_ms // 4))
        self._auto_return.timeout.connect(self._auto_return_tick)
        self._auto_return_deadline = 0.0
        self._auto_return_shown = -1

        self._clipboard_changed = {QClipboard.Mode.Clipboard: False, QClipboard.Mode.Selection: False}
        clipboard = QGuiApplication.clipboard()
        # Methods, not lambdas: Qt disconnects them when this controller goes.
        clipboard.dataChanged.connect(self._clipboard_data_changed)
        clipboard.selectionChanged.connect(self._clipboard_selection_changed)

        window.installEventFilter(self)
        # The keys that close or quit are taken by shortcuts of the kiosk's own that do nothing: they
        # come first wherever the keyboard is, and nothing else gets them.
        self._closing_shortcuts: list[QShortcut] = []
        for keys in closing_keys():
            shortcut = QShortcut(keys, window)
            shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
            shortcut.setAutoRepeat(False)
            self._closing_shortcuts.append(shortcut)
        self._screen: QScreen | None = None

    # --- the screen --------------------------------------------------------------------------------

    def show(self) -> None:
        """Show the window over the whole screen, frameless, in the kiosk's look; start the idle clock."""
        window = self.window
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self._restore_appearance()
        self._fit_screen()
        window.showFullScreen()
        window.raise_()
        window.activateWindow()
        self.guard.start()

    def _fit_screen(self) -> None:
        screen = self.window.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        if screen is not self._screen:
            if self._screen is not None:
                self._screen.geometryChanged.disconnect(self._screen_resized)
            screen.geometryChanged.connect(self._screen_resized)
            self._screen = screen
        # Where no window manager applies the full-screen request, the window takes the geometry itself.
        self.window.setGeometry(screen.geometry())

    def _screen_resized(self, *_geometry: object) -> None:
        self._fit_screen()

    def quit_kiosk(self) -> None:
        """The operator's "Quitter la borne": the only way the window closes (and, the last, quits)."""
        self._quitting = True
        self.guard.stop()
        self.monitor.stop()
        self._stop_auto_return()
        self._close_dialogs_and_menus()
        self.window.close()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.window and not self._quitting:
            if kind == QEvent.Type.Close:
                event.ignore()
                return True
            if kind == QEvent.Type.WindowStateChange and self.window.isMinimized():
                call_soon(self.window, self.window.showFullScreen)
        return False

    # --- the end of a session ----------------------------------------------------------------------

    def end_session(self, *, keep_open: QWidget | None = None) -> None:
        """End the current candidate's session (the same path as "Retour à l'accueil").

        ``keep_open``: a dialog that stays (the operator's console, which asked for it after a purge).
        """
        self._keep_open = keep_open
        try:
            self.window.wizard.start_over_requested.emit()
        finally:
            self._keep_open = None

    def _after_start_over(self) -> None:
        self._stop_auto_return()
        self.guard.start()  # closes the warning if it was open
        self._close_dialogs_and_menus()
        self._clear_clipboard()
        self._restore_appearance()
        self.welcome_page.show_session_notice(True)
        heading = self.welcome_page.heading()
        said = translated(texts.CONTEXT, texts.NEW_SESSION)
        self.context.announcer.announce(heading or self.welcome_page, said)
        self.session_ended.emit()

    def _close_dialogs_and_menus(self) -> None:
        while (popup := QApplication.activePopupWidget()) is not None:
            popup.close()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMenu) and widget.isVisible():
                widget.close()
            elif isinstance(widget, QDialog) and widget.isVisible() and widget is not self._keep_open:
                widget.reject()  # a dialog's nested event loop (QMessageBox.about) ends too

    def _clipboard_data_changed(self) -> None:
        self._clipboard_changed[QClipboard.Mode.Clipboard] = True

    def _clipboard_selection_changed(self) -> None:
        self._clipboard_changed[QClipboard.Mode.Selection] = True

    def _clear_clipboard(self) -> None:
        clipboard = QGuiApplication.clipboard()
        ownership_known = QGuiApplication.platformName() not in _NO_CLIPBOARD_OWNERSHIP
        for mode, owns in (
            (QClipboard.Mode.Clipboard, clipboard.ownsClipboard()),
            (QClipboard.Mode.Selection, clipboard.ownsSelection()),
        ):
            ours = owns if ownership_known else self._clipboard_changed[mode]
            if ours:
                clipboard.clear(mode)
        for mode in self._clipboard_changed:
            self._clipboard_changed[mode] = False

    def _restore_appearance(self) -> None:
        if self.appearance is not None:
            self.appearance.restore(self.options.theme, self.options.text_scale)

    # --- "Compte activé": the automatic return -----------------------------------------------------

    def _page_changed(self, page_id: int) -> None:
        if page_id == PageId.ACTIVATED:
            self._start_auto_return()
        else:
            self._stop_auto_return()
        if page_id != PageId.WELCOME and page_id != -1:
            self.welcome_page.show_session_notice(False)

    def _start_auto_return(self) -> None:
        total = self.options.return_after_activation
        self._auto_return_deadline = time.monotonic() + total * self._second_ms / 1000
        self._auto_return_shown = total
        text = translated(texts.CONTEXT, texts.AUTO_RETURN, wait=core_texts.format_wait(total))
        self.activated_page.show_auto_return(text)
        self._auto_return.start()
        # After the page's own announcement (its heading), from the event loop.
        call_soon(self, lambda: self.context.announcer.announce(self.activated_page.auto_return_label, text))

    def _auto_return_tick(self) -> None:
        left_ms = (self._auto_return_deadline - time.monotonic()) * 1000
        remaining = max(0, -int(-left_ms // self._second_ms))
        if remaining == 0:
            self._stop_auto_return()
            self.end_session()
            return
        if remaining == self._auto_return_shown:
            return
        self._auto_return_shown = remaining
        text = translated(texts.CONTEXT, texts.AUTO_RETURN, wait=core_texts.format_wait(remaining))
        self.activated_page.show_auto_return(text)
        if announce_remaining(remaining, self.options.return_after_activation):
            self.context.announcer.announce(self.activated_page.auto_return_label, text)

    def _stay(self) -> None:
        self._stop_auto_return()
        # The button is gone with the countdown: the keyboard goes back to the page's heading.
        heading = self.activated_page.heading()
        if heading is not None:
            heading.setFocus(Qt.FocusReason.OtherFocusReason)
        said = translated(texts.CONTEXT, texts.AUTO_RETURN_STOPPED)
        self.context.announcer.announce(heading or self.activated_page, said)

    def _stop_auto_return(self) -> None:
        if self._auto_return.isActive():
            self._auto_return.stop()
        self.activated_page.show_auto_return(None)


def install_kiosk(window: MainWindow, appearance: AppearanceController | None = None) -> KioskController:
    """Make ``window`` a kiosk; ``KioskController.show()`` then shows it."""
    return KioskController(window, appearance)
