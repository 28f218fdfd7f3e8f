"""Every benchmark in one command, and the Markdown table of their figures with the machine's description.

Run from the checkout, with the bootstrapped environment:
    .venv/bin/python benchmarks/run_all.py [--quick] [--no-bundle] [--readme]

Each benchmark runs in its own process, one after the other, and prints its figures beside their
targets as it goes; the table (``benchmarks/results.md``, or ``--output``) gathers them, under the
machine's CPU, cores, memory, system, Python and Qt versions, the commit and the load average when
the run started (other work on the machine slows every figure). ``--readme`` also puts the table in
the README, between its two ``benchmarks`` markers. ``--quick`` runs fewer repetitions (about
ten minutes instead of half an hour, most of which goes to the reliability proofs at full counts and
twenty accessibility stress journeys); ``--skip NAME`` leaves a benchmark out. The bundle's
figures need the frozen build: without ``--no-bundle``, ``dist/MonMasterDesktop`` is used, built
first by ``packaging/build.py`` when it is missing (PyInstaller is installed into the environment
if needed, as packaging/ci-build.sh does).
A benchmark that fails is reported as failed in the table; the others still run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from figures import FIGURES_FILE_VARIABLE, QUICK_VARIABLE, Figure, machine_description, read_figures

BENCHMARKS = Path(__file__).resolve().parent
ROOT = BENCHMARKS.parent
BUNDLE = ROOT / "dist" / "MonMasterDesktop"
README = ROOT / "README.md"
README_BEGIN = "<!-- benchmarks: begin (written by benchmarks/run_all.py --readme) -->"
README_END = "<!-- benchmarks: end -->"
PYINSTALLER_REQUIREMENT = "pyinstaller>=6.10,<7"  # pyproject.toml's "build" extra


# The stress journey takes ~50 s a run on the 2-core machine: bench_a11y_stress.py alone runs 100.
A11Y_STRESS_RUNS, QUICK_A11Y_STRESS_RUNS = 20, 3


def benchmark_commands(bundle: Path | None, quick: bool) -> list[tuple[str, list[str]]]:
    python = sys.executable
    commands = [
        ("validation", [python, str(BENCHMARKS / "bench_validation.py")]),
        ("command line", [python, str(BENCHMARKS / "bench_cli.py")]),
        ("scale", [python, str(BENCHMARKS / "bench_scale.py")]),
        ("GUI", [python, str(BENCHMARKS / "bench_gui.py")]),
        ("first paint", [python, str(BENCHMARKS / "bench_first_paint.py")]),
        ("windows", [python, str(BENCHMARKS / "bench_windows.py")]),
    ]
    if bundle is not None:
        commands[4][1].extend(["--bundle", str(bundle)])
        commands.append(("bundle", [python, str(BENCHMARKS / "bench_bundle.py")]))
    # The proofs and the stress journey last: they are the long ones (minutes, not seconds).
    commands.append(("reliability", [python, str(BENCHMARKS / "bench_reliability.py")]))
    runs = QUICK_A11Y_STRESS_RUNS if quick else A11Y_STRESS_RUNS
    commands.append(("a11y stress", [python, str(BENCHMARKS / "bench_a11y_stress.py"), "--runs", str(runs)]))
    return commands


def ensure_bundle() -> Path:
    if (BUNDLE / "monmaster-desktop").exists() or (BUNDLE / "monmaster-desktop.exe").exists():
        return BUNDLE
    probe = subprocess.run([sys.executable, "-c", "import PyInstaller"], capture_output=True)
    if probe.returncode != 0:
        print(f"run_all: installing {PYINSTALLER_REQUIREMENT} to build the bundle", flush=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", PYINSTALLER_REQUIREMENT], check=True
        )
    print("run_all: building the bundle (packaging/build.py)", flush=True)
    subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py")], check=True, cwd=ROOT)
    return BUNDLE


def load_average() -> str:
    try:
        return " / ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def commit() -> str:
    result = subprocess.run(
        ["git", "describe", "--always", "--dirty"], capture_output=True, text=True, cwd=ROOT
    )
    return result.stdout.strip() or "unknown"


def markdown(
    figures: list[Figure], failed: list[str], machine: dict[str, str], heading: dict[str, str]
) -> str:
    lines = [
        f"Measured by `{heading['command']}` on {heading['date']} (commit {heading['commit']}, "
        f"{heading['duration']}); load average when it started: {heading['load']} "
        "(1 / 5 / 15 min; other work on the machine slows every figure).",
        "",
        f"Machine: {machine['CPU']}, {machine['cores']} cores, {machine['memory']} of memory; "
        f"{machine['system']}; Python {machine['Python']}; PySide6 {machine['PySide6']} "
        f"(Qt {machine['Qt']}).",
        "",
        "| benchmark | figure | value | target | |",
        "| --- | --- | --- | --- | --- |",
    ]
    for figure in figures:
        name = figure.name.replace("|", "\\|")
        lines.append(f"| {figure.benchmark} | {name} | {figure.value} | {figure.target} | {figure.verdict} |")
    for benchmark in failed:
        lines.append(f"| {benchmark} | the benchmark failed: see its output | | | failed |")
    return "\n".join(lines) + "\n"


def put_in_readme(table: str) -> None:
    text = README.read_text(encoding="utf-8")
    if README_BEGIN not in text or README_END not in text:
        raise SystemExit(f"run_all: the README has no {README_BEGIN!r} … {README_END!r} markers")
    before, rest = text.split(README_BEGIN, 1)
    _old, after = rest.split(README_END, 1)
    README.write_text(f"{before}{README_BEGIN}\n{table}{README_END}{after}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (a few minutes)")
    parser.add_argument("--no-bundle", action="store_true", help="leave out the frozen bundle's figures")
    parser.add_argument("--readme", action="store_true", help="also put the table in README.md")
    parser.add_argument("--output", type=Path, default=BENCHMARKS / "results.md", help="the table's file")
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        metavar="BENCHMARK",
        help="leave one out, by the name of its section (e.g. --skip 'a11y stress'); repeatable",
    )
    arguments = parser.parse_args(argv)

    started = time.monotonic()
    heading = {
        "command": "benchmarks/run_all.py" + (" --quick" if arguments.quick else ""),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit(),
        "load": load_average(),
    }
    machine = machine_description()
    bundle = None if arguments.no_bundle else ensure_bundle()
    failed: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-figures-") as scratch:
        collected = Path(scratch) / "figures.jsonl"
        environment = dict(os.environ, **{FIGURES_FILE_VARIABLE: str(collected)})
        if arguments.quick:
            environment[QUICK_VARIABLE] = "1"
        for name, command in benchmark_commands(bundle, arguments.quick):
            if name in arguments.skip:
                continue
            print(f"\n== {name}: {' '.join(Path(part).name for part in command[1:])}", flush=True)
            if subprocess.run(command, env=environment, cwd=ROOT).returncode != 0:
                failed.append(name)
        figures = read_figures(collected)
    minutes, seconds = divmod(round(time.monotonic() - started), 60)
    heading["duration"] = f"{minutes} min {seconds} s"
    table = markdown(figures, failed, machine, heading)
    arguments.output.write_text(table, encoding="utf-8")
    print(f"\nrun_all: the table is in {arguments.output}", flush=True)
    if arguments.readme:
        put_in_readme(table)
        print("run_all: README.md updated", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
