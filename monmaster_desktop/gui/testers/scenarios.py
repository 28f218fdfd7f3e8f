"""Named states of the application, reached the way a candidate reaches them, on throw-away data.

One list, ``SCENARIOS``, serves two purposes: the screenshot tour (``monmaster-desktop --screenshots``)
photographs each state, and the testers' menu "Accessibilité › Aller à" opens any of them in a new
window, so a screen-reader tester checks one screen without replaying the whole journey by hand.

A scenario is a list of steps that click and type on the real widgets of a fresh main window (a fresh
``GuiContext`` over a fresh private temporary data dir, with its own movable clock), through the one
journey driver (``journey.Candidate``); scenarios share their first steps with the scenario they
continue. The data dir is deleted when the window closes.

This module never touches the user's data dir, never reads a password from a widget, and types only
the demonstration passwords below (never a candidate's).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QWidget, QWizard

from monmaster_desktop import APP_DISPLAY_NAME
from monmaster_desktop.accounts.service import open_account_service
from monmaster_desktop.accounts.store import utc_now
from monmaster_desktop.eligibility import QUESTION_KEYS, Answer
from monmaster_desktop.gui.accessibility.announcer import Announcer
from monmaster_desktop.gui.context import GuiContext, PageId
from monmaster_desktop.gui.language import translated
from monmaster_desktop.gui.main_window import MainWindow
from monmaster_desktop.gui.pages.base import FormPage
from monmaster_desktop.gui.worker import TaskRunner
from monmaster_desktop.settings import CaptchaMode, HashingParameters, Settings, ensure_private_dir

if TYPE_CHECKING:
    from monmaster_desktop.gui.testers.journey import Candidate

Button = QWizard.WizardButton

# --- Demonstration data (never a real candidate's) -----------------------------------------------------
EMAIL = "camille.martin@example.fr"
PASSWORD = "Rh%8vQz!mLw2"
WRONG_PASSWORD = "Mauvais%pass1"
ICLOUD_EMAIL = "camille@icloud.com"
HALF_MET_PASSWORD = "motdep1"  # lower-case letters and a digit: two criteria of five, not the length
MISTYPED_EMAIL = "camille.martin@example"
MISMATCHED_CONFIRMATION = "motdep"

# --- Texts (project-written) ---------------------------------------------------------------------------
_CONTEXT = "Scenarios"
WINDOW_TITLE = QT_TRANSLATE_NOOP("Scenarios", "{app} — scénario : {title} (données de démonstration)")
SCENARIO_OPENED = QT_TRANSLATE_NOOP(
    "Scenarios",
    "Scénario « {title} » ouvert dans une nouvelle fenêtre, avec des données de démonstration. "
    "Votre fenêtre n'a pas changé.",
)

DATA_DIR_PREFIX = "monmaster-scenario-"

Step = Callable[["ScenarioRun"], None]


@dataclass(frozen=True)
class Scenario:
    """A state of the application: ``key`` names its screenshot, ``title`` is what a tester reads.

    ``title`` is a French source (``QT_TRANSLATE_NOOP("Scenarios", …)``); ``display_title()`` says it in
    the current language.
    """

    key: str
    title: str
    steps: tuple[Step, ...]
    shows_outbox: bool = False  # the state is seen in the outbox window rather than the main window

    def display_title(self) -> str:
        return translated(_CONTEXT, self.title)


class ScenarioClock:
    """A scenario's own clock: the real time, moved forward to show an expired link."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def __call__(self) -> datetime:
        return utc_now() + self.offset


