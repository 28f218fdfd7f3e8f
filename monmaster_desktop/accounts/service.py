"""What a candidate can do with an account: register, activate, resend the mail, sign in.

Every operation returns an explicit result (an outcome enum plus the French message to show)
instead of raising for expected outcomes. The service checks every rule again — the GUI is not the
only guard — using the same ``validation`` and ``eligibility`` functions the GUI displays.
No Qt import here. Passwords are NFKC-normalized, hashed with argon2id and then forgotten: they are
never stored, logged, put in a result or in an exception.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import Enum

from monmaster_desktop import eligibility, texts, validation
from monmaster_desktop.accounts.mail import Outbox, build_activation_mail
from monmaster_desktop.accounts.security import PasswordHashing, new_activation_token, token_digest
from monmaster_desktop.accounts.store import Database, from_text, to_text, utc_now
from monmaster_desktop.settings import Settings, ensure_private_dir

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

    def as_json(self) -> dict[str, object]:
        """What ``accounts list --json`` prints: never a hash."""
        return {
            "email": self.email,
            "status": self.status.value,
            "created_at": to_text(self.created_at),
            "activated_at": to_text(self.activated_at),
            "last_sign_in_at": to_text(self.last_sign_in_at),
            "consent_at": to_text(self.consent_at),
            "cgu_version": self.cgu_version,
            "charter_version": self.charter_version,
            "eligibility_answers": {
                key: (answer.value if answer else None) for key, answer in self.eligibility_answers.items()
            },
        }


# --- Registration ---------------------------------------------------------------------------------


class RegistrationField(Enum):
    """Where the GUI shows a refusal: under the field it concerns."""

    EMAIL = "email"
    PASSWORD = "password"
    PASSWORD_CONFIRMATION = "password_confirmation"
    CONSENT = "consent"
    ELIGIBILITY = "eligibility"


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


@dataclass(frozen=True)
class ActivationResult:
    outcome: ActivationOutcome
    message: str
    account: Account | None = None


class ResendOutcome(Enum):
    SENT = "sent"
    ALREADY_ACTIVE = "already_active"
    UNKNOWN_ADDRESS = "unknown_address"


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


@dataclass(frozen=True)
class SignInResult:
    outcome: SignInOutcome
    message: str | None
    account: Account | None = None
    retry_after: timedelta | None = None


def email_key(normalized_email: str) -> str:
    """The unique key of an address: case-folded, so Nom@Example.com and nom@example.com collide."""
    return normalized_email.casefold()


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
        self.outbox = Outbox(database)

    def close(self) -> None:
        self._database.close()

    @property
    def _validity_hours(self) -> int:
        return max(1, round(self._settings.activation_token_lifetime.total_seconds() / 3600))

    # --- register ---------------------------------------------------------------------------------

    def register(self, request: RegistrationRequest) -> RegistrationResult:
        refusals: list[Refusal] = []

        email_check = validation.check_email(request.email)
        if not email_check.is_valid:
            refusals.append(
                Refusal(RegistrationField.EMAIL, RefusalReason.INVALID_EMAIL, email_check.error or "")
            )
        refusals.extend(self._password_refusals(request, email_check.normalized))
        if not request.consent:
            refusals.append(
                Refusal(RegistrationField.CONSENT, RefusalReason.CONSENT_MISSING, texts.CONSENT_MISSING)
            )
        try:
            answers = eligibility.normalize_answers(request.eligibility_answers)
        except ValueError:
            answers = None
        if answers is None or not eligibility.assess(answers).is_eligible:
            refusals.append(
                Refusal(RegistrationField.ELIGIBILITY, RefusalReason.NOT_ELIGIBLE, texts.NOT_ELIGIBLE)
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
                mail_id = self._send_activation_mail(connection, account_id, email_check.normalized, now)
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
            missing = ", ".join(check.missing_labels)
            refusals.append(
                Refusal(
                    RegistrationField.PASSWORD,
                    RefusalReason.PASSWORD_CRITERIA,
                    texts.PASSWORD_CRITERIA_MISSING.format(missing=missing),
                )
            )
        if check.is_valid:
            context = validation.strength_context_for_email(normalized_email)
            if validation.estimate_strength(check.normalized, context=context).too_guessable:
                refusals.append(
                    Refusal(
                        RegistrationField.PASSWORD,
                        RefusalReason.PASSWORD_TOO_GUESSABLE,
                        validation.TOO_GUESSABLE_MESSAGE,
                    )
                )
        if validation.normalize_password(request.password_confirmation) != check.normalized:
            refusals.append(
                Refusal(
                    RegistrationField.PASSWORD_CONFIRMATION,
                    RefusalReason.PASSWORD_MISMATCH,
                    texts.PASSWORD_MISMATCH,
                )
            )
        return refusals

    def _duplicate_refusal(self, normalized_email: str) -> Refusal | None:
        account = self._account_by_email(normalized_email)
        if account is None:
            return None
        if account.status is AccountStatus.ACTIVE:
            return Refusal(
                RegistrationField.EMAIL, RefusalReason.ALREADY_ACTIVE, texts.ACCOUNT_ALREADY_ACTIVE
            )
        return Refusal(RegistrationField.EMAIL, RefusalReason.ALREADY_PENDING, texts.ACCOUNT_ALREADY_PENDING)

    def _send_activation_mail(
        self, connection: sqlite3.Connection, account_id: int, recipient: str, now: datetime
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
        message = build_activation_mail(recipient, token, now, self._validity_hours)
        return Outbox.add(connection, message, now, account_id)

    # --- activation -------------------------------------------------------------------------------

    def activate(self, token: str) -> ActivationResult:
        now = self._clock()
        with self._database.transaction() as connection:
            row = connection.execute(
                "SELECT t.id, t.account_id, t.expires_at, t.used_at, t.superseded_at, a.status "
                "FROM activation_tokens t JOIN accounts a ON a.id = t.account_id WHERE t.token_sha256 = ?",
                (token_digest(token),),
            ).fetchone()
            if row is None:
                return ActivationResult(ActivationOutcome.UNKNOWN, texts.ACTIVATION_UNKNOWN)
            account_id = row["account_id"]
            if row["status"] == AccountStatus.ACTIVE.value:
                outcome, message = ActivationOutcome.ALREADY_ACTIVE, texts.ACTIVATION_ALREADY_ACTIVE
            elif row["superseded_at"] is not None:
                outcome, message = ActivationOutcome.SUPERSEDED, texts.ACTIVATION_SUPERSEDED
            elif from_text(row["expires_at"]) <= now:  # type: ignore[operator]
                outcome = ActivationOutcome.EXPIRED
                message = texts.ACTIVATION_EXPIRED.format(hours=self._validity_hours)
            else:
                connection.execute(
                    "UPDATE activation_tokens SET used_at = ? WHERE id = ?", (to_text(now), row["id"])
                )
                connection.execute(
                    "UPDATE accounts SET status = ?, activated_at = ? WHERE id = ?",
                    (AccountStatus.ACTIVE.value, to_text(now), account_id),
                )
                outcome, message = ActivationOutcome.ACTIVATED, texts.ACTIVATION_DONE
        return ActivationResult(outcome, message, self._account_by_id(account_id))

    def resend_activation(self, email: str) -> ResendResult:
        check = validation.check_email(email)
        account = self._account_by_email(check.normalized) if check.normalized else None
        if account is None:
            return ResendResult(ResendOutcome.UNKNOWN_ADDRESS, texts.RESEND_UNKNOWN_ADDRESS)
        if account.status is AccountStatus.ACTIVE:
            return ResendResult(ResendOutcome.ALREADY_ACTIVE, texts.RESEND_ALREADY_ACTIVE)
        now = self._clock()
        with self._database.transaction() as connection:
            mail_id = self._send_activation_mail(connection, account.id, account.email, now)
        return ResendResult(ResendOutcome.SENT, texts.RESEND_DONE.format(email=account.email), mail_id)

    # --- sign-in ----------------------------------------------------------------------------------

    def sign_in(self, email: str, password: str) -> SignInResult:
        now = self._clock()
        check = validation.check_email(email)
        key = email_key(check.normalized) if check.normalized else email.strip().casefold()
        locked_until = self._locked_until(key)
        if locked_until is not None and locked_until > now:
            wait = locked_until - now
            message = texts.SIGN_IN_THROTTLED.format(wait=texts.format_wait(int(wait.total_seconds())))
            return SignInResult(SignInOutcome.THROTTLED, message, retry_after=wait)

        normalized_password = validation.normalize_password(password)
        account = self._account_by_email(check.normalized) if check.normalized else None
        stored_hash = self._password_hash(account.id) if account else None
        if stored_hash is None:
            self._hashing.spend_verification_time(normalized_password)
            verified = False
        else:
            verified = self._hashing.verify(stored_hash, normalized_password)
        if not verified or account is None:
            return self._record_failure(key, now)

        self._clear_failures(key)
        if account.status is AccountStatus.PENDING:
            return SignInResult(SignInOutcome.PENDING_ACTIVATION, texts.SIGN_IN_PENDING, account)
        new_hash = (
            self._hashing.hash(normalized_password) if self._hashing.needs_rehash(stored_hash) else None
        )
        with self._database.transaction() as connection:
            if new_hash is not None:  # the hashing parameters were raised since this hash was made
                connection.execute(
                    "UPDATE accounts SET password_hash = ? WHERE id = ?", (new_hash, account.id)
                )
            connection.execute(
                "UPDATE accounts SET last_sign_in_at = ? WHERE id = ?", (to_text(now), account.id)
            )
        return SignInResult(SignInOutcome.SIGNED_IN, None, self._account_by_id(account.id))

    def _locked_until(self, key: str) -> datetime | None:
        with self._database.reading() as connection:
            row = connection.execute(
                "SELECT locked_until FROM sign_in_failures WHERE email_key = ?", (key,)
            ).fetchone()
        return from_text(row["locked_until"]) if row else None

    def _record_failure(self, key: str, now: datetime) -> SignInResult:
        throttle = self._settings.throttle
        with self._database.transaction() as connection:
            row = connection.execute(
                "SELECT failures FROM sign_in_failures WHERE email_key = ?", (key,)
            ).fetchone()
            failures = (row["failures"] if row else 0) + 1
            locked_until = None
            if failures >= throttle.free_failures:
                # 5th failure: first_delay; each further failure (after waiting) doubles it.
                delay = min(
                    throttle.first_delay * 2 ** (failures - throttle.free_failures), throttle.max_delay
                )
                locked_until = now + delay
            connection.execute(
                "INSERT INTO sign_in_failures (email_key, failures, locked_until) VALUES (?, ?, ?) "
                "ON CONFLICT (email_key) DO UPDATE SET failures = excluded.failures, "
                "locked_until = excluded.locked_until",
                (key, failures, to_text(locked_until)),
            )
        if locked_until is not None:
            wait = locked_until - now
            message = (
                f"{texts.SIGN_IN_FAILED} "
                f"{texts.SIGN_IN_THROTTLED.format(wait=texts.format_wait(int(wait.total_seconds())))}"
            )
            return SignInResult(SignInOutcome.FAILED, message, retry_after=wait)
        return SignInResult(SignInOutcome.FAILED, texts.SIGN_IN_FAILED)

    def _clear_failures(self, key: str) -> None:
        with self._database.transaction() as connection:
            connection.execute("DELETE FROM sign_in_failures WHERE email_key = ?", (key,))

    # --- reading ----------------------------------------------------------------------------------

    def list_accounts(self) -> list[Account]:
        return list(self.iter_accounts())

    def iter_accounts(self) -> Iterator[Account]:
        """Every account, oldest first, read as it is consumed: an export never holds them all."""
        with self._database.reading() as connection:
            for row in connection.execute(f"{_ACCOUNT_SELECT} ORDER BY created_at, id"):
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


_ACCOUNT_SELECT = (
    "SELECT id, email, status, created_at, activated_at, last_sign_in_at, consent_at, cgu_version, "
    "eligibility_answers, charter_version FROM accounts"
)


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
    """The service over the database of ``settings.data_dir`` (created 0700 if missing)."""
    ensure_private_dir(settings.data_dir)
    return AccountService(Database.open(settings.database_path), settings, clock)
