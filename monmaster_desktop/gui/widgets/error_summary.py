"""The error summary at the top of a form: how many errors, then one line per error with its field.

The frame, its title (a ``FieldMessage``) and its list (a ``QLabel``) come from the page's ``.ui``;
``ErrorSummary`` fills and empties them. The title can take the focus (by code only): a refused
submit with no field to focus lands there. It announces nothing itself: the page says the first
error when it moves the focus. After a language switch (``retranslate``) it says the same errors in
the new language.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QFrame, QLabel

from monmaster_desktop import texts
from monmaster_desktop.gui.language import translated
from monmaster_desktop.gui.widgets.field_message import FieldMessage
from monmaster_desktop.i18n import Message, again, plural_message

# Written by the project.
ERROR_LINE = QT_TRANSLATE_NOOP("ErrorSummary", "• {field} : {message}")


def error_count_text(count: int) -> Message:
    """ "Le formulaire contient 1 erreur." / "… {count} erreurs.", in the current language."""
    return plural_message(*texts.FORM_ERRORS, count)


class ErrorSummary:
    """Fills the summary box of a form: ``show_errors`` lists (field, message) pairs, ``clear`` hides it."""

    def __init__(self, frame: QFrame, title: FieldMessage, listing: QLabel) -> None:
        self.frame = frame
        self.title = title
        self.listing = listing
        # Focusable by code only: a refused submit with no field in error lands here.
        title.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self._lines: list[tuple[str, str]] = []
        frame.hide()

    def show_errors(self, lines: list[tuple[str, str]], title: str | None = None) -> None:
        """The count (or ``title``) and one line per (field, message), in the page's order.

        Fields and messages given as ``i18n.Message``s are said again after a language switch.
        """
        self.title.show_message("error", title or error_count_text(len(lines)))
        self._lines = list(lines)
        self._show_lines()
        self.frame.show()

    def _show_lines(self) -> None:
        listed = "\n".join(
            translated("ErrorSummary", ERROR_LINE, field=field, message=message)
            for field, message in self._lines
        )
        self.listing.setText(listed)
        self.listing.setVisible(bool(listed))

    def retranslate(self) -> None:
        self.title.retranslate()
        self._lines = [(again(field), again(message)) for field, message in self._lines]
        self._show_lines()

    def clear(self) -> None:
        self.frame.hide()
        self._lines = []
        self.title.clear()
        self.listing.clear()
