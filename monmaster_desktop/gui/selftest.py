"""``monmaster-desktop --self-test``: the check every build (wheel, frozen bundle, installer) passes.

Offscreen and headless, against a throw-away data dir, it checks the copy of the application that is
running: every form of ``ui/``, every theme, text and icon of ``resources/``, both languages (Qt's own
catalogs, the application's compiled catalogs, and the switch on Accueil), the version metadata, the
accessibility side (the widgets' accessible tree, and that the platform's screen-reader bridge can be
loaded), the "À propos" dialog, then drives the real main window through
the whole journey the way a candidate does, with the one journey driver (``testers/journey.py``):
eligibility, registration hashed with the production argon2 parameters, the simulated outbox,
activation, sign-in; and that the password strength is estimated by its own process, this very
program started again (``gui/strength_process.py``). Qt is imported inside the checks, so that a
build without it is reported, not crashed.

It prints ONE summary line on stdout and returns 0, or names each failure on stderr and returns 1.
It must never touch the user's own data dir and never print the throw-away password.
"""

from __future__ import annotations

import os
import secrets
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from monmaster_desktop import APP_DISPLAY_NAME, APP_NAME, __version__
from monmaster_desktop.assets import resource_file, ui_file
from monmaster_desktop.settings import CaptchaMode, HashingParameters, Settings
from monmaster_desktop.validation import check_password, estimate_strength, strength_context_for_email

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from monmaster_desktop.gui.main_window import MainWindow

# The whole self-test normally takes a few seconds; past this something hangs (a modal dialog, a worker).
WATCHDOG_SECONDS = 180.0
STRENGTH_SERVER_TIMEOUT_S = 30.0  # its start (Python and zxcvbn imported again) on a slow machine
JOURNEY_STEP_TIMEOUT_MS = 60000  # a real argon2 hash on a slow kiosk takes well under a second
SELF_TEST_EMAIL = "autotest.candidat@example.fr"
# The platform plugin that carries the screen-reader bridge on each system (AT-SPI over D-Bus on Linux,
# UI Automation on Windows, NSAccessibility on macOS); offscreen has none.
PLATFORM_PLUGIN_STEMS = {"linux": "qxcb", "win32": "qwindows", "darwin": "qcocoa"}


class SelfTestFailure(Exception):
    """One check failed; the message says which, in words an operator can act on."""


@dataclass
class SelfTestReport:
    facts: list[str] = field(default_factory=list)  # what was checked, for the summary line
    failures: list[str] = field(default_factory=list)
    qt_messages: list[str] = field(default_factory=list)  # Qt's warnings, shown only if something failed

    @property
    def passed(self) -> bool:
        return not self.failures

    def summary(self) -> str:
        facts = "; ".join(self.facts)
        if self.passed:
            return f"self-test OK: {APP_NAME} {__version__}; {facts}"
        return f"self-test FAILED ({len(self.failures)} of the checks): {APP_NAME} {__version__}; {facts}"


def run_self_test(
    *, out: TextIO | None = None, err: TextIO | None = None, hashing: HashingParameters | None = None
) -> int:
    """Run every check; print the summary line on ``out`` and the failures on ``err``.

    ``hashing`` defaults to the production parameters (what the installed application uses); only the
    project's own tests pass faster ones.
    """
    out = out if out is not None else sys.stdout
    err = err if err is not None else sys.stderr
    report = SelfTestReport()
    watchdog = _start_watchdog(err)
    try:
        with _qt_messages_into(report):
            _run_checks(report, hashing or HashingParameters())
    finally:
        watchdog.cancel()
    if not report.passed:
        for failure in report.failures:
            print(f"self-test: FAILED: {failure}", file=err)
        for message in report.qt_messages[-20:]:
            print(f"self-test: Qt said: {message}", file=err)
    _print(out, report.summary())
    return 0 if report.passed else 1


def _print(stream: TextIO | None, line: str) -> None:
    # A windowed Windows executable has no console: sys.stdout is None there.
    if stream is not None:
        print(line, file=stream, flush=True)


def _start_watchdog(err: TextIO | None) -> threading.Timer:
    def give_up() -> None:
        _print(err, f"self-test FAILED: still running after {WATCHDOG_SECONDS:.0f} s (something hangs)")
        os._exit(3)

    watchdog = threading.Timer(WATCHDOG_SECONDS, give_up)
    watchdog.daemon = True
    watchdog.start()
    return watchdog


@contextmanager
def _check(report: SelfTestReport, what: str) -> Iterator[None]:
    """Record a failure of the block as ``what: reason`` and carry on with the next check."""
    try:
        yield
    except Exception as error:  # any failure of a check is a finding, not a crash of the self-test
        report.failures.append(f"{what}: {type(error).__name__}: {error}")


# --- the checks -------------------------------------------------------------------------------------------


