"""Where the application keeps its data and the knobs that shape its behaviour.

No Qt import here: the command line, the account service and the GUI all read these settings.
Production values are the defaults; tests replace the hashing parameters with fast ones through
``HashingParameters.fast_for_tests()`` and never the other way round.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from enum import Enum
from pathlib import Path

# Re-exported: the data folder's names have always been read from here.
from monmaster_desktop.data_folder import DATABASE_FILE_NAME as DATABASE_FILE_NAME
from monmaster_desktop.data_folder import DataDirError as DataDirError
from monmaster_desktop.data_folder import DataError as DataError
from monmaster_desktop.data_folder import default_data_dir as default_data_dir
from monmaster_desktop.data_folder import ensure_private_dir as ensure_private_dir
from monmaster_desktop.data_folder import os_error_reason as os_error_reason

LOCK_FILE_NAME = "monmaster.lock"


class CaptchaMode(Enum):
    IMAGE = "image"  # distorted characters, with the text question as the non-visual alternative
    QUESTION = "question"  # only the text question
    OFF = "off"  # operators and automated tests only


@dataclass(frozen=True)
class HashingParameters:
    """argon2id cost parameters; the defaults are argon2-cffi's own (RFC 9106 low-memory profile)."""

    time_cost: int = 3
    memory_cost_kib: int = 65536
    parallelism: int = 4

    @classmethod
    def fast_for_tests(cls) -> HashingParameters:
        # Cheap enough for a test suite of hundreds of registrations; never used by the application.
        return cls(time_cost=1, memory_cost_kib=256, parallelism=1)


@dataclass(frozen=True)
class SignInThrottle:
    """After ``free_failures`` failures in a row, an address waits ``first_delay``, doubling each time."""

    free_failures: int = 5
    first_delay: timedelta = timedelta(seconds=30)
    max_delay: timedelta = timedelta(hours=1)


@dataclass(frozen=True)
class KioskSettings:
    """How a kiosk behaves between candidates (docs/kiosk.md); the operator's configuration file sets them.

    Times are in seconds. The warning lasts at least 20 s (RGAA 13.1: time to answer).
    """

    idle_timeout: int = 120  # without any input, the warning opens
    warning: int = 30  # the warning's countdown; without an answer the session ends
    return_after_activation: int = 30  # "Compte activé" goes back to "Accueil" by itself after this
    theme: str = "system"  # what each session starts with: system, light, dark, high-contrast
    text_scale: float = 1.0  # 1.0 to 2.0 (100 % to 200 %)


MIN_WARNING_SECONDS = 20


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    activation_token_lifetime: timedelta = timedelta(hours=72)
    hashing: HashingParameters = field(default_factory=HashingParameters)
    throttle: SignInThrottle = field(default_factory=SignInThrottle)
    captcha: CaptchaMode = CaptchaMode.IMAGE
    kiosk: bool = False
    kiosk_settings: KioskSettings = field(default_factory=KioskSettings)
    language: str = "fr"

    @property
    def database_path(self) -> Path:
        return self.data_dir / DATABASE_FILE_NAME  # where accounts.listing.open_database opens it

    @property
    def lock_path(self) -> Path:
        """The lock file that keeps a second instance off this data folder (instance_lock.py)."""
        return self.data_dir / LOCK_FILE_NAME
