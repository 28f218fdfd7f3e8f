"""What every page has: its Designer form inside a scroll area, a way back to empty, a first focus."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget, QWizard, QWizardPage

from monmaster_desktop.gui.context import GuiContext
from monmaster_desktop.gui.forms import load_form

W = TypeVar("W", bound=QWidget)


class FormPage(QWizardPage):
    """A wizard page whose static layout is ``ui/<FORM>``.

    The form scrolls rather than clips (1366×768 at 200 % text). Subclasses look their widgets up
    with ``child()``, set per-page button texts with ``setButtonText``, and implement ``clear()``,
    which puts the page back to what the first candidate saw.
    """

    FORM: ClassVar[str]
    # The heading a screen reader and the keyboard land on when the page opens (object name in the form).
    HEADING: ClassVar[str] = "headingLabel"

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.form = load_form(self.FORM)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        # Not a Tab stop: the keyboard goes to the page's controls (which scroll into view), not its frame.
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self.form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)
        heading = self.form.findChild(QLabel, self.HEADING)
        if heading is not None:
            # Focusable (not in the Tab chain) so a page change can move the screen reader onto it.
            heading.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            heading.setAccessibleName(heading.text())

    def child(self, kind: type[W], name: str) -> W:
        found = self.form.findChild(kind, name)
        if found is None:
            raise LookupError(f"{self.FORM} has no {kind.__name__} named {name!r}")
        return found

    def heading(self) -> QLabel | None:
        return self.form.findChild(QLabel, self.HEADING)

    def enrollment_wizard(self) -> QWizard:
        wizard = self.wizard()
        assert wizard is not None
        return wizard

    def clear(self) -> None:
        """Back to the empty state; pages with fields override it (and call super)."""
        self.scroll_area.verticalScrollBar().setValue(0)

    def focus_first(self) -> None:
        heading = self.heading()
        if heading is not None:
            heading.setFocus(Qt.FocusReason.OtherFocusReason)
