"""Where the application keeps its data and the knobs that shape its behaviour.

No Qt import here: the command line, the account service and the GUI all read these settings.
Production values are the defaults; tests replace the hashing parameters with fast ones through
``HashingParameters.fast_for_tests()`` and never the other way round.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from datetime import timedelta
from enum import Enum
from pathlib import Path

from monmaster_desktop import APP_NAME

DATABASE_FILE_NAME = "monmaster.sqlite3"


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
class Settings:
    data_dir: Path
    activation_token_lifetime: timedelta = timedelta(hours=72)
    hashing: HashingParameters = field(default_factory=HashingParameters)
    throttle: SignInThrottle = field(default_factory=SignInThrottle)
    captcha: CaptchaMode = CaptchaMode.IMAGE
    kiosk: bool = False
    language: str = "fr"

    @property
    def database_path(self) -> Path:
        return self.data_dir / DATABASE_FILE_NAME


def default_data_dir() -> Path:
    """platformdirs' per-user data folder for the application (overridable with --data-dir)."""
    override = os.environ.get("MONMASTER_DESKTOP_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs  # only when it is needed: a command given --data-dir never loads it

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` if needed and keep it readable by its owner only (0700 on POSIX)."""
    path.mkdir(parents=True, exist_ok=True)
    if sys.platform != "win32":
        os.chmod(path, 0o700)
    return path
