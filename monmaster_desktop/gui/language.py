"""The language of the whole interface: Qt's catalogs, the core's, the locale, and switching live.

French is the source language: the words in the code and the ``.ui`` forms. English comes from two
compiled catalogs (README, "Translating"): ``monmaster_en.qm`` (Qt's: the GUI's strings) and the
core's gettext catalog (``monmaster_desktop.i18n``), plus Qt's own ``qtbase_<lang>.qm`` for its
dialogs. ``switch_language`` changes them together, sets the locale (dates, and the language screen
readers pick a voice for) and has every widget say its texts again at once: Qt sends each widget a
``LanguageChange`` event, delivered here before this returns, and each part of the interface answers it
in ``changeEvent`` by retranslating what it shows — the forms' texts (``forms.retranslate_form``), the
texts it set itself, accessible names and descriptions. Nothing typed, no page and no state changes.

GUI strings are marked where they are defined with ``QT_TRANSLATE_NOOP("Context", "…")`` (which
``pyside6-lupdate`` extracts) and said with ``translated(context, source)``, a ``Message`` that can be
made again after a switch (``i18n.again``).

The kiosk's default language is the one the application started with (``--lang``);
``reset_to_default_language`` brings it back for the next candidate.
"""

from __future__ import annotations

from datetime import date, datetime

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTime,
    QTranslator,
    Signal,
)
from PySide6.QtWidgets import QApplication

from monmaster_desktop import i18n, texts
from monmaster_desktop.i18n import LANGUAGES, Message

