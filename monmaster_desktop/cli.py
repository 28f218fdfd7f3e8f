"""The ``monmaster-desktop`` command: the GUI by default, operator sub-commands otherwise.

The operator sub-commands (``accounts list``, ``outbox list``, ``outbox show``) never import Qt, so
they work on a machine without a screen. Nothing printed here ever contains a password or a hash,
and nothing ends in a traceback: data that cannot be used (folder, damaged or too new database,
full or read-only disk) is said in words with exit status 2, a missing screen with status 3, and a
reader that stops early (``outbox show 1 | head``) ends the output quietly. Everything is said in the
language of ``--lang`` (French by default), from the core's catalog (``i18n``).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from monmaster_desktop import APP_DISPLAY_NAME, i18n, texts
from monmaster_desktop.accounts.store import Database, DatabaseDamagedError, to_text
from monmaster_desktop.data_folder import DataError, default_data_dir
from monmaster_desktop.exit_codes import EXIT_DATA_UNUSABLE, EXIT_NO_DISPLAY
from monmaster_desktop.i18n import N_, gettext
from monmaster_desktop.operator_commands import add_operator_commands, run_operator_command

# typing.TYPE_CHECKING without importing typing (~3 ms the operator's commands need not pay);
# type checkers read any constant of this name so.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from monmaster_desktop.configuration import FileConfiguration
    from monmaster_desktop.settings import Settings

# settings.CaptchaMode's values (tests/unit/test_cli.py checks they agree): the listings never
# import the settings' dataclasses (docs/performance.md).
CAPTCHA_CHOICES = ("image", "question", "off")

# --- Texts (project-written) ------------------------------------------------------------------------
DESCRIPTION = N_(
    "{app} : répétition hors ligne de la création d'un compte sur la plateforme Mon Master (éligibilité, "
    "identifiants, courriel d'activation). Sans sous-commande, l'application graphique s'ouvre."
)
KIOSK_HELP = N_("mode borne : plein écran, un candidat après l'autre, rien d'un candidat visible du suivant")
CAPTCHA_HELP = N_(
    "captcha de l'étape 2 : image (par défaut, avec une question en texte comme alternative), question (la "
    "question seule), off (aucun captcha : réservé aux opérateurs et aux tests automatisés, jamais pour des "
    "candidats)"
)
LANG_HELP = N_(
    "langue de l'interface et des messages : fr (français, par défaut) ou en (anglais) ; le bouton de "
    "l'accueil la change aussi"
)
IDLE_TIMEOUT_HELP = N_(
    "mode borne : secondes sans aucune action avant l'avertissement de fin de session (par défaut : 120 ; "
    "l'avertissement laisse ensuite 30 secondes pour continuer)"
)
SECONDS = N_("SECONDES")
CONFIG_HELP = N_(
    "fichier de configuration de la borne (TOML) ; par défaut : monmaster-desktop.toml dans le dossier de "
    "configuration de l'utilisateur, s'il existe"
)
FILE = N_("FICHIER")
IDLE_TIMEOUT_OUT_OF_RANGE = N_("--idle-timeout : un nombre de secondes entre 1 et {high} est attendu")
SCREENSHOTS_HELP = N_(
    "enregistrer une capture PNG de chaque page dans ses états typiques, en français et en anglais, à 100 %% "
    "et 200 %% de taille de texte, sans écran et sur des données jetables, puis quitter"
)
SELF_TEST_HELP = N_(
    "vérifier cette installation sans écran (formulaires, ressources, les deux langues, accessibilité, "
    "parcours complet sur des données jetables), afficher une ligne de bilan et quitter (code 0 si tout va "
    "bien)"
)
FOLDER = N_("DOSSIER")
SUBCOMMAND = N_("SOUS-COMMANDE")
ACCOUNTS_HELP = N_("comptes enregistrés (opérateurs)")
ACCOUNTS_LIST_HELP = N_("lister les comptes (jamais les mots de passe)")
JSON_HELP = N_("sortie JSON (dates ISO 8601 en UTC)")
OUTBOX_HELP = N_("boîte d'envoi simulée (opérateurs)")
OUTBOX_LIST_HELP = N_("lister les courriels envoyés, du plus récent au plus ancien")
OUTBOX_SHOW_HELP = N_("afficher le texte d'un courriel")
MAIL_ID_HELP = N_("numéro du courriel (voir outbox list)")
DATA_DIR_HELP = N_("dossier des données (comptes, courriels simulés) ; par défaut : {folder}")
NO_ACCOUNT = N_("Aucun compte.")
STATUS_PENDING = N_("en attente d'activation")
STATUS_ACTIVE = N_("activé")
ACTIVATED_ON = N_(", activé le {moment}")
CREATED_ON = N_("créé le {moment}")
NO_MAIL = N_("Aucun courriel.")
MAIL_READ = N_("lu")
MAIL_UNREAD = N_("non lu")
UNKNOWN_MAIL = N_("Aucun courriel n° {id} (voir « monmaster-desktop outbox list »).")
MAIL_HEADERS = N_("De : {sender}\nÀ : {recipient}\nDate : {date}\nObjet : {subject}\n")


def language_asked(argv: Sequence[str]) -> str:
    """The ``--lang`` of the command line, read before the parser exists (its help is in that language)."""
    for index, argument in enumerate(argv):
        if argument.startswith("--lang="):
            value = argument.split("=", 1)[1]
        elif argument == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        else:
            continue
        return value if value in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE
    return i18n.DEFAULT_LANGUAGE


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="monmaster-desktop", description=gettext(DESCRIPTION).format(app=APP_DISPLAY_NAME)
    )
    parser.add_argument("--version", action=_PrintVersion)
    _add_data_dir_option(parser, default=None)
    parser.add_argument("--kiosk", action="store_true", help=gettext(KIOSK_HELP))
    parser.add_argument(
        "--idle-timeout",
        type=int,
        metavar=gettext(SECONDS),
        help=gettext(IDLE_TIMEOUT_HELP),
    )
    parser.add_argument(
        "--config",
        type=Path,
        metavar=gettext(FILE),
        help=gettext(CONFIG_HELP),
    )
    parser.add_argument(
        "--captcha",
        choices=CAPTCHA_CHOICES,
        default=None,
        help=gettext(CAPTCHA_HELP),
    )
    parser.add_argument(
        "--lang", choices=list(i18n.LANGUAGES), default=i18n.DEFAULT_LANGUAGE, help=gettext(LANG_HELP)
    )
    parser.add_argument("--screenshots", type=Path, metavar=gettext(FOLDER), help=gettext(SCREENSHOTS_HELP))
    parser.add_argument("--self-test", action="store_true", help=gettext(SELF_TEST_HELP))

    commands = parser.add_subparsers(dest="command", metavar=gettext(SUBCOMMAND))
    accounts = commands.add_parser("accounts", help=gettext(ACCOUNTS_HELP))
    accounts_commands = accounts.add_subparsers(dest="action", metavar="ACTION", required=True)
    accounts_list = accounts_commands.add_parser("list", help=gettext(ACCOUNTS_LIST_HELP))
    _add_data_dir_option(accounts_list, default=argparse.SUPPRESS)
    accounts_list.add_argument("--json", action="store_true", help=gettext(JSON_HELP))

    outbox = commands.add_parser("outbox", help=gettext(OUTBOX_HELP))
    outbox_commands = outbox.add_subparsers(dest="action", metavar="ACTION", required=True)
    outbox_list = outbox_commands.add_parser("list", help=gettext(OUTBOX_LIST_HELP))
    _add_data_dir_option(outbox_list, default=argparse.SUPPRESS)
    outbox_list.add_argument("--json", action="store_true", help=gettext(JSON_HELP))
    outbox_show = outbox_commands.add_parser("show", help=gettext(OUTBOX_SHOW_HELP))
    _add_data_dir_option(outbox_show, default=argparse.SUPPRESS)
    outbox_show.add_argument("id", type=int, metavar="ID", help=gettext(MAIL_ID_HELP))
    add_operator_commands(commands, lambda sub: _add_data_dir_option(sub, default=argparse.SUPPRESS))
    return parser


def _terminal_columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size`` finds it (COLUMNS first), 80 without one."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's help, told the terminal's width: measuring it itself would import ``shutil``, and
    with it three compression modules, into every command (argparse makes a formatter for each
    option it is given, docs/performance.md)."""

    def __init__(
        self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None
    ) -> None:
        width = _terminal_columns() - 2 if width is None else width  # argparse's own margin
        super().__init__(prog, indent_increment, max_help_position, width)


