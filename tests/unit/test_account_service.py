"""The account service as a candidate meets it: registering, activating, resending, signing in."""

from __future__ import annotations

import pytest
from support import ALL_OUI, GOOD_PASSWORD, FakeClock, registration

from monmaster_desktop import texts
from monmaster_desktop.accounts.mail import token_from_activation_url
from monmaster_desktop.accounts.security import token_digest
from monmaster_desktop.accounts.service import (
    AccountService,
    AccountStatus,
    ActivationOutcome,
    RefusalReason,
    RegistrationField,
    ResendOutcome,
    SignInOutcome,
    open_account_service,
)
from monmaster_desktop.eligibility import Answer
from monmaster_desktop.settings import HashingParameters, Settings


def activation_token_of(service: AccountService, mail_id: int) -> str:
    stored = service.outbox.get(mail_id)
    assert stored is not None
    (link,) = [link for link in stored.links if link.text == "Activer mon compte"]
    token = token_from_activation_url(link.url)
    assert token is not None
    return token


def register_and_activate(service: AccountService, email: str = "camille.martin@example.fr") -> None:
    result = service.register(registration(email))
    assert result.ok and result.mail_id is not None
    assert (
        service.activate(activation_token_of(service, result.mail_id)).outcome is ActivationOutcome.ACTIVATED
    )


# --- registering ----------------------------------------------------------------------------------


def test_registration_creates_a_pending_account_and_its_activation_mail(
    service: AccountService, clock
) -> None:
    result = service.register(registration("Camille.Martin@Example.FR"))

    assert result.ok and result.refusals == ()
    assert result.account is not None
    assert result.account.email == "Camille.Martin@example.fr"
    assert result.account.status is AccountStatus.PENDING
    assert result.account.created_at == clock.now == result.account.consent_at
    assert result.account.eligibility_answers == ALL_OUI
    assert result.account.cgu_version and result.account.charter_version
    (entry,) = service.outbox.list()
    assert entry.id == result.mail_id
    assert entry.recipient == "Camille.Martin@example.fr"
    assert entry.subject == texts.ACTIVATION_MAIL_SUBJECT
    assert not entry.is_read


def test_registration_stores_only_an_argon2id_hash_and_the_token_digest(service: AccountService) -> None:
    result = service.register(registration())
    assert result.mail_id is not None
    token = activation_token_of(service, result.mail_id)
    with service.outbox._database.reading() as connection:
        (password_hash,) = connection.execute("SELECT password_hash FROM accounts").fetchone()
        (stored_digest,) = connection.execute("SELECT token_sha256 FROM activation_tokens").fetchone()
    assert password_hash.startswith("$argon2id$")
    assert GOOD_PASSWORD not in password_hash
    assert stored_digest == token_digest(token) and token not in stored_digest
    assert len(token) >= 22  # at least 128 bits in URL-safe base 64


def test_icloud_address_registers_with_the_seed_warning(service: AccountService) -> None:
    result = service.register(registration("camille@icloud.com"))
    assert result.ok
    assert result.email_warning is not None and "icloud" in result.email_warning.lower()


