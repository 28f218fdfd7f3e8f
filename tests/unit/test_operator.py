"""The operator's tools over the database: PIN, figures, export, purge and audit (docs/kiosk.md)."""

from __future__ import annotations

import csv
import json
import sqlite3
from datetime import UTC, timedelta
from pathlib import Path

import pytest
from support import FakeClock, files_holding, registration

from monmaster_desktop import texts
from monmaster_desktop.accounts.mail import token_from_activation_url
from monmaster_desktop.accounts.operator import (
    EXPORT_FIELDS,
    AuditAction,
    ExportFormat,
    OperatorService,
    PinOutcome,
    audit_file_for,
    pin_problem,
)
from monmaster_desktop.accounts.service import AccountService, ActivationOutcome
from monmaster_desktop.settings import Settings

PIN = "246810"


@pytest.fixture
def operator(service: AccountService, settings: Settings, clock: FakeClock) -> OperatorService:
    return OperatorService(service.database, settings.hashing, clock, local_zone=UTC)


def register(service: AccountService, email: str, *, activate: bool = False) -> None:
    result = service.register(registration(email))
    assert result.ok and result.mail_id is not None
    if activate:
        stored = service.outbox.get(result.mail_id)
        assert stored is not None
        token = token_from_activation_url(stored.links[0].url)
        assert token is not None
        assert service.activate(token).outcome is ActivationOutcome.ACTIVATED


# --- PIN -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("pin", ["12345", "1234567890123", "12 3456", "abcdef", "١٢٣٤٥٦", "", "123456\n"])
def test_a_pin_is_6_to_12_ascii_digits(pin: str) -> None:
    assert pin_problem(pin) == texts.PIN_RULE


def test_the_pin_is_kept_only_as_an_argon2id_hash(operator: OperatorService, settings: Settings) -> None:
    assert not operator.has_pin()
    assert operator.verify_pin(PIN).outcome is PinOutcome.NOT_SET
    operator.set_pin(PIN)
    assert operator.has_pin()
    with sqlite3.connect(settings.database_path) as connection:
        (stored,) = connection.execute("SELECT pin_hash FROM operator_pin").fetchone()
    assert stored.startswith("$argon2id$") and PIN not in stored
    assert files_holding(settings.data_dir, PIN) == []
    with pytest.raises(ValueError, match="6 à 12 chiffres"):
        operator.set_pin("1234")


def test_the_right_pin_opens_and_is_audited(operator: OperatorService) -> None:
    operator.set_pin(PIN)
    check = operator.verify_pin(PIN)
    assert check.accepted and check.message is None
    assert [entry.action for entry in operator.audit()] == [AuditAction.CONSOLE_OPENED, AuditAction.PIN_SET]


def test_wrong_pins_are_throttled_and_the_wait_doubles(operator: OperatorService, clock: FakeClock) -> None:
    operator.set_pin(PIN)
    assert operator.verify_pin("000000").message == texts.PIN_REFUSED
    assert operator.verify_pin("000001").outcome is PinOutcome.REFUSED
    third = operator.verify_pin("000002")
    assert third.outcome is PinOutcome.THROTTLED and third.retry_after == timedelta(seconds=30)
    assert third.message == texts.PIN_REFUSED_THEN_WAIT.format(wait="30 secondes")
    # While it waits even the right PIN is not looked at.
    waiting = operator.verify_pin(PIN)
    assert waiting.outcome is PinOutcome.THROTTLED and not waiting.accepted
    assert waiting.message == texts.PIN_THROTTLED.format(wait="30 secondes")
    clock.advance(seconds=31)
    fourth = operator.verify_pin("000003")
    assert fourth.retry_after == timedelta(seconds=60)
    clock.advance(seconds=61)
    assert operator.verify_pin(PIN).accepted
    # A success starts the count again.
    assert operator.verify_pin("000004").outcome is PinOutcome.REFUSED
    refused = [entry for entry in operator.audit() if entry.action is AuditAction.PIN_REFUSED]
    assert [entry.count for entry in refused] == [1, 4, 3, 2, 1]


def test_the_throttle_survives_a_restart(
    settings: Settings, clock: FakeClock, service: AccountService
) -> None:
    first = OperatorService(service.database, settings.hashing, clock)
    first.set_pin(PIN)
    for wrong in ("000000", "000001", "000002"):
        first.verify_pin(wrong)
    service.close()
    from monmaster_desktop.accounts.service import open_account_service

    reopened = open_account_service(settings, clock)
    try:
        again = OperatorService(reopened.database, settings.hashing, clock)
        assert again.verify_pin(PIN).outcome is PinOutcome.THROTTLED
    finally:
        reopened.close()


