"""AT-SPI fixtures: a screen reader's view of the real application, on a virtual screen.

Skipped, with the reason, where the accessibility bus cannot run (no Xvfb, D-Bus, at-spi2-core or
Debian's python3-gi with the Atspi typelib). The application runs as a subprocess with Qt's xcb
platform on its own Xvfb display, whatever QT_QPA_PLATFORM the test run itself uses.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from a11y_support import ScreenReader, missing_requirements

_missing = missing_requirements()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if _missing is None:
        return
    here = Path(__file__).parent
    skip = pytest.mark.skip(reason=f"AT-SPI tests need the accessibility bus: {_missing}")
    for item in items:
        if here in item.path.parents:
            item.add_marker(skip)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    report = yield
    if report.when == "call":
        item.stash[_CALL_FAILED] = report.failed
    return report


_CALL_FAILED = pytest.StashKey[bool]()


@pytest.fixture
def screen_reader(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ScreenReader]:
    reader = ScreenReader(tmp_path)
    try:
        yield reader
    finally:
        reader.close()
        if request.node.stash.get(_CALL_FAILED, False):
            # The application's own output (Qt warnings, tracebacks) explains most failures.
            print(f"--- application log ({tmp_path / 'app.log'}) ---\n{reader.app_log()[-4000:]}")
