"""Windows and memory: the outbox with many mails, a whole journey's memory, windows opened and closed.

Run: .venv/bin/python benchmarks/bench_windows.py [--quick]
Offscreen, each measure in its own process. Targets (issue 12):
- the outbox window opened and painted with 10,000 mails in ≤ 200 ms (1,000 mails also shown), and
  no stall while scrolling its list from the top to the bottom: each page of the scroll bar, scrolled
  and repainted, within a frame at 60 Hz (16.7 ms); the End key to the oldest mail, shown, is timed
  too;
- the peak resident memory of a complete journey (production argon2id, whose 64 MiB it includes)
  beside a bare two-page QWizard's, and the peak of the password strength's own process;
- the "Aller à" windows (``ScenarioRun``, "Compte activé") opened, reached and closed in a loop:
  memory must stay flat (a closed window is destroyed with all it owns, docs/performance.md); and
  the kiosk's reset of one window between candidates, flat too.
Memory is the resident set from /proc (Linux).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from figures import median, milliseconds, quick_requested, report

BENCHMARKS = Path(__file__).resolve().parent
OUTBOX_TARGET_S = 0.200
FRAME_S = 1 / 60  # a scroll step that takes longer drops a frame at 60 Hz
FLAT_TARGET_MB_PER_CYCLE = 0.5  # what "flat" means here: under half a megabyte a cycle

OUTBOX_CODE = """
import json, sys, time, tempfile, pathlib
sys.path.insert(0, {benchmarks!r})
from populate import populate
from monmaster_desktop.gui.app import create_application, create_main_window
from monmaster_desktop.settings import Settings
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
data_dir = pathlib.Path(tempfile.mkdtemp(prefix="bench-outbox-"))
populate(data_dir, {mails})
app = create_application()
window = create_main_window(Settings(data_dir=data_dir))
window.show(); QTest.qWaitForWindowExposed(window); app.processEvents()
# The wizard's pages are built in steps after the first paint (docs/performance.md): done long before
# anyone opens the outbox, and measured on their own by bench_gui.py, so not inside its figures.
while window.wizard.pages.missing():
    QTest.qWait(5)
started = time.perf_counter()
window.open_outbox(None)
outbox = window.outbox_window()
QTest.qWaitForWindowExposed(outbox); app.processEvents()
opened = time.perf_counter() - started

# The list scrolled a page at a time from the top to the bottom, as a scroll bar dragged or the
# wheel: each step is the scroll and the repaint of the rows that come into view.
view = outbox.mail_list
bar = view.verticalScrollBar()
steps, cpu_steps = [], []
value = bar.minimum()
while True:
    step_started, cpu_started = time.perf_counter(), time.thread_time()
    bar.setValue(value)
    view.viewport().repaint()
    app.processEvents()
    steps.append(time.perf_counter() - step_started)
    cpu_steps.append(time.thread_time() - cpu_started)
    if value >= bar.maximum():
        break
    value = min(bar.maximum(), value + max(1, bar.pageStep()))

# Back at the top, the End key on the list: the oldest mail current, read, shown.
bar.setValue(bar.minimum()); app.processEvents()
view.setFocus(); app.processEvents()
oldest = outbox.model.mail_id(outbox.model.rowCount() - 1)
started = time.perf_counter()
QTest.keyClick(view, Qt.Key.Key_End)
app.processEvents()
end_key = time.perf_counter() - started
assert outbox.displayed_mail_id() == oldest, "End did not show the oldest mail"
print(json.dumps({{"opened": opened, "steps": steps, "cpu_steps": cpu_steps, "end_key": end_key}}))
"""

JOURNEY_CODE = """
from monmaster_desktop.gui.app import create_application
from monmaster_desktop.gui.testers.scenarios import ScenarioRun, scenario
from monmaster_desktop.settings import HashingParameters
app = create_application()
run = ScenarioRun(hashing=HashingParameters())  # production argon2id, as a candidate's journey
run.reach(scenario("connecte"))
run.settle()
# The password strength's own process (docs/performance.md, "The strength process"): its peak too.
from monmaster_desktop.gui.strength_process import strength_estimator
server = strength_estimator().process_id()
if server is not None:
    with open(f"/proc/{server}/status", encoding="ascii") as status:
        print(next(line.split()[1] for line in status if line.startswith("VmHWM:")))  # KiB
run.close()
"""

CYCLES_CODE = """
import gc, sys
sys.path.insert(0, {benchmarks!r})
from figures import resident_megabytes
from monmaster_desktop.gui.testers import scenarios
from monmaster_desktop.gui.app import create_application
from monmaster_desktop.gui.testers.scenarios import ScenarioRun, scenario
from PySide6.QtCore import QCoreApplication, QEvent
app = create_application()
activated = scenario("compte-active")

