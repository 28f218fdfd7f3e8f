"""Any string into every public function of the service and of the validation module.

Any text (lone surrogates, controls, right-to-left overrides, 1 MB strings, SQL fragments, real
addresses): only the documented result types come out, with French messages, and nothing stored
grows beyond its bound. hypothesis draws the inputs; the counts are small in the suite and large in
``benchmarks/bench_reliability.py``.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from support import GOOD_PASSWORD, proof_count, record_proof

from monmaster_desktop import validation
from monmaster_desktop.accounts.mail import StoredMail
from monmaster_desktop.accounts.service import (
    Account,
    ActivationOutcome,
    ActivationResult,
    RefusalReason,
    RegistrationRequest,
    RegistrationResult,
    ResendOutcome,
    ResendResult,
    SignInOutcome,
    SignInResult,
    email_key,
    open_account_service,
)
from monmaster_desktop.eligibility import QUESTION_KEYS
from monmaster_desktop.settings import HashingParameters, Settings

ANY_CHARACTER = st.characters(exclude_categories=())  # surrogates, controls, unassigned: everything
MEGABYTE = 1_000_000
NASTY = (
    "",
    " ",
    "\ud800",
    "a\udfffb",
    "\ud83d",  # half of an emoji
    "\x00",
    "\n",
    "12345\n",  # zxcvbn's date matcher raised on it
    "\u202egnp.exe",  # right-to-left override
    "\u200b\ufeff",  # zero-width space, byte-order mark
    "'; DROP TABLE accounts; --",
    "\" OR 1=1 --",
    "camille.martin@example.fr",
    "Camille.Martin@Example.FR\u202e",
    "zoé@exemple.fr",
    "a@b@c.fr",
    "monmaster://activer?jeton=" + "A" * 43,
    GOOD_PASSWORD,
    "ﷺ" * 50,  # one character, eighteen after NFKC
    "\U0001f600" * 300,
    "x" * MEGABYTE,
    "é" * MEGABYTE,
    "@" * MEGABYTE,
)


def any_text() -> st.SearchStrategy[str]:
    # By index: a strategy holding megabyte strings would spend seconds on its own repr.
    nasty = st.integers(min_value=0, max_value=len(NASTY) - 1).map(NASTY.__getitem__)
    short = st.text(ANY_CHARACTER, max_size=40)
    return st.one_of(
        short,
        nasty,
        st.emails(),
        st.tuples(st.text(ANY_CHARACTER, max_size=8), nasty, st.text(ANY_CHARACTER, max_size=8)).map("".join),
    )


def run_settings(examples: int) -> hypothesis_settings:
    return hypothesis_settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
        ],
    )


class ZxcvbnFailures(logging.Handler):
    """Counts the validation module's "zxcvbn failed" log lines: its fallback must never be needed."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += "zxcvbn failed" in record.getMessage()


def test_every_validation_function_returns_its_documented_result() -> None:
    examples = proof_count(in_suite=50, full=3000)
    failures = ZxcvbnFailures()
    logging.getLogger("monmaster_desktop.validation").addHandler(failures)
    checked = 0

    @run_settings(examples)
    @given(text=any_text(), context=st.lists(any_text(), max_size=3))
    def check(text: str, context: list[str]) -> None:
        nonlocal checked
        checked += 1
        email = validation.check_email(text)
        assert isinstance(email, validation.EmailCheck)
        if email.is_valid:
            assert email.error is None and email.normalized is not None
            assert len(email.normalized) <= validation.MAX_EMAIL_LENGTH
        else:
            assert email.normalized is None and email.error_code in validation.EMAIL_ERROR_MESSAGES
            assert isinstance(email.error, str) and email.error
        assert email.warning in (None, validation.BLOCKING_MAIL_DOMAIN_WARNING)

        password = validation.check_password(text)
        assert list(password.criteria) == [criterion.key for criterion in validation.PASSWORD_CRITERIA]
        assert set(password.problems) <= set(validation.PASSWORD_PROBLEM_MESSAGES)
        assert isinstance(password.is_valid, bool)
        assert all(isinstance(label, str) for label in password.missing_labels)
        for criterion in validation.PASSWORD_CRITERIA:
            assert criterion.test(password.normalized) is password.criteria[criterion.key]

        strength = validation.estimate_strength(text, context=context)
        assert 0 <= strength.score <= 4 and strength.label == validation.STRENGTH_LABELS[strength.score]
        assert strength.too_guessable is (strength.score < validation.TOO_GUESSABLE_SCORE_BELOW)
        assert isinstance(validation.normalize_password(text), str)
        words = validation.strength_context_for_email(text)
        assert isinstance(words, tuple) and {"monmaster", "master"} <= set(words)

    try:
        check()
    finally:
        logging.getLogger("monmaster_desktop.validation").removeHandler(failures)
    assert failures.count == 0  # zxcvbn never failed: the fallback was not what kept this green
    record_proof("hypothesis: validation module", examples=checked)


