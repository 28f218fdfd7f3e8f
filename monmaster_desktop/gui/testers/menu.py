"""The testers' "Accessibilité" menu: "Journal" (Ctrl+Maj+J) and "Aller à" › each scenario.

``app.py`` installs it on the main window with the application's recorder; a scenario window gets the
same menu, acting through the tester's own window. It never records anything itself (the recorder
does) and never touches the candidate's data: scenarios run on throw-away data dirs.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from monmaster_desktop.gui.accessibility.recorder import AccessibilityLog
from monmaster_desktop.gui.context import GuiContext
from monmaster_desktop.gui.language import translated
from monmaster_desktop.gui.main_window import MainWindow
from monmaster_desktop.gui.soon import call_soon
from monmaster_desktop.gui.testers.scenarios import (
    SCENARIO_OPENED,
    SCENARIOS,
    Scenario,
    ScenarioWindow,
    open_scenario_window,
)

if TYPE_CHECKING:  # imported when the log is first opened, not before the first paint
    from monmaster_desktop.gui.testers.log_window import AccessibilityLogWindow

# --- Texts (project-written) ---------------------------------------------------------------------------
_CONTEXT = "AccessibilityMenu"
MENU_TITLE = QT_TRANSLATE_NOOP("AccessibilityMenu", "Acce&ssibilité")
LOG_ACTION = QT_TRANSLATE_NOOP("AccessibilityMenu", "&Journal")
GO_TO_MENU = QT_TRANSLATE_NOOP("AccessibilityMenu", "&Aller à")
SCENARIO_FAILED_TITLE = QT_TRANSLATE_NOOP("AccessibilityMenu", "Aller à")
SCENARIO_FAILED = QT_TRANSLATE_NOOP(
    "AccessibilityMenu", "Ce scénario n'a pas pu être ouvert. Votre fenêtre n'a pas changé."
)

LOG_SHORTCUT = QKeySequence("Ctrl+Shift+J")
MENU_OBJECT_NAME = "accessibilityMenu"


class AccessibilityMenu(QObject):
    """A main window's "Accessibilité" menu: "Journal" (Ctrl+Shift+J) and "Aller à" › each scenario.

    The tester's own window is the *root*: it owns the single log window and the scenario windows,
    which it closes (deleting their data) when it closes itself or the application quits. A scenario
    window gets the same menu, acting through the root. On a kiosk the whole menu is hidden and the
    log's shortcut does nothing; the log is emptied when the next candidate starts (announcements
    carry addresses).
    """

    def __init__(
        self,
        window: MainWindow,
        context: GuiContext,
        log: AccessibilityLog,
        menu: QMenu,
        opener: AccessibilityMenu | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.context = context
        self.log = log
        self.menu = menu
        self.root: AccessibilityMenu = opener.root if opener is not None else self
        self.log_window: AccessibilityLogWindow | None = None
        self.scenario_windows: list[ScenarioWindow] = []
        self._opening = False

        self.log_action = QAction(window)
        self.log_action.setShortcut(LOG_SHORTCUT)
        self.log_action.triggered.connect(self.open_log)
        menu.addAction(self.log_action)

        self.go_to_menu = QMenu(menu)
        self.go_to_menu.setObjectName("goToScenarioMenu")
        self.scenario_actions: dict[str, QAction] = {}
        for scenario in SCENARIOS:
            action = self.go_to_menu.addAction("")
            action.triggered.connect(functools.partial(self._scenario_chosen, scenario))
            self.scenario_actions[scenario.key] = action
        self.go_to_action = menu.addMenu(self.go_to_menu)
        self.go_to_action.setVisible(not context.settings.kiosk)
        self.retranslate()
        # Signals, not an event filter on the window: a filter would cross into Python for every
        # event the window gets, a keystroke's included (docs/performance.md, "Typing").
        window.retranslated.connect(self.retranslate)
        if self.root is self:
            window.closed.connect(self._window_closed)
        if context.settings.kiosk:
            # A kiosk shows none of it: the log holds the previous candidates' announcements (their
            # addresses), "Aller à" leads out of the flow. The menu, its shortcut (Ctrl+Maj+J) included.
            self.log_action.setEnabled(False)
            menu.menuAction().setVisible(False)

        if self.root is self:
            if context.settings.kiosk:
                window.wizard.start_over_requested.connect(self._forget_candidate)
            app = QApplication.instance()
            if app is not None:
                app.aboutToQuit.connect(self.close_scenario_windows)

    def retranslate(self) -> None:
        """The menu's words in the current language."""
        self.menu.setTitle(translated(_CONTEXT, MENU_TITLE))
        self.log_action.setText(translated(_CONTEXT, LOG_ACTION))
        self.go_to_menu.setTitle(translated(_CONTEXT, GO_TO_MENU))
        for scenario in SCENARIOS:
            self.scenario_actions[scenario.key].setText(scenario.display_title())

    # --- Journal ----------------------------------------------------------------------------------------

    def open_log(self) -> AccessibilityLogWindow:
        root = self.root
        if root.log_window is None or not shiboken6.isValid(root.log_window):
            from monmaster_desktop.gui.testers.log_window import AccessibilityLogWindow

            root.log_window = AccessibilityLogWindow(self.log, root.window)
        root.log_window.open_and_focus()
        return root.log_window

    def _forget_candidate(self) -> None:
        self.log.clear()
        if self.log_window is not None and shiboken6.isValid(self.log_window):
            self.log_window.hide()

    # --- Aller à ----------------------------------------------------------------------------------------

    def open_scenario(self, scenario: Scenario) -> ScenarioWindow | None:
        """A new window in ``scenario``'s state; this window is left as it is. None if it failed."""
        root = self.root
        if root._opening:  # a scenario is being prepared: one at a time
            return None
        root._opening = True
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            with self.log.paused():
                window = open_scenario_window(
                    scenario, root.context.announcer, captcha=root.context.settings.captcha
                )
        except Exception:
            QGuiApplication.restoreOverrideCursor()
            QMessageBox.warning(
                self.window,
                translated(_CONTEXT, SCENARIO_FAILED_TITLE),
                translated(_CONTEXT, SCENARIO_FAILED),
            )
            return None
        finally:
            root._opening = False
        QGuiApplication.restoreOverrideCursor()
        root.scenario_windows.append(window)
        window.data_discarded.connect(functools.partial(root._forget_scenario_window, window))
        _install(window, window.context, self.log, opener=root)
        root.context.announcer.announce(
            window, translated("Scenarios", SCENARIO_OPENED, title=scenario.display_title())
        )
        # Where the keyboard is in the new window (it moved there while the log was paused).
        focused = (window.outbox_window() if scenario.shows_outbox else window).focusWidget()
        if focused is not None:
            self.log.record_focus(focused)
        return window

    def _scenario_chosen(self, scenario: Scenario, _checked: bool = False) -> None:
        # Later, from the event loop: the menu item may have been pressed by an accessibility client
        # whose call must get its reply now, not after the scenario's steps (and their nested event
        # loops) have run inside its D-Bus call.
        call_soon(self, functools.partial(self.open_scenario, scenario))

    def _forget_scenario_window(self, window: ScenarioWindow) -> None:
        if window in self.scenario_windows:
            self.scenario_windows.remove(window)
            window.deleteLater()

    def close_scenario_windows(self) -> None:
        for window in list(self.scenario_windows):
            if shiboken6.isValid(window):
                window.close()  # deletes its data dir
        self.scenario_windows.clear()

    def _window_closed(self) -> None:
        self.close_scenario_windows()
        if self.log_window is not None and shiboken6.isValid(self.log_window):
            self.log_window.close()


