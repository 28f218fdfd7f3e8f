"""What every page of the wizard shares: the core service, the worker, the announcer, the candidate.

``CandidateSession`` holds what one candidate did so far (answers, address, mail). The kiosk resets
it between candidates; nothing of one candidate may survive into the next.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import IntEnum

from monmaster_desktop.accounts.service import Account, AccountService
from monmaster_desktop.eligibility import Answer
from monmaster_desktop.gui.accessibility.announcer import Announcer
from monmaster_desktop.gui.accessibility.debounced import ANNOUNCE_DELAY_MS
from monmaster_desktop.gui.worker import TaskRunner
from monmaster_desktop.settings import Settings


class PageId(IntEnum):
    """The wizard's pages, in the order of the platform's guide (docs/architecture.md, the screens)."""

    WELCOME = 0
    CANDIDATER = 1
    ELIGIBILITY = 2
    CREDENTIALS = 3
    MAIL_SENT = 4
    ACTIVATED = 5
    SIGN_IN = 6
    SIGNED_IN = 7


@dataclass
class CandidateSession:
    eligibility_answers: dict[str, Answer | None] = field(default_factory=dict)
    registered_email: str | None = None
    activation_mail_id: int | None = None
    activation_message: str | None = None  # what "Compte activé" says (first activation or already active)
    signed_in_account: Account | None = None
    prefill_sign_in_email: str | None = None
    sent_mail_ids: list[int] = field(default_factory=list)  # what a kiosk's outbox lists


@dataclass
class GuiContext:
    settings: Settings
    service: AccountService
    runner: TaskRunner
    announcer: Announcer
    clock: Callable[[], datetime]
    session: CandidateSession = field(default_factory=CandidateSession)
    # How long typing (or changing answers) must pause before screen readers are told what changed;
    # tests choose their own.
    announce_delay_ms: int = ANNOUNCE_DELAY_MS

    def reset_session(self) -> None:
        self.session = CandidateSession()