def test_every_service_function_returns_its_documented_result(tmp_path: Path) -> None:
    examples = proof_count(in_suite=60, full=2000)
    settings = Settings(data_dir=tmp_path / "data", hashing=HashingParameters.fast_for_tests())
    service = open_account_service(settings)
    answers = st.dictionaries(
        st.one_of(st.sampled_from(QUESTION_KEYS), any_text()),
        st.one_of(st.none(), st.sampled_from(["oui", "non", "OUI"]), any_text()),
        max_size=5,
    )
    checked = 0
    stored = set(ResendOutcome) - {ResendOutcome.STORAGE_FAILED}

    @run_settings(examples)
    @given(
        email=any_text(),
        password=any_text(),
        confirmation=st.one_of(st.just(None), any_text()),
        consent=st.booleans(),
        eligibility=answers,
        token=any_text(),
        mail_id=st.integers(min_value=-(2**63), max_value=2**63 - 1),
        valid=st.one_of(st.none(), st.integers(0, 10**6)),
    )
    def check(email, password, confirmation, consent, eligibility, token, mail_id, valid) -> None:
        nonlocal checked
        checked += 1
        if valid is not None:  # about half the time a request that registers, so every path is taken
            email, password, confirmation = f"candidat.{valid}@example.fr", GOOD_PASSWORD, None
            consent, eligibility = True, dict.fromkeys(QUESTION_KEYS, "oui")
        request = RegistrationRequest(
            email=email,
            password=password,
            password_confirmation=password if confirmation is None else confirmation,
            consent=consent,
            eligibility_answers=eligibility,
        )
        registered = service.register(request)
        assert isinstance(registered, RegistrationResult)
        assert registered.ok is (registered.account is not None)
        assert registered.ok or registered.refusals
        for refusal in registered.refusals:
            assert refusal.reason is not RefusalReason.STORAGE_FAILED  # the disk is fine here
            assert isinstance(refusal.message, str) and refusal.message

        activated = service.activate(token)
        assert isinstance(activated, ActivationResult) and activated.outcome is ActivationOutcome.UNKNOWN
        resent = service.resend_activation(email)
        assert isinstance(resent, ResendResult) and resent.outcome in stored and resent.message
        signed_in = service.sign_in(email, password)
        assert isinstance(signed_in, SignInResult)
        assert signed_in.outcome is not SignInOutcome.STORAGE_FAILED
        assert signed_in.outcome is SignInOutcome.SIGNED_IN or signed_in.message

        found = service.find_account(email)
        assert found is None or isinstance(found, Account)
        assert isinstance(email_key(email), str)
        assert all(isinstance(account, Account) for account in service.list_accounts())
        assert isinstance(service.outbox.list(email), list)
        mail = service.outbox.get(mail_id)
        assert mail is None or isinstance(mail, StoredMail)

    try:
        check()
        database_size = sum(path.stat().st_size for path in settings.data_dir.iterdir())
        accounts = len(service.list_accounts())
    finally:
        service.close()
    longest = longest_stored_text(settings.database_path)
    assert longest <= 320, longest  # addresses at most 254, hashes and keys shorter
    assert database_size < 20 * MEGABYTE  # megabyte inputs left no megabyte rows
    record_proof(
        "hypothesis: account service",
        examples=checked,
        accounts=accounts,
        longest_stored_text=longest,
        database_bytes=database_size,
    )


def longest_stored_text(database: Path) -> int:
    connection = sqlite3.connect(database)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        longest = 0
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            for column in connection.execute(f"PRAGMA table_info({table})").fetchall():
                if column[2] == "TEXT":
                    (length,) = connection.execute(f"SELECT max(length({column[1]})) FROM {table}").fetchone()
                    longest = max(longest, length or 0)
        return longest
    finally:
        connection.close()
