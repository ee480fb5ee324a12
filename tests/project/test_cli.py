import subprocess
from pathlib import Path


def test_the_styringshjul_command_lists_the_products_commands():
    executable = Path(__file__).resolve().parents[2] / ".venv" / "bin" / "styringshjul"
    command = [str(executable)] if executable.exists() else ["styringshjul"]
    result = subprocess.run([*command, "help"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0
    for name in ["demo", "import_organisation", "import_classification"]:
        assert name in result.stdout
