"""The dialogs of the kiosk and the operator: a form of ``ui/`` inside a real, titled ``QDialog``.

``FormDialog`` loads the form, takes its window title (also the dialog's accessible name), frames it
with a border of its own (a kiosk may run without a window manager to draw one; ``80-kiosk.qss``),
keeps it readable (about ``WIDTH_CHARACTERS`` wide, never wider than the screen) and makes the form's
default button the dialog's: a form built outside the dialog loses it, and the dialog would make its
first button the default instead. A language switch says the form's texts and the title again
(``retranslate``, on ``LanguageChange``); each dialog then says again what it set itself.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QPushButton, QVBoxLayout, QWidget

from monmaster_desktop.gui.forms import find_child, load_form, retranslate_form
from monmaster_desktop.gui.language import is_language_change

W = TypeVar("W", bound=QWidget)
WIDTH_CHARACTERS = 64


class FormDialog(QDialog):
    def __init__(
        self,
        form_name: str,
        parent: QWidget | None = None,
        *,
        default_button: str | None = None,
        modal: bool = False,
    ) -> None:
        super().__init__(parent)
        self.form_name = form_name
        self.form = load_form(form_name)
        # The border is drawn by the form (a plain QWidget takes one from a style sheet; a QDialog not).
        self.form.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self.setWindowTitle(self.form.windowTitle())
        self.setAccessibleName(self.form.windowTitle())
        if modal:  # the rest of the application waits (open() would make it window-modal only)
            self.setWindowModality(Qt.WindowModality.ApplicationModal)
        if default_button is not None:
            button = self.child(QPushButton, default_button)
            button.setDefault(False)  # a second setDefault(True) alone would not reach the dialog
            button.setDefault(True)
        self.ensurePolished()  # the style sheet's text size first: the width is counted in characters
        self.fit_width()

    def retranslate(self) -> None:
        """The form's texts and the title in the current language; subclasses then set their own."""
        retranslate_form(self.form)
        self.setWindowTitle(self.form.windowTitle())
        self.setAccessibleName(self.form.windowTitle())

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def child(self, kind: type[W], name: str) -> W:
        return find_child(self.form, kind, name, self.form_name)

    def fit_width(self, characters: int = WIDTH_CHARACTERS) -> None:
        width = self.fontMetrics().averageCharWidth() * characters
        screen = self.screen()
        if screen is not None:
            width = min(width, int(screen.availableGeometry().width() * 0.9))
        self.setMinimumWidth(width)

    def fit_height(self) -> None:
        """Tall enough for every wrapped line at the current width (a window's layout does not ask)."""
        wanted = self.heightForWidth(self.width())
        screen = self.screen()
        if screen is not None:
            wanted = min(wanted, int(screen.availableGeometry().height() * 0.95))
        if wanted > self.height():
            self.resize(self.width(), wanted)

    def fit_to_screen(self) -> None:
        """Size the dialog for its content at the current text size (when shown)."""
        self.fit_width()
        self.adjustSize()
        self.fit_height()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Without a window manager nobody else sizes or places the window; texts set after
        # construction count.
        self.fit_to_screen()
        self.center()

    def center(self) -> None:
        """Over the middle of the window it belongs to (or of the screen), and inside the screen."""
        screen = self.screen()
        if screen is None:
            return
        available = screen.availableGeometry()
        parent = self.parentWidget()
        area = parent.window().frameGeometry() if parent is not None else available
        frame = self.frameGeometry()
        frame.moveCenter(area.center())
        frame.moveLeft(max(available.left(), min(frame.left(), available.right() - frame.width())))
        frame.moveTop(max(available.top(), min(frame.top(), available.bottom() - frame.height())))
        self.move(frame.topLeft())

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest and self.isVisible():
            self.fit_height()  # a message appeared, a countdown grew a line
        return handled
