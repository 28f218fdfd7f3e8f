"""``monmaster-desktop --self-test``: one summary line and 0 when all is well, what failed otherwise."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from packaging_support import VERSION

from monmaster_desktop.gui import selftest
from monmaster_desktop.settings import HashingParameters
from monmaster_desktop.validation import check_password

FAST = HashingParameters.fast_for_tests()


def run_in_process(hashing: HashingParameters = FAST) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = selftest.run_self_test(out=out, err=err, hashing=hashing)
    return status, out.getvalue(), err.getvalue()


def test_self_test_prints_one_summary_line_and_exits_zero(qapp) -> None:
    status, out, err = run_in_process()
    assert status == 0, err
    (line,) = out.splitlines()
    assert line.startswith("self-test OK: monmaster-desktop ")
    for checked in ("forms", "themes", "texts", "icon", "Qt fr translation", "accessible tree OK", "journey"):
        assert checked in line
    assert "catalogs of fr and en" in line and "Accueil switches to English and back" in line
    assert err == ""


def test_self_test_fails_when_a_language_has_no_compiled_catalog(qapp, monkeypatch, tmp_path) -> None:
    from monmaster_desktop import i18n

    monkeypatch.setattr(i18n, "catalog_dir", lambda: tmp_path)  # a copy built without its catalogs
    i18n.translator.cache_clear()
    try:
        status, _, err = run_in_process()
    finally:
        i18n.translator.cache_clear()
    assert status == 1
    assert "the interface's en catalog is missing" in err


def test_self_test_names_a_form_that_cannot_be_built_and_exits_non_zero(qapp, monkeypatch) -> None:
    from monmaster_desktop.gui import forms

    real_load_form = forms.load_form

    def load_form_with_one_broken(name: str, parent=None):
        if name == "sign_in_page.ui":
            raise RuntimeError("cannot build sign_in_page.ui: unknown widget")
        return real_load_form(name, parent)

    monkeypatch.setattr(forms, "load_form", load_form_with_one_broken)
    status, out, err = run_in_process()
    assert status == 1
    assert out.startswith("self-test FAILED (1 of the checks)")
    assert "self-test: FAILED: resources: SelfTestFailure: form sign_in_page.ui" in err
    assert "journey" in out  # the other checks still ran


def test_self_test_never_shows_the_password_it_registered_with(qapp, monkeypatch) -> None:
    known = "Zq8%Tn4#Wy6&Lp"
    monkeypatch.setattr(selftest, "throwaway_password", lambda email: known)
    status, out, err = run_in_process()
    assert status == 0, err
    assert known not in out + err


def test_each_throwaway_password_meets_the_platform_rule_and_is_new() -> None:
    passwords = {selftest.throwaway_password(selftest.SELF_TEST_EMAIL) for _ in range(20)}
    assert len(passwords) == 20
    assert all(check_password(password).is_valid for password in passwords)


def test_the_command_runs_the_self_test_with_production_hashing(tmp_path: Path) -> None:
    environment = dict(
        os.environ, QT_QPA_PLATFORM="offscreen", MONMASTER_DESKTOP_DATA_DIR=str(tmp_path / "data")
    )
    result = subprocess.run(
        [sys.executable, "-m", "monmaster_desktop", "--self-test"],
        capture_output=True,
        text=True,
        env=environment,
        cwd=tmp_path,
        timeout=240,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (line,) = result.stdout.splitlines()
    assert line.startswith(f"self-test OK: monmaster-desktop {VERSION}; ")
    assert "argon2id t=3 m=64 MiB" in line
    assert not (tmp_path / "data").exists()  # its own throw-away folder, not the data dir


def test_help_lists_the_self_test() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "monmaster_desktop", "--help"], capture_output=True, text=True, timeout=60
    )
    assert "--self-test" in result.stdout
