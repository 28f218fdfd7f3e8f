"""The clear password never lands anywhere: not in the data dir, not in the logs."""

from __future__ import annotations

import logging
from pathlib import Path

from support import FakeClock, files_holding, registration, texts_holding

from monmaster_desktop.accounts.mail import token_from_activation_url
from monmaster_desktop.accounts.service import SignInOutcome, open_account_service
from monmaster_desktop.cli import main
from monmaster_desktop.settings import Settings

PASSWORD = "Unique%Sésame42"


def test_register_activate_sign_in_leaves_no_clear_password(
    settings: Settings, clock: FakeClock, caplog, capsys, tmp_path: Path
) -> None:
    caplog.set_level(logging.DEBUG)
    service = open_account_service(settings, clock)
    result = service.register(registration(password=PASSWORD, password_confirmation=PASSWORD))
    assert result.ok and result.mail_id is not None
    service.register(
        registration("autre@example.fr", password=PASSWORD, password_confirmation="x")
    )  # refused
    stored = service.outbox.get(result.mail_id)
    assert stored is not None
    token = token_from_activation_url(stored.links[0].url)
    assert token is not None
    service.activate(token)
    assert service.sign_in("camille.martin@example.fr", PASSWORD).outcome is SignInOutcome.SIGNED_IN
    service.sign_in("camille.martin@example.fr", PASSWORD + "?")
    service.outbox.export_eml(result.mail_id, settings.data_dir / "exported.eml")
    service.close()
    main(["--data-dir", str(settings.data_dir), "accounts", "list", "--json"])
    main(["--data-dir", str(settings.data_dir), "outbox", "show", str(result.mail_id)])

    assert any(path.name.endswith(".sqlite3") for path in settings.data_dir.iterdir())
    assert files_holding(settings.data_dir, PASSWORD) == []
    captured = capsys.readouterr()
    assert texts_holding([caplog.text, captured.out, captured.err], PASSWORD) == []
    assert caplog.records  # the service does log: the scan looked at real log lines
