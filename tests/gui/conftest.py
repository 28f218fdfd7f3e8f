"""GUI fixtures: a GuiContext over a fast-hash service, the announcements it sends, run_gui in process."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from gui_support import AnnouncementLog, shown_wizards
from PySide6.QtWidgets import QApplication, QWidget

from monmaster_desktop.accounts.service import AccountService, open_account_service
from monmaster_desktop.gui import app as gui_app
from monmaster_desktop.gui.accessibility.announcer import Announcer
from monmaster_desktop.gui.context import GuiContext
from monmaster_desktop.gui.worker import TaskRunner
from monmaster_desktop.settings import Settings


@pytest.fixture
def gui_context(qapp, service: AccountService, settings: Settings, clock) -> Iterator[GuiContext]:
    runner = TaskRunner()
    announcer = Announcer()
    context = GuiContext(settings=settings, service=service, runner=runner, announcer=announcer, clock=clock)
    yield context
    runner.wait_for_done()


@pytest.fixture
def real_clock_service(settings: Settings) -> Iterator[AccountService]:
    """The service on the real clock, as the operator's console's figures are (accounts made "today")."""
    account_service = open_account_service(settings)
    yield account_service
    account_service.close()


@pytest.fixture
def announcements(gui_context: GuiContext) -> AnnouncementLog:
    return AnnouncementLog(gui_context.announcer)


@pytest.fixture(autouse=True)
def _release_shown_wizards() -> Iterator[None]:
    yield
    shown_wizards.clear()


@pytest.fixture
def started_gui(qapp, monkeypatch) -> Iterator[list[QWidget]]:
    """run_gui in this process: its windows are collected instead of entering the event loop."""
    shown: list[QWidget] = []

    def exec_once() -> int:
        qapp.processEvents()
        shown.extend(widget for widget in QApplication.topLevelWidgets() if widget.isVisible())
        return 0

    monkeypatch.setattr(gui_app, "_create_application_or_exit", lambda: qapp)
    monkeypatch.setattr(gui_app, "AppearanceController", lambda app, **_: None)  # no saved user settings
    monkeypatch.setattr(qapp, "exec", exec_once)
    yield shown
    for widget in shown:
        widget.close()
