"""``monmaster-desktop --screenshots DIR``: every scenario's state, as PNG files.

A reviewer sees the whole product without clicking. The states are those of ``scenarios.SCENARIOS``
(the testers' "Aller à" menu opens the same ones), reached the way a candidate reaches them: clicks
and key presses on the real widgets, the real service on a throw-away data dir. Each is shot once at
100 % and once at 200 % text, as ``NN-<key>-<percent>.png``; ``--screenshots`` shoots every language
of the interface, as ``NN-<key>-<language>-<percent>.png``. Runs offscreen; never touches the user's
data.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from monmaster_desktop.gui.language import current_language, switch_language
from monmaster_desktop.gui.style import DEFAULT_THEME, apply_style, look_restored
from monmaster_desktop.gui.testers.scenarios import SCENARIOS, ScenarioRun
from monmaster_desktop.settings import CaptchaMode, HashingParameters

WINDOW_SIZE = (1366, 768)
SCALES = (1.0, 2.0)


def _shoot_every_scenario(
    directory: Path, scale: float, hashing: HashingParameters, language: str | None
) -> list[Path]:
    written: list[Path] = []
    run: ScenarioRun | None = None
    try:
        for number, scenario in enumerate(SCENARIOS, start=1):
            # Most scenarios continue the previous one; a branch starts again in a fresh window.
            if run is None or not run.can_reach(scenario):
                if run is not None:
                    run.close()
                run = ScenarioRun(hashing=hashing, captcha=CaptchaMode.IMAGE, window_size=WINDOW_SIZE)
            run.reach(scenario)
            run.settle()
            target = run.window.outbox_window() if scenario.shows_outbox else run.window
            named = f"{scenario.key}-{language}" if language else scenario.key
            path = directory / f"{number:02d}-{named}-{round(scale * 100)}.png"
            target.grab().save(str(path))
            written.append(path)
    finally:
        if run is not None:
            run.close()
    return written


def take_screenshots(
    directory: Path,
    scales: tuple[float, ...] = SCALES,
    hashing: HashingParameters | None = None,
    theme: str = DEFAULT_THEME,
    languages: tuple[str, ...] | None = None,
) -> list[Path]:
    """Render every scenario in ``theme`` at each text scale into ``directory``; returns the files written.

    ``hashing`` defaults to the production parameters (the screenshots show the real waits); the
    tests pass fast ones. ``languages``: each one in turn, named in the files (by default the current
    language only, unnamed); the language is the current one again afterwards.
    """
    directory.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance()
    assert isinstance(app, QApplication), "create_application() first"
    written: list[Path] = []
    before = current_language()
    try:
        with look_restored(app):
            for language in languages or (None,):
                if language is not None:
                    switch_language(language)
                for scale in scales:
                    apply_style(app, theme, scale)
                    written += _shoot_every_scenario(
                        directory, scale, hashing or HashingParameters(), language
                    )
    finally:
        switch_language(before)
    return written