def _run_checks(report: SelfTestReport, hashing: HashingParameters) -> None:
    with _check(report, "version"):
        report.facts.append(_check_version())
    app = _application(report)
    if app is None:
        return
    with _check(report, "resources"):
        report.facts.append(_check_resources())
    with tempfile.TemporaryDirectory(prefix="monmaster-self-test-") as data_dir:
        settings = Settings(data_dir=Path(data_dir), captcha=CaptchaMode.IMAGE, hashing=hashing)
        window = _open_main_window(report, settings)
        if window is None:
            return
        try:
            with _check(report, "accessibility"):
                report.facts.append(_check_accessibility(window))
            with _check(report, "about dialog"):
                report.facts.append(_check_about_dialog(app, window))
            with _check(report, "languages"):
                report.facts.append(_check_language_switch(window))
            with _check(report, "journey"):
                report.facts.append(_run_journey(window))
            with _check(report, "strength process"):
                report.facts.append(_check_strength_process())
        finally:
            _close(window)


def _check_version() -> str:
    # A frozen build without the package's metadata would say 0.0.0+checkout in "À propos".
    if getattr(sys, "frozen", False) and __version__.startswith("0.0.0"):
        raise SelfTestFailure("the bundle lacks the package metadata (copy_metadata in the spec)")
    return "frozen" if getattr(sys, "frozen", False) else "from Python"


@contextmanager
def _qt_messages_into(report: SelfTestReport) -> Iterator[None]:
    """Keep Qt's warnings for the failure report instead of the terminal; the previous handler comes back."""
    try:
        from PySide6.QtCore import QtMsgType, qInstallMessageHandler
    except ImportError as error:  # a bundle without Qt: _application reports it
        report.qt_messages.append(f"PySide6.QtCore: {error}")
        yield
        return

    def record(kind: QtMsgType, _context: object, message: str) -> None:
        report.qt_messages.append(f"{kind.name}: {message}")

    previous = qInstallMessageHandler(record)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def _application(report: SelfTestReport) -> QApplication | None:
    with _check(report, "Qt application"):
        from PySide6.QtWidgets import QApplication

        if QApplication.instance() is None:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"  # headless, whatever the environment says
        from monmaster_desktop.gui.app import create_application

        return create_application([APP_NAME, "--self-test"])
    return None


def _check_resources() -> str:
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
    from PySide6.QtGui import QIcon

    from monmaster_desktop.gui.forms import load_form
    from monmaster_desktop.gui.style import style_sheet

    forms = sorted(ui_file("welcome_page.ui").parent.glob("*.ui"))
    for form in forms:
        try:
            load_form(form.name).deleteLater()
        except Exception as error:
            raise SelfTestFailure(f"form {form.name}: {error}") from error
    styles_dir = resource_file("styles/00-base.qss").parent
    themes = sorted(path.stem for path in styles_dir.glob("*.theme"))
    for theme in themes:
        if len(style_sheet(theme, 2.0)) < 100:
            raise SelfTestFailure(f"theme {theme}: the style sheet is empty")
    texts = sorted(resource_file("texts/fr/cgu.md").parent.parent.glob("*/*.md"))
    for text in texts:
        if not text.read_text(encoding="utf-8").strip():
            raise SelfTestFailure(f"text {text.name} is empty")
    icons = sorted(resource_file("icons/monmaster-desktop.svg").parent.glob("*.svg"))
    for icon in icons:
        # Goes through Qt's SVG icon engine plugin: the check that a bundle kept it.
        if QIcon(str(icon)).pixmap(64, 64).isNull():
            raise SelfTestFailure(f"icon {icon.name} cannot be drawn (Qt's SVG plugins missing?)")
    translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    french = QLocale(QLocale.Language.French, QLocale.Country.France)
    if not QTranslator().load(french, "qtbase", "_", translations):
        raise SelfTestFailure(f"Qt's French translation qtbase_fr.qm is missing from {translations}")
    if not (forms and themes and texts):
        raise SelfTestFailure("no form, theme or text found")
    return (
        f"{_count(len(forms), 'form')}, {_count(len(themes), 'theme')}, {_count(len(texts), 'text')}, "
        f"{_count(len(icons), 'icon')}, Qt fr translation, {_check_catalogs()}"
    )