QT_CATALOG = "monmaster"  # resources/translations/monmaster_<lang>.qm
# The locale of each language: dates and numbers, and the language announced to screen readers. British
# English writes dates day first, as the platform's French does (docs/architecture.md, "Languages").
LOCALES: dict[str, tuple[QLocale.Language, QLocale.Country]] = {
    "fr": (QLocale.Language.French, QLocale.Country.France),
    "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


class LanguageUnavailable(RuntimeError):
    """A language's catalogs cannot be loaded (not compiled into this copy of the application)."""


def locale_of(language: str) -> QLocale:
    return QLocale(*LOCALES[language])


def translated(context: str, source: str, /, **params: object) -> Message:
    """The GUI string ``source`` (marked ``QT_TRANSLATE_NOOP(context, source)``) in the current language.

    ``params`` fill its ``{placeholders}``; Messages among them are made again too.
    """

    def make() -> str:
        text = QCoreApplication.translate(context, source)
        if not params:
            return text
        return text.format(
            **{
                key: i18n.again(value) if isinstance(value, Message) else value
                for key, value in params.items()
            }
        )

    return Message(make)


def _date_and_time(moment: datetime) -> tuple[str, str]:
    """A (UTC) moment in the computer's local time, as the current locale writes a date and a time."""
    local = moment.astimezone()
    locale = QLocale()
    short = QLocale.FormatType.ShortFormat
    date = locale.toString(QDate(local.year, local.month, local.day), short)
    return date, locale.toString(QTime(local.hour, local.minute), short)


def format_moment(moment: datetime) -> Message:
    """ "27/11/2026 à 09:41" in French, "27/11/2026 at 09:41" in British English: the locale's formats."""

    def make() -> str:
        date, time = _date_and_time(moment)
        return i18n.gettext(texts.MOMENT).format(date=date, time=time)

    return Message(make)


def format_date(day: date) -> Message:
    """A day as the current locale writes it, short: "27/11/2026" (French and British English alike)."""
    short = QLocale.FormatType.ShortFormat
    return Message(lambda: QLocale().toString(QDate(day.year, day.month, day.day), short))


def format_date_time(moment: datetime) -> Message:
    """The short form of a list's column: "27/11/2026 09:41" (the locale's date, then its time)."""
    return Message(lambda: " ".join(_date_and_time(moment)))


def is_language_change(event: QEvent) -> bool:
    return event.type() == QEvent.Type.LanguageChange


def _qt_catalog_dir() -> str:
    return str(i18n.catalog_dir())


def _load_translators(language: str, parent: QObject) -> list[QTranslator]:
    """Qt's own catalog and the application's for ``language`` (none of ours for the source, French)."""
    translators: list[QTranslator] = []
    qt_own = QTranslator(parent)
    # Qt's dialogs (file dialog, context menus, standard buttons): missing only in a trimmed build.
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(locale_of(language), "qtbase", "_", qt_translations):
        translators.append(qt_own)
    if language != i18n.SOURCE_LANGUAGE:
        ours = QTranslator(parent)
        if not ours.load(f"{QT_CATALOG}_{language}", _qt_catalog_dir()):
            raise LanguageUnavailable(
                f"the {language} catalog of the interface is missing from {_qt_catalog_dir()}; "
                "build it with: python packaging/catalogs.py compile"
            )
        translators.append(ours)
    return translators


class LanguageSwitch(QObject):
    """The application's language: one per QApplication (``language_switch()``)."""

    changed = Signal(str)  # the new language, once every widget has retranslated

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._app = app
        self._translators: list[QTranslator] = []
        self._language = i18n.SOURCE_LANGUAGE
        self.default_language = i18n.DEFAULT_LANGUAGE

    def language(self) -> str:
        return self._language

    def switch(self, language: str) -> None:
        """The whole interface in ``language`` now; raises ``LanguageUnavailable`` (nothing changed then)."""
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}; expected one of {', '.join(LANGUAGES)}")
        if language == self._language and self._translators:
            return
        try:
            i18n.translator(language)  # the core's catalog first: it raises before anything changed
        except i18n.CatalogMissing as error:
            raise LanguageUnavailable(str(error)) from error
        new = _load_translators(language, self)
        i18n.set_language(language)
        locale = locale_of(language)
        QLocale.setDefault(locale)
        for old in self._translators:
            QCoreApplication.removeTranslator(old)
            old.deleteLater()
        for translator in new:
            QCoreApplication.installTranslator(translator)
        self._translators = new
        self._language = language
        if isinstance(self._app, QApplication):
            for window in QApplication.topLevelWidgets():
                window.setLocale(locale)  # its children inherit it; Qt gives it to assistive technologies
        # Qt posts a LanguageChange to every window; deliver them now, so the switch is done on return.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.changed.emit(language)

    def reset_to_default(self) -> None:
        """Back to the language the application started with (the kiosk, for the next candidate)."""
        self.switch(self.default_language)


_switch: LanguageSwitch | None = None


def language_switch() -> LanguageSwitch:
    """The application's ``LanguageSwitch`` (made with the application's first call)."""
    global _switch
    app = QCoreApplication.instance()
    assert app is not None, "create the application first"
    # Kept here rather than looked for among the application's children: listing them makes PySide6
    # create the Python types (and enums) of every kind of child, ~30 ms before the first paint.
    if _switch is None or not shiboken6.isValid(_switch) or _switch.parent() is not app:
        _switch = LanguageSwitch(app)
    return _switch


def install_language(language: str) -> LanguageSwitch:
    """At start-up: ``language`` becomes both the current and the default language (``--lang``)."""
    switch = language_switch()
    switch.default_language = language
    switch.switch(language)
    return switch


def current_language() -> str:
    return i18n.current_language()


def is_available(language: str) -> bool:
    """Whether ``language``'s catalogs are in this copy of the application (a switch to it can work)."""
    if language == i18n.SOURCE_LANGUAGE:
        return True
    qt_catalog = i18n.catalog_dir() / f"{QT_CATALOG}_{language}.qm"
    core_catalog = i18n.catalog_dir() / language / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo"
    return qt_catalog.is_file() and core_catalog.is_file()


def switch_language(language: str) -> None:
    language_switch().switch(language)


def reset_to_default_language() -> None:
    """The hook for the end of a candidate's session (kiosk): the default language again."""
    language_switch().reset_to_default()
