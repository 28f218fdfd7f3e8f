"""The outbox with thousands of mails: every one reachable, found, shown and said; only what is seen is read.

The list reads its rows a page at a time (``outbox/model.py``); these tests check what a candidate,
the keyboard and a screen reader get from 2,000 mails, and that opening the window reads neither
every row nor any message but the one shown. No timing here: ``benchmarks/bench_windows.py`` times it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from support import FakeClock, fill_outbox, many_recipient, registration

from monmaster_desktop import i18n
from monmaster_desktop.accounts.mail import Outbox, OutboxEntry, StoredMail
from monmaster_desktop.accounts.service import AccountService
from monmaster_desktop.accounts.store import Database
from monmaster_desktop.gui.context import GuiContext
from monmaster_desktop.gui.language import language_switch, switch_language
from monmaster_desktop.gui.outbox.model import PAGE_ROWS
from monmaster_desktop.gui.outbox.window import OutboxWindow
from monmaster_desktop.settings import Settings

MAILS = 2_000


class CountingOutbox(Outbox):
    """The outbox, noting which mails the window reads: their listed columns, and whole."""

    def __init__(self, database: Database) -> None:
        super().__init__(database)
        self.summarised: set[int] = set()
        self.read_whole: list[int] = []

    def summaries(self, mail_ids: Sequence[int]) -> dict[int, OutboxEntry]:
        self.summarised.update(mail_ids)
        return super().summaries(mail_ids)

    def get(self, mail_id: int) -> StoredMail | None:
        self.read_whole.append(mail_id)
        return super().get(mail_id)


@pytest.fixture
def mail_ids(settings: Settings, clock: FakeClock, service: AccountService) -> list[int]:
    """2,000 mails, oldest first; the clock is then after the newest."""
    ids = fill_outbox(settings.database_path, MAILS, clock.now)
    clock.advance(minutes=MAILS)
    return ids


@pytest.fixture
def outbox(settings: Settings, mail_ids: list[int]) -> Iterator[CountingOutbox]:
    with Database.open(settings.database_path) as database:
        yield CountingOutbox(database)


@pytest.fixture
def window(qtbot, outbox: CountingOutbox, clock: FakeClock, gui_context: GuiContext) -> OutboxWindow:
    outbox_window = OutboxWindow(outbox, clock, gui_context.announcer)
    qtbot.addWidget(outbox_window)
    return outbox_window


def show_on_the_list(qtbot, window: OutboxWindow) -> None:
    window.show_mail()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.mail_list.setFocus()
    qtbot.waitUntil(window.mail_list.hasFocus)


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    QTest.keyClick(focused, key, modifier)


def row_in_view(window: OutboxWindow, row: int) -> bool:
    view = window.mail_list
    return view.viewport().rect().intersects(view.visualRect(view.model().index(row, 0)))


def test_opening_reads_the_rows_in_view_and_the_newest_mail_only(
    qtbot, window: OutboxWindow, outbox: CountingOutbox, mail_ids: list[int]
) -> None:
    show_on_the_list(qtbot, window)

    assert window.mail_list.model().rowCount() == MAILS
    assert len(outbox.summarised) <= 2 * PAGE_ROWS
    assert outbox.read_whole == [mail_ids[-1]]  # the mail shown, and no other message
    assert window.displayed_mail_id() == mail_ids[-1]

    bar = window.mail_list.verticalScrollBar()
    bar.setValue(bar.maximum())
    window.mail_list.viewport().repaint()
    assert row_in_view(window, MAILS - 1)
    assert window.mail_list.model().index(MAILS - 1, 0).data() == many_recipient(0)
    assert len(outbox.summarised) <= 4 * PAGE_ROWS  # the first pages and the last, not the middle


def test_end_reaches_the_oldest_mail_and_shows_it_and_home_the_newest(
    qtbot, window: OutboxWindow, mail_ids: list[int]
) -> None:
    show_on_the_list(qtbot, window)

    press(Qt.Key.Key_End)

    assert window.displayed_mail_id() == mail_ids[0]
    assert window.mail_list.currentIndex().row() == MAILS - 1
    assert window.mail_list.selectionModel().isRowSelected(MAILS - 1)
    assert row_in_view(window, MAILS - 1)
    assert window.to_value.text() == many_recipient(0)
    assert "Bienvenue sur Mon Master." in window.message_browser.toPlainText()
    assert window.mail_list.hasFocus()  # moving in the list does not take the focus away

    press(Qt.Key.Key_Home)
    assert window.displayed_mail_id() == mail_ids[-1]
    assert row_in_view(window, 0)

    press(Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # the table's own way still works
    assert window.displayed_mail_id() == mail_ids[0]
    press(Qt.Key.Key_Up)
    press(Qt.Key.Key_Return)
    assert window.displayed_mail_id() == mail_ids[1]
    assert window.message_browser.hasFocus()


def test_the_recipient_filter_finds_a_mail_far_down_the_list(
    qtbot, window: OutboxWindow, mail_ids: list[int]
) -> None:
    window.set_recipient_filter(many_recipient(100).upper())

    assert window.mail_list.model().rowCount() == 1
    assert window.mail_list.model().index(0, 0).data() == many_recipient(100)
    window.show_mail()
    assert window.displayed_mail_id() == mail_ids[100]
    assert window.to_value.text() == many_recipient(100)

    window.set_recipient_filter(None)
    assert window.mail_list.model().rowCount() == MAILS
    assert window.mail_list.currentIndex().row() == MAILS - 1 - 100  # still on that mail


def test_rows_far_down_say_their_state_and_change_it_once_read(
    qtbot, window: OutboxWindow, mail_ids: list[int]
) -> None:
    show_on_the_list(qtbot, window)
    last = window.mail_list.model().index(MAILS - 1, 0)

    assert last.data(Qt.ItemDataRole.AccessibleTextRole) == f"{many_recipient(0)}, non lu"
    assert last.data(Qt.ItemDataRole.ToolTipRole) == "Non lu"
    font = last.data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()

    press(Qt.Key.Key_End)

    assert last.data(Qt.ItemDataRole.AccessibleTextRole) == f"{many_recipient(0)}, lu"
    assert last.data(Qt.ItemDataRole.AccessibleDescriptionRole) == "Lu"
    assert not last.data(Qt.ItemDataRole.FontRole).bold()
    window.refresh()  # read again from the database: it was marked there too
    assert window.mail_list.model().index(MAILS - 1, 0).data(Qt.ItemDataRole.ToolTipRole) == "Lu"


def test_a_new_mail_is_announced_and_put_on_top_without_losing_the_mail_being_read(
    qtbot, window: OutboxWindow, service: AccountService, clock: FakeClock, mail_ids: list[int], announcements
) -> None:
    show_on_the_list(qtbot, window)
    press(Qt.Key.Key_End)

    clock.advance(minutes=1)
    new_mail = service.register(registration("nouvelle.candidate@example.fr")).mail_id
    window.refresh()

    model = window.mail_list.model()
    assert model.rowCount() == MAILS + 1
    assert model.index(0, 0).data() == "nouvelle.candidate@example.fr"
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "Non lu"
    assert window.displayed_mail_id() == mail_ids[0]
    assert window.mail_list.currentIndex().row() == MAILS  # the same mail, one row lower
    assert announcements.texts.count("Nouveau courriel : Activez votre compte Mon Master") == 1
    window.show_mail(new_mail)
    assert window.to_value.text() == "nouvelle.candidate@example.fr"


def test_english_reaches_every_row(qtbot, window: OutboxWindow, clock: FakeClock) -> None:
    show_on_the_list(qtbot, window)
    press(Qt.Key.Key_End)
    model = window.mail_list.model()
    try:
        switch_language("en")
        assert model.headerData(0, Qt.Orientation.Horizontal) == "Recipient"
        oldest = model.index(MAILS - 1, 0)
        assert oldest.data(Qt.ItemDataRole.AccessibleTextRole) == f"{many_recipient(0)}, read"
        assert model.index(MAILS - 2, 0).data(Qt.ItemDataRole.ToolTipRole) == "Unread"
        first_sent = (clock.now - timedelta(minutes=MAILS)).astimezone()
        assert model.index(MAILS - 1, 2).data() == first_sent.strftime("%d/%m/%Y %H:%M")  # en_GB
    finally:
        language_switch().default_language = i18n.DEFAULT_LANGUAGE
        switch_language("fr")
    assert model.index(MAILS - 2, 0).data(Qt.ItemDataRole.ToolTipRole) == "Non lu"
