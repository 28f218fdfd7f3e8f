"""The idle reset: after a while without anyone using the kiosk, "Êtes-vous toujours là ?", then the end.

``IdleGuard`` restarts its clock on every activity (``activity.ActivityMonitor``). When the clock runs
out it opens ``IdleWarningDialog`` — a real dialog window, titled, its "Continuer" button the default
and focused — which counts down (at least 20 s, RGAA 13.1) and says so at once to screen readers
(an assertive announcement, and the focused button's description, which is what Orca 43 reads), then
again at intervals (``announce_remaining``). Any answer — a key, a click or a touch anywhere (the
input is swallowed so that nothing under it is pressed), "Continuer" or Escape, an assistive
technology's action on the dialog — closes it and restarts the clock; the page and what was typed are
left as they were. Without an answer ``expired`` is emitted: the kiosk ends the session.

A language switch while the warning is open says it again in the new language (its form's texts,
the countdown, the button's description); the clock goes on.

Time is counted in "seconds" of ``SECOND_MS`` milliseconds: the accessibility tests shorten it in the
application's process; nothing else changes it. The guard never ends a session that someone answered,
and never looks at what was typed (only that something was).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton, QWidget

from monmaster_desktop import texts as core_texts
from monmaster_desktop.gui.accessibility.announcer import Announcer, describe
from monmaster_desktop.gui.kiosk import texts
from monmaster_desktop.gui.kiosk.activity import INPUT, ActivityMonitor
from monmaster_desktop.gui.kiosk.dialogs import FormDialog
from monmaster_desktop.gui.language import translated
from monmaster_desktop.gui.soon import call_soon
from monmaster_desktop.i18n import Message, again

SECOND_MS = 1000
FORM = "idle_warning_dialog.ui"


def announce_remaining(remaining: int, total: int) -> bool:
    """Whether the remaining time is said now: every 30 s, then at 20, 10 and 5 (never at the start)."""
    if remaining <= 0 or remaining >= total:
        return False
    return remaining in (20, 10, 5) or remaining % 30 == 0


class IdleWarningDialog(FormDialog):
    """ "Êtes-vous toujours là ?" with its countdown and "Continuer". Layout in ``ui/idle_warning_dialog.ui``.

    ``answered`` is emitted for "Continuer", Enter, Escape or the window being closed: any of them
    means someone is there.
    """

    answered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(FORM, parent, default_button="continueButton")
        self.setObjectName("idleWarningDialog")
        self.heading = self.child(QLabel, "headingLabel")
        self.countdown_label = self.child(QLabel, "countdownLabel")
        self.continue_button = self.child(QPushButton, "continueButton")
        self.continue_button.clicked.connect(self.accept)
        self.finished.connect(self._finished)
        self._countdown: Message | None = None
        self._description: Message | None = None

    def show_remaining(self, wait: str, *, describe_button: bool) -> None:
        self._countdown = translated(texts.CONTEXT, texts.WARNING_COUNTDOWN, wait=wait)
        self.countdown_label.setText(self._countdown)
        if describe_button:
            self._description = translated(texts.CONTEXT, texts.WARNING_DESCRIPTION, wait=wait)
            describe(self.continue_button, self._description)

    def retranslate(self) -> None:
        super().retranslate()
        if self._countdown is not None:
            self._countdown = again(self._countdown)
            self.countdown_label.setText(self._countdown)
        if self._description is not None:
            self._description = again(self._description)
            describe(self.continue_button, self._description)

    def close_quietly(self) -> None:
        """Close without it counting as an answer (the session ended, or the guard stopped)."""
        self.finished.disconnect(self._finished)
        self.done(QDialog.DialogCode.Rejected)

    def _finished(self, _result: int) -> None:
        self.answered.emit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.continue_button.setFocus(Qt.FocusReason.OtherFocusReason)


class IdleGuard(QObject):
    """The idle clock and its warning, over one main window."""

    warned = Signal()  # the warning opened
    continued = Signal()  # someone answered it
    expired = Signal()  # nobody did: the session must end

    def __init__(
        self,
        window: QWidget,
        monitor: ActivityMonitor,
        announcer: Announcer,
        idle_seconds: int,
        warning_seconds: int,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._window = window
        self._monitor = monitor
        self._announcer = announcer
        self._warning_seconds = warning_seconds
        self._second_ms = SECOND_MS
        self._idle_timer = QTimer(self)
        self._idle_timer.setSingleShot(True)
        self._idle_timer.setInterval(idle_seconds * self._second_ms)
        self._idle_timer.timeout.connect(self.warn)
        self._tick_timer = QTimer(self)
        self._tick_timer.setInterval(max(1, self._second_ms // 4))  # the display never lags a second
        self._tick_timer.timeout.connect(self._tick)
        self._dialog: IdleWarningDialog | None = None
        self._active_before: QWidget | None = None  # the window to give the keyboard back to
        self._deadline = 0.0
        self._shown_remaining = -1
        self._running = False
        monitor.activity.connect(self._activity)

    # --- state ----------------------------------------------------------------------------------------

    @property
    def dialog(self) -> IdleWarningDialog | None:
        """The warning while it is open."""
        return self._dialog

    def idle_remaining_ms(self) -> int:
        """How long before the warning, in milliseconds (-1 while the clock is stopped or warning)."""
        return self._idle_timer.remainingTime()

    def idle_interval_ms(self) -> int:
        return self._idle_timer.interval()

    def start(self) -> None:
        """Start (or restart) the idle clock; any open warning closes without counting as an answer."""
        self._running = True
        self._close_warning()
        self._idle_timer.start()

    def stop(self) -> None:
        self._running = False
        self._close_warning()
        self._idle_timer.stop()

    # --- the warning ----------------------------------------------------------------------------------

    def warn(self) -> None:
        if not self._running or self._dialog is not None:
            return
        dialog = IdleWarningDialog(self._window)
        self._dialog = dialog
        self._active_before = QApplication.activeWindow()
        self._deadline = time.monotonic() + self._warning_seconds * self._second_ms / 1000
        self._shown_remaining = self._warning_seconds
        wait = core_texts.format_wait(self._warning_seconds)
        dialog.show_remaining(wait, describe_button=True)
        dialog.answered.connect(self._answered)
        self._monitor.hold_input_for(dialog)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        self._tick_timer.start()
        self._announcer.announce(
            dialog.continue_button,
            translated(texts.CONTEXT, texts.WARNING_ANNOUNCEMENT, wait=wait),
            assertive=True,
        )
        self.warned.emit()

    def _tick(self) -> None:
        dialog = self._dialog
        if dialog is None:
            self._tick_timer.stop()
            return
        left_ms = (self._deadline - time.monotonic()) * 1000
        remaining = max(0, -int(-left_ms // self._second_ms))  # whole "seconds", rounded up
        if remaining == 0:
            self._expire()
            return
        if remaining == self._shown_remaining:
            return
        self._shown_remaining = remaining
        wait = core_texts.format_wait(remaining)
        now = announce_remaining(remaining, self._warning_seconds)
        dialog.show_remaining(wait, describe_button=now)
        if now:
            said = translated(texts.CONTEXT, texts.WARNING_REMAINING, wait=wait)
            self._announcer.announce(dialog.continue_button, said)

    def _activity(self, kind: str) -> None:
        if not self._running:
            return
        if self._dialog is None:
            self._idle_timer.start()
        elif kind == INPUT:
            # Opening the warning moves the focus, which is no answer; input is. Later, from the event
            # loop: the event being filtered still reaches the dialog (Enter on "Continuer").
            call_soon(self, self._answered)

    def _answered(self) -> None:
        if self._dialog is None:
            return
        self._close_warning()
        self._idle_timer.start()
        back = self._active_before or self._window
        back.activateWindow()  # the keyboard returns where it was: the page, or the outbox
        said = translated(texts.CONTEXT, texts.SESSION_CONTINUES)
        self._announcer.announce(back.focusWidget() or back, said)
        self.continued.emit()

    def _expire(self) -> None:
        self._close_warning()
        self._idle_timer.stop()
        # The keyboard back on the main window (where the next session starts, its heading focused):
        # without a window manager nobody gives it back, and a screen reader would hear nothing.
        self._window.activateWindow()
        self.expired.emit()

    def _close_warning(self) -> None:
        self._tick_timer.stop()
        dialog, self._dialog = self._dialog, None
        self._monitor.hold_input_for(None)
        if dialog is not None:
            dialog.close_quietly()
            dialog.deleteLater()
