"""Timings of the validation module: ``.venv/bin/python benchmarks/bench_validation.py``.

A script, not a test: it prints figures and always exits 0. The target is for ``check_password``,
which the live checklist calls at every keystroke: under 50 µs on a 128-character password.
"""

from __future__ import annotations

import statistics
import timeit
from collections.abc import Callable

from figures import report as report_figure

from monmaster_desktop import validation
from monmaster_desktop.validation import (
    MAX_PASSWORD_LENGTH,
    check_email,
    check_password,
    estimate_strength,
    strength_context_for_email,
)

CHECK_PASSWORD_TARGET_US = 50.0

# 128 characters mixing every class the rule looks at: upper and lower case (accented too), digits,
# specials, an excluded punctuation mark, a no-break space.
_PATTERN = "Ab3%éÉ7&x,Y\u00a0z9€q_W"
PASSWORD_128 = (_PATTERN * (MAX_PASSWORD_LENGTH // len(_PATTERN) + 1))[:MAX_PASSWORD_LENGTH]
PASSWORD_12 = "Xk9$mQ2#vL7@"
EMAIL = "  Camille.Martin@Univ-Lyon.fr "


def measure(
    function: Callable[[], object], number: int, repeat: int = 7, setup: Callable[[], object] = lambda: None
) -> tuple[float, float]:
    """Mean and median time of one call, in microseconds, over ``repeat`` runs of ``number`` calls."""
    runs = timeit.repeat(function, setup=setup, number=number, repeat=repeat)
    per_call_us = [run / number * 1e6 for run in runs]
    return statistics.mean(per_call_us), statistics.median(per_call_us)


def report(
    name: str,
    function: Callable[[], object],
    number: int,
    repeat: int = 7,
    setup: Callable[[], object] = lambda: None,
    target_us: float | None = None,
) -> float:
    _mean_us, median_us = measure(function, number, repeat, setup)
    target = f"< {target_us:.0f} µs" if target_us is not None else ""
    met = median_us < target_us if target_us is not None else None
    report_figure("validation", f"{name}, median", f"{median_us:.1f} µs", target, met)
    return median_us


def main() -> int:
    assert len(PASSWORD_128) == MAX_PASSWORD_LENGTH
    context = strength_context_for_email(EMAIL)
    report(
        "check_password (128 characters)",
        lambda: check_password(PASSWORD_128),
        20_000,
        target_us=CHECK_PASSWORD_TARGET_US,
    )
    # The per-character cache is warm while the user types; this is the very first check, cache empty.
    report(
        "check_password (128 characters, cold cache)",
        lambda: check_password(PASSWORD_128),
        number=1,
        repeat=500,
        setup=validation._character_kind.cache_clear,
    )
    report("check_email (typical address)", lambda: check_email(EMAIL), 2_000)
    report("estimate_strength (12 characters)", lambda: estimate_strength(PASSWORD_12, context), 200)
    report("estimate_strength (128 characters)", lambda: estimate_strength(PASSWORD_128, context), 20)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