def _check_catalogs() -> str:
    """Every language's catalogs load and translate: Qt's own, the interface's (.qm), the core's (.mo)."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    from monmaster_desktop import i18n, texts
    from monmaster_desktop.gui.language import QT_CATALOG, locale_of

    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for language in i18n.LANGUAGES:
        if not QTranslator().load(locale_of(language), "qtbase", "_", qt_translations):
            raise SelfTestFailure(f"Qt's own {language} translation (qtbase_{language}.qm) is missing")
        if language == i18n.SOURCE_LANGUAGE:
            continue  # the source: its words are the code's
        ours = QTranslator()
        if not ours.load(f"{QT_CATALOG}_{language}", str(i18n.catalog_dir())):
            raise SelfTestFailure(f"the interface's {language} catalog is missing from {i18n.catalog_dir()}")
        if ours.translate("WelcomePage", "Candidater") in ("", "Candidater"):
            raise SelfTestFailure(f"the interface's {language} catalog does not translate")
        try:
            core = i18n.translator(language)
        except i18n.CatalogMissing as error:
            raise SelfTestFailure(str(error)) from None
        if core.gettext(texts.SIGN_IN_FAILED) == texts.SIGN_IN_FAILED:
            raise SelfTestFailure(f"the core's {language} catalog does not translate")
    return f"catalogs of {' and '.join(i18n.LANGUAGES)}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _open_main_window(report: SelfTestReport, settings: Settings) -> MainWindow | None:
    with _check(report, "main window"):
        from PySide6.QtTest import QTest

        from monmaster_desktop.gui.app import create_main_window

        window = create_main_window(settings)
        window.resize(1366, 768)
        window.show()
        QTest.qWaitForWindowExposed(window, 5000)
        started = _seconds_since_process_start()
        if started is not None:
            report.facts.append(f"window shown {started:.2f} s after launch")
        return window
    return None


def _seconds_since_process_start() -> float | None:
    """Wall time since the OS started this process (Linux only: /proc), or None elsewhere."""
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        started_ticks = int(fields[19])  # field 22 of proc(5), counted after "pid (comm)"
        return time.clock_gettime(time.CLOCK_BOOTTIME) - started_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def _check_accessibility(window: MainWindow) -> str:
    """The accessible tree exists; the platform's screen-reader bridge is loadable (not active offscreen)."""
    from PySide6.QtGui import QAccessible

    interface = QAccessible.queryAccessibleInterface(window)
    if interface is None or not interface.isValid():
        raise SelfTestFailure("no accessible interface for the main window")
    if interface.text(QAccessible.Text.Name) != APP_DISPLAY_NAME or interface.childCount() == 0:
        raise SelfTestFailure("the main window's accessible name or children are missing")
    active = QAccessible.isActive()  # False offscreen: no screen reader can listen there
    bridge = _platform_bridge_loads()
    return f"accessible tree OK, {bridge}{', bridge active' if active else ''}"


def _platform_bridge_loads() -> str:
    """Load (without using it) the platform plugin that hosts the screen-reader bridge on this system."""
    from PySide6.QtCore import QCoreApplication, QPluginLoader

    stem = PLATFORM_PLUGIN_STEMS.get(sys.platform)
    if stem is None:
        return "no screen-reader bridge known for this system"
    candidates = [
        path
        for directory in QCoreApplication.libraryPaths()
        for path in sorted((Path(directory) / "platforms").glob(f"*{stem}*"))
        if path.suffix in (".so", ".dll", ".dylib")
    ]
    if not candidates:
        searched = ", ".join(QCoreApplication.libraryPaths())
        raise SelfTestFailure(f"platform plugin {stem} not found (searched {searched})")
    loader = QPluginLoader(str(candidates[0]))
    if not loader.load():
        raise SelfTestFailure(f"platform plugin {candidates[0].name} does not load: {loader.errorString()}")
    if sys.platform == "linux":
        # The AT-SPI bridge talks to Orca over D-Bus; without QtDBus there is no bridge at all.
        from PySide6 import QtDBus  # noqa: F401

        return "xcb platform and D-Bus for AT-SPI load"
    return f"{stem} platform plugin loads"


def _check_about_dialog(app: QApplication, window: MainWindow) -> str:
    """Aide › À propos opens, names the version, and closes (it is modal: read it from a timer)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    seen: list[str] = []
    tries_left = [250]  # 5 s of 20 ms looks, then give up (the dialog never came)

    def read_and_close() -> None:
        dialog = app.activeModalWidget()
        if isinstance(dialog, QMessageBox):
            seen.append(dialog.text())
            dialog.accept()
        elif tries_left[0] > 0:
            tries_left[0] -= 1
            QTimer.singleShot(20, read_and_close)

    QTimer.singleShot(20, read_and_close)
    window.show_about()
    if not seen:
        raise SelfTestFailure("the dialog did not open")
    if __version__ not in seen[0]:
        raise SelfTestFailure(f"the dialog does not show the version {__version__}")
    return "« À propos » shows the version"


def _check_language_switch(window: MainWindow) -> str:
    """The switch on Accueil puts the whole window in English and back (the journey then runs in French)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QPushButton, QWizard

    from monmaster_desktop.gui.language import current_language

    switch = window.findChild(QPushButton, "languageButton")
    next_button = window.wizard.button(QWizard.WizardButton.NextButton)
    if switch is None or switch.text() != "English" or switch.isHidden():
        raise SelfTestFailure("no « English » button on Accueil")
    QTest.mouseClick(switch, Qt.MouseButton.LeftButton)
    english = (current_language(), next_button.text(), switch.text())
    QTest.mouseClick(switch, Qt.MouseButton.LeftButton)
    french = (current_language(), next_button.text(), switch.text())
    if english != ("en", "Apply", "Français") or french != ("fr", "Candidater", "English"):
        raise SelfTestFailure(f"the switch on Accueil gave {english}, then {french}")
    return "Accueil switches to English and back"


