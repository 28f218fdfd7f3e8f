"""Power cut: a process registering and resending in a loop is killed (SIGKILL) at random moments.

After each kill the database must pass SQLite's integrity check, every account must have its
tokens and their mails (one mail per token, each mail's link hashing to a stored token of the same
account), the command line must list everything, and no file may hold the password.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import sys
import time
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from reliability_support import start_child
from support import files_holding, proof_count, record_proof

from monmaster_desktop.accounts.mail import token_from_activation_url
from monmaster_desktop.accounts.security import token_digest
from monmaster_desktop.cli import main

PASSWORD = "Coupure%Courant42"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def check_database(database: Path) -> tuple[bool, list[str], int, int]:
    """The invariants after a crash: (integrity ok, what is half-written, accounts, mails)."""
    connection = sqlite3.connect(database)
    try:
        whole = connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        accounts = dict(connection.execute("SELECT id, email FROM accounts").fetchall())
        tokens = connection.execute("SELECT account_id, token_sha256 FROM activation_tokens").fetchall()
        mails = connection.execute("SELECT id, account_id, recipient, message FROM outbox").fetchall()
    finally:
        connection.close()
    half_written: list[str] = []
    tokens_of: dict[int, set[str]] = {}
    for account_id, digest in tokens:
        tokens_of.setdefault(account_id, set()).add(digest)
    mails_of: dict[int, int] = {}
    for mail_id, account_id, recipient, raw in mails:
        message = BytesParser(policy=policy.default).parsebytes(raw)
        html = message.get_body(preferencelist=("html",)).get_content()
        url = html.split('href="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
        token = token_from_activation_url(url)
        if account_id not in accounts or recipient != accounts[account_id]:
            half_written.append(f"mail {mail_id} without its account")
        elif token is None or token_digest(token) not in tokens_of.get(account_id, set()):
            half_written.append(f"mail {mail_id} whose link matches no stored token")
        mails_of[account_id] = mails_of.get(account_id, 0) + 1
    for account_id in accounts:
        # Every account has its tokens, and exactly one mail per token.
        if not tokens_of.get(account_id):
            half_written.append(f"account {account_id} without a token")
        elif mails_of.get(account_id, 0) != len(tokens_of[account_id]):
            counted = f"{len(tokens_of[account_id])} tokens, {mails_of.get(account_id, 0)} mails"
            half_written.append(f"account {account_id}: {counted}")
    orphans = set(tokens_of) - set(accounts)
    half_written.extend(f"token of a missing account {account_id}" for account_id in orphans)
    return whole, half_written, len(accounts), len(mails)


def test_sigkill_at_random_moments_leaves_a_whole_database(tmp_path: Path, capsys) -> None:
    data_dir = tmp_path / "data"
    database = data_dir / "monmaster.sqlite3"
    rounds = proof_count(in_suite=6, full=50)
    seed = random.randrange(1_000_000)
    chance = random.Random(seed)
    accounts = mails = kills_with_side_files = 0
    corrupt: list[int] = []
    half_written: list[str] = []
    for round_number in range(rounds):
        child = start_child("power-cut", str(data_dir), PASSWORD, str(seed + round_number))
        assert child.stdout is not None
        ready = child.stdout.readline()
        assert json.loads(ready) == {"ready": True}, child.stderr.read() if child.stderr else ready
        time.sleep(chance.uniform(0.0, 0.3))
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        assert child.returncode == -signal.SIGKILL, f"seed {seed}: the child ended before the kill"
        kills_with_side_files += Path(f"{database}-wal").exists()
        assert files_holding(data_dir, PASSWORD) == [], f"seed {seed}, round {round_number}"

        whole, problems, accounts, mails = check_database(database)
        if not whole:
            corrupt.append(round_number)
        half_written.extend(f"round {round_number}: {problem}" for problem in problems)
        assert main(["--data-dir", str(data_dir), "accounts", "list", "--json"]) == 0
        assert len(json.loads(capsys.readouterr().out)) == accounts
        assert main(["--data-dir", str(data_dir), "outbox", "list", "--json"]) == 0
        assert len(json.loads(capsys.readouterr().out)) == mails
    record_proof(
        "power cut (SIGKILL while registering and resending)",
        kills=rounds,
        seed=seed,
        accounts=accounts,
        mails=mails,
        kills_leaving_a_wal=kills_with_side_files,
        corrupt_databases=len(corrupt),
        half_written_records=len(half_written),
    )
    assert corrupt == [], f"seed {seed}: integrity_check failed after rounds {corrupt}"
    assert half_written == [], f"seed {seed}: {half_written}"
    assert accounts > 0, f"seed {seed}: no registration ever finished before a kill"
