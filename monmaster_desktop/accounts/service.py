"""What a candidate can do with an account: register, activate, resend the mail, sign in.

Every operation returns an explicit result (an outcome enum plus the French message to show)
instead of raising for expected outcomes, whatever the strings it is given (any text, lone
surrogates, controls, megabytes). A storage failure (full disk, read-only file or folder, damaged
file) is one of those results too: ``RefusalReason.STORAGE_FAILED`` for a registration, the
``STORAGE_FAILED`` outcome elsewhere, with the French message of ``StorageError``; the next call
works again once the cause is gone. Only the reading helpers (``list_accounts``, ``find_account``
and the outbox's) raise, ``StorageError``, having no result to carry it. The service checks every
rule again — the GUI is not the only guard — using the same ``validation`` and ``eligibility``
functions the GUI displays.
No Qt import here. Passwords are NFKC-normalized, hashed with argon2id and then forgotten: they are
never stored, logged, put in a result or in an exception. The sign-in throttle stores no input
either: a keyed hash of a valid address, or one fixed bucket for anything else.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import Enum
from pathlib import Path
from typing import TypeVar

from monmaster_desktop import eligibility, i18n, texts, validation
from monmaster_desktop.accounts.listing import ACCOUNT_COLUMNS, iter_account_rows, open_database
from monmaster_desktop.accounts.mail import Outbox, build_activation_mail
from monmaster_desktop.accounts.security import PasswordHashing, new_activation_token, token_digest
from monmaster_desktop.accounts.store import (
    THROTTLE_KEY_NAME,
    Database,
    DatabaseDamagedError,
    StorageError,
    StorageProblem,
    from_text,
    set_aside_damaged_database,
    to_text,
    utc_now,
)
from monmaster_desktop.settings import DataError, Settings, os_error_reason

log = logging.getLogger(__name__)

# The version of the conditions générales d'utilisation the consent checkbox refers to.
CGU_VERSION = "2026-1"


class AccountStatus(Enum):
    PENDING = "pending"
    ACTIVE = "active"


@dataclass(frozen=True)
class Account:
    id: int
    email: str
    status: AccountStatus
    created_at: datetime
    activated_at: datetime | None
    last_sign_in_at: datetime | None
    consent_at: datetime
    cgu_version: str
    eligibility_answers: dict[str, eligibility.Answer | None]
    charter_version: str


# --- Registration ---------------------------------------------------------------------------------


class RegistrationField(Enum):
    """Where the GUI shows a refusal: under the field it concerns."""

    EMAIL = "email"
    PASSWORD = "password"
    PASSWORD_CONFIRMATION = "password_confirmation"
    CONSENT = "consent"
    ELIGIBILITY = "eligibility"
    STORAGE = "storage"  # no field: the disk or the database refused (shown in the summary only)


class RefusalReason(Enum):
    INVALID_EMAIL = "invalid_email"
    PASSWORD_CRITERIA = "password_criteria"
    PASSWORD_TOO_LONG = "too_long"
    PASSWORD_FORBIDDEN_CHARACTER = "forbidden_character"
    PASSWORD_TOO_GUESSABLE = "too_guessable"
    PASSWORD_MISMATCH = "password_mismatch"
    CONSENT_MISSING = "consent_missing"
    NOT_ELIGIBLE = "not_eligible"
    ALREADY_ACTIVE = "already_active"
    ALREADY_PENDING = "already_pending"
    STORAGE_FAILED = "storage_failed"  # full disk, read-only file or folder…: nothing was written


@dataclass(frozen=True)
class Refusal:
    field: RegistrationField
    reason: RefusalReason
    message: str


@dataclass(frozen=True)
class RegistrationRequest:
    email: str
    password: str = field(repr=False)
    password_confirmation: str = field(repr=False)
    consent: bool
    eligibility_answers: Mapping[str, eligibility.Answer | str | None]
    # The language the candidate used, for the activation mail; None: the core's current language.
    language: str | None = None


@dataclass(frozen=True)
class RegistrationResult:
    account: Account | None
    refusals: tuple[Refusal, ...] = ()
    mail_id: int | None = None
    email_warning: str | None = None

    @property
    def ok(self) -> bool:
        return self.account is not None

    def refusals_for(self, where: RegistrationField) -> tuple[Refusal, ...]:
        return tuple(refusal for refusal in self.refusals if refusal.field is where)


# --- Activation and resending ---------------------------------------------------------------------


class ActivationOutcome(Enum):
    ACTIVATED = "activated"
    ALREADY_ACTIVE = "already_active"
    EXPIRED = "expired"
    SUPERSEDED = "superseded"
    UNKNOWN = "unknown"
    STORAGE_FAILED = "storage_failed"


@dataclass(frozen=True)
class ActivationResult:
    outcome: ActivationOutcome
    message: str
    account: Account | None = None


class ResendOutcome(Enum):
    SENT = "sent"
    ALREADY_ACTIVE = "already_active"
    UNKNOWN_ADDRESS = "unknown_address"
    STORAGE_FAILED = "storage_failed"


@dataclass(frozen=True)
class ResendResult:
    outcome: ResendOutcome
    message: str
    mail_id: int | None = None


# --- Sign-in --------------------------------------------------------------------------------------


class SignInOutcome(Enum):
    SIGNED_IN = "signed_in"
    FAILED = "failed"  # unknown address or wrong password: one generic message for both
    PENDING_ACTIVATION = "pending_activation"  # right password, account not activated yet
    THROTTLED = "throttled"
    STORAGE_FAILED = "storage_failed"  # whatever the password: the attempt could not be recorded


@dataclass(frozen=True)
class SignInResult:
    outcome: SignInOutcome
    message: str | None
    account: Account | None = None
    retry_after: timedelta | None = None


def email_key(normalized_email: str) -> str:
    """The unique key of an address: case-folded, so Nom@Example.com and nom@example.com collide."""
    return normalized_email.casefold()


_Result = TypeVar("_Result")

# The throttle's one key for every sign-in whose address is not an address at all (it can be a
# password typed into the wrong field): what was typed is never stored, not even hashed.
NOT_AN_ADDRESS_ATTEMPT_KEY = "not-an-address"
# A token is 43 characters (secrets.token_urlsafe of 32 bytes); anything much longer is not one.
_MAX_TOKEN_LENGTH = 256


class AccountService:
    def __init__(
        self,
        database: Database,
        settings: Settings,
        clock: Callable[[], datetime] = utc_now,
        hashing: PasswordHashing | None = None,
    ) -> None:
        self._database = database
        self._settings = settings
        self._clock = clock
        self._hashing = hashing or PasswordHashing(settings.hashing)
        self._throttle_key: bytes | None = None
        self.outbox = Outbox(database)

    def close(self) -> None:
        self._database.close()

    @property
    def database(self) -> Database:
        """The database the service writes to, shared with the operator's tools (accounts/operator.py)."""
        return self._database

    @property
    def _validity_hours(self) -> int:
        return max(1, round(self._settings.activation_token_lifetime.total_seconds() / 3600))

    # --- register ---------------------------------------------------------------------------------

    def _unless_storage_fails(
        self, action: str, call: Callable[[], _Result], failed: Callable[[str], _Result]
    ) -> _Result:
        """``call()``, or the result ``failed`` makes of StorageError's French message."""
        try:
            return call()
        except StorageError as error:
            log.warning("%s not stored: %s", action, error.problem.value)
            return failed(error.message)

    def register(self, request: RegistrationRequest) -> RegistrationResult:
        return self._unless_storage_fails(
            "registration",
            lambda: self._register(request),
            lambda message: RegistrationResult(
                None, (Refusal(RegistrationField.STORAGE, RefusalReason.STORAGE_FAILED, message),)
            ),
        )

    def _register(self, request: RegistrationRequest) -> RegistrationResult:
        refusals: list[Refusal] = []

        email_check = validation.check_email(request.email)
        if not email_check.is_valid:
            refusals.append(
                Refusal(RegistrationField.EMAIL, RefusalReason.INVALID_EMAIL, email_check.error or "")
            )
        refusals.extend(self._password_refusals(request, email_check.normalized))
        if not request.consent:
            refusals.append(
                Refusal(
                    RegistrationField.CONSENT,
                    RefusalReason.CONSENT_MISSING,
                    i18n.message(texts.CONSENT_MISSING),
                )
            )
        try:
            answers = eligibility.normalize_answers(request.eligibility_answers)
        except ValueError:
            answers = None
        if answers is None or not eligibility.assess(answers).is_eligible:
            refusals.append(
                Refusal(
                    RegistrationField.ELIGIBILITY,
                    RefusalReason.NOT_ELIGIBLE,
                    i18n.message(texts.NOT_ELIGIBLE),
                )
            )
        if email_check.normalized is not None:
            duplicate = self._duplicate_refusal(email_check.normalized)
            if duplicate is not None:
                refusals.append(duplicate)
        if refusals:
            return RegistrationResult(None, tuple(refusals), email_warning=email_check.warning)

        assert email_check.normalized is not None and answers is not None
        # The slow part (argon2), outside the database lock.
        password_hash = self._hashing.hash(validation.normalize_password(request.password))
        now = self._clock()
        try:
            with self._database.transaction() as connection:
                cursor = connection.execute(
                    "INSERT INTO accounts (email, email_key, password_hash, status, created_at, consent_at,"
                    " cgu_version, eligibility_answers, charter_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        email_check.normalized,
                        email_key(email_check.normalized),
                        password_hash,
                        AccountStatus.PENDING.value,
                        to_text(now),
                        to_text(now),
                        CGU_VERSION,
                        eligibility.answers_to_json(answers),
                        eligibility.CHARTER_VERSION,
                    ),
                )
                account_id = cursor.lastrowid
                assert account_id is not None
                mail_id = self._send_activation_mail(
                    connection, account_id, email_check.normalized, now, request.language
                )
        except sqlite3.IntegrityError:
            # Another registration for the same address won the race between our check and insert.
            duplicate = self._duplicate_refusal(email_check.normalized)
            if duplicate is None:
                raise
            return RegistrationResult(None, (duplicate,), email_warning=email_check.warning)
        log.info("account %s registered, activation mail %s", account_id, mail_id)
        return RegistrationResult(self._account_by_id(account_id), (), mail_id, email_check.warning)

    def _password_refusals(self, request: RegistrationRequest, normalized_email: str | None) -> list[Refusal]:
        check = validation.check_password(request.password)
        refusals: list[Refusal] = []
        problem_reasons = {
            "too_long": RefusalReason.PASSWORD_TOO_LONG,
            "forbidden_character": RefusalReason.PASSWORD_FORBIDDEN_CHARACTER,
        }
        for code, message in zip(check.problems, check.problem_messages, strict=True):
            refusals.append(Refusal(RegistrationField.PASSWORD, problem_reasons[code], message))
        if check.missing_labels:
            missing = i18n.listing(check.missing_labels)
            refusals.append(
                Refusal(
                    RegistrationField.PASSWORD,
                    RefusalReason.PASSWORD_CRITERIA,
                    i18n.message(texts.PASSWORD_CRITERIA_MISSING, missing=missing),
                )
            )
        if check.is_valid:
            context = validation.strength_context_for_email(normalized_email)
            if validation.estimate_strength(check.normalized, context=context).too_guessable:
                refusals.append(
                    Refusal(
                        RegistrationField.PASSWORD,
                        RefusalReason.PASSWORD_TOO_GUESSABLE,
                        i18n.message(validation.TOO_GUESSABLE_MESSAGE),
                    )
                )
        if validation.normalize_password(request.password_confirmation) != check.normalized:
            refusals.append(
                Refusal(
                    RegistrationField.PASSWORD_CONFIRMATION,
                    RefusalReason.PASSWORD_MISMATCH,
                    i18n.message(texts.PASSWORD_MISMATCH),
                )
            )
        return refusals

    def _duplicate_refusal(self, normalized_email: str) -> Refusal | None:
        account = self._account_by_email(normalized_email)
        if account is None:
            return None
        if account.status is AccountStatus.ACTIVE:
            return Refusal(
                RegistrationField.EMAIL,
                RefusalReason.ALREADY_ACTIVE,
                i18n.message(texts.ACCOUNT_ALREADY_ACTIVE),
            )
        return Refusal(
            RegistrationField.EMAIL,
            RefusalReason.ALREADY_PENDING,
            i18n.message(texts.ACCOUNT_ALREADY_PENDING),
        )

    def _send_activation_mail(
        self,
        connection: sqlite3.Connection,
        account_id: int,
        recipient: str,
        now: datetime,
        language: str | None,
    ) -> int:
        """New token, older ones superseded, mail in the outbox: all inside the caller's transaction."""
        token = new_activation_token()
        connection.execute(
            "UPDATE activation_tokens SET superseded_at = ? "
            "WHERE account_id = ? AND used_at IS NULL AND superseded_at IS NULL",
            (to_text(now), account_id),
        )
        connection.execute(
            "INSERT INTO activation_tokens (account_id, token_sha256, created_at, expires_at)"
            " VALUES (?, ?, ?, ?)",
            (
                account_id,
                token_digest(token),
                to_text(now),
                to_text(now + self._settings.activation_token_lifetime),
            ),
        )
        language = language or i18n.current_language()
        message = build_activation_mail(recipient, token, now, self._validity_hours, language)
        return Outbox.add(connection, message, now, account_id)

    # --- activation -------------------------------------------------------------------------------

    def activate(self, token: str) -> ActivationResult:
        return self._unless_storage_fails(
            "activation",
            lambda: self._activate(token),
            lambda message: ActivationResult(ActivationOutcome.STORAGE_FAILED, message),
        )

    def _activate(self, token: str) -> ActivationResult:
        if len(token) > _MAX_TOKEN_LENGTH:
            return ActivationResult(ActivationOutcome.UNKNOWN, i18n.message(texts.ACTIVATION_UNKNOWN))
        now = self._clock()
        with self._database.transaction() as connection:
            row = connection.execute(
                "SELECT t.id, t.account_id, t.expires_at, t.used_at, t.superseded_at, a.status "
                "FROM activation_tokens t JOIN accounts a ON a.id = t.account_id WHERE t.token_sha256 = ?",
                (token_digest(token),),
            ).fetchone()
            if row is None:
                return ActivationResult(ActivationOutcome.UNKNOWN, i18n.message(texts.ACTIVATION_UNKNOWN))
            account_id = row["account_id"]
            if row["status"] == AccountStatus.ACTIVE.value:
                outcome, message = (
                    ActivationOutcome.ALREADY_ACTIVE,
                    i18n.message(texts.ACTIVATION_ALREADY_ACTIVE),
                )
            elif row["superseded_at"] is not None:
                outcome, message = ActivationOutcome.SUPERSEDED, i18n.message(texts.ACTIVATION_SUPERSEDED)
            elif from_text(row["expires_at"]) <= now:  # type: ignore[operator]
                outcome = ActivationOutcome.EXPIRED
                message = i18n.message(texts.ACTIVATION_EXPIRED, hours=self._validity_hours)
            else:
                connection.execute(
                    "UPDATE activation_tokens SET used_at = ? WHERE id = ?", (to_text(now), row["id"])
                )
                connection.execute(
                    "UPDATE accounts SET status = ?, activated_at = ? WHERE id = ?",
                    (AccountStatus.ACTIVE.value, to_text(now), account_id),
                )
                outcome, message = ActivationOutcome.ACTIVATED, i18n.message(texts.ACTIVATION_DONE)
        return ActivationResult(outcome, message, self._account_by_id(account_id))

    def resend_activation(self, email: str, language: str | None = None) -> ResendResult:
        """A new activation mail (in ``language``, by default the current one); older links stop working."""
        return self._unless_storage_fails(
            "activation mail",
            lambda: self._resend_activation(email, language),
            lambda message: ResendResult(ResendOutcome.STORAGE_FAILED, message),
        )

    def _resend_activation(self, email: str, language: str | None) -> ResendResult:
        check = validation.check_email(email)
        account = self._account_by_email(check.normalized) if check.normalized else None
        if account is None:
            return ResendResult(ResendOutcome.UNKNOWN_ADDRESS, i18n.message(texts.RESEND_UNKNOWN_ADDRESS))
        if account.status is AccountStatus.ACTIVE:
            return ResendResult(ResendOutcome.ALREADY_ACTIVE, i18n.message(texts.RESEND_ALREADY_ACTIVE))
        now = self._clock()
        with self._database.transaction() as connection:
            mail_id = self._send_activation_mail(connection, account.id, account.email, now, language)
        sent = i18n.message(texts.RESEND_DONE, email=account.email)
        return ResendResult(ResendOutcome.SENT, sent, mail_id)

    # --- sign-in ----------------------------------------------------------------------------------

    def sign_in(self, email: str, password: str) -> SignInResult:
        return self._unless_storage_fails(
            "sign-in",
            lambda: self._sign_in(email, password),
            lambda message: SignInResult(SignInOutcome.STORAGE_FAILED, message),
        )

    def _sign_in(self, email: str, password: str) -> SignInResult:
        now = self._clock()
        check = validation.check_email(email)
        key = self._attempt_key(check.normalized)
        locked_until = self._locked_until(key)
        if locked_until is not None and locked_until > now:
            wait = locked_until - now
            throttled = i18n.message(
                texts.SIGN_IN_THROTTLED, wait=texts.format_wait(int(wait.total_seconds()))
            )
            return SignInResult(SignInOutcome.THROTTLED, throttled, retry_after=wait)

        normalized_password = validation.normalize_password(password)
        account = self._account_by_email(check.normalized) if check.normalized else None
        stored_hash = self._password_hash(account.id) if account else None
        if len(normalized_password) > validation.MAX_PASSWORD_LENGTH:
            # Registration refuses such a password, so it matches nothing; the same time is spent
            # (on a bounded string) so that the answer does not tell whether the account exists.
            self._hashing.spend_verification_time(normalized_password[: validation.MAX_PASSWORD_LENGTH])
            verified = False
        elif stored_hash is None:
            self._hashing.spend_verification_time(normalized_password)
            verified = False
        else:
            verified = self._hashing.verify(stored_hash, normalized_password)
        if not verified or account is None or stored_hash is None:
            return self._record_failure(key, now)

        if account.status is AccountStatus.PENDING:
            with self._database.transaction() as connection:
                connection.execute("DELETE FROM sign_in_throttle WHERE attempt_key = ?", (key,))
            return SignInResult(
                SignInOutcome.PENDING_ACTIVATION, i18n.message(texts.SIGN_IN_PENDING), account
            )
        new_hash = (
            self._hashing.hash(normalized_password) if self._hashing.needs_rehash(stored_hash) else None
        )
        with self._database.transaction() as connection:
            connection.execute("DELETE FROM sign_in_throttle WHERE attempt_key = ?", (key,))
            if new_hash is not None:  # the hashing parameters were raised since this hash was made
                connection.execute(
                    "UPDATE accounts SET password_hash = ? WHERE id = ?", (new_hash, account.id)
                )
            connection.execute(
                "UPDATE accounts SET last_sign_in_at = ? WHERE id = ?", (to_text(now), account.id)
            )
        return SignInResult(SignInOutcome.SIGNED_IN, None, self._account_by_id(account.id))

    def _attempt_key(self, normalized_email: str | None) -> str:
        """What the throttle counts failures under, never what was typed (docs/reliability.md).

        A valid address: HMAC-SHA-256 of its case-folded form, keyed by a random key kept in the
        database (64 hex characters; it cannot be reversed into the address without the key, and
        the same address always gives the same key, across restarts too). Anything else — a typo, a
        password typed into the address field — shares one fixed bucket: such an input can never
        sign in, and it is not stored in any form.
        """
        if normalized_email is None:
            return NOT_AN_ADDRESS_ATTEMPT_KEY
        if self._throttle_key is None:
            with self._database.reading() as connection:
                row = connection.execute(
                    "SELECT value FROM secrets WHERE name = ?", (THROTTLE_KEY_NAME,)
                ).fetchone()
            if row is None:
                raise StorageError(StorageProblem.DAMAGED, self._database.path)
            self._throttle_key = bytes(row["value"])
        digest = hmac.new(self._throttle_key, email_key(normalized_email).encode("utf-8"), hashlib.sha256)
        return digest.hexdigest()

    def _locked_until(self, key: str) -> datetime | None:
        with self._database.reading() as connection:
            row = connection.execute(
                "SELECT locked_until FROM sign_in_throttle WHERE attempt_key = ?", (key,)
            ).fetchone()
        return from_text(row["locked_until"]) if row else None

    def _record_failure(self, key: str, now: datetime) -> SignInResult:
        throttle = self._settings.throttle
        with self._database.transaction() as connection:
            row = connection.execute(
                "SELECT failures FROM sign_in_throttle WHERE attempt_key = ?", (key,)
            ).fetchone()
            failures = (row["failures"] if row else 0) + 1
            locked_until = None
            if failures >= throttle.free_failures:
                # 5th failure: first_delay; each further failure (after waiting) doubles it.
                exponent = min(failures - throttle.free_failures, 32)  # 2**32 * 30 s is past any cap
                delay = min(throttle.first_delay * 2**exponent, throttle.max_delay)
                locked_until = now + delay
            connection.execute(
                "INSERT INTO sign_in_throttle (attempt_key, failures, locked_until) VALUES (?, ?, ?) "
                "ON CONFLICT (attempt_key) DO UPDATE SET failures = excluded.failures, "
                "locked_until = excluded.locked_until",
                (key, failures, to_text(locked_until)),
            )
        if locked_until is not None:
            wait = locked_until - now
            failed = i18n.sentences(
                i18n.message(texts.SIGN_IN_FAILED),
                i18n.message(texts.SIGN_IN_THROTTLED, wait=texts.format_wait(int(wait.total_seconds()))),
            )
            return SignInResult(SignInOutcome.FAILED, failed, retry_after=wait)
        return SignInResult(SignInOutcome.FAILED, i18n.message(texts.SIGN_IN_FAILED))

    # --- reading ----------------------------------------------------------------------------------

    def list_accounts(self) -> list[Account]:
        return list(self.iter_accounts())

    def iter_accounts(self) -> Iterator[Account]:
        """Every account, oldest first, read as it is consumed: an export never holds them all."""
        for row in iter_account_rows(self._database):
            yield _account(row)

    def find_account(self, email: str) -> Account | None:
        check = validation.check_email(email)
        return self._account_by_email(check.normalized) if check.normalized else None

    def _account_by_email(self, normalized_email: str) -> Account | None:
        with self._database.reading() as connection:
            row = connection.execute(
                f"{_ACCOUNT_SELECT} WHERE email_key = ?", (email_key(normalized_email),)
            ).fetchone()
        return _account(row) if row else None

    def _account_by_id(self, account_id: int) -> Account:
        with self._database.reading() as connection:
            row = connection.execute(f"{_ACCOUNT_SELECT} WHERE id = ?", (account_id,)).fetchone()
        return _account(row)

    def _password_hash(self, account_id: int) -> str | None:
        with self._database.reading() as connection:
            row = connection.execute(
                "SELECT password_hash FROM accounts WHERE id = ?", (account_id,)
            ).fetchone()
        return row["password_hash"] if row else None