# --- the journey ------------------------------------------------------------------------------------------


def throwaway_password(email: str) -> str:
    """A fresh password that meets the platform's rule and is not guessable (never printed)."""
    alphabets = ("ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789", "%#@$&*+=")
    while True:
        characters = [secrets.choice(alphabet) for alphabet in alphabets for _ in range(3)]
        secrets.SystemRandom().shuffle(characters)
        password = "".join(characters)
        good = check_password(password).is_valid
        if good and estimate_strength(password, strength_context_for_email(email)).score >= 3:
            return password


def _run_journey(window: MainWindow) -> str:
    """The whole journey through the one journey driver, with the production hashing by default."""
    from PySide6.QtWidgets import QWizard

    from monmaster_desktop.accounts.service import AccountStatus
    from monmaster_desktop.gui.context import PageId
    from monmaster_desktop.gui.testers.journey import Candidate, JourneyError

    candidate = Candidate.at(window, timeout_ms=JOURNEY_STEP_TIMEOUT_MS)
    password = throwaway_password(SELF_TEST_EMAIL)
    began = time.perf_counter()
    try:
        candidate.step = "welcome page and step 1 (eligibility)"
        candidate.go_to_credentials()
        candidate.step = "step 2 (credentials, argon2 hashing)"
        candidate.register(SELF_TEST_EMAIL, password)
        candidate.step = "simulated outbox (activation link)"
        candidate.open_outbox()
        candidate.follow_link()
        candidate.wait_for_page(PageId.ACTIVATED)
        candidate.step = "sign-in"
        candidate.press(QWizard.WizardButton.NextButton, "Se connecter")
        candidate.wait_for_page(PageId.SIGN_IN)
        candidate.sign_in(SELF_TEST_EMAIL, password)
        candidate.wait_for_page(PageId.SIGNED_IN)
    except JourneyError as error:
        raise SelfTestFailure(str(error)) from None
    elapsed = time.perf_counter() - began

    account = window.context.service.find_account(SELF_TEST_EMAIL)
    if account is None or account.status is not AccountStatus.ACTIVE:
        raise SelfTestFailure("stored account: the account is not stored as active")
    hashing = window.context.settings.hashing
    return (
        f"journey (eligibility → argon2id t={hashing.time_cost} m={hashing.memory_cost_kib // 1024} MiB "
        f"→ outbox → activation → sign-in) in {elapsed:.2f} s"
    )


def _check_strength_process() -> str:
    """The checklist's estimates come from their own process (this very executable, started again)."""
    from PySide6.QtTest import QTest

    from monmaster_desktop.gui.strength_process import PROCESS, STARTING, strength_estimator

    estimator = strength_estimator()  # started by the credentials page's checklist
    deadline = time.monotonic() + STRENGTH_SERVER_TIMEOUT_S
    while estimator.way() == STARTING and time.monotonic() < deadline:
        QTest.qWait(10)
    if estimator.way() != PROCESS:
        raise SelfTestFailure(f"the strength server did not start: estimates run on {estimator.way()}")
    password = throwaway_password(SELF_TEST_EMAIL)
    context = strength_context_for_email(SELF_TEST_EMAIL)
    answers: list[object] = []
    asker = 0  # no checklist has this number (they count from 1)

    def take(asked_by: int, revision: int, strength: object) -> None:
        if asked_by == asker:
            answers.append(strength)

    estimator.estimated.connect(take)
    try:
        began = time.perf_counter()
        estimator.estimate(asker, 0, password, context)
        while not answers and time.monotonic() < deadline:
            QTest.qWait(5)
        elapsed = time.perf_counter() - began
    finally:
        estimator.estimated.disconnect(take)
    if answers != [estimate_strength(password, context)] or estimator.answers_from_server == 0:
        raise SelfTestFailure("the strength server's answer differs from the estimate, or came from a thread")
    return f"password strength from its own process (pid {estimator.process_id()}) in {elapsed * 1000:.0f} ms"


def _close(window: MainWindow) -> None:
    window.context.runner.wait_for_done()
    outbox = window.outbox_window()
    outbox.close()
    window.close()
    window.context.service.close()  # before the data dir is removed (Windows keeps open files locked)
    window.deleteLater()