def test_setting_the_pin_again_forgets_its_failures(operator: OperatorService) -> None:
    operator.set_pin(PIN)
    for wrong in ("000000", "000001", "000002"):
        operator.verify_pin(wrong)
    operator.set_pin("13579135")
    assert operator.verify_pin("13579135").accepted
    assert operator.verify_pin(PIN).outcome is PinOutcome.REFUSED


def test_a_very_long_pin_is_refused_without_hashing(operator: OperatorService) -> None:
    operator.set_pin(PIN)
    assert operator.verify_pin("9" * 100_000).outcome is PinOutcome.REFUSED


# --- figures ---------------------------------------------------------------------------------------


def test_figures_count_today_and_in_total_pending_and_active_per_hour(
    service: AccountService, operator: OperatorService, clock: FakeClock
) -> None:
    clock.advance(days=-1)
    register(service, "hier@example.fr", activate=True)
    clock.advance(days=1)  # 2026-09-01 08:30 UTC
    register(service, "un@example.fr", activate=True)
    register(service, "deux@example.fr")
    clock.advance(hours=2)
    register(service, "trois@example.fr")

    figures = operator.figures()
    assert str(figures.day) == "2026-09-01"
    assert (figures.today.created, figures.today.pending, figures.today.active) == (3, 2, 1)
    assert (figures.total.created, figures.total.pending, figures.total.active) == (4, 2, 2)
    assert len(figures.per_hour) == 24
    assert figures.per_hour[8] == 2 and figures.per_hour[10] == 1 and sum(figures.per_hour) == 3


# --- export ----------------------------------------------------------------------------------------


@pytest.fixture
def enrolled(service: AccountService, clock: FakeClock) -> AccountService:
    register(service, "camille@example.fr", activate=True)
    clock.advance(minutes=5)
    register(service, "=cmd+1@example.fr")  # a spreadsheet formula in an address
    clock.advance(minutes=5)
    register(service, "zoé@exemple.fr")
    return service


def test_the_csv_export_has_the_fields_and_never_a_hash_or_token(
    enrolled: AccountService, operator: OperatorService, tmp_path: Path
) -> None:
    destination = tmp_path / "inscriptions.csv"
    result = operator.export(destination, ExportFormat.CSV)
    assert result.accounts == 3 and result.files == (destination,)
    raw = destination.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM spreadsheets need for the accents
    rows = list(csv.DictReader(destination.read_text("utf-8-sig").splitlines(), delimiter=";"))
    assert tuple(rows[0]) == EXPORT_FIELDS
    assert [row["email"] for row in rows] == [
        "camille@example.fr",
        "'=cmd+1@example.fr",
        "zoé@exemple.fr",
    ]
    assert [row["status"] for row in rows] == ["active", "pending", "pending"]
    assert rows[0]["created_at"] == "2026-09-01T08:30:00+00:00" == rows[0]["consent_at"]
    assert rows[0]["activated_at"] == "2026-09-01T08:30:00+00:00" and rows[1]["activated_at"] == ""
    assert rows[0]["cgu_version"]
    assert b"argon2" not in raw and b"jeton" not in raw and b"sha256" not in raw
    assert destination.stat().st_mode & 0o077 == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == ["data", "inscriptions.csv"]


def test_the_json_export_with_the_audit(
    enrolled: AccountService, operator: OperatorService, tmp_path: Path
) -> None:
    operator.set_pin(PIN)
    destination = tmp_path / "inscriptions.json"
    operator.export(destination, ExportFormat.JSON, include_audit=True)
    exported = json.loads(destination.read_text("utf-8"))
    assert [account["email"] for account in exported["accounts"]] == [
        "camille@example.fr",
        "=cmd+1@example.fr",  # JSON is no spreadsheet: the address as it is
        "zoé@exemple.fr",
    ]
    assert set(exported["accounts"][0]) == set(EXPORT_FIELDS)
    assert [entry["action"] for entry in exported["audit"]] == ["pin_set"]  # the export records itself after
    assert "argon2" not in destination.read_text("utf-8")
    assert operator.audit()[0].action is AuditAction.EXPORT_JSON and operator.audit()[0].count == 3


