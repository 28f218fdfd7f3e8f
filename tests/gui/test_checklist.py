"""The live password checklist: the five criteria, their icon and word, the strength in words."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget
from support import GOOD_PASSWORD

from monmaster_desktop import validation
from monmaster_desktop.gui.strength_process import StrengthEstimator
from monmaster_desktop.gui.widgets.checklist import STRENGTH_PENDING_TEXT, PasswordChecklist, StatusLine


class ChecklistUnderTest:
    """A password field bound to a checklist, as the credentials page binds them."""

    def __init__(self, qtbot, estimator: StrengthEstimator | None = None) -> None:
        self.window = QWidget()
        layout = QVBoxLayout(self.window)
        self.field = QLineEdit(self.window)
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.checklist = PasswordChecklist(self.window, estimator)
        layout.addWidget(self.field)
        layout.addWidget(self.checklist)
        self.field.textChanged.connect(self.checklist.set_password)
        qtbot.addWidget(self.window)
        self.window.show()
        qtbot.waitExposed(self.window)
        self.qtbot = qtbot

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.field, text)

    def row(self, key: str) -> StatusLine:
        row = self.checklist.findChild(StatusLine, f"criterion_{key}")
        assert row is not None
        return row

    def strength_line(self) -> StatusLine:
        line = self.checklist.findChild(StatusLine, "passwordStrength")
        assert line is not None
        return line

    def problems_text(self) -> str:
        line = self.checklist.findChild(QWidget, "passwordProblems")
        assert line is not None
        return line.text() if line.isVisible() else ""


@pytest.fixture
def bound(qtbot) -> ChecklistUnderTest:
    return ChecklistUnderTest(qtbot)


def labels() -> dict[str, str]:
    return {criterion.key: criterion.label for criterion in validation.PASSWORD_CRITERIA}


def test_checklist_shows_the_five_criteria_of_the_platform_in_order(bound: ChecklistUnderTest) -> None:
    texts = [bound.row(criterion.key).text() for criterion in validation.PASSWORD_CRITERIA]
    assert texts == [
        "au moins 8 caractères",
        "au moins 1 lettre en majuscule",
        "au moins 1 lettre en minuscule",
        "au moins 1 chiffre",
        "au moins 1 caractère spécial",
    ]


def test_checklist_is_neutral_before_typing(bound: ChecklistUnderTest) -> None:
    assert set(bound.checklist.row_states().values()) == {"neutral"}
    for key, label in labels().items():
        assert bound.row(key).text() == label  # no word yet
        assert bound.row(key).icon() == "neutral"  # a hollow circle, not a red cross
    assert bound.checklist.strength_text() == ""
    assert not bound.strength_line().isVisible()
    assert bound.checklist.summary() == ""


def test_typing_abc_validates_lowercase_and_marks_the_others_en_erreur(bound: ChecklistUnderTest) -> None:
    bound.type("abc")

    # At once, without waiting: the rows follow every keystroke.
    assert bound.checklist.row_states() == {
        "length": "invalid",
        "uppercase": "invalid",
        "lowercase": "valid",
        "digit": "invalid",
        "special": "invalid",
    }
    assert bound.row("lowercase").text() == "au moins 1 lettre en minuscule : validé"
    assert bound.row("lowercase").icon() == "success"
    assert bound.row("digit").text() == "au moins 1 chiffre : en erreur"
    assert bound.row("digit").icon() == "error"


def test_checklist_marks_percent_as_special_but_not_comma(bound: ChecklistUnderTest) -> None:
    bound.type(",")
    assert bound.checklist.row_states()["special"] == "invalid"

    bound.type("%")
    assert bound.checklist.row_states()["special"] == "valid"
    assert bound.row("special").text() == "au moins 1 caractère spécial : validé"


def test_each_row_reads_naturally_to_a_screen_reader_once_published(bound: ChecklistUnderTest) -> None:
    bound.type("a1")
    # On screen at once; for assistive technologies only when the page publishes (typing paused).
    assert bound.row("digit").text() == "au moins 1 chiffre : validé"
    assert bound.row("digit").accessibleName() == "au moins 1 chiffre"
    assert bound.checklist.published_summary() == ""

    bound.checklist.publish_to_accessibility()

    assert bound.row("digit").accessibleName() == "au moins 1 chiffre : validé"
    assert bound.row("length").accessibleName() == "au moins 8 caractères : en erreur"
    assert bound.checklist.published_summary() == bound.checklist.summary()


def test_no_line_of_the_checklist_is_ever_left_without_a_name(qtbot, bound: ChecklistUnderTest) -> None:
    # Qt tells the accessibility bus a label's new text only while the label has no name of its own.
    lines = bound.checklist.findChildren(QLabel)
    assert all(line.accessibleName() for line in lines)
    bound.type("Aa1%" * 33)  # too long: the problem line appears
    bound.checklist.publish_to_accessibility()
    bound.checklist.clear()
    assert all(line.accessibleName() for line in lines)


def test_strength_line_appears_once_typing_pauses(qtbot, bound: ChecklistUnderTest) -> None:
    bound.type(GOOD_PASSWORD)
    assert bound.checklist.strength_text() == ""  # not computed at every keystroke

    qtbot.waitUntil(lambda: bound.checklist.strength_text() != "")
    assert bound.checklist.strength_text() == "Robustesse du mot de passe : niveau très bon."
    assert bound.strength_line().isVisible()
    assert bound.strength_line().icon() == ""


def test_typing_on_replaces_the_level_at_once_by_a_level_to_come(qtbot, bound: ChecklistUnderTest) -> None:
    bound.type("abc")
    qtbot.waitUntil(lambda: bound.checklist.strength_text() != "")

    bound.type("D")

    assert bound.checklist.strength() is None
    assert bound.checklist.strength_text() == ""  # the field's description holds no stale level either
    assert bound.checklist.pending()
    assert bound.strength_line().text() == STRENGTH_PENDING_TEXT
    assert bound.strength_line().isVisible()  # keeps its place: the fields below do not jump
    qtbot.waitUntil(lambda: not bound.checklist.pending())
    assert bound.checklist.strength() == validation.estimate_strength("abcD")


class ControlledEstimate:
    """estimate_strength as the checklist calls it, held until the test lets it answer."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.started: queue.Queue[str] = queue.Queue()
        self.release = threading.Semaphore(0)
        self.threads: list[threading.Thread] = []
        self.real = real = validation.estimate_strength

        def held(password: str, context: Iterable[str] = ()) -> validation.Strength:
            self.threads.append(threading.current_thread())
            self.started.put(password)
            self.release.acquire(timeout=30)  # never a pool thread blocked for good if the test fails
            return real(password, context)

        monkeypatch.setattr(validation, "estimate_strength", held)

    def wait_started(self, qtbot) -> str:
        qtbot.waitUntil(lambda: not self.started.empty())
        return self.started.get()