class ScenarioAnnouncer(Announcer):
    """An announcer that stays silent while a scenario is being reached.

    A tester opening a state wants to hear that state, not the announcements of every step that led
    to it; muted, it neither sends accessibility events nor emits ``announced``.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.muted = False

    def announce(self, source: QWidget, text: str, *, assertive: bool = False) -> None:
        if not self.muted:
            super().announce(source, text, assertive=assertive)


class ScenarioWindow(MainWindow):
    """A main window over its own throw-away data dir; closing it deletes the data dir and the window.

    A closed scenario window is destroyed (``WA_DeleteOnClose``) with everything it owns: its pages,
    outbox window, announcer and worker are its children, and the connections of its own widgets
    (lambdas that refer back to the window among them) go with them. Kept merely hidden, every window
    a tester opened stayed in memory (~11 MB each, docs/performance.md).
    """

    data_discarded = Signal()

    def __init__(self, context: GuiContext, data_dir: Path) -> None:
        super().__init__(context)
        self.data_dir = data_dir
        self.scenario: Scenario | None = None  # the state it was opened in, named in its title
        self._discarded = False
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # Ctrl+W: a tester closes it from the keyboard, window manager or not.
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)

    def retranslate(self) -> None:
        super().retranslate()
        if getattr(self, "scenario", None) is not None:
            assert self.scenario is not None
            self.setWindowTitle(
                translated(_CONTEXT, WINDOW_TITLE, app=APP_DISPLAY_NAME, title=self.scenario.display_title())
            )

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        if event.isAccepted():
            self.discard_data()

    def discard_data(self) -> None:
        """Close the database and delete the data dir (once; the window is closed by then)."""
        if self._discarded:
            return
        self._discarded = True
        self.context.runner.wait_for_done()
        self.context.service.close()
        shutil.rmtree(self.data_dir, ignore_errors=True)
        self.data_discarded.emit()


class ScenarioRun:
    """A fresh main window over a fresh private data dir, driven from one scenario's state to the next."""

    def __init__(
        self,
        *,
        hashing: HashingParameters | None = None,
        captcha: CaptchaMode = CaptchaMode.IMAGE,
        window_size: tuple[int, int] | None = None,
    ) -> None:
        # mkdtemp makes the folder 0700 already; ensure_private_dir says so where it matters.
        self.data_dir = ensure_private_dir(Path(tempfile.mkdtemp(prefix=DATA_DIR_PREFIX)))
        self.clock = ScenarioClock()
        # Cheap hashing by default: a tester's scenario opens at once; the data is for demonstration.
        settings = Settings(
            data_dir=self.data_dir, captcha=captcha, hashing=hashing or HashingParameters.fast_for_tests()
        )
        try:
            service = open_account_service(settings, self.clock)
        except BaseException:
            shutil.rmtree(self.data_dir, ignore_errors=True)
            raise
        self.announcer = ScenarioAnnouncer()
        self.context = GuiContext(
            settings=settings,
            service=service,
            runner=TaskRunner(),
            announcer=self.announcer,
            clock=self.clock,
        )
        self.window = ScenarioWindow(self.context, self.data_dir)
        self.announcer.setParent(self.window)
        self.context.runner.setParent(self.window)
        self.window_size = window_size
        if window_size is not None:
            self.window.resize(*window_size)
        # The driver and QtTest are imported with the first run: the testers' menu, which lists the
        # scenarios, is built before the main window's first paint and needs neither.
        from PySide6.QtTest import QTest

        from monmaster_desktop.gui.testers.journey import Candidate

        self.window.show()
        QTest.qWaitForWindowExposed(self.window)
        self.candidate: Candidate = Candidate.at(self.window)
        self._steps_done: tuple[Step, ...] = ()

    # --- reaching states --------------------------------------------------------------------------------

    def can_reach(self, scenario: Scenario) -> bool:
        """Whether ``scenario`` continues from where this window is (its first steps are those done)."""
        done = len(self._steps_done)
        return scenario.steps[:done] == self._steps_done

    def reach(self, scenario: Scenario) -> None:
        if not self.can_reach(scenario):
            raise ValueError(f"scenario {scenario.key!r} does not continue from this window's state")
        for step in scenario.steps[len(self._steps_done) :]:
            self.candidate.step = f"{scenario.key}: {step.__name__.strip('_').replace('_', ' ')}"
            step(self)
            self._steps_done += (step,)

    def settle(self) -> None:
        """Wait for the state to be complete on screen: slow work done, debounced updates shown."""
        self.candidate.settle()

    def close(self) -> None:
        """Close the window, which deletes the data dir and then the window itself (once back in the
        event loop): nothing of its demonstration candidate (a password typed) stays in memory.
        Nothing happens if it is closed already."""
        if shiboken6.isValid(self.window):
            self.window.close()

    # --- what the tests and the screenshots look at -------------------------------------------------------

    def page(self, page_id: PageId) -> FormPage:
        return self.candidate.page(page_id)

    def current_page(self) -> PageId | None:
        return self.candidate.current_page()

    def wizard_button(self, which: Button) -> QAbstractButton:
        return self.candidate.button(which)

    def field(self, page_id: PageId, name: str) -> QLineEdit:
        return self.candidate.field(page_id, name)

    def fit(self, window: QWidget) -> None:
        """Give a secondary window (the outbox) the run's window size, when the run has one."""
        if self.window_size is not None:
            window.resize(*self.window_size)
        self.candidate.refresh()


