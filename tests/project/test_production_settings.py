"""Production settings are hardened and refuse to start half-configured."""

import os
import subprocess
import sys

PRODUCTION = {
    "STYRINGSHJUL_ENV": "production",
    "STYRINGSHJUL_SECRET_KEY": "pQ8v-Zr2#mK9@wX4!tY7%bN1^cL6&hJ3*gF5(dS0)aE8_uI2+oP4=yT9~qW1",
    "STYRINGSHJUL_ALLOWED_HOSTS": "styringshjul.example.no",
}


def run_cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("STYRINGSHJUL_", "DJANGO_", "DATABASE_URL"))}
    return subprocess.run(
        [sys.executable, "-m", "styringshjul", *args],
        env={**clean, **env}, capture_output=True, text=True, timeout=120,
    )


def test_check_deploy_is_clean_in_production():
    result = run_cli("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION.items() if k != "STYRINGSHJUL_SECRET_KEY"}
    result = run_cli("check", env=env)
    assert result.returncode != 0
    assert "STYRINGSHJUL_SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    env = {k: v for k, v in PRODUCTION.items() if k != "STYRINGSHJUL_ALLOWED_HOSTS"}
    result = run_cli("check", env=env)
    assert result.returncode != 0
    assert "STYRINGSHJUL_ALLOWED_HOSTS" in result.stderr
