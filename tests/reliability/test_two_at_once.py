"""Two processes register the same address at the same moment: exactly one account, a clean refusal."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from reliability_support import start_child
from support import proof_count, record_proof


def test_two_processes_one_address_give_exactly_one_account(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    rounds = proof_count(in_suite=5, full=20)
    children = [start_child("race", str(data_dir)) for _ in range(2)]
    try:
        for child in children:
            assert child.stdout is not None
            assert json.loads(child.stdout.readline()) == {"ready": True}
        for round_number in range(rounds):
            address = f"meme.adresse.{round_number}@example.fr"
            for child in children:  # both hear it together; each hashes, then races for the row
                assert child.stdin is not None
                child.stdin.write(f"{address}\n")
                child.stdin.flush()
            outcomes = [json.loads(child.stdout.readline()) for child in children if child.stdout]
            assert sorted(outcome["ok"] for outcome in outcomes) == [False, True], outcomes
            (refused,) = [outcome for outcome in outcomes if not outcome["ok"]]
            assert refused["reasons"] == ["already_pending"]
    finally:
        for child in children:
            if child.stdin is not None:
                child.stdin.close()
            child.wait(timeout=30)
    connection = sqlite3.connect(data_dir / "monmaster.sqlite3")
    try:
        per_address = connection.execute("SELECT email, count(*) FROM accounts GROUP BY email_key").fetchall()
        mails = connection.execute("SELECT count(*) FROM outbox").fetchone()[0]
    finally:
        connection.close()
    assert len(per_address) == rounds and all(count == 1 for _, count in per_address)
    assert mails == rounds  # the refused registration sent nothing
    assert all(child.returncode == 0 for child in children)
    record_proof("two processes, one address", rounds=rounds, accounts_per_address=1, mails=mails)
