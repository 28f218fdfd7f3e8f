"""Étape 1 sur 2, "Suis-je concerné par la plateforme ?": the four eligibility questions, Oui or Non.

The static frame (stepper, intro, the two verdict panels) is ``ui/eligibility_page.ui``. The four
question blocks are built here at run time from :data:`monmaster_desktop.eligibility.QUESTIONS`,
so each question's text, cases, note and link exist in one place only (the core module, copied
from the seed) and the blocks cannot drift apart from what the account service checks.

Each block is a ``QGroupBox`` (accessible role Grouping) named after the question, holding the
radio buttons "Oui" and "Non" in an exclusive group: Tab moves from question to question, the
arrow keys between Oui and Non. The verdict comes from :func:`monmaster_desktop.eligibility.assess`;
``isComplete()`` is "eligible", so Qt's completeness machinery enables "Créer mon compte".

A Non is shown as a *warning* (icon "!"), not an error: the candidate made no mistake, the answer
is sincere, but it stops the account creation on this platform and says where to go instead.

This page never decides eligibility by itself (the core does: the message under each question is
the one ``assess()`` returns) and never sends more than one announcement per user action: quick
successive changes (arrow keys) are coalesced by ``accessibility/debounced.py``. Its texts come from
the core's catalog (``i18n``) and its own strings from Qt's; a language switch says them all again
and keeps the answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from monmaster_desktop import eligibility
from monmaster_desktop.eligibility import Answer, EligibilityVerdict, Question, QuestionFeedback
from monmaster_desktop.gui.accessibility.announcer import describe
from monmaster_desktop.gui.accessibility.debounced import DebouncedAnnouncer
from monmaster_desktop.gui.context import GuiContext, PageId
from monmaster_desktop.gui.language import translated
from monmaster_desktop.gui.pages.base import FormPage
from monmaster_desktop.gui.soon import call_soon
from monmaster_desktop.gui.widgets.field_message import FieldMessage
from monmaster_desktop.i18n import gettext

# --- Texts -------------------------------------------------------------------------------------
_CONTEXT = "EligibilityPage"
# From the seed: the button under the "Je suis éligible" panel.
CREATE_ACCOUNT_BUTTON = QT_TRANSLATE_NOOP("EligibilityPage", "Créer mon compte")
ANSWER_LABELS: dict[Answer, str] = {
    Answer.OUI: QT_TRANSLATE_NOOP("EligibilityPage", "Oui"),
    Answer.NON: QT_TRANSLATE_NOOP("EligibilityPage", "Non"),
}
# Written by the project (the seed has none).
ELIGIBLE_ANNOUNCEMENT = QT_TRANSLATE_NOOP(
    "EligibilityPage", "Je suis éligible. Le bouton Créer mon compte est disponible."
)
NO_LONGER_ELIGIBLE_ANNOUNCEMENT = QT_TRANSLATE_NOOP(
    "EligibilityPage", "Le bouton Créer mon compte n'est plus disponible."
)
CHANGE_ANSWER_HINT = QT_TRANSLATE_NOOP(
    "EligibilityPage", "Si vous vous êtes trompé, vous pouvez modifier votre réponse ci-dessus."
)


@dataclass(frozen=True)
class AnswersState:
    """What screen readers were told of step 1: the answers, and whether they make the candidate eligible."""

    answers: tuple[tuple[str, Answer | None], ...]
    eligible: bool


class QuestionBlock:
    """The widgets of one question: its group, the two radios, the link, the message under it."""

    def __init__(self, question: Question, parent: QWidget) -> None:
        self.question = question
        self.group = QGroupBox(parent)
        self.group.setObjectName(f"question_{question.key}")
        self.group.setProperty("role", "question")
        self.group.setFlat(True)
        layout = QVBoxLayout(self.group)
        layout.setContentsMargins(0, 16, 0, 16)
        layout.setSpacing(8)

        def add_label(part: str, text_format: Qt.TextFormat, role: str | None) -> QLabel:
            label = QLabel(self.group)
            label.setObjectName(f"question_{question.key}_{part}")
            label.setTextFormat(text_format)
            label.setWordWrap(True)
            label.setProperty("role", role)
            layout.addWidget(label)
            return label

        plain, rich = Qt.TextFormat.PlainText, Qt.TextFormat.RichText
        self.text_label = add_label("text", plain, "question-text")
        self.cases_label = add_label("cases", rich, None) if question.cases else None
        self.note_label = add_label("note", plain, "mention") if question.note else None

        self.link_button: QPushButton | None = None
        if question.link_text and question.link_target:
            self.link_button = QPushButton(self.group)
            self.link_button.setObjectName(f"link_{question.link_target}")
            self.link_button.setProperty("variant", "link")
            self.link_button.setCursor(Qt.CursorShape.PointingHandCursor)
            self.link_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            layout.addWidget(self.link_button, 0, Qt.AlignmentFlag.AlignLeft)

        radio_row = QHBoxLayout()
        radio_row.setSpacing(
            0
        )  # the gap is the radios' right margin in the style sheet (it grows with the text)
        self.buttons = QButtonGroup(self.group)
        self.buttons.setExclusive(True)
        self.radios: dict[Answer, QRadioButton] = {}
        for answer in (Answer.OUI, Answer.NON):
            radio = QRadioButton(self.group)
            radio.setObjectName(f"{question.key}_{answer.value}")
            self.buttons.addButton(radio)
            self.radios[answer] = radio
            radio_row.addWidget(radio)
        radio_row.addStretch(1)
        layout.addLayout(radio_row)

        self.message = FieldMessage(self.group)
        self.message.setObjectName(f"feedback_{question.key}")
        layout.addWidget(self.message)
        self.retranslate()

    def retranslate(self) -> None:
        """The question's texts in the current language (the answer and its message are the page's)."""
        question = self.question
        text = gettext(question.text)
        # A screen reader says the question when focus enters the group; the cases follow as its description.
        self.group.setAccessibleName(text)
        cases = [gettext(case) for case in question.cases]
        note = gettext(question.note) if question.note else None
        describe(self.group, *cases, note)
        self.text_label.setText(text)
        if self.cases_label is not None:
            items = "".join(f"<li>{escape(case, quote=False)}</li>" for case in cases)
            # Indented like the design system's lists, the bullets hanging to the left of the text.
            list_style = "margin-left: 0; -qt-list-indent: 1;"
            self.cases_label.setText(f"<ul style='{list_style}'>{items}</ul>")
        if self.note_label is not None and note:
            self.note_label.setText(note)
        if self.link_button is not None and question.link_text:
            link = gettext(question.link_text)
            self.link_button.setText(link)
            self.link_button.setAccessibleName(link)
        for answer, radio in self.radios.items():
            label = translated(_CONTEXT, ANSWER_LABELS[answer])
            radio.setText(label)
            radio.setAccessibleName(label)

    def answer(self) -> Answer | None:
        for answer, radio in self.radios.items():
            if radio.isChecked():
                return answer
        return None

    def uncheck(self) -> None:
        # An exclusive group refuses to leave every button unchecked.
        self.buttons.setExclusive(False)
        for radio in self.radios.values():
            radio.setChecked(False)
        self.buttons.setExclusive(True)

    def show_feedback(self, feedback: QuestionFeedback) -> None:
        """The verdict's message under the question: a success for Oui, a warning for Non."""
        if feedback.message is None:
            self.message.clear()
        else:
            self.message.show_message("success" if feedback.ok else "warning", feedback.message)
        # Some screen readers (Orca) only read the focused control's description, not announcements.
        for radio in self.radios.values():
            describe(radio, feedback.message)