def _accessibility_menu_of(window: MainWindow) -> QMenu:
    """The window's "Accessibilité" menu: the one named ``accessibilityMenu``, or a new one before "Aide"."""
    existing = window.findChild(QMenu, MENU_OBJECT_NAME)
    if existing is not None:
        return existing
    bar = window.menuBar()
    menu = QMenu(bar)
    menu.setObjectName(MENU_OBJECT_NAME)
    help_action = next(
        (
            action
            for action in bar.actions()
            if action.menu() is not None and action.menu().objectName() == "helpMenu"
        ),
        None,
    )
    if help_action is not None:
        bar.insertMenu(help_action, menu)
    else:
        bar.addMenu(menu)
    return menu


def _install(
    window: MainWindow,
    context: GuiContext,
    log: AccessibilityLog,
    menu: QMenu | None = None,
    opener: AccessibilityMenu | None = None,
) -> AccessibilityMenu:
    return AccessibilityMenu(window, context, log, menu or _accessibility_menu_of(window), opener)


def install_accessibility_menu(
    window: MainWindow, context: GuiContext, log: AccessibilityLog, menu: QMenu | None = None
) -> AccessibilityMenu:
    """Add "Journal" and "Aller à" to ``menu`` (by default the window's "Accessibilité" menu, made if
    missing, before "Aide"). "Aller à" is hidden when ``context.settings.kiosk``."""
    return _install(window, context, log, menu)
