"""First paint: the application against a bare two-page QWizard, alternately, on the same X server.

Run: .venv/bin/python benchmarks/bench_first_paint.py [--pairs 15] [--quick] [--bundle dist/MonMasterDesktop]
Target (issue 12): the application's median ≤ 1.3× the bare wizard's, measured in the same run.

What is timed: from the moment this script starts the process (``time.monotonic`` just before
``Popen``) to the moment the process's top-level window has painted its first frame, which the
process prints itself (``monmaster_desktop/gui/first_paint.py``, which ``bare_wizard.py`` uses too):
the window is then mapped (X sends an expose only to a mapped window) and painted. Both run under one
private Xvfb server, with the same Python, on the ``xcb`` platform, a throw-away data folder and
configuration, and take turns — which goes first changes at every pair — so a burst of load on the
machine weighs on both alike. One pair is run first and not counted (disk cache).
With ``--bundle`` it also compares the frozen application with a frozen bare wizard (built once with
PyInstaller into build/bench-bare-wizard/).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from figures import application_command, median, quick_requested, report

ROOT = Path(__file__).resolve().parent.parent
BARE_WIZARD = Path(__file__).resolve().parent / "bare_wizard.py"
FROZEN_WIZARD_BUILD = ROOT / "build" / "bench-bare-wizard"
RATIO_TARGET = 1.3
PAIRS, QUICK_PAIRS = 15, 5
TIMEOUT_S = 120
PROBE_PREFIX = "first-paint-monotonic "


@contextmanager
def private_x_server() -> Iterator[str]:
    """A fresh Xvfb on a free display number (Xvfb picks it and writes it to a pipe)."""
    if shutil.which("Xvfb") is None:
        raise SystemExit("bench_first_paint: Xvfb is needed (apt-get install xvfb)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as display_pipe:
        number = display_pipe.readline().strip()
    try:
        if not number:
            raise SystemExit("bench_first_paint: Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def first_paint_seconds(command: list[str], environment: dict[str, str]) -> float:
    started = time.monotonic()
    result = subprocess.run(
        command, capture_output=True, text=True, env=environment, timeout=TIMEOUT_S, cwd=ROOT
    )
    for line in result.stdout.splitlines():
        if line.startswith(PROBE_PREFIX):
            return float(line.removeprefix(PROBE_PREFIX)) - started
    raise SystemExit(
        f"bench_first_paint: {' '.join(command)} printed no first paint (exit {result.returncode}):\n"
        f"{result.stdout}{result.stderr}"
    )


def alternate(
    commands: dict[str, list[str]], pairs: int, environment: dict[str, str]
) -> dict[str, list[float]]:
    timings: dict[str, list[float]] = {name: [] for name in commands}
    names = list(commands)
    for name in names:  # the pair not counted: disk cache, the database created, fonts cached
        first_paint_seconds(commands[name], environment)
    for pair in range(pairs):
        for name in names if pair % 2 == 0 else reversed(names):
            timings[name].append(first_paint_seconds(commands[name], environment))
    return timings


def print_comparison(label: str, application: list[float], bare: list[float]) -> None:
    app_ms, bare_ms = median(application) * 1000, median(bare) * 1000
    ratio = app_ms / bare_ms
    pairs = len(application)
    report("first paint", f"{label}: application, median of {pairs}", f"{app_ms:.0f} ms")
    report("first paint", f"{label}: bare two-page QWizard, median of {pairs}", f"{bare_ms:.0f} ms")
    report(
        "first paint",
        f"{label}: application ÷ bare QWizard",
        f"{ratio:.2f}×",
        f"≤ {RATIO_TARGET}×",
        ratio <= RATIO_TARGET,
    )


def frozen_bare_wizard() -> Path:
    """The bare wizard frozen like the application (one folder), kept in build/ until its sources change."""
    executable = FROZEN_WIZARD_BUILD / "dist" / "bare_wizard" / "bare_wizard"
    if sys.platform == "win32":
        executable = executable.with_suffix(".exe")
    sources = (BARE_WIZARD, ROOT / "monmaster_desktop" / "gui" / "first_paint.py")
    if not executable.exists() or max(path.stat().st_mtime for path in sources) > executable.stat().st_mtime:
        print("bench_first_paint: freezing the bare wizard (PyInstaller, about a minute)", flush=True)
        command = [
            sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--onedir",
            "--paths", str(ROOT),  # the probe, monmaster_desktop/gui/first_paint.py
            "--distpath", str(FROZEN_WIZARD_BUILD / "dist"),
            "--workpath", str(FROZEN_WIZARD_BUILD / "work"),
            "--specpath", str(FROZEN_WIZARD_BUILD),
            str(BARE_WIZARD),
        ]  # fmt: skip
        subprocess.run(command, check=True)
    return executable


def frozen_application(bundle: Path) -> Path:
    if bundle.is_file():
        return bundle
    sys.path.insert(0, str(ROOT / "packaging"))
    from build import frozen_executable  # the same path ci-build.sh runs

    return frozen_executable(bundle.parent)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=None, help=f"pairs of runs (default {PAIRS})")
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_PAIRS} pairs")
    parser.add_argument(
        "--bundle", type=Path, help="the frozen application's folder (dist/MonMasterDesktop) or program"
    )
    arguments = parser.parse_args(argv)
    pairs = arguments.pairs or (QUICK_PAIRS if quick_requested(argv) else PAIRS)

    scratch = Path(tempfile.mkdtemp(prefix="bench-first-paint-"))
    try:
        with private_x_server() as display:
            environment = {
                key: value
                for key, value in os.environ.items()
                if key not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "QT_SCALE_FACTOR")
            }
            environment.update(
                DISPLAY=display,
                QT_QPA_PLATFORM="xcb",
                MONMASTER_DESKTOP_EXIT_AFTER_FIRST_PAINT="1",
                MONMASTER_DESKTOP_DATA_DIR=str(scratch / "data"),
                XDG_CONFIG_HOME=str(scratch / "config"),  # the saved theme and text size: the defaults
            )
            from_source = alternate(
                {
                    "application": application_command(),
                    "bare": [sys.executable, str(BARE_WIZARD)],
                },
                pairs,
                environment,
            )
            print_comparison("from source", from_source["application"], from_source["bare"])
            if arguments.bundle is not None:
                frozen = alternate(
                    {
                        "application": [str(frozen_application(arguments.bundle))],
                        "bare": [str(frozen_bare_wizard())],
                    },
                    pairs,
                    environment,
                )
                print_comparison("frozen", frozen["application"], frozen["bare"])
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