class EligibilityPage(FormPage):
    """Étape 1 sur 2: answer the four questions; all Oui enables "Créer mon compte"."""

    FORM = "eligibility_page.ui"
    HEADING_LABELLED_BY = ("stepCountLabel",)

    def __init__(self, context: GuiContext) -> None:
        super().__init__(context)

        self._blocks: dict[str, QuestionBlock] = {}
        container = self.child(QWidget, "questionsContainer")
        questions_layout = container.layout()
        for question in eligibility.QUESTIONS:
            block = QuestionBlock(question, container)
            questions_layout.addWidget(block.group)
            block.buttons.buttonToggled.connect(self._on_button_toggled)
            if block.link_button is not None:
                target = question.link_target
                block.link_button.clicked.connect(
                    lambda _=False, key=target: self.document_requested.emit(key)
                )
            self._blocks[question.key] = block

        self._eligible_panel = self.child(QFrame, "eligiblePanel")
        self._not_concerned_panel = self.child(QFrame, "notConcernedPanel")
        self._not_concerned_text = self.child(QLabel, "notConcernedTextLabel")
        self._eligible_panel.hide()
        self._not_concerned_panel.hide()

        # The questions touched since the last announcement, the latest last.
        self._touched: list[str] = []
        self.answers_announcer: DebouncedAnnouncer[AnswersState] = DebouncedAnnouncer(
            context.announcer, self._answers_state, self._say_answer_changes, self, context.announce_delay_ms
        )
        self.retranslate()

    def retranslate(self) -> None:
        # One source, the eligibility module (from the seed); the .ui holds the same words for Designer.
        for name, text in (
            ("stepCountLabel", eligibility.STEP_LABEL),
            ("headingLabel", eligibility.STEP_TITLE),
            ("nextStepLabel", eligibility.NEXT_STEP),
            ("introLabel", eligibility.INTRO),
            ("eligibleTextLabel", eligibility.ELIGIBLE_TEXT),
        ):
            self.child(QLabel, name).setText(gettext(text))
        super().retranslate()  # the heading's name, the messages shown
        self.setButtonText(QWizard.WizardButton.NextButton, translated(_CONTEXT, CREATE_ACCOUNT_BUTTON))
        self.child(FieldMessage, "eligibleTitleLabel").show_message(
            "success", gettext(eligibility.ELIGIBLE_TITLE)
        )
        self.child(FieldMessage, "notConcernedTitleLabel").show_message(
            "warning", gettext(eligibility.NOT_CONCERNED_TITLE)
        )
        for block in self._blocks.values():
            block.retranslate()
        self._show_verdict(self.verdict())

    # --- public API -----------------------------------------------------------------------------

    def radio(self, key: str, value: Answer) -> QRadioButton:
        """The real "Oui"/"Non" radio button of question ``key`` (for tests and screenshots)."""
        eligibility.question_by_key(key)  # a clear ValueError for an unknown key
        return self._blocks[key].radios[value]

    def answer(self, key: str, value: Answer | None) -> None:
        """Answer question ``key`` by clicking its real radio button (``None`` unchecks both)."""
        if value is None:
            self._blocks[key].uncheck()
            self._answers_changed(key)
        else:
            self.radio(key, value).click()

    def answers(self) -> dict[str, Answer | None]:
        """The current answers, every question key in question order."""
        return {key: block.answer() for key, block in self._blocks.items()}

    def verdict(self) -> EligibilityVerdict:
        return eligibility.assess(self.answers())

    def isComplete(self) -> bool:
        return self.verdict().is_eligible

    def nextId(self) -> int:
        return PageId.CREDENTIALS

    def settling(self) -> bool:
        return self.answers_announcer.pending()

    def clear(self) -> None:
        super().clear()
        self._touched.clear()
        for block in self._blocks.values():
            block.uncheck()
        self._refresh()
        self.answers_announcer.forget()

    # --- reacting to answers ----------------------------------------------------------------------

    def _on_button_toggled(self, button: QAbstractButton, checked: bool) -> None:
        # Switching Oui -> Non toggles both buttons; the newly checked one carries the change.
        if not checked:
            return
        key = next(key for key, block in self._blocks.items() if button in block.radios.values())
        self._answers_changed(key)

    def _answers_changed(self, key: str) -> None:
        self._refresh()
        if key in self._touched:
            self._touched.remove(key)
        self._touched.append(key)
        self.answers_announcer.changed()

    def _show_verdict(self, verdict: EligibilityVerdict) -> None:
        """The messages under the questions and the explanation of a Non, in the current language."""
        for feedback in verdict.feedback:
            self._blocks[feedback.key].show_feedback(feedback)
        self._not_concerned_text.setText(self._not_concerned_html(verdict))

    def _refresh(self) -> None:
        """Show what the current answers mean: messages, the verdict panel, the session, the button."""
        verdict = self.verdict()
        self._show_verdict(verdict)
        eligible_appears = verdict.is_eligible and self._eligible_panel.isHidden()
        self._eligible_panel.setVisible(verdict.is_eligible)
        self._not_concerned_panel.setVisible(bool(verdict.refusals))
        self.context.session.eligibility_answers = self.answers()
        self.completeChanged.emit()
        if eligible_appears:
            call_soon(self, self._bring_eligible_panel_into_view)

    @staticmethod
    def _not_concerned_html(verdict: EligibilityVerdict) -> str:
        paragraphs: list[str] = [refusal.message for refusal in verdict.refusals if refusal.message]
        paragraphs.append(translated(_CONTEXT, CHANGE_ANSWER_HINT))
        return "".join(f"<p>{escape(text, quote=False)}</p>" for text in paragraphs)

    def _bring_eligible_panel_into_view(self) -> None:
        # The panel appears under the last question; show it without hiding the control in use.
        self.scroll_area.ensureWidgetVisible(self._eligible_panel, 0, 16)
        focused = self.focusWidget()
        if focused is not None and self.form.isAncestorOf(focused):
            self.scroll_area.ensureWidgetVisible(focused)

    def _answers_state(self) -> AnswersState:
        answers = self.answers()
        return AnswersState(tuple(answers.items()), eligibility.assess(answers).is_eligible)

    def _say_answer_changes(self, told: AnswersState, now: AnswersState) -> tuple[QWidget, str] | None:
        before, after = dict(told.answers), dict(now.answers)
        changed = [key for key in self._touched if after[key] != before[key]]
        self._touched.clear()
        parts: list[str] = []
        if changed:
            feedback = {item.key: item for item in self.verdict().feedback}
            message = feedback[changed[-1]].message
            if message:
                parts.append(message)
        if now.eligible and not told.eligible:
            parts.append(translated(_CONTEXT, ELIGIBLE_ANNOUNCEMENT))
        elif told.eligible and not now.eligible:
            parts.append(translated(_CONTEXT, NO_LONGER_ELIGIBLE_ANNOUNCEMENT))
        source = self._blocks[changed[-1]].group if changed else self
        return (source, _as_sentences(parts)) if parts else None


def _as_sentences(parts: list[str]) -> str:
    """Join texts into one announcement; a text without final punctuation gets a full stop if more follows."""
    return " ".join(
        part if index == len(parts) - 1 or part.endswith((".", "!", "?")) else f"{part}."
        for index, part in enumerate(parts)
    )
