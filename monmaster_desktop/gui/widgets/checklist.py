"""The live password checklist: the platform's five criteria, each with an icon and a word.

Bound to ``validation.check_password``: every row comes from ``validation.PASSWORD_CRITERIA`` (the
labels exist only there) and shows its state with an icon *and* a word, never colour alone —
nothing before typing, "validé" or "en erreur" after, as the French design system's password
component does. Problems (too long, forbidden character) add an error line; a last line gives the
strength from ``validation.estimate_strength`` in words, computed once typing pauses.

The criteria take microseconds and update on the UI thread at every keystroke; zxcvbn takes up to
tens of milliseconds (72 characters), so the estimate runs in a process of its own, or on a thread
when that process cannot serve (``gui/strength_process.py``), and its answer comes back as a signal
— the UI thread never runs it (docs/performance.md says why not a cap). Every change of the password
or of the context words makes the current estimate stale: it is dropped at once, the line says the
estimate is coming, and an answer computed for an older text is never shown (it only starts the
estimate of the current one).

What a sighted candidate sees follows every keystroke; what assistive technologies read does not.
The lines' accessible names change only when the page calls ``publish_to_accessibility`` — once
typing pauses, with its announcement — because a name that changed per key would tell any program on
the accessibility bus the kind of each character typed (a capital, a digit…). Each line keeps a
non-empty accessible name for that reason: Qt signals a label's new text to the bus only while the
label has no name of its own (docs/accessibility.md, "Passwords and the accessibility bus").

This widget never announces anything (the page coalesces announcements), never shows or logs the
password, and keeps it only to score it once typing pauses (``clear()`` forgets it). After a language
switch it says the same states in the new language: on screen the state shown, for assistive
technologies the state last published (a switch publishes nothing new).
"""

from __future__ import annotations

import itertools
import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QShowEvent
from PySide6.QtWidgets import QStyle, QVBoxLayout, QWidget

from monmaster_desktop import validation
from monmaster_desktop.gui.language import is_language_change, translated
from monmaster_desktop.gui.strength_process import StrengthEstimator, strength_estimator
from monmaster_desktop.gui.style import paint_opaque, theme_colour
from monmaster_desktop.gui.widgets.field_message import FieldMessage, IconLabel
from monmaster_desktop.i18n import Message, again, listing, message, sentences

log = logging.getLogger(__name__)

NEUTRAL = "neutral"
VALID = "valid"
INVALID = "invalid"

_CONTEXT = "PasswordChecklist"
# The words the design system's password component uses for a criterion's state.
STATE_WORDS: dict[str, str] = {
    NEUTRAL: "",
    VALID: QT_TRANSLATE_NOOP("PasswordChecklist", "validé"),
    INVALID: QT_TRANSLATE_NOOP("PasswordChecklist", "en erreur"),
}
CRITERION_STATE = QT_TRANSLATE_NOOP("PasswordChecklist", "{criterion} : {state}")
STRENGTH_TEXT = QT_TRANSLATE_NOOP("PasswordChecklist", "Robustesse du mot de passe : niveau {label}.")
STRENGTH_PENDING_TEXT = QT_TRANSLATE_NOOP(
    "PasswordChecklist", "Robustesse du mot de passe : évaluation en cours…"
)
# The accessible names of the strength and problem lines while they are hidden (empty).
STRENGTH_LINE_NAME = QT_TRANSLATE_NOOP("PasswordChecklist", "Robustesse du mot de passe")
PROBLEMS_LINE_NAME = QT_TRANSLATE_NOOP("PasswordChecklist", "Problèmes du mot de passe")
ALL_CRITERIA_MET = QT_TRANSLATE_NOOP("PasswordChecklist", "Tous les critères sont respectés.")
MISSING_CRITERIA = QT_TRANSLATE_NOOP("PasswordChecklist", "Il manque : {missing}.")


def row_text(label: str, state: str) -> Message:
    """A row's words: the criterion, then its state's word ("au moins 1 chiffre : validé")."""
    if state == NEUTRAL:
        return message(label)
    return translated(
        _CONTEXT, CRITERION_STATE, criterion=message(label), state=translated(_CONTEXT, STATE_WORDS[state])
    )