# --- the steps: what the candidate does, through the journey driver -------------------------------------


def _press_next(run: ScenarioRun) -> None:
    run.candidate.click(run.candidate.button(Button.NextButton))


def _answer_oui_then_non_to_the_last_question(run: ScenarioRun) -> None:
    run.candidate.answer({QUESTION_KEYS[-1]: Answer.NON})


def _change_the_last_answer_to_oui(run: ScenarioRun) -> None:
    page = run.candidate.eligibility_page()
    run.candidate.click(page.radio(QUESTION_KEYS[-1], Answer.OUI))
    run.candidate.refresh()
    page.scroll_area.ensureWidgetVisible(page.child(QWidget, "eligiblePanel"))


def _type_an_icloud_address_and_half_a_password(run: ScenarioRun) -> None:
    candidate = run.candidate
    candidate.replace_text(candidate.field(PageId.CREDENTIALS, "emailEdit"), ICLOUD_EMAIL)
    candidate.replace_text(candidate.field(PageId.CREDENTIALS, "passwordEdit"), HALF_MET_PASSWORD)
    page = candidate.credentials_page()
    candidate.refresh()
    page.scroll_area.ensureWidgetVisible(page.checklist)


def _submit_with_mistakes(run: ScenarioRun) -> None:
    candidate = run.candidate
    candidate.replace_text(candidate.field(PageId.CREDENTIALS, "emailEdit"), MISTYPED_EMAIL)
    candidate.replace_text(candidate.field(PageId.CREDENTIALS, "confirmationEdit"), MISMATCHED_CONFIRMATION)
    candidate.solve_captcha()
    candidate.submit_credentials()


def _submit_correctly(run: ScenarioRun) -> None:
    run.candidate.register(EMAIL, PASSWORD)


def _open_the_outbox(run: ScenarioRun) -> None:
    run.fit(run.candidate.open_outbox())


def _follow_the_link_too_late(run: ScenarioRun) -> None:
    run.clock.offset = run.context.settings.activation_token_lifetime + timedelta(hours=1)
    run.candidate.follow_link()
    run.candidate.wait_until_idle()


def _resend_and_follow_the_new_link(run: ScenarioRun) -> None:
    run.clock.offset = timedelta()
    run.candidate.click(run.candidate.page(PageId.MAIL_SENT).child(QAbstractButton, "resendButton"))
    run.candidate.open_outbox()
    run.candidate.follow_link()
    run.candidate.wait_for_page(PageId.ACTIVATED)


def _go_to_sign_in_and_mistype_the_password(run: ScenarioRun) -> None:
    run.candidate.press(Button.NextButton, "Se connecter")  # on "Compte activé"
    run.candidate.wait_for_page(PageId.SIGN_IN)
    run.candidate.sign_in(EMAIL, WRONG_PASSWORD)


def _sign_in(run: ScenarioRun) -> None:
    run.candidate.sign_in(EMAIL, PASSWORD)
    run.candidate.wait_for_page(PageId.SIGNED_IN)


def _mistype_until_blocked(run: ScenarioRun) -> None:
    # One failure so far; the throttle steps in at the settings' number of free failures.
    for _ in range(run.context.settings.throttle.free_failures - 1):
        run.candidate.sign_in(EMAIL, WRONG_PASSWORD)


# --- the scenarios, in the order of the journey --------------------------------------------------------


