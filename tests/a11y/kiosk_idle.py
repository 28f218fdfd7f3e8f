"""A kiosk left alone under a running screen reader: warnings, ends of sessions, and still answering.

``start_idle_kiosk`` starts the real application as a kiosk (its operator's PIN already set, so no
dialog waits at the first start) on the test bus with Orca running; ``leave_idle`` leaves it without
a touch for a while, then checks that it still answers — the accessibility tree, a key press Orca
speaks about — and reports what happened meanwhile. The CI test (``test_kiosk_idle_under_orca.py``)
runs it for seconds with time sped up in the application; ``benchmarks/bench_kiosk_idle.py`` for an
hour at the real pace.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from a11y_support import TAB, ScreenReader, step
from orca_support import Orca

PIN = "86420975"
WARNING = "Êtes-vous toujours là ?"
NEW_SESSION = "Nouvelle session"


@dataclass(frozen=True)
class IdleReport:
    seconds: float
    warnings: int  # warnings announced
    sessions_ended: int  # new sessions announced
    orca_said_the_warning: bool  # through the focused "Continuer" (Orca 43 ignores announcements)
    orca_said_a_new_session: bool  # through the heading the new session's focus lands on
    answered: bool  # the tree was read and a key spoken about after the idle time
    exit_code: int | None  # None: still running
    resident_mb_start: float
    resident_mb_end: float


def preset_pin(data_dir: Path) -> str:
    """Code run in the application's process before it starts: the operator's PIN already chosen."""
    return (
        "from pathlib import Path\n"
        "from monmaster_desktop.accounts.operator import OperatorService\n"
        "from monmaster_desktop.accounts.service import open_account_service\n"
        "from monmaster_desktop.settings import HashingParameters, Settings\n"
        f"_settings = Settings(Path({str(data_dir)!r}), hashing=HashingParameters.fast_for_tests())\n"
        "_service = open_account_service(_settings)\n"
        f"OperatorService(_service.database, _settings.hashing).set_pin({PIN!r})\n"
        "_service.close()\n"
    )


def start_idle_kiosk(
    reader: ScreenReader, folder: Path, *, idle_timeout: int, second_ms: int | None = None
) -> Orca:
    data_dir = folder / "data"
    code = preset_pin(data_dir)
    if second_ms is not None:
        code += f"from monmaster_desktop.gui.kiosk import idle\nidle.SECOND_MS = {second_ms}\n"
    reader.start_app_with(code, "--data-dir", str(data_dir), "--kiosk", "--idle-timeout", str(idle_timeout))
    orca = Orca(reader, folder)
    reader.run("activate")  # no window manager: the window gets the keyboard, as at a real kiosk
    orca.heard()
    return orca


def resident_mb(pid: int | None) -> float:
    if pid is None:
        return 0.0
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def leave_idle(reader: ScreenReader, orca: Orca, seconds: float, *, progress: bool = False) -> IdleReport:
    """Touch nothing for ``seconds`` (while Orca listens), then check the kiosk still answers."""
    reader.collect_events()
    orca.heard()
    start_mb = resident_mb(reader.pid)
    warnings = sessions = 0
    heard: list[str] = []
    started = time.monotonic()
    while (elapsed := time.monotonic() - started) < seconds:
        time.sleep(min(5.0, seconds - elapsed))
        for event in reader.collect_events():  # the probe keeps every event: read them as they come
            if event["type"] == "object:announcement":
                warnings += WARNING in str(event.get("text", ""))
                sessions += NEW_SESSION in str(event.get("text", ""))
        heard += orca.heard(settle=0.05)
        if reader.app_exit_code() is not None:
            break
        if progress:
            print(f"  {elapsed / 60:5.1f} min: {warnings} warnings, {sessions} new sessions", flush=True)
    heard += orca.heard(settle=0.5)  # all of it, before the key below
    exit_code = reader.app_exit_code()
    answered = False
    if exit_code is None:
        reader.one(step("wait", "--timeout", "30", role="push button", name="Candidater", state="showing"))
        answered = bool(orca.press(TAB, settle=1.0))
    return IdleReport(
        seconds=time.monotonic() - started,
        warnings=warnings,
        sessions_ended=sessions,
        orca_said_the_warning=any(WARNING in text for text in heard),
        orca_said_a_new_session=any(NEW_SESSION in text for text in heard),
        answered=answered,
        exit_code=exit_code,
        resident_mb_start=start_mb,
        resident_mb_end=resident_mb(reader.pid),
    )