# zxcvbn runs once typing pauses this long, not at every keystroke.
STRENGTH_DELAY_MS = 250


class StatusLine(IconLabel):
    """One line of the checklist: an icon, then the words (a single object for screen readers).

    ``icon`` is "neutral" (a hollow circle), "success", "error", "warning" or "" (no icon).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # The colour of the words: a theme token, the one the message style sheet gives a label of
        # this kind ("success", "error", "warning"), "text-mention" (grey) for none.
        self._colour_token = "text-mention"
        self._text_flags: int | None = None  # how the words are aligned and wrapped, once known
        # The line paints its whole rectangle (the page's background, then its icon and words), so a
        # change of state repaints the line alone, not every widget behind it (docs/performance.md,
        # "Typing").
        paint_opaque(self)

    def sizeHint(self) -> QSize:
        # One line high: the layouts give the line the height its words need at the width it gets
        # (heightForWidth). QLabel's own hint for wrapped words tries narrower widths to look
        # squarer, so it grows with the words ("… : en erreur" hints two lines where the criterion
        # alone hinted one), and the line's vertical policy makes that hint the form's minimum: the
        # form then grew, and was laid out and repainted whole, at the first key of every password.
        hint = super().sizeHint()
        margins = self.contentsMargins()
        return QSize(hint.width(), self.fontMetrics().height() + margins.top() + margins.bottom())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        paint_opaque(self)  # the style sheet's first polish (before the line is shown) took it away

    def show_state(self, icon: str, kind: str | None, text: str) -> None:
        """Icon, colour (a ``kind`` of the message style sheet, or None for grey) and words at once.

        On screen only: the accessible name follows with ``PasswordChecklist.publish_to_accessibility``.
        """
        if self.text() != text:
            self.setText(text)
        colour_token = kind or "text-mention"
        if colour_token != self._colour_token:
            self._colour_token = colour_token
            self.update()
        if icon != self.icon():
            self.set_icon(icon)

    def paint_text(self, event: QPaintEvent) -> None:
        # The words in the state's colour, drawn here as QLabel draws plain wrapped text (the style's
        # drawItemText: the pen in the colour, then drawText): through a style-sheet property, every
        # change of state would re-polish the line (docs/performance.md, "Typing").
        painter = QPainter(self)
        # The background the style sheet gives the page and its form, in every theme (00-base.qss).
        painter.fillRect(event.rect(), theme_colour("background"))
        text = self.text()
        if text:
            if self._text_flags is None:
                alignment = QStyle.visualAlignment(self.layoutDirection(), self.alignment())
                self._text_flags = int(alignment | Qt.TextFlag.TextWordWrap)
            painter.setPen(theme_colour(self._colour_token))
            painter.drawText(self.contentsRect(), self._text_flags, text)
        painter.end()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self._text_flags = None
        super().changeEvent(event)

    def icon(self) -> str:  # type: ignore[override]
        return super().icon() or ""


_checklist_numbers = itertools.count(1)


class PasswordChecklist(QWidget):
    """The five criteria as a live list, a line per problem, and the strength in words.

    ``set_password`` updates the rows on screen at once; the strength line follows
    ``STRENGTH_DELAY_MS`` after the last change plus the estimate's time, then
    ``strength_shown`` is emitted. ``publish_to_accessibility`` gives assistive technologies the
    state shown, names and summary at once.
    """

    # The current text's estimate is on screen (or its failure): it may come after the page's pause.
    strength_shown = Signal()

    def __init__(self, parent: QWidget | None = None, estimator: StrengthEstimator | None = None) -> None:
        super().__init__(parent)
        self._estimator = estimator or strength_estimator()
        self._password = ""
        self._context: tuple[str, ...] = ()
        self._check: validation.PasswordCheck | None = None
        self._strength: validation.Strength | None = None  # only ever the current text's estimate
        # Every change of the password or the context is a new revision; an estimate belongs to one.
        self._revision = 0
        self._shown_revision = 0  # whose estimate (or failure) the strength line shows
        self._estimating = False  # an estimate is running (one at a time)
        self._number = next(_checklist_numbers)
        self._estimator.estimated.connect(self._strength_estimated)
        self._states: dict[str, str] = {criterion.key: NEUTRAL for criterion in validation.PASSWORD_CRITERIA}
        self._problems: tuple[str, ...] = ()
        self._strength_source: str = ""  # the strength line's words (a Message), "" while hidden

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self._rows: dict[str, StatusLine] = {}
        for criterion in validation.PASSWORD_CRITERIA:
            row = StatusLine(self)
            row.setObjectName(f"criterion_{criterion.key}")
            layout.addWidget(row)
            self._rows[criterion.key] = row
        self._problems_line = FieldMessage(self)
        self._problems_line.setObjectName("passwordProblems")
        layout.addWidget(self._problems_line)
        self._strength_line = StatusLine(self)
        self._strength_line.setObjectName("passwordStrength")
        self._strength_line.hide()
        layout.addWidget(self._strength_line)

        self._strength_timer = QTimer(self)
        self._strength_timer.setSingleShot(True)
        self._strength_timer.setInterval(STRENGTH_DELAY_MS)
        self._strength_timer.timeout.connect(self._request_strength)
        self._show_rows()
        self._published_names: dict[str, str] = {}  # row key -> the name assistive technologies have
        self._published_summary: str = ""
        self._published_strength: str = ""
        self.publish_to_accessibility()

    # --- what the page drives -------------------------------------------------------------------

    def set_password(self, password: str) -> None:
        """Update the five rows now; the strength line once typing pauses."""
        self._password = password
        self._strength_changes()
        if not password:
            self._strength_timer.stop()
            self._check = None
            self._shown_revision = self._revision
            self._apply_states({criterion.key: NEUTRAL for criterion in validation.PASSWORD_CRITERIA}, ())
            self._show_strength()
            return
        check = validation.check_password(password)
        self._check = check
        states = {key: VALID if met else INVALID for key, met in check.criteria.items()}
        self._apply_states(states, check.problems)
        self._strength_timer.start()

    def set_strength_context(self, words: tuple[str, ...]) -> None:
        """Words the password should not be built from (``validation.strength_context_for_email``)."""
        if words == self._context:
            return
        self._context = words
        if self._password:
            self._strength_changes()
            self._strength_timer.start()

    def _strength_changes(self) -> None:
        """The estimate on screen no longer belongs to the text: drop it now, say one is coming."""
        self._revision += 1
        if self._strength is not None:
            self._strength = None
            self._show_strength()

    def clear(self) -> None:
        """Back to the neutral list, for the next candidate: on screen and for assistive technologies."""
        self.set_password("")
        self.publish_to_accessibility()

    def publish_to_accessibility(self) -> None:
        """Give the lines' accessible names, the summary and the strength the state shown on screen."""
        self._published_names = {
            key: row_text(criterion.label, self._states[criterion.key])
            for key, criterion in zip(self._rows, validation.PASSWORD_CRITERIA, strict=True)
        }
        self._published_names["problems"] = self._problems_line.source() or translated(
            _CONTEXT, PROBLEMS_LINE_NAME
        )
        self._published_names["strength"] = self._strength_source or translated(_CONTEXT, STRENGTH_LINE_NAME)
        self._published_summary = self.summary()
        self._published_strength = self.strength_text()
        self._apply_published_names()

    def _apply_published_names(self) -> None:
        for key, row in self._rows.items():
            row.setAccessibleName(self._published_names[key])
        self._problems_line.setAccessibleName(self._published_names["problems"])
        self._strength_line.setAccessibleName(self._published_names["strength"])

    def retranslate(self) -> None:
        """Every line in the current language; for assistive technologies, what was published, again."""
        self._show_rows()
        self._problems_line.retranslate()
        if self._strength_source:
            self._strength_source = again(self._strength_source)
            self._strength_line.setText(self._strength_source)
        self._published_names = {key: again(name) for key, name in self._published_names.items()}
        self._published_summary = again(self._published_summary)
        self._published_strength = again(self._published_strength)
        self._apply_published_names()

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    # --- what the page reads --------------------------------------------------------------------

    def row_states(self) -> dict[str, str]:
        """Criterion key -> "neutral" | "valid" | "invalid", in ``PASSWORD_CRITERIA`` order."""
        return dict(self._states)

    def check(self) -> validation.PasswordCheck | None:
        """The last ``check_password`` result, None while the field is empty."""
        return self._check

    def strength(self) -> validation.Strength | None:
        """The estimate of the current password and context, None until it has come (see ``pending``)."""
        return self._strength

    def pending(self) -> bool:
        """True until the strength line shows the current password's estimate (or that it failed)."""
        return bool(self._password) and self._shown_revision != self._revision

    def strength_text(self) -> str:
        return self._strength_source if self._strength is not None else ""

    def summary(self) -> str:
        """What is missing, in words, for the password field's accessible description."""
        if self._check is None:
            return ""
        missing = self._check.missing_labels
        first = (
            translated(_CONTEXT, MISSING_CRITERIA, missing=listing(missing))
            if missing
            else translated(_CONTEXT, ALL_CRITERIA_MET)
        )
        return sentences(first, *self._check.problem_messages)

    def published_summary(self) -> str:
        """``summary()`` as assistive technologies were last given it (see the module docstring)."""
        return self._published_summary

    def published_strength_text(self) -> str:
        """``strength_text()`` as assistive technologies were last given it."""
        return self._published_strength

    # --- drawing --------------------------------------------------------------------------------

    def _apply_states(self, states: dict[str, str], problems: tuple[str, ...]) -> None:
        if states == self._states and problems == self._problems:
            return  # most keystrokes change nothing visible: no repaint
        changed = [key for key, state in states.items() if state != self._states[key]]
        self._states = states
        self._show_rows(changed)
        if problems != self._problems:
            self._problems = problems
            if problems:
                shown = tuple(message(validation.PASSWORD_PROBLEM_MESSAGES[problem]) for problem in problems)
                self._problems_line.show_message(
                    "error", Message(lambda: "\n".join(again(text) for text in shown))
                )
            else:
                self._problems_line.clear()

    def _show_rows(self, keys: list[str] | None = None) -> None:
        """Redraw the rows of ``keys`` (every row when None): a row left alone costs nothing."""
        for criterion in validation.PASSWORD_CRITERIA:
            if keys is not None and criterion.key not in keys:
                continue
            state = self._states[criterion.key]
            text = row_text(criterion.label, state)
            icon, kind = {
                NEUTRAL: (NEUTRAL, None),
                VALID: ("success", "success"),
                INVALID: ("error", "error"),
            }[state]
            self._rows[criterion.key].show_state(icon, kind, text)

    def _request_strength(self) -> None:
        if not self._password or self._estimating:
            return  # an estimate is running: its answer asks for the current text's (_strength_estimated)
        self._estimating = True
        self._estimator.estimate(self._number, self._revision, self._password, self._context)

    def _strength_estimated(self, number: int, revision: int, strength: validation.Strength | None) -> None:
        if number != self._number:
            return  # another checklist's answer
        self._estimating = False
        if revision != self._revision:  # typed on meanwhile: never shown
            if self._password and not self._strength_timer.isActive():
                self._request_strength()  # typing has paused already: estimate what is there now
            return
        self._strength = strength
        self._shown_revision = revision
        self._show_strength()
        self.strength_shown.emit()

    def _show_strength(self) -> None:
        strength = self._strength
        if strength is None:
            if self.pending() and not self._strength_line.isHidden():
                # A level was on screen: keep the line's place and say the new one is coming.
                self._strength_source = translated(_CONTEXT, STRENGTH_PENDING_TEXT)
                self._strength_line.show_state("", None, self._strength_source)
                return
            self._strength_source = ""
            self._strength_line.show_state("", None, "")
            self._strength_line.hide()
            return
        label = message(validation.STRENGTH_LABELS[strength.score])
        text = translated(_CONTEXT, STRENGTH_TEXT, label=Message(lambda: again(label).lower()))
        if strength.too_guessable and self._check is not None and self._check.is_valid:
            # Only once the criteria are met: before that the candidate is still typing, and the
            # service judges the strength of a password that meets them.
            self._strength_source = sentences(text, message(validation.TOO_GUESSABLE_MESSAGE))
            self._strength_line.show_state("warning", "warning", self._strength_source)
        else:
            self._strength_source = text
            self._strength_line.show_state("", None, text)
        self._strength_line.show()

    def too_guessable_shown(self) -> bool:
        """True when the strength line warns that the password will be refused."""
        return self._strength_line.icon() == "warning"
