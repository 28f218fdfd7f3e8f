"""One instance per data folder for the GUI: Qt's ``QLockFile`` on ``<data folder>/monmaster.lock``.

A second launch on the same folder is told, in French in a dialog and on stderr, that the
application already runs there (``app.run_gui``: exit status 4). The lock is held for the whole run
(stale time 0: an old lock file is never taken from a running process). A lock left by a crash is
recovered: ``QLockFile`` removes it when its process no longer runs; a file it cannot judge
(unreadable contents) is removed when no process holds it (``instance_lock.is_held``, which also
honours the command line's locks). docs/kiosk.md, "One instance per data folder".
"""

from __future__ import annotations

import errno

from PySide6.QtCore import QLockFile

from monmaster_desktop import instance_lock
from monmaster_desktop.settings import Settings


class AlreadyRunning(RuntimeError):
    """Another process holds the data folder's lock."""


def lock_data_folder(settings: Settings) -> QLockFile:
    """The folder's lock, taken; ``AlreadyRunning`` if another process holds it, ``OSError`` if it
    cannot be created (a read-only folder: the data folder's own checks say so first)."""
    lock = QLockFile(str(settings.lock_path))
    lock.setStaleLockTime(0)  # held for hours: only a dead holder makes it stale
    if lock.tryLock(0):
        return lock
    if lock.error() == QLockFile.LockError.LockFailedError:
        if not instance_lock.is_held(settings.lock_path) and lock.removeStaleLockFile() and lock.tryLock(0):
            return lock
        raise AlreadyRunning(str(settings.data_dir))
    if lock.error() == QLockFile.LockError.PermissionError:
        raise PermissionError(errno.EACCES, "lock file", str(settings.lock_path))
    raise OSError(errno.EIO, "lock file", str(settings.lock_path))
