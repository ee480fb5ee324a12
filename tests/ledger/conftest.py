import json
from collections.abc import Callable
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command


@pytest.fixture
def import_classification(db) -> Callable[..., tuple[int, str, str]]:
    """Runs the command as the CLI would; gives (exit status, stdout, stderr)."""

    def run(*args) -> tuple[int, str, str]:
        out, err = StringIO(), StringIO()
        try:
            call_command("import_classification", *map(str, args), stdout=out, stderr=err)
        except SystemExit as exit_:
            return exit_.code, out.getvalue(), err.getvalue()
        return 0, out.getvalue(), err.getvalue()

    return run


@pytest.fixture
def klass_file(tmp_path) -> Callable[[object], Path]:
    """Writes a Klass-shaped file with the given content (JSON-encoded unless bytes)."""

    def write(content: object) -> Path:
        path = tmp_path / "klass.json"
        data = content if isinstance(content, bytes) else json.dumps(content).encode()
        path.write_bytes(data)
        return path

    return write

