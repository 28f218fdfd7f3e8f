"""The testers' scenarios: each named state is reached through the real widgets, on throw-away data,
and "Accessibilité › Aller à" opens it in a separate window that deletes its data when it closes."""

from __future__ import annotations

import dataclasses
import gc
import os
import sys
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QWizard

from monmaster_desktop import texts
from monmaster_desktop.gui.accessibility.recorder import AccessibilityLog
from monmaster_desktop.gui.context import GuiContext, PageId
from monmaster_desktop.gui.main_window import MainWindow
from monmaster_desktop.gui.testers.journey import Candidate
from monmaster_desktop.gui.testers.menu import AccessibilityMenu, install_accessibility_menu
from monmaster_desktop.gui.testers.scenarios import (
    EMAIL,
    SCENARIOS,
    Scenario,
    ScenarioRun,
    ScenarioWindow,
    scenario,
)
from monmaster_desktop.gui.widgets.field_message import FieldMessage
from monmaster_desktop.settings import CaptchaMode, HashingParameters

Button = QWizard.WizardButton


def visible(run: ScenarioRun, page: PageId, kind: type, name: str) -> bool:
    return run.page(page).child(kind, name).isVisible()


def message(run: ScenarioRun, page: PageId, name: str) -> str:
    widget = run.page(page).child(FieldMessage, name)
    return widget.text() if widget.isVisible() else ""


# What the tester sees in each state: the page shown and one marker of the state.
EXPECTED: dict[str, tuple[PageId, Callable[[ScenarioRun], bool]]] = {
    "accueil": (PageId.WELCOME, lambda run: run.wizard_button(Button.NextButton).text() == "Candidater"),
    "candidater": (
        PageId.CANDIDATER,
        lambda run: run.wizard_button(Button.NextButton).text() == "Créer un compte",
    ),
    "etape1-vide": (
        PageId.ELIGIBILITY,
        lambda run: (
            not run.wizard_button(Button.NextButton).isEnabled()
            and not visible(run, PageId.ELIGIBILITY, QFrame, "notConcernedPanel")
        ),
    ),
    "etape1-non-eligible": (
        PageId.ELIGIBILITY,
        lambda run: visible(run, PageId.ELIGIBILITY, QFrame, "notConcernedPanel"),
    ),
    "etape1-eligible": (
        PageId.ELIGIBILITY,
        lambda run: (
            visible(run, PageId.ELIGIBILITY, QFrame, "eligiblePanel")
            and run.wizard_button(Button.NextButton).text() == "Créer mon compte"
        ),
    ),
    "etape2-vide": (PageId.CREDENTIALS, lambda run: run.field(PageId.CREDENTIALS, "emailEdit").text() == ""),
    "etape2-checklist-a-moitie": (
        PageId.CREDENTIALS,
        lambda run: (
            list(run.page(PageId.CREDENTIALS).checklist.row_states().values()).count("valid") == 2
            and "iCloud" in message(run, PageId.CREDENTIALS, "emailMessage")
        ),
    ),
    "etape2-erreurs": (
        PageId.CREDENTIALS,
        lambda run: (
            visible(run, PageId.CREDENTIALS, QFrame, "formErrorSummary")
            and texts.PASSWORD_MISMATCH in message(run, PageId.CREDENTIALS, "confirmationMessage")
        ),
    ),
    "courriel-envoye": (
        PageId.MAIL_SENT,
        lambda run: EMAIL in run.page(PageId.MAIL_SENT).child(QLabel, "mailSentLabel").text(),
    ),
    "boite-de-reception": (
        PageId.MAIL_SENT,
        lambda run: (
            run.window.outbox_window().isVisible()
            and [button.text() for button in run.window.outbox_window().link_buttons()]
            == ["Activer mon compte"]
        ),
    ),
    "lien-expire": (
        PageId.MAIL_SENT,
        lambda run: (
            run.window.outbox_window().status_message.kind() == "error"
            and run.window.outbox_window().status_message.isVisible()
        ),
    ),
    "compte-active": (
        PageId.ACTIVATED,
        lambda run: (
            message(run, PageId.ACTIVATED, "activationMessage") == texts.ACTIVATION_DONE
            and not run.window.outbox_window().isVisible()
        ),
    ),
    "connexion-refusee": (
        PageId.SIGN_IN,
        lambda run: message(run, PageId.SIGN_IN, "signInMessage") == texts.SIGN_IN_FAILED,
    ),
    "connecte": (
        PageId.SIGNED_IN,
        lambda run: EMAIL in run.page(PageId.SIGNED_IN).child(QLabel, "emailValueLabel").text(),
    ),
    "connexion-bloquee": (
        PageId.SIGN_IN,
        lambda run: "Trop de tentatives" in message(run, PageId.SIGN_IN, "signInMessage"),
    ),
}