def test_the_csv_export_puts_the_audit_beside_it(
    enrolled: AccountService, operator: OperatorService, tmp_path: Path
) -> None:
    operator.set_pin(PIN)
    operator.verify_pin("000000")
    result = operator.export(tmp_path / "jour.csv", ExportFormat.CSV, include_audit=True)
    assert result.files == (tmp_path / "jour.csv", audit_file_for(tmp_path / "jour.csv"))
    rows = list(csv.DictReader(result.files[1].read_text("utf-8-sig").splitlines(), delimiter=";"))
    assert [(row["action"], row["count"]) for row in rows] == [("pin_set", ""), ("pin_refused", "1")]


def test_an_empty_export_is_still_valid(operator: OperatorService, tmp_path: Path) -> None:
    operator.export(tmp_path / "vide.json", ExportFormat.JSON, include_audit=True)
    assert json.loads((tmp_path / "vide.json").read_text("utf-8"))["accounts"] == []
    operator.export(tmp_path / "vide.csv", ExportFormat.CSV)
    assert (tmp_path / "vide.csv").read_text("utf-8-sig").splitlines() == [";".join(EXPORT_FIELDS)]


def test_an_export_that_cannot_be_written_leaves_nothing(
    enrolled: AccountService, operator: OperatorService, tmp_path: Path
) -> None:
    exports = tmp_path / "exports"
    (exports / "x.csv").mkdir(parents=True)  # written in full, then it cannot take the name
    with pytest.raises(OSError):
        operator.export(exports / "x.csv", ExportFormat.CSV)
    assert [path.name for path in exports.iterdir()] == ["x.csv"] and (exports / "x.csv").is_dir()
    assert AuditAction.EXPORT_CSV not in [entry.action for entry in operator.audit()]


def test_the_export_reads_the_table_in_batches(
    service: AccountService, operator: OperatorService, tmp_path: Path, clock: FakeClock
) -> None:
    # Many rows written straight into the table (hashing each would be slow): the export streams them.
    with service.database.transaction() as connection:
        connection.executemany(
            "INSERT INTO accounts (email, email_key, password_hash, status, created_at, consent_at,"
            " cgu_version, eligibility_answers, charter_version)"
            " VALUES (?, ?, 'x', 'pending', ?, ?, 'v', '{}', 'v')",
            [
                (
                    f"p{n}@example.fr",
                    f"p{n}@example.fr",
                    f"2026-09-01T08:{n % 60:02d}:00+00:00",
                    "2026-09-01T08:00:00+00:00",
                )
                for n in range(2_345)
            ],
        )
    result = operator.export(tmp_path / "beaucoup.json", ExportFormat.JSON)
    assert result.accounts == 2_345
    assert len(json.loads((tmp_path / "beaucoup.json").read_text("utf-8"))["accounts"]) == 2_345


# --- purge -----------------------------------------------------------------------------------------

ADDRESSES = ("camille.purge@example.fr", "Dominique.Purge@Example.fr", "zoé.purge@exemple.fr")


def test_the_purge_leaves_no_byte_of_an_address_in_any_file(
    service: AccountService, operator: OperatorService, settings: Settings
) -> None:
    for index, email in enumerate(ADDRESSES):
        register(service, email, activate=index == 0)
        service.resend_activation(email)
        service.sign_in(email, "wrong password 1!A")
    (settings.data_dir / "logs").mkdir()
    (settings.data_dir / "logs" / "crash.log").write_text("no address here")
    damaged = settings.data_dir / "monmaster-endommagee-20260901-083000Z.sqlite3"
    damaged.write_bytes(ADDRESSES[0].encode())  # a copy set aside earlier holds candidates too
    assert files_holding(settings.data_dir, ADDRESSES[1]) != []

    result = operator.purge()

    # Five mails: the active account's resend sent none.
    assert (result.accounts, result.mails, result.set_aside_files) == (3, 5, 1)
    assert service.list_accounts() == [] and service.outbox.list() == []
    for email in ADDRESSES:  # with the database still open (its -wal and -shm there) …
        assert files_holding(settings.data_dir, email) == [], email
        assert files_holding(settings.data_dir, email.split("@")[0]) == [], email
    service.close()
    for email in ADDRESSES:  # … and once closed
        assert files_holding(settings.data_dir, email) == [], email
    wal = Path(f"{settings.database_path}-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_the_purge_is_audited_and_keeps_the_pin(service: AccountService, operator: OperatorService) -> None:
    operator.set_pin(PIN)
    register(service, "camille@example.fr")
    operator.purge()
    assert operator.verify_pin(PIN).accepted
    purge = next(entry for entry in operator.audit() if entry.action is AuditAction.PURGE)
    assert purge.count == 1
    # The application goes on working after it.
    register(service, "camille@example.fr")