class _Parser(argparse.ArgumentParser):
    """An argument parser whose help uses ``_HelpFormatter``; its sub-commands' parsers are ones too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)


class _PrintVersion(argparse.Action):
    """argparse's "version" action, reading the version only when asked (importlib.metadata is slow)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **_: object) -> None:
        super().__init__(
            option_strings,
            dest,
            nargs=0,
            default=argparse.SUPPRESS,
            help="show program's version number and exit",
        )

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from monmaster_desktop import __version__

        print(f"{parser.prog} {__version__}")
        parser.exit()


class _DefaultDataDir:
    """The default data folder in the help text, looked up only if the help is printed."""

    def __str__(self) -> str:
        return str(default_data_dir())


def _add_data_dir_option(parser: argparse.ArgumentParser, default: object) -> None:
    # Accepted before and after the sub-command: "--data-dir D outbox list" and "outbox list --data-dir D".
    action = parser.add_argument(
        "--data-dir",
        type=Path,
        default=default,
        metavar=gettext(FOLDER),
        # The default folder is looked up only if the help is printed (argparse's %(name)s).
        help=gettext(DATA_DIR_HELP).replace("%", "%%").format(folder="%(default_data_dir)s"),
    )
    # argparse fills the help's %(name)s from the action's attributes when it prints the help.
    action.default_data_dir = _DefaultDataDir()  # type: ignore[attr-defined]


