"""How every benchmark prints a figure: its value beside its target, one line each.

A benchmark calls ``report``; the line goes to the terminal and, when ``run_all.py`` runs the
benchmark, also to the file named by ``MONMASTER_BENCH_FIGURES`` (one JSON object a line), from
which it writes the Markdown table. Nothing here asserts: a missed target is printed, never raised.
Also the small measuring helpers the benchmarks share (percentiles, resident memory, the machine).
"""

from __future__ import annotations

import json
import math
import os
import platform
import statistics
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

FIGURES_FILE_VARIABLE = "MONMASTER_BENCH_FIGURES"
QUICK_VARIABLE = "MONMASTER_BENCH_QUICK"

# An installed program runs from compiled bytecode (pip and PyInstaller compile it). A shell that
# sets PYTHONDONTWRITEBYTECODE would make every process a benchmark starts compile the project's
# modules again (~1 ms per hundred lines): the processes started from here write and use the cache,
# and each benchmark runs its command once before timing it.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)


@dataclass(frozen=True)
class Figure:
    benchmark: str  # which script measured it, e.g. "first paint"
    name: str  # what was measured, in words
    value: str  # the figure with its unit ("983 ms", "4.1×")
    target: str = ""  # "≤ 1.3×"; empty when the figure has no target
    met: bool | None = None  # None when there is no target to meet

    @property
    def verdict(self) -> str:
        return {True: "met", False: "NOT met", None: ""}[self.met]


def report(benchmark: str, name: str, value: str, target: str = "", met: bool | None = None) -> Figure:
    """Print one figure beside its target; record it for run_all.py when it is collecting."""
    figure = Figure(benchmark, name, value, target, met)
    beside = f"   (target {target}: {figure.verdict})" if target else ""
    print(f"{name:<62} {value:>16}{beside}", flush=True)
    path = os.environ.get(FIGURES_FILE_VARIABLE)
    if path:
        with open(path, "a", encoding="utf-8") as collected:
            collected.write(json.dumps(asdict(figure), ensure_ascii=False) + "\n")
    return figure


def application_command() -> list[str]:
    """How people start the application from source: the installed ``monmaster-desktop`` script.

    It runs with the same Python as the benchmark; ``python -m monmaster_desktop`` when it is missing.
    """
    script = Path(sys.executable).with_name("monmaster-desktop")
    if script.exists():
        return [sys.executable, str(script)]
    return [sys.executable, "-m", "monmaster_desktop"]


def read_figures(path: Path) -> list[Figure]:
    if not path.exists():
        return []
    return [Figure(**json.loads(line)) for line in path.read_text(encoding="utf-8").splitlines() if line]


def quick_requested(argv: Sequence[str] | None = None) -> bool:
    """``--quick`` on the command line, or run_all.py's ``--quick`` passed down by the environment."""
    arguments = sys.argv[1:] if argv is None else argv
    return "--quick" in arguments or os.environ.get(QUICK_VARIABLE) == "1"


def percentile(values: Sequence[float], fraction: float) -> float:
    """The nearest-rank percentile (``fraction`` 0.99 for p99): a value that was really measured."""
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def milliseconds(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 0.1 else f"{seconds * 1000:.0f} ms"


def resident_megabytes(pid: int | str = "self") -> tuple[float, float]:
    """(current, peak) resident memory of a process in MB, from Linux's /proc; (nan, nan) elsewhere."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return math.nan, math.nan
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)

    def megabytes(key: str) -> float:
        return int(fields[key].split()[0]) / 1024 if key in fields else math.nan

    return megabytes("VmRSS"), megabytes("VmHWM")


def machine_description() -> dict[str, str]:
    """What the table's heading says about the machine: CPU, cores, memory, system, Python, Qt."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB"
                break
    except OSError:
        pass
    system = platform.platform(terse=True)
    try:
        release = dict(
            line.split("=", 1) for line in Path("/etc/os-release").read_text().splitlines() if "=" in line
        )
        system = f"{release.get('PRETTY_NAME', '').strip(chr(34))}, Linux {platform.release()}"
    except OSError:
        pass
    # Qt's versions from a child process: this module itself never imports Qt.
    qt = subprocess.run(
        [
            sys.executable,
            "-c",
            "import PySide6, PySide6.QtCore as c; print(PySide6.__version__, c.qVersion())",
        ],
        capture_output=True,
        text=True,
    ).stdout.split()
    return {
        "CPU": cpu,
        "cores": str(os.cpu_count() or "?"),
        "memory": memory,
        "system": system,
        "Python": platform.python_version(),
        "PySide6": qt[0] if qt else "not installed",
        "Qt": qt[1] if len(qt) > 1 else "not installed",
    }
