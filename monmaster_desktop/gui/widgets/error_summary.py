"""The error summary at the top of a form: how many errors, then one line per error with its field.

The frame, its title (a ``FieldMessage``) and its list (a ``QLabel``) come from the page's ``.ui``;
``ErrorSummary`` fills and empties them. The title can take the focus (by code only): a refused
submit with no field to focus lands there. It announces nothing itself: the page says the first
error when it moves the focus.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel

from monmaster_desktop.gui.widgets.field_message import FieldMessage

# Written by the project.
ONE_ERROR = "Le formulaire contient 1 erreur."
SEVERAL_ERRORS = "Le formulaire contient {count} erreurs."
ERROR_LINE = "• {field} : {message}"


def error_count_text(count: int) -> str:
    return ONE_ERROR if count == 1 else SEVERAL_ERRORS.format(count=count)


class ErrorSummary:
    """Fills the summary box of a form: ``show_errors`` lists (field, message) pairs, ``clear`` hides it."""

    def __init__(self, frame: QFrame, title: FieldMessage, listing: QLabel) -> None:
        self.frame = frame
        self.title = title
        self.listing = listing
        # Focusable by code only: a refused submit with no field in error lands here.
        title.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        frame.hide()

    def show_errors(self, lines: list[tuple[str, str]], title: str | None = None) -> None:
        """The count (or ``title``) and one line per (field, message), in the page's order."""
        self.title.show_message("error", title or error_count_text(len(lines)))
        listed = "\n".join(ERROR_LINE.format(field=field, message=message) for field, message in lines)
        self.listing.setText(listed)
        self.listing.setVisible(bool(listed))
        self.frame.show()

    def clear(self) -> None:
        self.frame.hide()
        self.title.clear()
        self.listing.clear()
