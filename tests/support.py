"""Helpers shared by the unit and GUI tests (fixtures live in conftest.py)."""

from __future__ import annotations

import json
import os
import unicodedata
from collections.abc import Iterable
from datetime import datetime, timedelta
from pathlib import Path

from monmaster_desktop.accounts.service import RegistrationRequest
from monmaster_desktop.eligibility import QUESTION_KEYS, Answer

GOOD_PASSWORD = "Rh%8vQz!mLw2"
ALL_OUI = {key: Answer.OUI for key in QUESTION_KEYS}


class FakeClock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def registration(
    email: str = "camille.martin@example.fr", password: str = GOOD_PASSWORD, **changes: object
) -> RegistrationRequest:
    fields: dict[str, object] = {
        "email": email,
        "password": password,
        "password_confirmation": password,
        "consent": True,
        "eligibility_answers": ALL_OUI,
    }
    fields.update(changes)
    return RegistrationRequest(**fields)  # type: ignore[arg-type]


def password_forms(secret: str) -> set[str]:
    """A password as it could land anywhere: as typed, each normal form, case-folded, in upper case."""
    forms = {secret}
    for form in ("NFC", "NFD", "NFKC", "NFKD"):
        forms.add(unicodedata.normalize(form, secret))
    forms |= {variant for form in list(forms) for variant in (form.casefold(), form.lower(), form.upper())}
    return forms


def password_byte_forms(secret: str) -> set[bytes]:
    """Every form of ``password_forms`` in UTF-8, UTF-16 and UTF-32 (both byte orders) and Latin-1."""
    encoded: set[bytes] = set()
    for form in password_forms(secret):
        for codec in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "latin-1"):
            try:
                encoded.add(form.encode(codec))
            except UnicodeEncodeError:
                continue  # a form Latin-1 cannot write is looked for in the other encodings
    return encoded


def files_holding(directory: Path, secret: str) -> list[str]:
    """The files under ``directory`` (WAL, SHM, exports included) holding ``secret`` in any form."""
    needles = password_byte_forms(secret)
    found = []
    for path in sorted(directory.rglob("*")):
        if path.is_file():
            content = path.read_bytes()
            found.extend(f"{path.name}: {needle!r}" for needle in needles if needle in content)
    return found


def texts_holding(texts: Iterable[str], secret: str) -> list[str]:
    """The texts (logs, printed output) containing ``secret`` in any form."""
    forms = password_forms(secret)
    return [text[:80] for text in texts for form in forms if form in text]


# --- the proofs' counts: small in the suite, full in benchmarks/bench_reliability.py -------------------

FULL_PROOFS = os.environ.get("MONMASTER_PROOF_SCALE") == "full"


def proof_count(in_suite: int, full: int) -> int:
    """How many rounds a proof runs: ``in_suite`` in CI, ``full`` when the benchmark command asks."""
    return full if FULL_PROOFS else in_suite


def record_proof(proof: str, **figures: object) -> None:
    """Append a proof's figures to the report file the benchmark command reads (no-op otherwise)."""
    report = os.environ.get("MONMASTER_PROOF_REPORT")
    if report:
        with open(report, "a", encoding="utf-8") as file:
            file.write(json.dumps({"proof": proof, **figures}, ensure_ascii=False) + "\n")


# --- an outbox with many mails -----------------------------------------------------------------------


def many_recipient(number: int) -> str:
    return f"candidat.{number:05d}@example.fr"


def fill_outbox(database_path: Path, count: int, first_sent: datetime) -> list[int]:
    """``count`` activation mails, one a minute from ``first_sent``, to ``many_recipient(0…count-1)``.

    Each is a real message (one built, then its recipient replaced in its bytes: building thousands
    would take seconds), stored in the columns ``Outbox.add`` writes. Returns their ids, oldest first.
    """
    from monmaster_desktop.accounts.mail import build_activation_mail
    from monmaster_desktop.accounts.store import Database, to_text

    template_recipient = "modele@example.fr"
    template = build_activation_mail(template_recipient, "jeton-de-test", first_sent, 72)
    subject, raw = str(template["Subject"]), bytes(template)
    with Database.open(database_path) as database, database.transaction() as connection:
        ids = []
        for number in range(count):
            recipient = many_recipient(number)
            cursor = connection.execute(
                "INSERT INTO outbox (recipient, subject, sent_at, message) VALUES (?, ?, ?, ?)",
                (
                    recipient,
                    subject,
                    to_text(first_sent + timedelta(minutes=number)),
                    raw.replace(template_recipient.encode(), recipient.encode()),
                ),
            )
            assert cursor.lastrowid is not None
            ids.append(cursor.lastrowid)
    return ids