def test_an_estimate_of_an_older_text_is_never_shown(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    # Estimates on threads, as when the strength process cannot serve (gui/strength_process.py; the
    # same with the process: tests/gui/test_strength_process.py).
    bound = ChecklistUnderTest(qtbot, StrengthEstimator())
    estimate = ControlledEstimate(monkeypatch)
    shown: list[validation.Strength | None] = []
    bound.checklist.strength_shown.connect(lambda: shown.append(bound.checklist.strength()))
    bound.type("Motdepasse")
    assert estimate.wait_started(qtbot) == "Motdepasse"

    bound.type("1%")  # typed while "Motdepasse" is being scored
    estimate.release.release()  # its answer arrives: stale
    assert estimate.wait_started(qtbot) == "Motdepasse1%"  # the current text is scored next
    assert shown == [] and bound.checklist.strength() is None and bound.checklist.pending()
    estimate.release.release()

    qtbot.waitUntil(lambda: not bound.checklist.pending())
    assert shown == [estimate.real("Motdepasse1%")]
    assert threading.main_thread() not in estimate.threads  # never on the UI thread


def test_too_guessable_password_is_said_to_be_refused(qtbot, bound: ChecklistUnderTest) -> None:
    bound.type("Password1%")  # meets the five criteria, yet is among the first an attacker tries

    qtbot.waitUntil(lambda: bound.checklist.strength_text() != "")
    assert set(bound.checklist.row_states().values()) == {"valid"}
    assert validation.TOO_GUESSABLE_MESSAGE in bound.checklist.strength_text()
    assert bound.checklist.strength_text().startswith("Robustesse du mot de passe : niveau faible.")
    assert bound.strength_line().icon() == "warning"
    assert bound.checklist.too_guessable_shown()


def test_weak_strength_is_not_called_refused_while_criteria_are_missing(
    qtbot, bound: ChecklistUnderTest
) -> None:
    bound.type("abc")
    qtbot.waitUntil(lambda: bound.checklist.strength_text() != "")
    assert bound.checklist.strength_text() == "Robustesse du mot de passe : niveau très faible."
    assert not bound.checklist.too_guessable_shown()


def test_summary_says_what_is_missing(bound: ChecklistUnderTest) -> None:
    bound.type("abcDEF")
    assert bound.checklist.summary() == (
        "Il manque : au moins 8 caractères, au moins 1 chiffre, au moins 1 caractère spécial."
    )

    bound.type("1%")
    assert bound.checklist.summary() == "Tous les critères sont respectés."


def test_forbidden_character_adds_an_error_line_and_joins_the_summary(bound: ChecklistUnderTest) -> None:
    bound.type("Abcdef1%")
    bound.field.insert("\u200b")  # a zero-width space, as a paste would bring it

    message = validation.PASSWORD_PROBLEM_MESSAGES["forbidden_character"]
    assert bound.problems_text() == message
    assert bound.checklist.summary() == f"Tous les critères sont respectés. {message}"


def test_too_long_password_adds_an_error_line(bound: ChecklistUnderTest) -> None:
    bound.field.setText("Aa1%" * 33)  # 132 characters: typing them one by one adds nothing to the test

    assert bound.problems_text() == validation.PASSWORD_PROBLEM_MESSAGES["too_long"]


def test_erasing_the_password_goes_back_to_neutral(qtbot, bound: ChecklistUnderTest) -> None:
    bound.type("abc")
    qtbot.waitUntil(lambda: bound.checklist.strength_text() != "")

    bound.field.selectAll()
    qtbot.keyClick(bound.field, "\b")

    assert set(bound.checklist.row_states().values()) == {"neutral"}
    assert bound.checklist.strength_text() == ""
    assert bound.checklist.summary() == ""


def test_strength_context_makes_a_password_built_from_the_address_weaker(
    qtbot, bound: ChecklistUnderTest
) -> None:
    bound.type("Camille.Martin24%")
    qtbot.waitUntil(lambda: bound.checklist.strength_text() != "")
    without_context = bound.checklist.strength()

    bound.checklist.set_strength_context(validation.strength_context_for_email("camille.martin@example.fr"))
    assert bound.checklist.strength() is None  # the estimate without the context is stale at once
    qtbot.waitUntil(lambda: not bound.checklist.pending())
    strength = bound.checklist.strength()
    assert strength is not None and without_context is not None
    assert strength.score < without_context.score


def test_clear_puts_every_row_back_to_neutral(qtbot, bound: ChecklistUnderTest) -> None:
    bound.type("Abc1%")
    qtbot.waitUntil(lambda: bound.checklist.strength_text() != "")

    bound.checklist.clear()

    assert set(bound.checklist.row_states().values()) == {"neutral"}
    assert [bound.row(key).text() for key in labels()] == list(labels().values())
    assert bound.checklist.strength_text() == ""
    assert not bound.strength_line().isVisible()
    assert bound.checklist.summary() == ""


def test_checklist_can_be_built_from_a_designer_form(qtbot) -> None:
    # Promoted widgets are constructed with their parent only.
    parent = QWidget()
    qtbot.addWidget(parent)
    checklist = PasswordChecklist(parent)
    assert checklist.parent() is parent
    assert len(checklist.row_states()) == len(validation.PASSWORD_CRITERIA)
