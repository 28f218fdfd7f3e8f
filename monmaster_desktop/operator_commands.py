"""``monmaster-desktop operator …``: the operator console's actions for scripts, without Qt.

``operator set-pin`` (the PIN twice without echo on a terminal, one line on standard input
otherwise), ``operator export --csv FICHIER | --json FICHIER [--with-audit]`` and ``operator purge
--yes``. Each writes to the data folder, so each first takes the folder's lock (``instance_lock``):
while the application runs on it they refuse in French on stderr (exit status 4) rather than write
beside it. They never print a PIN, a hash or a token. docs/kiosk.md documents them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from monmaster_desktop import texts
from monmaster_desktop.data_folder import ensure_private_dir, os_error_reason
from monmaster_desktop.exit_codes import EXIT_ALREADY_RUNNING, EXIT_DATA_UNUSABLE, EXIT_FAILURE
from monmaster_desktop.i18n import message

# typing.TYPE_CHECKING without importing typing (~3 ms the operator's commands need not pay);
# type checkers read any constant of this name so.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from monmaster_desktop.accounts.operator import OperatorService
    from monmaster_desktop.settings import Settings

PIN_PROMPT = "Nouveau code opérateur (6 à 12 chiffres) : "
PIN_AGAIN_PROMPT = "Le même code, encore une fois : "


def add_operator_commands(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    add_data_dir_option: Callable[[argparse.ArgumentParser], None],
) -> None:
    operator = commands.add_parser(
        "operator", help="outils de l'opérateur d'une borne (code, export, effacement)"
    )
    actions = operator.add_subparsers(dest="action", metavar="ACTION", required=True)
    set_pin = actions.add_parser(
        "set-pin",
        help=(
            "définir le code opérateur qui ouvre la console de la borne (demandé deux fois sans écho ; "
            "lu sur l'entrée standard s'il ne s'agit pas d'un terminal)"
        ),
    )
    add_data_dir_option(set_pin)
    export = actions.add_parser(
        "export",
        help=(
            "exporter les comptes (adresse, statut, dates de création, d'activation et de consentement, "
            "version des CGU ; jamais de mot de passe ni de jeton)"
        ),
    )
    add_data_dir_option(export)
    where = export.add_mutually_exclusive_group(required=True)
    where.add_argument("--csv", type=Path, metavar="FICHIER", help="au format CSV (séparateur « ; », UTF-8)")
    where.add_argument("--json", type=Path, metavar="FICHIER", help="au format JSON")
    export.add_argument(
        "--with-audit",
        action="store_true",
        help="inclure le journal des actions de l'opérateur (CSV : dans FICHIER-journal.csv)",
    )
    purge = actions.add_parser(
        "purge",
        help="effacer définitivement toutes les données des candidats (comptes et courriels), sans trace",
    )
    add_data_dir_option(purge)
    purge.add_argument("--yes", action="store_true", help="confirmer l'effacement (obligatoire)")


def run_operator_command(arguments: argparse.Namespace, settings: Settings) -> int:
    """Run ``operator ACTION``; ``DataError`` passes through to the caller, which says it in French."""
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
            print(message(texts.PURGE_DONE, accounts=result.accounts, mails=result.mails))
            if result.set_aside_files:
                print(message(texts.PURGE_SET_ASIDE_DONE, count=result.set_aside_files))
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
    print(message(texts.EXPORT_DONE, count=result.accounts, path=result.files[0]))
    for extra in result.files[1:]:
        print(message(texts.EXPORT_AUDIT_DONE, path=extra))
    return 0


def _read_new_pin() -> str | None:
    """The new PIN, checked and confirmed on a terminal; one line of standard input otherwise."""
    from monmaster_desktop.accounts.operator import pin_problem

    if sys.stdin.isatty():
        import getpass

        pin = getpass.getpass(PIN_PROMPT)
        problem = pin_problem(pin)
        if problem is None and getpass.getpass(PIN_AGAIN_PROMPT) != pin:
            problem = message(texts.PIN_MISMATCH)
    else:
        pin = sys.stdin.readline().strip()
        problem = pin_problem(pin)
    if problem is not None:
        print(problem, file=sys.stderr)
        return None
    return pin
