"""One instance per data folder (docs/kiosk.md): the GUI's ``QLockFile`` and the command line's lock are
the same file and honour each other; a lock left by a process that was killed is recovered.

The holders are real processes: one with Qt's own ``QLockFile`` (as the GUI takes it), one with the
command line's ``instance_lock``; "a crash" is SIGKILL.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from reliability_support import assert_no_traceback, child_environment, run_cli

from monmaster_desktop import instance_lock, texts
from monmaster_desktop.exit_codes import EXIT_ALREADY_RUNNING
from monmaster_desktop.settings import LOCK_FILE_NAME

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and flock are POSIX")

QT_HOLDER = """
import sys, time
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1]); lock.setStaleLockTime(0)
print("held" if lock.tryLock(0) else "refused", flush=True)
time.sleep(600)
"""
CLI_HOLDER = """
import sys, time
from pathlib import Path
from monmaster_desktop import instance_lock
lock = instance_lock.acquire(Path(sys.argv[1]))
print("held" if lock is not None else "refused", flush=True)
time.sleep(600)
"""


def hold(code: str, lock_path: Path) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", code, str(lock_path)],
        stdout=subprocess.PIPE,
        text=True,
        env=child_environment(),
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "held"
    return holder


def crash(holder: subprocess.Popen[str]) -> None:
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=30)


def qt_try_lock(lock_path: Path) -> bool:
    """What the GUI's start-up does first: QLockFile.tryLock, in a process of its own."""
    code = (
        "import sys\nfrom PySide6.QtCore import QLockFile\n"
        "lock = QLockFile(sys.argv[1]); lock.setStaleLockTime(0)\nprint(lock.tryLock(0))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(lock_path)], capture_output=True, text=True, check=True, timeout=60
    )
    return done.stdout.strip() == "True"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    return folder


def test_the_command_line_refuses_while_qt_holds_the_folder(data_dir: Path) -> None:
    holder = hold(QT_HOLDER, data_dir / LOCK_FILE_NAME)
    try:
        assert instance_lock.is_held(data_dir / LOCK_FILE_NAME)
        assert instance_lock.acquire(data_dir / LOCK_FILE_NAME) is None
        refused = run_cli("--data-dir", str(data_dir), "operator", "purge", "--yes")
        assert refused.returncode == EXIT_ALREADY_RUNNING
        assert refused.stderr.strip() == texts.ALREADY_RUNNING.format(folder=data_dir)
        assert_no_traceback(refused)
    finally:
        crash(holder)


def test_a_lock_left_by_a_killed_qt_process_is_recovered(data_dir: Path) -> None:
    lock_path = data_dir / LOCK_FILE_NAME
    crash(hold(QT_HOLDER, lock_path))
    assert lock_path.exists()  # left behind by the crash
    assert not instance_lock.is_held(lock_path)
    purged = run_cli("--data-dir", str(data_dir), "operator", "purge", "--yes")
    assert purged.returncode == 0, purged.stderr
    assert not lock_path.exists()  # taken, then released


def test_qt_refuses_while_the_command_line_holds_the_folder(data_dir: Path) -> None:
    holder = hold(CLI_HOLDER, data_dir / LOCK_FILE_NAME)
    try:
        assert qt_try_lock(data_dir / LOCK_FILE_NAME) is False
    finally:
        crash(holder)


def test_qt_recovers_a_lock_left_by_a_killed_command(data_dir: Path) -> None:
    lock_path = data_dir / LOCK_FILE_NAME
    crash(hold(CLI_HOLDER, lock_path))
    assert lock_path.exists()
    assert qt_try_lock(lock_path) is True  # Qt itself judges our file stale, as it judges its own


def test_a_lock_whose_pid_was_reused_by_another_program_is_stale(data_dir: Path) -> None:
    lock_path = data_dir / LOCK_FILE_NAME
    other = subprocess.Popen(["sleep", "600"])  # alive, but not the program the lock names
    try:
        lock_path.write_text(f"{other.pid}\npython3.11\n{os.uname().nodename}\n\n\n", encoding="utf-8")
        assert not instance_lock.is_held(lock_path)
        taken = instance_lock.acquire(lock_path)
        assert taken is not None
        taken.release()
    finally:
        other.kill()
        other.wait()


def test_an_unreadable_lock_file_nobody_holds_is_taken(data_dir: Path) -> None:
    lock_path = data_dir / LOCK_FILE_NAME
    lock_path.write_bytes(b"\x00garbage")
    taken = instance_lock.acquire(lock_path)
    assert taken is not None
    taken.release()
    assert not lock_path.exists()


def test_a_second_command_is_refused_until_the_first_releases(data_dir: Path) -> None:
    lock_path = data_dir / LOCK_FILE_NAME
    first = instance_lock.acquire(lock_path)
    assert first is not None
    try:
        assert instance_lock.acquire(lock_path) is None  # a live holder, this very process
    finally:
        first.release()
    second = instance_lock.acquire(lock_path)
    assert second is not None
    second.release()