def collected() -> float:
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
        gc.collect()
    return resident_megabytes()[0]

if {kiosk!r}:
    run = ScenarioRun()
    for cycle in range({cycles}):
        scenarios.EMAIL = f"candidat.{{cycle}}@example.fr"  # a new candidate each time
        for step in activated.steps:
            step(run)
        run.window.reset_for_next_candidate()
        print(collected(), flush=True)
    run.close()
else:
    for _ in range({cycles}):
        run = ScenarioRun()
        run.reach(activated)
        run.close()
        del run
        print(collected(), flush=True)
"""


def offscreen() -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=tempfile.mkdtemp())


def run_python(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=offscreen(), timeout=1800
    )
    if result.returncode != 0:
        raise SystemExit(f"bench_windows: a measure failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def peak_megabytes(command: list[str], **variables: str) -> tuple[float, str]:
    """The peak resident memory of a child process, as the kernel reports it when the child is reaped,
    and what it printed.

    ``variables`` are set for the child with the ``MONMASTER_DESKTOP_`` prefix.
    """
    environment = offscreen() | {f"MONMASTER_DESKTOP_{name}": value for name, value in variables.items()}
    with tempfile.TemporaryFile() as output:
        child = subprocess.Popen(command, env=environment, stdout=output, stderr=subprocess.DEVNULL)
        _pid, status, usage = os.wait4(child.pid, 0)
        output.seek(0)
        printed = output.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"bench_windows: {' '.join(command)} failed")
    return usage.ru_maxrss / 1024, printed  # KiB on Linux


def curve(kiosk: bool, cycles: int) -> list[float]:
    code = CYCLES_CODE.format(benchmarks=str(BENCHMARKS), kiosk=kiosk, cycles=cycles)
    return [float(line) for line in run_python(code).split()]


def report_curve(name: str, values: list[float]) -> None:
    per_cycle = (values[-1] - values[0]) / max(1, len(values) - 1)
    report(
        "windows",
        f"{name}: resident memory, first → last of {len(values)}",
        f"{values[0]:.0f} → {values[-1]:.0f} MB",
    )
    report(
        "windows",
        f"{name}: growth a cycle",
        f"{per_cycle:.2f} MB",
        f"≤ {FLAT_TARGET_MB_PER_CYCLE} MB (flat)",
        per_cycle <= FLAT_TARGET_MB_PER_CYCLE,
    )


def main() -> int:
    quick = quick_requested()
    for mails in (1_000,) if quick else (1_000, 10_000):
        output = run_python(OUTBOX_CODE.format(benchmarks=str(BENCHMARKS), mails=mails)).splitlines()[-1]
        measured = json.loads(output)
        opened, steps = measured["opened"], measured["steps"]
        target = f"≤ {OUTBOX_TARGET_S * 1000:.0f} ms" if mails == 10_000 else ""
        met = opened <= OUTBOX_TARGET_S if mails == 10_000 else None
        report(
            "windows", f"outbox window opened and painted, {mails:,} mails", milliseconds(opened), target, met
        )
        stall = max(steps)
        report(
            "windows",
            f"  its list scrolled top to bottom ({len(steps)} pages): longest step (median)",
            f"{milliseconds(stall)} ({milliseconds(median(steps))})",
            f"≤ {FRAME_S * 1000:.1f} ms",
            stall <= FRAME_S,
        )
        cpu_steps = measured["cpu_steps"]
        report(
            "windows",
            "    the UI thread's CPU time for a step, longest (median)",
            f"{milliseconds(max(cpu_steps))} ({milliseconds(median(cpu_steps))})",
        )
        report("windows", "  End key: the oldest mail shown", milliseconds(measured["end_key"]))

    journey, printed = peak_megabytes([sys.executable, "-c", JOURNEY_CODE])
    # The bare wizard quits once painted, with the start-up probe's variable.
    bare, _ = peak_megabytes([sys.executable, str(BENCHMARKS / "bare_wizard.py")], EXIT_AFTER_FIRST_PAINT="1")
    report("windows", "peak resident memory, a complete journey (production argon2id)", f"{journey:.0f} MB")
    server = printed.split()
    report(
        "windows",
        "  and the password strength's own process beside it",
        f"{int(server[-1]) / 1024:.0f} MB" if server else "not started (estimates on threads)",
    )
    report("windows", "peak resident memory, a bare two-page QWizard", f"{bare:.0f} MB")

    report_curve("“Aller à” windows opened, reached, closed", curve(kiosk=False, cycles=10 if quick else 60))
    report_curve("kiosk reset of one window", curve(kiosk=True, cycles=10 if quick else 40))
    return 0


if __name__ == "__main__":
    sys.exit(main())
