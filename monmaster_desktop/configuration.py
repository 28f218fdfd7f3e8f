"""The operator's configuration file: how the application starts on a kiosk, without typing options.

A TOML file whose keys are the command line's options (docs/kiosk.md, "The configuration file"):

    kiosk = true
    idle-timeout = 120
    idle-warning = 30
    return-after-activation = 30
    theme = "light"
    text-size = 100
    captcha = "image"

It is read only when the graphical application starts, from ``--config FICHIER``, else from the
``MONMASTER_DESKTOP_CONFIG`` environment variable, else from ``monmaster-desktop.toml`` in the
per-user configuration folder; a missing default file is no error. Options typed on the command line
win over the file. An unknown key or a wrong value is refused with a French message naming the file
and the key (``ConfigurationError``, a ``DataError``: exit status 2), never ignored: a typo must not
leave a kiosk without its idle reset. No Qt here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from monmaster_desktop import APP_NAME, texts
from monmaster_desktop.i18n import message
from monmaster_desktop.settings import MIN_WARNING_SECONDS, DataError

CONFIG_FILE_NAME = "monmaster-desktop.toml"
CONFIG_ENVIRONMENT_VARIABLE = "MONMASTER_DESKTOP_CONFIG"
THEMES = ("system", "light", "dark", "high-contrast")
TEXT_SIZES = (100, 125, 150, 175, 200)
CAPTCHA_MODES = ("image", "question", "off")
# One day: a longer idle time would keep a walked-away candidate's page on screen all day.
MAX_IDLE_SECONDS = 86_400
MAX_WARNING_SECONDS = 600


class ConfigurationError(DataError):
    """The configuration file cannot be used; ``str()`` says where and why, in French."""


@dataclass(frozen=True)
class FileConfiguration:
    """What the file sets; None for what it leaves to the command line's defaults."""

    path: Path | None = None
    kiosk: bool | None = None
    idle_timeout: int | None = None
    idle_warning: int | None = None
    return_after_activation: int | None = None
    theme: str | None = None
    text_size: int | None = None
    captcha: str | None = None


def default_config_path() -> Path:
    """``monmaster-desktop.toml`` in the per-user configuration folder, or the environment's choice."""
    override = os.environ.get(CONFIG_ENVIRONMENT_VARIABLE)
    if override:
        return Path(override)
    import platformdirs  # only the GUI's start-up gets here

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / CONFIG_FILE_NAME


def read_configuration(path: Path | None) -> FileConfiguration:
    """The file at ``path`` (given by the operator: it must exist), or the default one if it exists."""
    explicit = path is not None or bool(os.environ.get(CONFIG_ENVIRONMENT_VARIABLE))
    where = path if path is not None else default_config_path()
    try:
        content = where.read_bytes()
    except FileNotFoundError:
        if explicit:
            raise ConfigurationError(message(texts.CONFIG_MISSING, path=where)) from None
        return FileConfiguration()
    except OSError as error:
        raise ConfigurationError(message(texts.CONFIG_UNREADABLE, path=where)) from error
    import tomllib  # only when a file is read: the operator's commands never need it

    try:
        table = tomllib.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigurationError(message(texts.CONFIG_NOT_TOML, path=where, reason=error)) from error
    return _configuration(where, table)


def _configuration(path: Path, table: dict[str, object]) -> FileConfiguration:
    known = {
        "kiosk": _boolean,
        "idle-timeout": lambda value: _seconds(value, 1, MAX_IDLE_SECONDS),
        "idle-warning": lambda value: _seconds(value, MIN_WARNING_SECONDS, MAX_WARNING_SECONDS),
        "return-after-activation": lambda value: _seconds(value, MIN_WARNING_SECONDS, MAX_IDLE_SECONDS),
        "theme": lambda value: _choice(value, THEMES),
        "text-size": lambda value: _choice(value, TEXT_SIZES),
        "captcha": lambda value: _choice(value, CAPTCHA_MODES),
    }
    values: dict[str, object] = {}
    for key, value in table.items():
        check = known.get(key)
        if check is None:
            raise ConfigurationError(
                message(texts.CONFIG_UNKNOWN_KEY, path=path, key=key, known=", ".join(known))
            )
        problem = check(value)
        if problem is not None:
            raise ConfigurationError(message(texts.CONFIG_BAD_VALUE, path=path, key=key, expected=problem))
        values[key.replace("-", "_")] = value
    return FileConfiguration(path=path, **values)  # type: ignore[arg-type]


def _boolean(value: object) -> str | None:
    return None if isinstance(value, bool) else message(texts.CONFIG_EXPECTED_BOOLEAN)


def _seconds(value: object, low: int, high: int) -> str | None:
    if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
        return None
    return message(texts.CONFIG_EXPECTED_SECONDS, low=low, high=high)


def _choice(value: object, choices: tuple[object, ...]) -> str | None:
    if value in choices and type(value) is type(choices[0]):
        return None
    return message(texts.CONFIG_EXPECTED_ONE_OF, choices=", ".join(_shown(choice) for choice in choices))


def _shown(choice: object) -> str:
    return f'"{choice}"' if isinstance(choice, str) else str(choice)
