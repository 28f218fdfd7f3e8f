"""The screenshot tour reaches every page and state (the testers' scenarios) through the real widgets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from monmaster_desktop.gui.screenshots import take_screenshots
from monmaster_desktop.gui.testers.scenarios import SCENARIOS
from monmaster_desktop.settings import HashingParameters

STATES = (
    "01-accueil", "02-candidater", "03-etape1-vide", "04-etape1-non-eligible", "05-etape1-eligible",
    "06-etape2-vide", "07-etape2-checklist-a-moitie", "08-etape2-erreurs", "09-courriel-envoye",
    "10-boite-de-reception", "11-lien-expire", "12-compte-active", "13-connexion-refusee", "14-connecte",
    "15-connexion-bloquee",
)  # fmt: skip


def test_screenshots_cover_every_page_and_state(qapp, tmp_path: Path) -> None:
    written = take_screenshots(tmp_path, scales=(1.0,), hashing=HashingParameters.fast_for_tests())
    assert [path.name for path in written] == [f"{state}-100.png" for state in STATES]
    for path in written:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1366, 768), path.name
        assert image.pixelColor(image.width() // 2, image.height() // 2).isValid()


def test_screenshots_are_named_after_the_scenarios_in_their_order() -> None:
    assert [f"{number:02d}-{scenario.key}" for number, scenario in enumerate(SCENARIOS, start=1)] == list(
        STATES
    )