def _scenarios() -> tuple[Scenario, ...]:
    made: list[Scenario] = []

    def then(after: Scenario | None, key: str, title: str, *steps: Step, outbox: bool = False) -> Scenario:
        scenario = Scenario(key, title, (after.steps if after else ()) + steps, outbox)
        made.append(scenario)
        return scenario

    accueil = then(None, "accueil", QT_TRANSLATE_NOOP("Scenarios", "Accueil"))
    candidater = then(accueil, "candidater", QT_TRANSLATE_NOOP("Scenarios", "Candidater"), _press_next)
    empty_step_1 = then(
        candidater, "etape1-vide", QT_TRANSLATE_NOOP("Scenarios", "Étape 1 — vide"), _press_next
    )
    not_eligible = then(
        empty_step_1,
        "etape1-non-eligible",
        QT_TRANSLATE_NOOP("Scenarios", "Étape 1 — non éligible"),
        _answer_oui_then_non_to_the_last_question,
    )
    eligible = then(
        not_eligible,
        "etape1-eligible",
        QT_TRANSLATE_NOOP("Scenarios", "Étape 1 — éligible"),
        _change_the_last_answer_to_oui,
    )
    empty_step_2 = then(
        eligible, "etape2-vide", QT_TRANSLATE_NOOP("Scenarios", "Étape 2 — vide"), _press_next
    )
    half_met = then(
        empty_step_2,
        "etape2-checklist-a-moitie",
        QT_TRANSLATE_NOOP("Scenarios", "Étape 2 — liste de critères à moitié remplie"),
        _type_an_icloud_address_and_half_a_password,
    )
    errors = then(
        half_met,
        "etape2-erreurs",
        QT_TRANSLATE_NOOP("Scenarios", "Étape 2 — erreurs affichées"),
        _submit_with_mistakes,
    )
    mail_sent = then(
        errors, "courriel-envoye", QT_TRANSLATE_NOOP("Scenarios", "Courriel envoyé"), _submit_correctly
    )
    received = then(
        mail_sent,
        "boite-de-reception",
        QT_TRANSLATE_NOOP("Scenarios", "Boîte de réception — courriel reçu"),
        _open_the_outbox,
        outbox=True,
    )
    expired = then(
        received,
        "lien-expire",
        QT_TRANSLATE_NOOP("Scenarios", "Boîte de réception — lien expiré"),
        _follow_the_link_too_late,
        outbox=True,
    )
    activated = then(
        expired,
        "compte-active",
        QT_TRANSLATE_NOOP("Scenarios", "Compte activé"),
        _resend_and_follow_the_new_link,
    )
    refused = then(
        activated,
        "connexion-refusee",
        QT_TRANSLATE_NOOP("Scenarios", "Connexion refusée"),
        _go_to_sign_in_and_mistype_the_password,
    )
    then(refused, "connecte", QT_TRANSLATE_NOOP("Scenarios", "Connecté"), _sign_in)
    then(
        refused,
        "connexion-bloquee",
        QT_TRANSLATE_NOOP("Scenarios", "Connexion bloquée (trop de tentatives)"),
        _mistype_until_blocked,
    )
    return tuple(made)


SCENARIOS: tuple[Scenario, ...] = _scenarios()


def scenario(key: str) -> Scenario:
    for candidate in SCENARIOS:
        if candidate.key == key:
            return candidate
    raise KeyError(key)


def open_scenario_window(
    chosen: Scenario, announcer: Announcer, captcha: CaptchaMode = CaptchaMode.IMAGE
) -> ScenarioWindow:
    """A new main window in ``chosen``'s state, over demonstration data deleted when it closes.

    The steps run silently; from then on the window's announcements also reach ``announcer``'s
    listeners (the tester's announcer, which the accessibility log listens to). The caller keeps the
    window alive and says it opened (``SCENARIO_OPENED``).
    """
    run = ScenarioRun(captcha=captcha)
    run.window.scenario = chosen
    run.window.retranslate()  # its title names the scenario
    run.announcer.muted = True
    try:
        run.reach(chosen)
        # Still muted: debounced announcements of the steps (checklist, eligibility) fire and are dropped.
        run.settle()
    except BaseException:
        run.close()
        raise
    finally:
        run.announcer.muted = False
    run.announcer.announced.connect(announcer.announced)
    if chosen.shows_outbox:
        run.window.outbox_window().raise_()
        run.window.outbox_window().activateWindow()
    return run.window
