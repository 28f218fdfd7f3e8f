"""Link-styled push buttons whose text wraps (a long link reflows at 200 % instead of widening the page).

Qt cannot wrap a button's own text. ``wrap_button_text`` keeps the button's text, hence its
accessible name, but paints it transparent (``wrapsText`` in 60-credentials.qss); a word-wrapped label
inside shows it, and the button's layout gives the button its height for any width.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout


def rewrap_button_text(button: QPushButton) -> None:
    """After the button's text changed (a language switch): the label inside shows the new words."""
    label = button.findChild(QLabel, f"{button.objectName()}Text")
    if label is not None and label.text() != button.text():
        label.setText(button.text())


def wrap_button_text(button: QPushButton) -> QLabel:
    """Let a link button's text wrap; returns the label that shows it."""
    label = QLabel(button.text(), button)
    label.setObjectName(f"{button.objectName()}Text")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setProperty("role", "link-text")
    label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    layout = QVBoxLayout(button)
    layout.setContentsMargins(6, 4, 6, 4)  # the link's border (2 px) and padding (2 px 4 px)
    layout.addWidget(label)
    button.setProperty("wrapsText", True)
    button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    # An explicit minimum width, or layouts would use the one-line text width as the button's minimum.
    button.setMinimumWidth(1)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return label
