"""The shape of the package: dependencies run downward only, and the code cites only the project's docs.

The layers are those of docs/architecture.md ("Layers and the way they depend"). Read from the
sources with ``ast``: nothing is imported, so this runs without Qt.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "monmaster_desktop"

# Lowest first. A module belongs to the first layer one of whose prefixes names it or a package above it.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "rules and facts",
        (
            "monmaster_desktop",  # the package itself: its name and version
            "monmaster_desktop.i18n",
            "monmaster_desktop.texts",
            "monmaster_desktop.assets",
            "monmaster_desktop.data_folder",
            "monmaster_desktop.settings",
            "monmaster_desktop.validation",
            "monmaster_desktop.eligibility",
            "monmaster_desktop.captcha",
            "monmaster_desktop.crash_log",
            "monmaster_desktop.exit_codes",
            "monmaster_desktop.configuration",
            "monmaster_desktop.instance_lock",
            "monmaster_desktop.strength_server",
        ),
    ),
    ("the local platform", ("monmaster_desktop.accounts",)),
    (
        "GUI foundations",
        (
            "monmaster_desktop.gui",  # the package's own __init__
            "monmaster_desktop.gui.style",
            "monmaster_desktop.gui.language",
            "monmaster_desktop.gui.worker",
            "monmaster_desktop.gui.forms",
            "monmaster_desktop.gui.first_paint",
            "monmaster_desktop.gui.soon",
            "monmaster_desktop.gui.strength_process",
            "monmaster_desktop.gui.accessibility",
        ),
    ),
    (
        "widgets and shared state",
        (
            "monmaster_desktop.gui.widgets",
            "monmaster_desktop.gui.context",
            "monmaster_desktop.gui.documents",
            "monmaster_desktop.gui.appearance",
        ),
    ),
    ("pages", ("monmaster_desktop.gui.pages",)),
    ("the wizard and the outbox", ("monmaster_desktop.gui.wizard", "monmaster_desktop.gui.outbox")),
    ("the main window", ("monmaster_desktop.gui.main_window",)),
    ("the kiosk and the operator's tools", ("monmaster_desktop.gui.kiosk", "monmaster_desktop.gui.operator")),
    ("testers' tools", ("monmaster_desktop.gui.testers",)),
    (
        "assembly",
        ("monmaster_desktop.gui.app", "monmaster_desktop.gui.selftest", "monmaster_desktop.gui.screenshots"),
    ),
    (
        "entry points",
        ("monmaster_desktop.cli", "monmaster_desktop.operator_commands", "monmaster_desktop.__main__"),
    ),
)


# Entries that stand for a package's __init__ only, not for the modules under it.
PACKAGE_INITS = frozenset({"monmaster_desktop", "monmaster_desktop.gui"})


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> int:
    """The index of the layer whose longest prefix matches ``module``."""
    best: tuple[int, int] | None = None  # (prefix length, layer)
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            # A package's own __init__ is named alone; its modules each need a line of their own.
            matches = module == prefix or (prefix not in PACKAGE_INITS and module.startswith(prefix + "."))
            if matches and (best is None or len(prefix) > best[0]):
                best = (len(prefix), index)
    if best is None:
        raise LookupError(f"{module} is in no layer of test_layers.LAYERS (nor of docs/architecture.md)")
    return best[1]


def imported_modules(path: Path) -> set[str]:
    """Every monmaster_desktop module ``path`` imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            # "from monmaster_desktop.gui import documents" imports a module, not a name.
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    modules = {module_name(path) for path in PACKAGE.rglob("*.py")}
    return {name for name in found if name in modules}


SOURCES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: module_name(path))
def test_no_module_imports_one_of_a_higher_layer(path: Path) -> None:
    here = layer_of(module_name(path))
    above = {name: LAYERS[layer_of(name)][0] for name in imported_modules(path) if layer_of(name) > here}
    assert above == {}, f"{module_name(path)} ({LAYERS[here][0]}) imports from higher layers: {above}"


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: module_name(path))
def test_only_the_gui_package_names_qt(path: Path) -> None:
    if module_name(path).startswith("monmaster_desktop.gui"):
        return
    assert "PySide6" not in path.read_text(encoding="utf-8")


CODE = sorted(
    path
    for folder in ("monmaster_desktop", "tests", "benchmarks", "packaging")
    for path in (ROOT / folder).rglob("*")
    if path.is_file() and path.suffix in {".py", ".spec", ".sh", ".ui", ".qss", ".toml"}
)


def test_the_code_cites_only_the_projects_own_documents() -> None:
    # The founding plan and the style notes live outside the repository: a clone cannot follow them.
    outside = re.compile(r"DESIGN\s*§|DESIGN\.md|STYLE\.md|/work/(?:shared)")
    citing_outside = [str(path.relative_to(ROOT)) for path in CODE if outside.search(path.read_text("utf-8"))]
    assert citing_outside == []
    cited = {
        match for path in CODE for match in re.findall(r"docs/[\w.-]+\.md", path.read_text(encoding="utf-8"))
    }
    assert cited, "the code points to docs/ somewhere"
    assert {name for name in cited if not (ROOT / name).is_file()} == set()
