"""One instance per data folder: the lock file ``monmaster.lock``, the same one Qt's ``QLockFile`` makes.

The GUI takes the lock with ``QLockFile`` itself (``gui/kiosk/single_instance.py``); the command
line's writing commands (``operator set-pin``, ``export``, ``purge``) must not load Qt, so this module
writes and honours the same file the way ``QLockFile`` does on its platform (read in Qt's
``qlockfile.cpp`` and ``qlockfile_unix.cpp``; docs/kiosk.md, "One instance per data folder"):

- the file is created exclusively (``O_EXCL``), holds the process id, the program's name, the host
  name, the machine id and the boot id, one per line; on Unix the creator keeps an exclusive
  ``flock`` on it for as long as it holds the lock;
- a lock left by a process that no longer runs (another PID, another program with that PID, another
  boot) is stale: it is removed, but only if no process holds its ``flock`` (so a live holder is
  never robbed, whatever its file says), and taken again.

On Windows a held lock file cannot be deleted (it is open without delete sharing): an existing file
that can be removed was left by a crash. Never raises for a lock held by another process: ``acquire``
returns None. No Qt here.
"""

from __future__ import annotations

import os
import socket
import sys
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

_MACHINE_ID_FILES = ("/etc/machine-id", "/var/lib/dbus/machine-id")
_BOOT_ID_FILE = "/proc/sys/kernel/random/boot_id"


@dataclass(frozen=True)
class LockOwner:
    """What a lock file says about the process holding it."""

    pid: int
    program: str
    host: str
    machine_id: str
    boot_id: str


class InstanceLock:
    """A lock this process holds on a data folder; ``release()`` (or the end of the process) frees it."""

    def __init__(self, path: Path, descriptor: int) -> None:
        self.path = path
        self._descriptor: int | None = descriptor

    def release(self) -> None:
        if self._descriptor is None:
            return
        with suppress(OSError):
            os.unlink(self.path)
        os.close(self._descriptor)
        self._descriptor = None

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()


def acquire(path: Path) -> InstanceLock | None:
    """Take the lock at ``path``; None when a running process holds it. Raises ``OSError`` otherwise."""
    for _ in range(3):  # a stale file removed, then another process quicker than us: give up after that
        try:
            descriptor = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            if not _remove_if_stale(path):
                return None
            continue
        _hold(descriptor)
        try:
            os.write(descriptor, _contents())
            os.fsync(descriptor)
        except OSError:
            os.close(descriptor)
            with suppress(OSError):
                os.unlink(path)
            raise
        return InstanceLock(path, descriptor)
    return None


def owner(path: Path) -> LockOwner | None:
    """What the lock file at ``path`` says, or None if there is none or it cannot be read."""
    try:
        lines = path.read_bytes().decode("utf-8", "replace").split("\n")
    except OSError:
        return None
    lines += [""] * (5 - len(lines))
    try:
        pid = int(lines[0])
    except ValueError:
        return None
    return LockOwner(pid, lines[1], lines[2], lines[3], lines[4]) if pid > 0 else None


def is_held(path: Path) -> bool:
    """Whether a running process holds the lock at ``path`` (a stale file does not count)."""
    if not path.exists():
        return False
    found = owner(path)
    if found is not None and not _apparently_stale(found):
        return True
    return not _nobody_holds(path)


# --- like QLockFile ---------------------------------------------------------------------------------


def _hold(descriptor: int) -> None:
    if fcntl is not None:
        with suppress(OSError):  # a file system without flock: the file alone still says it
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _remove_if_stale(path: Path) -> bool:
    """Remove a lock file left by a process that is gone; whether it was removed (or already gone)."""
    if sys.platform == "win32":
        try:
            os.unlink(path)  # refused while the holder has it open
        except FileNotFoundError:
            return True
        except OSError:
            return False
        return True
    found = owner(path)
    if found is not None and not _apparently_stale(found):
        return False
    try:
        descriptor = os.open(path, os.O_WRONLY)
    except FileNotFoundError:
        return True
    try:
        if fcntl is not None:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                return False  # a live process holds it, whatever its file says
        os.unlink(path)
        return True
    except FileNotFoundError:
        return True
    finally:
        os.close(descriptor)


def _nobody_holds(path: Path) -> bool:
    if fcntl is None:
        return False
    try:
        descriptor = os.open(path, os.O_RDONLY)
    except OSError:
        return True
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    finally:
        os.close(descriptor)  # closing releases our flock
    return True


def _apparently_stale(found: LockOwner) -> bool:
    same_host = not found.host or found.host == socket.gethostname()
    ours = _machine_id()
    if found.machine_id and ours:
        same_host = found.machine_id == ours
    if not same_host:
        return False  # a process on another machine (a shared folder): never ours to judge
    if found.boot_id and found.boot_id != _boot_id():
        return True
    return not _process_running(found.pid, found.program)


def _process_running(pid: int, program: str) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # another user's process: it exists
    except OSError:
        return True
    name = _program_of(pid)
    return not (name and program and name != Path(program).name)  # the PID was reused by another program


def _program_of(pid: int) -> str:
    """The file name of a process's executable, as QLockFile records it (Linux only; "" elsewhere)."""
    if not sys.platform.startswith("linux"):
        return ""
    try:
        target = os.readlink(f"/proc/{pid}/exe")
    except OSError:
        return ""
    return Path(target.removesuffix(" (deleted)")).name


def _contents() -> bytes:
    lines = (str(os.getpid()), _program_of(os.getpid()), socket.gethostname(), _machine_id(), _boot_id())
    return ("\n".join(lines) + "\n").encode("utf-8")


def _machine_id() -> str:
    for name in _MACHINE_ID_FILES:
        with suppress(OSError):
            return Path(name).read_text(encoding="ascii").strip()
    return ""


def _boot_id() -> str:
    try:
        return Path(_BOOT_ID_FILE).read_text(encoding="ascii").strip()
    except OSError:
        return ""
