"""Sending the activation mail again: "Renvoyer le courriel" ("Activez votre compte", "Se connecter").

One handler for both pages: the service supersedes the older links, the page says how it went under
its button and announces it, and the new mail goes to the outbox (``FormPage.mail_sent``).
"""

from __future__ import annotations

from monmaster_desktop.accounts.service import ResendOutcome
from monmaster_desktop.gui.language import current_language
from monmaster_desktop.gui.pages.base import FormPage
from monmaster_desktop.gui.widgets.field_message import FieldMessage


def resend_message_kind(outcome: ResendOutcome) -> str:
    """How the message shows the result of "Renvoyer le courriel": a failure to store it is an error."""
    if outcome is ResendOutcome.SENT:
        return "success"
    return "error" if outcome is ResendOutcome.STORAGE_FAILED else "info"


def resend_activation_mail(page: FormPage, email: str, message: FieldMessage) -> None:
    """Ask the service for a new activation mail for ``email``; show and announce its answer in ``message``.

    No hashing involved: quick enough to run on the UI thread.
    """
    context = page.context
    # The mail in the language the candidate uses now.
    result = context.service.resend_activation(email, current_language())
    message.show_message(resend_message_kind(result.outcome), result.message)
    context.announcer.announce(message, result.message)
    if result.mail_id is not None:
        context.session.registered_email = email.strip()
        context.session.activation_mail_id = result.mail_id
        page.mail_sent.emit(result.mail_id)
