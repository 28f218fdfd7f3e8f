"""What every page has: its Designer form inside a scroll area, a way back to empty, a first focus,
and its texts said again in the new language when the candidate switches (``retranslate``)."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget, QWizard, QWizardPage

from monmaster_desktop.gui.context import GuiContext
from monmaster_desktop.gui.forms import find_child, load_form, retranslate_form
from monmaster_desktop.gui.language import is_language_change
from monmaster_desktop.gui.style import paint_fields_opaque
from monmaster_desktop.gui.widgets.field_message import FieldMessage

W = TypeVar("W", bound=QWidget)

# The readable column: about this many average characters per line, whatever the text size.
COLUMN_CHARACTERS = 96
# Text fields: about this many em wide (the design system's forms are not page-wide).
FIELD_WIDTH_EM = 40


class FormPage(QWizardPage):
    """A wizard page whose static layout is ``ui/<FORM>``.

    The form scrolls rather than clips (1366×768 at 200 % text). Subclasses look their widgets up
    with ``child()``, set per-page button texts with ``setButtonText`` in ``retranslate()`` (called
    once built, and again at each language switch: every text the page sets goes there or is kept as
    an ``i18n.Message`` it says again), and implement ``clear()``, which puts the page back to what the
    first candidate saw.
    """

    # What a page asks of the rest of the application; the wizard passes them on to the main window.
    document_requested = Signal(str)  # a summary to open: "charte", "cgu", "cnil", "etudes_en_france"
    outbox_requested = Signal(object)  # show the simulated outbox, on this mail id (None: the newest)
    mail_sent = Signal(int)  # a mail was just "sent": the outbox refreshes, its arrival is announced
    sign_in_requested = Signal()  # "Vous avez déjà vos identifiants ? →"

    FORM: ClassVar[str]
    # The heading a screen reader and the keyboard land on when the page opens (object name in the form).
    HEADING: ClassVar[str] = "headingLabel"
    # Labels beside the heading that a screen reader says with it when the page opens (the step,
    # what just happened): they label the heading (docs/accessibility.md, "What Orca says").
    HEADING_LABELLED_BY: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def import_modules(cls, context: GuiContext) -> None:
        """Import now what the constructor would import for ``context``: the wizard builds a page in
        steps, its modules in the first, so that making the page does not import them too."""

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        # Fields kept to a form's width (cap_field_widths); empty until a subclass names them, and
        # there before any font change can reach fit_to_text.
        self._capped_fields: list[QWidget] = []
        self.form = load_form(self.FORM)
        paint_fields_opaque(self.form)
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
        self.fit_to_text()
        heading = self.form.findChild(QLabel, self.HEADING)
        if heading is not None:
            # Focusable (not in the Tab chain) so a page change can move the screen reader onto it.
            heading.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            heading.setAccessibleName(heading.text())
            # Qt exposes "labelled by" for a label whose buddy is the heading; Orca 43 speaks a
            # focused label's labels but not its description.
            for name in self.HEADING_LABELLED_BY:
                self.child(QLabel, name).setBuddy(heading)

    def retranslate(self) -> None:
        """The page's texts in the current language, its state untouched (nothing typed, no page change).

        First the form's texts and the messages shown, then (subclasses, after calling this) what the
        page sets itself: button texts, accessible names and descriptions.
        """
        retranslate_form(self.form)
        for message in self.form.findChildren(FieldMessage):
            message.retranslate()
        heading = self.heading()
        if heading is not None:
            heading.setAccessibleName(heading.text())

    def cap_field_widths(self, *fields: QWidget) -> None:
        """Keep these fields (or a field with its button) about FIELD_WIDTH_EM wide at any text size."""
        self._capped_fields.extend(fields)
        self.fit_to_text()

    def fit_to_text(self) -> None:
        """Size what depends on the text size; runs again whenever the font changes (Ctrl + / Ctrl −).

        The form's ``contentColumn`` (or the whole form) is kept to a readable line length, and the
        fields named with ``cap_field_widths`` to a form's width.
        """
        for field in self._capped_fields:
            field.setMaximumWidth(round(field.fontMetrics().horizontalAdvance("M") * FIELD_WIDTH_EM))
        column = self.form.findChild(QWidget, "contentColumn")
        extra = 0
        if column is None:  # the whole form is the column: its margins come on top of the text
            column = self.form
            layout = column.layout()
            if layout is not None:
                extra = layout.contentsMargins().left() + layout.contentsMargins().right()
        column.setMaximumWidth(column.fontMetrics().averageCharWidth() * COLUMN_CHARACTERS + extra)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Shown, the fields have had their first polish, which takes their opaque painting away.
        paint_fields_opaque(self.form)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.fit_to_text()
        elif is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def child(self, kind: type[W], name: str) -> W:
        return find_child(self.form, kind, name, self.FORM)

    def heading(self) -> QLabel | None:
        return self.form.findChild(QLabel, self.HEADING)

    def enrollment_wizard(self) -> QWizard:
        wizard = self.wizard()
        assert wizard is not None
        return wizard

    def clear(self) -> None:
        """Back to the empty state; pages with fields override it (and call super)."""
        self.scroll_area.verticalScrollBar().setValue(0)

    def settling(self) -> bool:
        """Whether something shown waits for a pause in typing (pages with live help override it)."""
        return False

    def focus_first(self) -> None:
        heading = self.heading()
        if heading is not None:
            heading.setFocus(Qt.FocusReason.OtherFocusReason)