def settings_from(arguments: argparse.Namespace, configured: FileConfiguration | None = None) -> Settings:
    """The settings the options give; those they leave out come from the configuration file, if read."""
    from monmaster_desktop.configuration import FileConfiguration
    from monmaster_desktop.settings import CaptchaMode, KioskSettings, Settings

    configured = configured or FileConfiguration()
    kiosk_defaults = KioskSettings()
    idle_timeout = arguments.idle_timeout or configured.idle_timeout or kiosk_defaults.idle_timeout
    kiosk_settings = KioskSettings(
        idle_timeout=idle_timeout,
        warning=configured.idle_warning or kiosk_defaults.warning,
        return_after_activation=configured.return_after_activation or kiosk_defaults.return_after_activation,
        theme=configured.theme or kiosk_defaults.theme,
        text_scale=(configured.text_size or round(kiosk_defaults.text_scale * 100)) / 100,
    )
    return Settings(
        data_dir=arguments.data_dir or default_data_dir(),
        captcha=CaptchaMode(arguments.captcha or configured.captcha or CaptchaMode.IMAGE.value),
        kiosk=arguments.kiosk or bool(configured.kiosk),
        kiosk_settings=kiosk_settings,
        language=arguments.lang,
    )


def main(argv: Sequence[str] | None = None) -> int:
    # A terminal that cannot show a character (an address in Chinese on a Latin-1 console) gets an
    # escape instead of a UnicodeEncodeError.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        i18n.set_language(language_asked(argv))  # before the parser: its help is in that language too
    except i18n.CatalogMissing as error:  # an installation built without its catalogs
        print(error, file=sys.stderr)
        return EXIT_DATA_UNUSABLE
    parser = build_parser()
    arguments = parser.parse_args(argv)
    if arguments.idle_timeout is not None:
        from monmaster_desktop.configuration import MAX_IDLE_SECONDS

        if not 1 <= arguments.idle_timeout <= MAX_IDLE_SECONDS:
            parser.error(gettext(IDLE_TIMEOUT_OUT_OF_RANGE).format(high=MAX_IDLE_SECONDS))
    if arguments.command in ("accounts", "outbox"):
        # The listings need only the data folder: no Settings, no configuration file.
        data_dir = arguments.data_dir or default_data_dir()
        return _said_to_the_operator(lambda: _list(arguments, data_dir))
    settings = settings_from(arguments)
    if arguments.self_test:
        from monmaster_desktop.gui.selftest import run_self_test  # loads Qt, offscreen

        return run_self_test()
    if arguments.screenshots is not None:
        from monmaster_desktop.gui.app import run_screenshots

        return run_screenshots(arguments.screenshots)
    if arguments.command is None:
        missing = missing_display()
        if missing is not None:
            print(f"{missing}\n{gettext(texts.WITHOUT_A_SCREEN)}", file=sys.stderr)
            return EXIT_NO_DISPLAY
        from monmaster_desktop.configuration import read_configuration
        from monmaster_desktop.crash_log import start_crash_log  # reads the version: slow, GUI only

        try:
            settings = settings_from(arguments, read_configuration(arguments.config))
        except DataError as error:
            print(error, file=sys.stderr)
            return EXIT_DATA_UNUSABLE
        from monmaster_desktop.gui.app import run_gui  # Qt is loaded only for the GUI

        crash_log = start_crash_log(settings.data_dir)  # a tester attaches it to a report
        try:
            return run_gui(settings)
        finally:
            if crash_log is not None:
                crash_log.close()
    return _said_to_the_operator(lambda: run_operator_command(arguments, settings))