@pytest.fixture
def fresh_runs(qapp) -> Iterator[list[ScenarioRun]]:
    runs: list[ScenarioRun] = []
    yield runs
    for run in runs:
        run.close()


def start(runs: list[ScenarioRun], captcha: CaptchaMode = CaptchaMode.IMAGE) -> ScenarioRun:
    run = ScenarioRun(hashing=HashingParameters.fast_for_tests(), captcha=captcha)
    runs.append(run)
    return run


def test_every_scenario_has_an_expected_state_and_a_unique_key() -> None:
    keys = [each.key for each in SCENARIOS]
    assert keys == list(EXPECTED)
    assert len({each.title for each in SCENARIOS}) == len(SCENARIOS)


@pytest.mark.parametrize("chosen", SCENARIOS, ids=lambda each: each.key)
def test_each_scenario_reaches_its_state_from_a_fresh_window(fresh_runs, chosen: Scenario) -> None:
    run = start(fresh_runs)
    run.reach(chosen)
    run.candidate.wait_until_idle()
    page, marker = EXPECTED[chosen.key]
    assert run.current_page() is page
    assert marker(run)


@pytest.mark.parametrize("captcha", [CaptchaMode.QUESTION, CaptchaMode.OFF])
def test_scenarios_also_pass_the_captcha_asked_as_a_question_or_turned_off(fresh_runs, captcha) -> None:
    run = start(fresh_runs, captcha)
    run.reach(scenario("courriel-envoye"))
    assert run.current_page() is PageId.MAIL_SENT


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_scenario_keeps_its_data_in_a_private_folder_deleted_when_its_window_closes(fresh_runs) -> None:
    run = start(fresh_runs)
    data_dir = run.data_dir
    assert data_dir.is_dir() and (os.stat(data_dir).st_mode & 0o777) == 0o700
    run.reach(scenario("courriel-envoye"))
    assert run.context.settings.database_path.parent == data_dir
    run.window.close()
    assert not data_dir.exists()


def test_a_scenario_continues_only_from_its_own_first_steps(fresh_runs) -> None:
    run = start(fresh_runs)
    run.reach(scenario("connexion-refusee"))
    assert run.can_reach(scenario("connecte")) and run.can_reach(scenario("connexion-bloquee"))
    run.reach(scenario("connecte"))
    assert not run.can_reach(scenario("connexion-bloquee"))
    with pytest.raises(ValueError):
        run.reach(scenario("connexion-bloquee"))


def destruction_watch(owner: ScenarioWindow) -> tuple[list[str], list[weakref.ref[object]]]:
    """What a scenario window owns: the Qt objects' names as each is destroyed, and weak references
    to the Python objects (the window, its context, service, announcer, runner and outbox window)."""
    destroyed: list[str] = []
    qt_objects: dict[str, QObject] = {
        "window": owner,
        "outbox window": owner.outbox_window(),
        "announcer": owner.context.announcer,
        "runner": owner.context.runner,
    }
    for name, qt_object in qt_objects.items():
        qt_object.destroyed.connect(lambda _object=None, name=name: destroyed.append(name))
    kept = [owner, owner.context, owner.context.service, *qt_objects.values()]
    return destroyed, [weakref.ref(each) for each in kept]


def process_deferred_deletes() -> None:
    """Back in the event loop as an application would be: deleteLater() done, Python's cycles collected."""
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()
        gc.collect()


def test_a_closed_scenario_window_is_destroyed_with_everything_it_owns(qapp) -> None:
    run = ScenarioRun(hashing=HashingParameters.fast_for_tests())
    run.reach(scenario("compte-active"))  # registered on the worker, mails read in the outbox window
    destroyed, left = destruction_watch(run.window)
    run.close()
    run.close()  # a second close (a fixture's, a menu's) is harmless once the window is gone
    del run
    process_deferred_deletes()
    assert sorted(destroyed) == ["announcer", "outbox window", "runner", "window"]
    assert [each() for each in left] == [None] * len(left)


# --- "Accessibilité › Aller à" ----------------------------------------------------------------------------


