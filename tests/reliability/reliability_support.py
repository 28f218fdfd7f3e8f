"""Helpers of the reliability proofs: child processes, an unprivileged runner, small file systems."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CHILDREN = Path(__file__).with_name("children.py")
# Root ignores file permissions (CAP_DAC_OVERRIDE) and may chmod anything (CAP_FOWNER). The tests
# that need a folder or a file to really be read-only run their process without those capabilities,
# as an ordinary user would be; setpriv (util-linux) drops them and keeps everything else.
DROPPED_CAPABILITIES = "-dac_override,-dac_read_search,-fowner,-chown"


def child_environment() -> dict[str, str]:
    environment = dict(os.environ)
    environment.pop("MONMASTER_DESKTOP_DATA_DIR", None)
    return environment


def unprivileged(command: list[str]) -> list[str]:
    """``command`` as a process that file permissions apply to (unchanged when not root)."""
    if os.name != "posix" or os.geteuid() != 0:
        return command
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: permissions cannot be made to apply")
    return [setpriv, "--inh-caps=-all", f"--bounding-set={DROPPED_CAPABILITIES}", *command]


def run_cli(*arguments: str, unprivileged_run: bool = False) -> subprocess.CompletedProcess[str]:
    """``python -m monmaster_desktop ARGUMENTS`` as an operator runs it, output captured."""
    command = [sys.executable, "-m", "monmaster_desktop", *arguments]
    if unprivileged_run:
        command = unprivileged(command)
    return subprocess.run(
        command, capture_output=True, text=True, env=child_environment(), timeout=120, check=False
    )


def run_child(*arguments: str, unprivileged_run: bool = False) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(CHILDREN), *arguments]
    if unprivileged_run:
        command = unprivileged(command)
    return subprocess.run(
        command, capture_output=True, text=True, env=child_environment(), timeout=120, check=False
    )


def start_child(*arguments: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(CHILDREN), *arguments],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_environment(),
    )


def assert_no_traceback(completed: subprocess.CompletedProcess[str]) -> None:
    for stream in (completed.stdout, completed.stderr):
        assert "Traceback" not in stream and "sqlite3." not in stream, stream


def remount(mount_point: Path, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(mount_point)], check=True)