@pytest.mark.parametrize(
    ("changes", "where", "reason"),
    [
        ({"email": "camille.example.fr"}, RegistrationField.EMAIL, RefusalReason.INVALID_EMAIL),
        (
            {"password": "abcdefgh", "password_confirmation": "abcdefgh"},
            RegistrationField.PASSWORD,
            RefusalReason.PASSWORD_CRITERIA,
        ),
        (
            {"password": "Aa1%" * 33, "password_confirmation": "Aa1%" * 33},
            RegistrationField.PASSWORD,
            RefusalReason.PASSWORD_TOO_LONG,
        ),
        (
            {"password": "Rh%8v\u200bQz!mLw2", "password_confirmation": "Rh%8v\u200bQz!mLw2"},
            RegistrationField.PASSWORD,
            RefusalReason.PASSWORD_FORBIDDEN_CHARACTER,
        ),
        (
            {"password": "Password1%", "password_confirmation": "Password1%"},
            RegistrationField.PASSWORD,
            RefusalReason.PASSWORD_TOO_GUESSABLE,
        ),
        (
            {"password_confirmation": GOOD_PASSWORD + "x"},
            RegistrationField.PASSWORD_CONFIRMATION,
            RefusalReason.PASSWORD_MISMATCH,
        ),
        ({"consent": False}, RegistrationField.CONSENT, RefusalReason.CONSENT_MISSING),
        (
            {"eligibility_answers": {**ALL_OUI, "residence": Answer.NON}},
            RegistrationField.ELIGIBILITY,
            RefusalReason.NOT_ELIGIBLE,
        ),
        (
            {"eligibility_answers": {"first_year_master": Answer.OUI}},
            RegistrationField.ELIGIBILITY,
            RefusalReason.NOT_ELIGIBLE,
        ),
        (
            {"eligibility_answers": {**ALL_OUI, "no_such_question": "oui"}},
            RegistrationField.ELIGIBILITY,
            RefusalReason.NOT_ELIGIBLE,
        ),
    ],
)
def test_each_refusal_is_reported_under_its_field_and_nothing_is_written(
    service: AccountService, changes: dict, where: RegistrationField, reason: RefusalReason
) -> None:
    result = service.register(registration(**changes))

    assert not result.ok
    assert [(refusal.field, refusal.reason) for refusal in result.refusals] == [(where, reason)]
    assert result.refusals[0].message  # a French sentence for the candidate
    assert service.list_accounts() == [] and service.outbox.list() == []


def test_criteria_refusal_names_what_is_missing(service: AccountService) -> None:
    result = service.register(registration(password="abcdefgh", password_confirmation="abcdefgh"))
    (refusal,) = result.refusals
    assert "au moins 1 lettre en majuscule" in refusal.message
    assert "au moins 1 chiffre" in refusal.message
    assert "au moins 1 caractère spécial" in refusal.message
    assert "au moins 8 caractères" not in refusal.message


def test_every_refusal_is_reported_at_once(service: AccountService) -> None:
    result = service.register(
        registration(
            "pas-une-adresse",
            password="court",
            password_confirmation="autre",
            consent=False,
            eligibility_answers={},
        )
    )
    # Every field of the form (the storage one is for a disk that refuses, tested elsewhere).
    assert {refusal.field for refusal in result.refusals} == set(RegistrationField) - {
        RegistrationField.STORAGE
    }


def test_refusal_messages_never_repeat_the_password(service: AccountService) -> None:
    password = "motdepasse"
    result = service.register(registration(password=password, password_confirmation=password + "!"))
    assert result.refusals
    assert all(password not in refusal.message for refusal in result.refusals)
    assert password not in repr(result) and password not in repr(registration(password=password))


def test_duplicate_of_a_pending_account_offers_to_resend_the_mail(service: AccountService) -> None:
    assert service.register(registration()).ok
    result = service.register(registration("CAMILLE.MARTIN@example.fr"))
    assert [refusal.reason for refusal in result.refusals] == [RefusalReason.ALREADY_PENDING]
    assert "renvoyer le courriel d'activation" in result.refusals[0].message
    assert len(service.list_accounts()) == 1


def test_duplicate_of_an_active_account_says_to_sign_in(service: AccountService) -> None:
    register_and_activate(service)
    result = service.register(registration("Camille.Martin@EXAMPLE.fr"))
    assert [refusal.reason for refusal in result.refusals] == [RefusalReason.ALREADY_ACTIVE]
    assert "Connectez-vous" in result.refusals[0].message


