"""GUI fixtures: a GuiContext over a fast-hash service, and a bare wizard to test one page in."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QWizard, QWizardPage

from monmaster_desktop.accounts.service import AccountService
from monmaster_desktop.gui.accessibility import Announcer
from monmaster_desktop.gui.context import GuiContext
from monmaster_desktop.gui.worker import TaskRunner
from monmaster_desktop.settings import Settings


class AnnouncementLog:
    """Every announcement sent through the context's Announcer: (text, assertive)."""

    def __init__(self, announcer: Announcer) -> None:
        self.entries: list[tuple[str, bool]] = []
        announcer.announced.connect(lambda text, assertive: self.entries.append((text, assertive)))

    @property
    def texts(self) -> list[str]:
        return [text for text, _ in self.entries]


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


_shown_wizards: list[QWizard] = []


@pytest.fixture(autouse=True)
def _release_shown_wizards() -> Iterator[None]:
    yield
    _shown_wizards.clear()


def show_in_wizard(qtbot, page: QWizardPage) -> QWizard:
    """Put one page in a bare wizard (as its only page) and show it: for page-level tests.

    The wizard is kept alive until the test's widgets are closed (qtbot closes it), so a caller
    that only keeps the page does not lose it to the garbage collector.
    """
    wizard = QWizard()
    _shown_wizards.append(wizard)
    wizard.setPage(0, page)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard
