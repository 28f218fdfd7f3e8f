"""The data folder: where it is, making it private, and the error that says it cannot be used.

Apart from ``settings`` (which re-exports these names) so that the operator's listings
(``accounts list``, ``outbox list``) reach the database without the settings' dataclasses, whose
import (``dataclasses`` loads ``inspect``) costs more than the listing (docs/performance.md). No Qt
here; nothing here ever sees a password.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from contextlib import suppress
from pathlib import Path

from monmaster_desktop import APP_NAME, texts
from monmaster_desktop.i18n import message

DATABASE_FILE_NAME = "monmaster.sqlite3"


def default_data_dir() -> Path:
    """platformdirs' per-user data folder for the application (overridable with --data-dir)."""
    override = os.environ.get("MONMASTER_DESKTOP_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs  # only when it is needed: a command given --data-dir never loads it

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


class DataError(RuntimeError):
    """The application's data cannot be used as it is; ``str()`` says why in French, for the operator.

    The command line prints it and exits non-zero; the GUI shows it in a dialog. Subclasses: the data
    folder (``DataDirError``), and in ``accounts.store`` a database too new, damaged or refused by
    the disk.
    """


class DataDirError(DataError):
    """The data folder cannot be created or written to; the message names it and ``--data-dir``."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


def os_error_reason(error: OSError) -> str:
    """Why the system refused, in a few words of the current language (never the system's ``strerror``)."""
    name = errno.errorcode.get(error.errno or 0, "")
    if name in texts.OS_ERROR_REASONS:
        return message(texts.OS_ERROR_REASONS[name])
    return message(texts.OS_ERROR_OTHER, number=error.errno)


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` if needed and make sure the application can write there; returns ``path``.

    A new folder is created 0700. An existing folder of the user loses the group's and others' rights
    (POSIX), but is never given rights it lacks: a read-only folder (0555, a read-only file system, a
    folder of another user) raises ``DataDirError`` instead of being made writable. A folder of
    another user that the user may write to is used as it is (its owner decides who reads it).
    """
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as error:
        raise DataDirError(message(texts.DATA_DIR_NOT_A_FOLDER, path=path), path) from error
    except OSError as error:
        refusal = message(texts.DATA_DIR_CANNOT_CREATE, path=path, reason=os_error_reason(error))
        raise DataDirError(refusal, path) from error
    if not path.is_dir():
        raise DataDirError(message(texts.DATA_DIR_NOT_A_FOLDER, path=path), path)
    if sys.platform == "win32":
        return path  # folders under %LOCALAPPDATA% are the user's own; Windows has no mode bits
    info = path.stat()
    owned = info.st_uid == os.geteuid()
    if not os.access(path, os.W_OK | os.X_OK):  # also False on a read-only file system
        template = texts.DATA_DIR_READ_ONLY if owned else texts.DATA_DIR_OTHER_OWNER
        raise DataDirError(message(template, path=path), path)
    mode = stat.S_IMODE(info.st_mode)
    if owned and mode & 0o077:
        # Narrow only (0755 -> 0700), never widen; a failure here leaves a folder that still works.
        with suppress(OSError):
            os.chmod(path, mode & 0o700)
    return path
