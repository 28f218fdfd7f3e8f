"""GUI fixtures: a GuiContext over a fast-hash service, and the announcements it sends."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from gui_support import AnnouncementLog, shown_wizards

from monmaster_desktop.accounts.service import AccountService
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
def announcements(gui_context: GuiContext) -> AnnouncementLog:
    return AnnouncementLog(gui_context.announcer)


@pytest.fixture(autouse=True)
def _release_shown_wizards() -> Iterator[None]:
    yield
    shown_wizards.clear()