def test_an_account_never_exists_without_its_mail(service: AccountService, monkeypatch) -> None:
    from monmaster_desktop.accounts import mail

    def broken_add(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(mail.Outbox, "add", staticmethod(broken_add))
    with pytest.raises(OSError):
        service.register(registration())
    assert service.list_accounts() == [] and service.outbox.list() == []


# --- activating -----------------------------------------------------------------------------------


def test_activation_link_activates_once_then_says_already_active(service: AccountService, clock) -> None:
    result = service.register(registration())
    assert result.mail_id is not None
    token = activation_token_of(service, result.mail_id)
    clock.advance(minutes=5)

    first = service.activate(token)
    assert first.outcome is ActivationOutcome.ACTIVATED
    assert first.account is not None and first.account.status is AccountStatus.ACTIVE
    assert first.account.activated_at == clock.now
    second = service.activate(token)
    assert second.outcome is ActivationOutcome.ALREADY_ACTIVE
    assert second.message == texts.ACTIVATION_ALREADY_ACTIVE


def test_unknown_activation_link_is_refused(service: AccountService) -> None:
    service.register(registration())
    result = service.activate("not-a-token-we-ever-sent")
    assert result.outcome is ActivationOutcome.UNKNOWN and result.account is None
    assert result.message == texts.ACTIVATION_UNKNOWN


def test_activation_link_expires_after_72_hours(service: AccountService, clock: FakeClock) -> None:
    result = service.register(registration())
    assert result.mail_id is not None
    token = activation_token_of(service, result.mail_id)
    clock.advance(hours=72)
    expired = service.activate(token)
    assert expired.outcome is ActivationOutcome.EXPIRED
    assert "72 heures" in expired.message
    assert service.list_accounts()[0].status is AccountStatus.PENDING


def test_activation_link_still_works_a_second_before_expiry(
    service: AccountService, clock: FakeClock
) -> None:
    result = service.register(registration())
    assert result.mail_id is not None
    clock.advance(hours=72, seconds=-1)
    assert (
        service.activate(activation_token_of(service, result.mail_id)).outcome is ActivationOutcome.ACTIVATED
    )


def test_resending_the_mail_retires_the_older_link(service: AccountService, clock: FakeClock) -> None:
    first = service.register(registration())
    assert first.mail_id is not None
    clock.advance(minutes=10)

    resent = service.resend_activation("camille.martin@EXAMPLE.fr")
    assert resent.outcome is ResendOutcome.SENT and resent.mail_id not in (None, first.mail_id)
    assert [entry.id for entry in service.outbox.list()] == [resent.mail_id, first.mail_id]  # newest first
    assert (
        service.activate(activation_token_of(service, first.mail_id)).outcome is ActivationOutcome.SUPERSEDED
    )
    assert resent.mail_id is not None
    assert (
        service.activate(activation_token_of(service, resent.mail_id)).outcome is ActivationOutcome.ACTIVATED
    )


def test_resending_gives_the_new_link_a_full_lifetime(service: AccountService, clock: FakeClock) -> None:
    service.register(registration())
    clock.advance(hours=71)
    resent = service.resend_activation("camille.martin@example.fr")
    clock.advance(hours=71)
    assert resent.mail_id is not None
    assert (
        service.activate(activation_token_of(service, resent.mail_id)).outcome is ActivationOutcome.ACTIVATED
    )


def test_resending_to_an_active_or_unknown_address(service: AccountService) -> None:
    register_and_activate(service)
    assert service.resend_activation("camille.martin@example.fr").outcome is ResendOutcome.ALREADY_ACTIVE
    assert service.resend_activation("personne@example.fr").outcome is ResendOutcome.UNKNOWN_ADDRESS
    assert service.resend_activation("pas une adresse").outcome is ResendOutcome.UNKNOWN_ADDRESS
    assert len(service.outbox.list()) == 1


# --- signing in -----------------------------------------------------------------------------------


def test_sign_in_with_the_right_password_records_the_time(service: AccountService, clock: FakeClock) -> None:
    register_and_activate(service)
    clock.advance(days=1)
    result = service.sign_in(" Camille.Martin@example.FR ", GOOD_PASSWORD)
    assert result.outcome is SignInOutcome.SIGNED_IN and result.message is None
    assert result.account is not None and result.account.last_sign_in_at == clock.now


def test_wrong_password_and_unknown_address_get_the_same_message(service: AccountService) -> None:
    register_and_activate(service)
    wrong = service.sign_in("camille.martin@example.fr", GOOD_PASSWORD + "x")
    unknown = service.sign_in("personne@example.fr", GOOD_PASSWORD)
    assert wrong.outcome is unknown.outcome is SignInOutcome.FAILED
    assert wrong.message == unknown.message == texts.SIGN_IN_FAILED
    assert wrong.account is None and unknown.account is None


def test_pending_account_with_the_right_password_is_offered_activation(service: AccountService) -> None:
    service.register(registration())
    result = service.sign_in("camille.martin@example.fr", GOOD_PASSWORD)
    assert result.outcome is SignInOutcome.PENDING_ACTIVATION
    assert result.message == texts.SIGN_IN_PENDING
    # A wrong password on a pending account says nothing about the account.
    assert service.sign_in("camille.martin@example.fr", "Wrong%pass1").outcome is SignInOutcome.FAILED


def test_full_width_password_signs_in_with_its_ascii_twin(service: AccountService) -> None:
    full_width = "".join(chr(ord(character) + 0xFEE0) for character in GOOD_PASSWORD)  # "Ｒｈ％８…"
    assert full_width != GOOD_PASSWORD
    result = service.register(registration(password=full_width, password_confirmation=full_width))
    assert result.ok and result.mail_id is not None
    service.activate(activation_token_of(service, result.mail_id))
    assert service.sign_in("camille.martin@example.fr", GOOD_PASSWORD).outcome is SignInOutcome.SIGNED_IN


def test_five_failures_lock_the_address_and_the_delay_doubles(
    service: AccountService, clock: FakeClock
) -> None:
    register_and_activate(service)
    address = "camille.martin@example.fr"
    for _ in range(4):
        result = service.sign_in(address, "Wrong%pass1")
        assert result.outcome is SignInOutcome.FAILED and result.retry_after is None
    fifth = service.sign_in(address, "Wrong%pass1")
    assert fifth.outcome is SignInOutcome.FAILED
    assert fifth.retry_after is not None and fifth.retry_after.total_seconds() == 30
    assert "30 secondes" in (fifth.message or "")

    clock.advance(seconds=10)
    locked = service.sign_in(address, GOOD_PASSWORD)  # even the right password waits
    assert locked.outcome is SignInOutcome.THROTTLED
    assert locked.retry_after is not None and locked.retry_after.total_seconds() == 20
    assert "20 secondes" in (locked.message or "")

    clock.advance(seconds=20)
    sixth = service.sign_in(address, "Wrong%pass1")
    assert sixth.retry_after is not None and sixth.retry_after.total_seconds() == 60
    clock.advance(seconds=60)
    seventh = service.sign_in(address, "Wrong%pass1")
    assert seventh.retry_after is not None and seventh.retry_after.total_seconds() == 120

    clock.advance(seconds=120)
    assert service.sign_in(address, GOOD_PASSWORD).outcome is SignInOutcome.SIGNED_IN
    assert service.sign_in(address, "Wrong%pass1").retry_after is None  # success reset the count


def test_the_lock_survives_a_restart(settings: Settings, clock: FakeClock) -> None:
    first = open_account_service(settings, clock)
    register_and_activate(first)
    for _ in range(5):
        first.sign_in("camille.martin@example.fr", "Wrong%pass1")
    first.close()

    second = open_account_service(settings, clock)
    try:
        assert second.sign_in("camille.martin@example.fr", GOOD_PASSWORD).outcome is SignInOutcome.THROTTLED
    finally:
        second.close()


def test_unknown_addresses_are_throttled_like_known_ones(service: AccountService) -> None:
    for _ in range(5):
        service.sign_in("personne@example.fr", "Wrong%pass1")
    assert service.sign_in("personne@example.fr", "Wrong%pass1").outcome is SignInOutcome.THROTTLED


def test_sign_in_upgrades_a_hash_made_with_older_parameters(settings: Settings, clock: FakeClock) -> None:
    old = open_account_service(settings, clock)
    register_and_activate(old)
    old.close()

    stronger = Settings(
        data_dir=settings.data_dir, hashing=HashingParameters(time_cost=2, memory_cost_kib=512)
    )
    service = open_account_service(stronger, clock)
    try:
        with service.outbox._database.reading() as connection:
            (before,) = connection.execute("SELECT password_hash FROM accounts").fetchone()
        assert service.sign_in("camille.martin@example.fr", GOOD_PASSWORD).outcome is SignInOutcome.SIGNED_IN
        with service.outbox._database.reading() as connection:
            (after,) = connection.execute("SELECT password_hash FROM accounts").fetchone()
        assert "m=256,t=1" in before and "m=512,t=2" in after
        assert service.sign_in("camille.martin@example.fr", GOOD_PASSWORD).outcome is SignInOutcome.SIGNED_IN
    finally:
        service.close()
