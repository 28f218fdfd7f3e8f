"""``monmaster-desktop operator …``: the operator console's actions for scripts, without Qt.

``operator set-pin`` (the PIN twice without echo on a terminal, one line on standard input
otherwise), ``operator export --csv FICHIER | --json FICHIER [--with-audit]`` and ``operator purge
--yes``. Each writes to the data folder, so each first takes the folder's lock (``instance_lock``):
while the application runs on it they refuse on stderr (exit status 4) rather than write beside it.
Their help, prompts and messages are in the language of ``--lang`` (the core's catalog, as ``cli.py``).
They never print a PIN, a hash or a token. docs/kiosk.md documents them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from monmaster_desktop import texts
from monmaster_desktop.data_folder import ensure_private_dir, os_error_reason
from monmaster_desktop.exit_codes import EXIT_ALREADY_RUNNING, EXIT_DATA_UNUSABLE, EXIT_FAILURE
from monmaster_desktop.i18n import N_, gettext, message

# typing.TYPE_CHECKING without importing typing (~3 ms the operator's commands need not pay);
# type checkers read any constant of this name so.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from monmaster_desktop.accounts.operator import OperatorService
    from monmaster_desktop.settings import Settings

# --- Texts (project-written; said in the language of --lang, as cli.py's) -------------------------------
PIN_PROMPT = N_("Nouveau code opérateur (6 à 12 chiffres) : ")
PIN_AGAIN_PROMPT = N_("Le même code, encore une fois : ")
OPERATOR_HELP = N_("outils de l'opérateur d'une borne (code, export, effacement)")
SET_PIN_HELP = N_(
    "définir le code opérateur qui ouvre la console de la borne (demandé deux fois sans écho ; lu sur "
    "l'entrée standard s'il ne s'agit pas d'un terminal)"
)
EXPORT_HELP = N_(
    "exporter les comptes (adresse, statut, dates de création, d'activation et de consentement, version "
    "des CGU ; jamais de mot de passe ni de jeton)"
)
CSV_HELP = N_("au format CSV (séparateur « ; », UTF-8)")
JSON_HELP = N_("au format JSON")
WITH_AUDIT_HELP = N_("inclure le journal des actions de l'opérateur (CSV : dans FICHIER-journal.csv)")
PURGE_HELP = N_("effacer définitivement toutes les données des candidats (comptes et courriels), sans trace")
YES_HELP = N_("confirmer l'effacement (obligatoire)")
FILE = N_("FICHIER")  # the same msgid as cli.py's: one catalog entry


def add_operator_commands(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    add_data_dir_option: Callable[[argparse.ArgumentParser], None],
) -> None:
    operator = commands.add_parser("operator", help=gettext(OPERATOR_HELP))
    actions = operator.add_subparsers(dest="action", metavar="ACTION", required=True)
    set_pin = actions.add_parser("set-pin", help=gettext(SET_PIN_HELP))
    add_data_dir_option(set_pin)
    export = actions.add_parser("export", help=gettext(EXPORT_HELP))
    add_data_dir_option(export)
    where = export.add_mutually_exclusive_group(required=True)
    where.add_argument("--csv", type=Path, metavar=gettext(FILE), help=gettext(CSV_HELP))
    where.add_argument("--json", type=Path, metavar=gettext(FILE), help=gettext(JSON_HELP))
    export.add_argument("--with-audit", action="store_true", help=gettext(WITH_AUDIT_HELP))
    purge = actions.add_parser("purge", help=gettext(PURGE_HELP))
    add_data_dir_option(purge)
    purge.add_argument("--yes", action="store_true", help=gettext(YES_HELP))


def run_operator_command(arguments: argparse.Namespace, settings: Settings) -> int:
    """Run ``operator ACTION``; ``DataError`` passes through to the caller, which says it in words."""
    # Imported here: the other commands (``accounts list``) never load argon2 (docs/performance.md).
    from monmaster_desktop import instance_lock
    from monmaster_desktop.accounts.operator import OperatorService
    from monmaster_desktop.accounts.service import open_account_service

    if arguments.action == "purge" and not arguments.yes:
        print(message(texts.PURGE_NEEDS_YES), file=sys.stderr)
        return EXIT_FAILURE
    pin = _read_new_pin() if arguments.action == "set-pin" else None
    if arguments.action == "set-pin" and pin is None:
        return EXIT_FAILURE
    ensure_private_dir(settings.data_dir)
    try:
        lock = instance_lock.acquire(settings.lock_path)
    except OSError as error:
        reason = os_error_reason(error)
        print(message(texts.LOCK_UNAVAILABLE, path=settings.lock_path, reason=reason), file=sys.stderr)
        return EXIT_DATA_UNUSABLE
    if lock is None:
        print(message(texts.ALREADY_RUNNING, folder=settings.data_dir), file=sys.stderr)
        return EXIT_ALREADY_RUNNING
    with lock:
        service = open_account_service(settings)
        try:
            operator = OperatorService(service.database, settings.hashing)
            if pin is not None:
                operator.set_pin(pin)
                print(message(texts.PIN_SET_DONE))
                return 0
            if arguments.action == "export":
                return _export(operator, arguments)
            result = operator.purge()
            print(texts.purge_done(result.accounts, result.mails, result.set_aside_files))
            return 0
        finally:
            service.close()


def _export(operator: OperatorService, arguments: argparse.Namespace) -> int:
    from monmaster_desktop.accounts.operator import ExportFormat

    kind = ExportFormat.CSV if arguments.csv is not None else ExportFormat.JSON
    destination: Path = arguments.csv if arguments.csv is not None else arguments.json
    try:
        result = operator.export(destination, kind, include_audit=arguments.with_audit)
    except OSError as error:
        print(message(texts.EXPORT_FAILED, path=destination, reason=os_error_reason(error)), file=sys.stderr)
        return EXIT_FAILURE
    print(texts.export_done(result.accounts, result.files[0]))
    for extra in result.files[1:]:
        print(message(texts.EXPORT_AUDIT_DONE, path=extra))
    return 0


def _read_new_pin() -> str | None:
    """The new PIN, checked and confirmed on a terminal; one line of standard input otherwise."""
    from monmaster_desktop.accounts.operator import pin_problem

    if sys.stdin.isatty():
        import getpass

        pin = getpass.getpass(gettext(PIN_PROMPT))
        problem = pin_problem(pin)
        if problem is None and getpass.getpass(gettext(PIN_AGAIN_PROMPT)) != pin:
            problem = message(texts.PIN_MISMATCH)
    else:
        pin = sys.stdin.readline().strip()
        problem = pin_problem(pin)
    if problem is not None:
        print(problem, file=sys.stderr)
        return None
    return pin