def _said_to_the_operator(command: Callable[[], int]) -> int:
    """Run a command; unusable data is said in words (status 2), a reader gone away is quiet (1)."""
    try:
        return command()
    except DataError as error:
        message = str(error)
        if isinstance(error, DatabaseDamagedError):
            message += f" {gettext(texts.DATABASE_DAMAGED_CLI_ADVICE)}"
        print(message, file=sys.stderr)
        return EXIT_DATA_UNUSABLE
    except BrokenPipeError:
        # The reader went away (`| head`): what is left of the output goes nowhere, quietly, including
        # what Python would flush at exit (python.org's documented recipe for SIGPIPE).
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


def missing_display() -> str | None:
    """Why no window can open here, in words, or None; Qt is not loaded to find out.

    On Linux and the BSDs a window needs an X11 or Wayland display. Qt itself would abort with an
    English message and a misleading hint about libxcb-cursor0. A platform chosen explicitly with
    QT_QPA_PLATFORM (offscreen, vnc…) is left to Qt; the GUI catches Qt's own failure as well.
    """
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return gettext(texts.NO_DISPLAY)


def _list(arguments: argparse.Namespace, data_dir: Path) -> int:
    # The listings read the database without the account service, whose imports (argon2's wrapper,
    # the checkers, logging) would cost more than the listing itself (docs/performance.md).
    from monmaster_desktop.accounts.listing import open_database

    database = open_database(data_dir)
    try:
        if arguments.command == "accounts":
            status = _accounts_list(database, as_json=arguments.json)
        elif arguments.action == "list":
            status = _outbox_list(database, as_json=arguments.json)
        else:
            status = _outbox_show(database, arguments.id)
        sys.stdout.flush()  # a closed pipe shows here, inside the try, not at interpreter exit
        return status
    finally:
        database.close()


def _accounts_list(database: Database, *, as_json: bool) -> int:
    from monmaster_desktop.accounts.listing import account_json, iter_account_rows, moment_text

    rows = iter_account_rows(database)
    if as_json:
        _print_json_array(account_json(row) for row in rows)
        return 0
    statuses = {"pending": gettext(STATUS_PENDING), "active": gettext(STATUS_ACTIVE)}
    created_on, activated_on = gettext(CREATED_ON), gettext(ACTIVATED_ON)
    listed = False
    for row in rows:
        listed = True
        activated_at = row["activated_at"]
        activated = activated_on.format(moment=moment_text(activated_at)) if activated_at else ""
        created = created_on.format(moment=moment_text(row["created_at"]))
        print(f"{row['email']}\t{statuses[row['status']]}\t{created}{activated}")
    if not listed:
        print(gettext(NO_ACCOUNT))
    return 0


def _print_json_array(items: Iterable[object]) -> None:
    """A JSON array written as it is read, one element a line.

    An export of 100,000 accounts never holds them all, and each line goes through json's C
    encoder (``indent=`` would switch to its pure-Python one, several times slower).
    """
    import json  # its decoder and scanner are of no use to the other outputs

    # One encoder for every element: json.dumps(ensure_ascii=False) would make one per call.
    encode = json.JSONEncoder(ensure_ascii=False).encode
    opening = "[\n  "
    separator = opening
    for item in items:
        sys.stdout.write(separator + encode(item))
        separator = ",\n  "
    sys.stdout.write("[]\n" if separator is opening else "\n]\n")


def _outbox_list(database: Database, *, as_json: bool) -> int:
    from monmaster_desktop.accounts.mail import Outbox

    entries = Outbox(database).list()
    if as_json:
        _print_json_array(
            {
                "id": entry.id,
                "recipient": entry.recipient,
                "subject": entry.subject,
                "sent_at": to_text(entry.sent_at),
                "read_at": to_text(entry.read_at),
            }
            for entry in entries
        )
        return 0
    if not entries:
        print(gettext(NO_MAIL))
        return 0
    for entry in entries:
        state = gettext(MAIL_READ) if entry.is_read else gettext(MAIL_UNREAD)
        print(f"{entry.id}\t{to_text(entry.sent_at)}\t{entry.recipient}\t{entry.subject}\t{state}")
    return 0


def _outbox_show(database: Database, mail_id: int) -> int:
    from monmaster_desktop.accounts.mail import Outbox

    stored = Outbox(database).get(mail_id)
    if stored is None:
        print(gettext(UNKNOWN_MAIL).format(id=mail_id), file=sys.stderr)
        return 1
    message = stored.message
    print(
        gettext(MAIL_HEADERS).format(
            sender=message["From"], recipient=message["To"], date=message["Date"], subject=message["Subject"]
        )
    )
    print(stored.text_body, end="")
    return 0