@pytest.fixture
def tester_window(qtbot, gui_context: GuiContext) -> Iterator[MainWindow]:
    window = MainWindow(gui_context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    gui_context.runner.wait_for_done()


@pytest.fixture
def log(qapp) -> AccessibilityLog:
    return AccessibilityLog()


@pytest.fixture
def menu(
    qapp, tester_window: MainWindow, gui_context: GuiContext, log: AccessibilityLog
) -> Iterator[AccessibilityMenu]:
    log.watch_announcer(gui_context.announcer)
    log.watch_focus(qapp)
    installed = install_accessibility_menu(tester_window, gui_context, log)
    yield installed
    installed.close_scenario_windows()


def test_aller_a_opens_the_state_in_a_separate_window_and_leaves_the_testers_window_alone(
    qtbot, tester_window: MainWindow, menu: AccessibilityMenu, gui_context: GuiContext
) -> None:
    Candidate.at(tester_window).go_to_eligibility()
    menu.scenario_actions["etape2-erreurs"].trigger()
    qtbot.waitUntil(lambda: len(menu.scenario_windows) == 1)  # built from the event loop, not the menu
    (opened,) = menu.scenario_windows
    assert isinstance(opened, ScenarioWindow) and opened is not tester_window
    assert opened.isVisible()
    assert opened.windowTitle().endswith(
        " — scénario : Étape 2 — erreurs affichées (données de démonstration)"
    )
    assert opened.wizard.current_page_id is PageId.CREDENTIALS
    assert opened.wizard.pages[PageId.CREDENTIALS].error_summary.frame.isVisible()
    # The tester's window: same page, same (empty) data, nothing typed anywhere.
    assert tester_window.wizard.current_page_id is PageId.ELIGIBILITY
    assert gui_context.service.list_accounts() == []
    assert opened.context.settings.data_dir != gui_context.settings.data_dir


def test_closing_the_scenario_window_deletes_its_data(qtbot, menu: AccessibilityMenu) -> None:
    opened = menu.open_scenario(scenario("courriel-envoye"))
    assert opened is not None
    data_dir: Path = opened.data_dir
    assert data_dir.exists() and opened.context.service.list_accounts()
    opened.close()
    assert not data_dir.exists()
    assert menu.scenario_windows == []


def test_a_scenario_window_a_tester_closes_is_destroyed(qtbot, menu: AccessibilityMenu) -> None:
    opened = menu.open_scenario(scenario("compte-active"))
    assert opened is not None
    destroyed, left = destruction_watch(opened)
    opened.close()
    del opened
    process_deferred_deletes()
    assert sorted(destroyed) == ["announcer", "outbox window", "runner", "window"]
    assert [each() for each in left] == [None] * len(left)
    assert menu.scenario_windows == []


def test_closing_the_testers_window_closes_the_scenario_windows(
    qtbot, tester_window: MainWindow, menu: AccessibilityMenu
) -> None:
    opened = menu.open_scenario(scenario("accueil"))
    assert opened is not None
    data_dir = opened.data_dir
    tester_window.close()
    assert not data_dir.exists()
    assert menu.scenario_windows == []


def test_the_scenario_windows_announcements_reach_the_log_but_not_the_steps_that_led_there(
    qtbot, menu: AccessibilityMenu, log: AccessibilityLog
) -> None:
    opened = menu.open_scenario(scenario("etape1-eligible"))
    assert opened is not None
    announced = [entry.text for entry in log.entries() if entry.kind == "annonce"]
    assert announced == [
        "Scénario « Étape 1 — éligible » ouvert dans une nouvelle fenêtre, avec des données de "
        "démonstration. Votre fenêtre n'a pas changé."
    ]
    opened.wizard.button(Button.BackButton).click()  # back to "Candidater": the page is announced
    qtbot.waitUntil(lambda: any(entry.text == "Candidater" for entry in log.entries()))


def test_a_scenario_window_has_the_same_menu_acting_for_the_testers_window(
    qtbot, tester_window: MainWindow, menu: AccessibilityMenu
) -> None:
    opened = menu.open_scenario(scenario("accueil"))
    assert opened is not None
    own_menu = opened.findChild(AccessibilityMenu)
    assert own_menu is not None and own_menu.root is menu
    second = own_menu.open_scenario(scenario("candidater"))
    assert second is not None and len(menu.scenario_windows) == 2
    assert own_menu.open_log() is menu.open_log()
    assert menu.log_window is not None and menu.log_window.parentWidget() is tester_window


def test_aller_a_is_hidden_in_kiosk_mode(qtbot, gui_context: GuiContext, log: AccessibilityLog) -> None:
    gui_context.settings = dataclasses.replace(gui_context.settings, kiosk=True)
    window = MainWindow(gui_context)
    qtbot.addWidget(window)
    installed = install_accessibility_menu(window, gui_context, log)
    assert not installed.go_to_action.isVisible()
    # The log is hidden too (it holds the previous candidates' announcements), its shortcut off.
    assert not installed.menu.menuAction().isVisible() and not installed.log_action.isEnabled()
