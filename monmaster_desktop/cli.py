"""The ``monmaster-desktop`` command: the GUI by default, operator sub-commands otherwise.

The operator sub-commands (``accounts list``, ``outbox list``, ``outbox show``) never import Qt, so
they work on a machine without a screen. Nothing printed here ever contains a password or a hash,
and nothing ends in a traceback: data that cannot be used (folder, damaged or too new database,
full or read-only disk) is said in French with exit status 2, a missing screen with status 3, and a
reader that stops early (``outbox show 1 | head``) ends the output quietly.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from monmaster_desktop import APP_DISPLAY_NAME, __version__, texts
from monmaster_desktop.accounts.service import AccountService, open_account_service
from monmaster_desktop.accounts.store import DatabaseDamagedError, to_text
from monmaster_desktop.configuration import MAX_IDLE_SECONDS, FileConfiguration, read_configuration
from monmaster_desktop.crash_log import start_crash_log
from monmaster_desktop.exit_codes import EXIT_DATA_UNUSABLE, EXIT_NO_DISPLAY
from monmaster_desktop.operator_commands import add_operator_commands, run_operator_command
from monmaster_desktop.settings import CaptchaMode, DataError, KioskSettings, Settings, default_data_dir


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="monmaster-desktop",
        description=(
            f"{APP_DISPLAY_NAME} : répétition hors ligne de la création d'un compte sur la plateforme "
            "Mon Master (éligibilité, identifiants, courriel d'activation). Sans sous-commande, "
            "l'application graphique s'ouvre."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_data_dir_option(parser, default=None)
    parser.add_argument(
        "--kiosk",
        action="store_true",
        help="mode borne : plein écran, un candidat après l'autre, rien d'un candidat visible du suivant",
    )
    parser.add_argument(
        "--idle-timeout",
        type=int,
        metavar="SECONDES",
        help=(
            "mode borne : secondes sans aucune action avant l'avertissement de fin de session "
            "(par défaut : 120 ; l'avertissement laisse ensuite 30 secondes pour continuer)"
        ),
    )
    parser.add_argument(
        "--config",
        type=Path,
        metavar="FICHIER",
        help=(
            "fichier de configuration de la borne (TOML) ; par défaut : monmaster-desktop.toml dans le "
            "dossier de configuration de l'utilisateur, s'il existe"
        ),
    )
    parser.add_argument(
        "--captcha",
        choices=[mode.value for mode in CaptchaMode],
        default=None,
        help=(
            "captcha de l'étape 2 : image (par défaut, avec une question en texte comme alternative), "
            "question (la question seule), off (aucun captcha : réservé aux opérateurs et aux tests "
            "automatisés, jamais pour des candidats)"
        ),
    )
    parser.add_argument(
        "--lang",
        choices=["fr", "en"],
        default="fr",
        help="langue de l'interface (par défaut : fr ; « en » est réservé, l'anglais n'est pas traduit)",
    )
    parser.add_argument(
        "--screenshots",
        type=Path,
        metavar="DOSSIER",
        help=(
            "enregistrer une capture PNG de chaque page dans ses états typiques, à 100 %% et 200 %% "
            "de taille de texte, sans écran et sur des données jetables, puis quitter"
        ),
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=(
            "vérifier cette installation sans écran (formulaires, ressources, accessibilité, parcours "
            "complet sur des données jetables), afficher une ligne de bilan et quitter "
            "(code 0 si tout va bien)"
        ),
    )

    commands = parser.add_subparsers(dest="command", metavar="SOUS-COMMANDE")
    accounts = commands.add_parser("accounts", help="comptes enregistrés (opérateurs)")
    accounts_commands = accounts.add_subparsers(dest="action", metavar="ACTION", required=True)
    accounts_list = accounts_commands.add_parser("list", help="lister les comptes (jamais les mots de passe)")
    _add_data_dir_option(accounts_list, default=argparse.SUPPRESS)
    accounts_list.add_argument("--json", action="store_true", help="sortie JSON (dates ISO 8601 en UTC)")

    outbox = commands.add_parser("outbox", help="boîte d'envoi simulée (opérateurs)")
    outbox_commands = outbox.add_subparsers(dest="action", metavar="ACTION", required=True)
    outbox_list = outbox_commands.add_parser(
        "list", help="lister les courriels envoyés, du plus récent au plus ancien"
    )
    _add_data_dir_option(outbox_list, default=argparse.SUPPRESS)
    outbox_list.add_argument("--json", action="store_true", help="sortie JSON (dates ISO 8601 en UTC)")
    outbox_show = outbox_commands.add_parser("show", help="afficher le texte d'un courriel")
    _add_data_dir_option(outbox_show, default=argparse.SUPPRESS)
    outbox_show.add_argument("id", type=int, metavar="ID", help="numéro du courriel (voir outbox list)")
    add_operator_commands(commands, lambda sub: _add_data_dir_option(sub, default=argparse.SUPPRESS))
    return parser


def _add_data_dir_option(parser: argparse.ArgumentParser, default: object) -> None:
    # Accepted before and after the sub-command: "--data-dir D outbox list" and "outbox list --data-dir D".
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=default,
        metavar="DOSSIER",
        help=f"dossier des données (comptes, courriels simulés) ; par défaut : {default_data_dir()}",
    )


def settings_from(arguments: argparse.Namespace, configured: FileConfiguration | None = None) -> Settings:
    """The settings the options give; those they leave out come from the configuration file, if read."""
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
    parser = build_parser()
    arguments = parser.parse_args(argv)
    if arguments.idle_timeout is not None and not 1 <= arguments.idle_timeout <= MAX_IDLE_SECONDS:
        parser.error(f"--idle-timeout : un nombre de secondes entre 1 et {MAX_IDLE_SECONDS} est attendu")
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
            print(f"{missing}\n{texts.WITHOUT_A_SCREEN}", file=sys.stderr)
            return EXIT_NO_DISPLAY
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
    try:
        return _run_command(arguments, settings)
    except DataError as error:
        message = str(error)
        if isinstance(error, DatabaseDamagedError):
            message += f" {texts.DATABASE_DAMAGED_CLI_ADVICE}"
        print(message, file=sys.stderr)
        return EXIT_DATA_UNUSABLE
    except BrokenPipeError:
        # The reader went away (`| head`): what is left of the output goes nowhere, quietly, including
        # what Python would flush at exit (python.org's documented recipe for SIGPIPE).
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


def missing_display() -> str | None:
    """Why no window can open here, in French, or None; Qt is not loaded to find out.

    On Linux and the BSDs a window needs an X11 or Wayland display. Qt itself would abort with an
    English message and a misleading hint about libxcb-cursor0. A platform chosen explicitly with
    QT_QPA_PLATFORM (offscreen, vnc…) is left to Qt; the GUI catches Qt's own failure as well.
    """
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return texts.NO_DISPLAY


def _run_command(arguments: argparse.Namespace, settings: Settings) -> int:
    if arguments.command == "operator":
        return run_operator_command(arguments, settings)
    service = open_account_service(settings)
    try:
        if arguments.command == "accounts":
            status = _accounts_list(service, as_json=arguments.json)
        elif arguments.action == "list":
            status = _outbox_list(service, as_json=arguments.json)
        else:
            status = _outbox_show(service, arguments.id)
        sys.stdout.flush()  # a closed pipe shows here, inside the try, not at interpreter exit
        return status
    finally:
        service.close()


def _accounts_list(service: AccountService, *, as_json: bool) -> int:
    accounts = service.list_accounts()
    if as_json:
        print(json.dumps([account.as_json() for account in accounts], ensure_ascii=False, indent=2))
        return 0
    if not accounts:
        print("Aucun compte.")
        return 0
    statuses = {"pending": "en attente d'activation", "active": "activé"}
    for account in accounts:
        activated = f", activé le {to_text(account.activated_at)}" if account.activated_at else ""
        status = statuses[account.status.value]
        print(f"{account.email}\t{status}\tcréé le {to_text(account.created_at)}{activated}")
    return 0


def _outbox_list(service: AccountService, *, as_json: bool) -> int:
    entries = service.outbox.list()
    if as_json:
        rows = [
            {
                "id": entry.id,
                "recipient": entry.recipient,
                "subject": entry.subject,
                "sent_at": to_text(entry.sent_at),
                "read_at": to_text(entry.read_at),
            }
            for entry in entries
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not entries:
        print("Aucun courriel.")
        return 0
    for entry in entries:
        state = "lu" if entry.is_read else "non lu"
        print(f"{entry.id}\t{to_text(entry.sent_at)}\t{entry.recipient}\t{entry.subject}\t{state}")
    return 0


def _outbox_show(service: AccountService, mail_id: int) -> int:
    stored = service.outbox.get(mail_id)
    if stored is None:
        print(f"Aucun courriel n° {mail_id} (voir « monmaster-desktop outbox list »).", file=sys.stderr)
        return 1
    message = stored.message
    print(f"De : {message['From']}\nÀ : {message['To']}")
    print(f"Date : {message['Date']}\nObjet : {message['Subject']}\n")
    print(stored.text_body, end="")
    return 0