_ACCOUNT_SELECT = f"SELECT {ACCOUNT_COLUMNS} FROM accounts"


def _account(row: sqlite3.Row) -> Account:
    created_at, consent_at = from_text(row["created_at"]), from_text(row["consent_at"])
    assert created_at is not None and consent_at is not None
    return Account(
        id=row["id"],
        email=row["email"],
        status=AccountStatus(row["status"]),
        created_at=created_at,
        activated_at=from_text(row["activated_at"]),
        last_sign_in_at=from_text(row["last_sign_in_at"]),
        consent_at=consent_at,
        cgu_version=row["cgu_version"],
        eligibility_answers=eligibility.answers_from_json(row["eligibility_answers"]),
        charter_version=row["charter_version"],
    )


def open_account_service(settings: Settings, clock: Callable[[], datetime] = utc_now) -> AccountService:
    """The service over the database of ``settings.data_dir`` (created 0700 if missing).

    Raises ``DataError`` (French, for the operator): ``DataDirError`` for a folder that cannot be
    used, ``DatabaseTooNewError``, ``DatabaseDamagedError`` or ``StorageError`` for the file.
    """
    return AccountService(open_database(settings.data_dir), settings, clock)


@dataclass(frozen=True)
class StartedService:
    service: AccountService
    set_aside: Path | None = None  # where a damaged database was moved before starting fresh


def start_account_service(settings: Settings, clock: Callable[[], datetime] = utc_now) -> StartedService:
    """The GUI's start-up: ``open_account_service``, but a damaged database is moved aside first.

    The damaged file keeps every byte under a dated name beside it (``set_aside_damaged_database``)
    and a fresh database takes its place; the caller tells the operator where it went. Raises
    ``DataError`` like ``open_account_service`` for everything else, and when the file cannot be
    moved.
    """
    try:
        return StartedService(open_account_service(settings, clock))
    except DatabaseDamagedError as damaged:
        try:
            kept = set_aside_damaged_database(damaged.path, clock())
        except OSError as error:
            refusal = i18n.message(
                texts.DATABASE_SET_ASIDE_FAILED, path=damaged.path, reason=os_error_reason(error)
            )
            raise DataError(refusal) from error
        log.warning("damaged database moved aside to %s", kept.name)
        return StartedService(open_account_service(settings, clock), kept)
