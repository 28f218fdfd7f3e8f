"""The outbox read a page at a time: ids in order from the indexes, the shown columns by id."""

from __future__ import annotations

from datetime import timedelta

from support import FakeClock, fill_outbox, many_recipient, registration

from monmaster_desktop.accounts.mail import MailSelection, Outbox
from monmaster_desktop.accounts.service import AccountService
from monmaster_desktop.accounts.store import Database
from monmaster_desktop.settings import Settings


def test_mail_ids_are_newest_first_and_equal_times_newest_id_first(
    service: AccountService, settings: Settings, clock: FakeClock
) -> None:
    first = service.register(registration("a@example.fr")).mail_id
    second = service.register(registration("b@example.fr")).mail_id  # the same second as the first
    clock.advance(minutes=1)
    third = service.register(registration("c@example.fr")).mail_id

    assert service.outbox.mail_ids() == [third, second, first]
    assert service.outbox.mail_ids() == [entry.id for entry in service.outbox.list()]


def test_mail_ids_by_recipient_ignore_case_and_a_recipient_no_address_can_be(
    service: AccountService, settings: Settings, clock: FakeClock
) -> None:
    ids = fill_outbox(settings.database_path, 300, clock.now)

    assert service.outbox.mail_ids(MailSelection(recipient=many_recipient(250).upper())) == [ids[250]]
    assert service.outbox.mail_ids(MailSelection(recipient="x" * 400)) == []
    assert service.outbox.mail_ids(MailSelection(recipient="\ud800@example.fr")) == []


def test_mail_ids_of_a_session_keep_the_order_and_skip_mails_that_are_gone(
    service: AccountService, settings: Settings, clock: FakeClock
) -> None:
    ids = fill_outbox(settings.database_path, 1_200, clock.now)
    session = (ids[1_100], ids[3], 999_999, ids[700])

    assert service.outbox.mail_ids(MailSelection(mail_ids=session)) == [ids[1_100], ids[700], ids[3]]
    assert service.outbox.mail_ids(MailSelection(mail_ids=tuple(ids))) == ids[::-1]  # chunked
    both = MailSelection(recipient=many_recipient(700), mail_ids=session)
    assert service.outbox.mail_ids(both) == [ids[700]]
    assert service.outbox.mail_ids(MailSelection(mail_ids=())) == []


def test_summaries_give_the_listed_columns_by_id_and_omit_the_missing(
    service: AccountService, settings: Settings, clock: FakeClock
) -> None:
    ids = fill_outbox(settings.database_path, 3, clock.now)
    service.outbox.mark_read(ids[1], clock.now)

    found = service.outbox.summaries([ids[2], ids[1], 424_242])

    assert set(found) == {ids[2], ids[1]}
    assert found[ids[2]].recipient == many_recipient(2)
    assert found[ids[2]].subject == "Activez votre compte Mon Master"
    assert found[ids[2]].sent_at == clock.now + timedelta(minutes=2)
    assert found[ids[1]].is_read and not found[ids[2]].is_read
    assert service.outbox.summaries([]) == {}


def test_the_list_order_and_the_filter_are_read_from_indexes(settings: Settings, clock: FakeClock) -> None:
    fill_outbox(settings.database_path, 3, clock.now)
    statements: list[str] = []
    with Database.open(settings.database_path) as database:
        outbox = Outbox(database)
        with database.reading() as connection:
            connection.set_trace_callback(statements.append)
        outbox.mail_ids()
        outbox.mail_ids(MailSelection(recipient=many_recipient(1)))
        with database.reading() as connection:
            connection.set_trace_callback(None)
            plans = [connection.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall() for sql in statements]

    # The plans SQLite chose for the statements the outbox ran: no table scan, no sort.
    assert [[row[3] for row in plan] for plan in plans] == [
        ["SCAN outbox USING COVERING INDEX outbox_by_date"],
        ["SEARCH outbox USING INDEX outbox_by_recipient (<expr>=?)"],
    ]
