"""A file is read a chunk at a time: its text, its sha256, its empty lines (also one split
between two chunks) and the place of a byte with no character come out as from one piece.
Tiny chunks make a small file cross many boundaries."""

import hashlib
from pathlib import Path

import pytest

from styringshjul.ledger import ledger_files
from styringshjul.lib.tabular import TableError

TEXT = "Bilagsnr;Tekst\r\n1;Reise – kurs\r\n2;«Ærlig» Åsmund €\r\n" * 40


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch):
    monkeypatch.setattr(ledger_files, "CHUNK", 37)


def transcoded(tmp_path, data: bytes) -> ledger_files.Utf8Text:
    path = tmp_path / "h.csv"
    path.write_bytes(data)
    return ledger_files._transcode(path, tmp_path, lambda fraction: None)


def test_the_chunks_come_back_as_the_whole_file_would(tmp_path):
    data = TEXT.encode("cp1252")
    text = transcoded(tmp_path, data)
    assert text.path.read_bytes().decode("utf-8") == TEXT
    assert text.sha256 == hashlib.sha256(data).hexdigest()
    assert not text.has_blank_lines


@pytest.mark.parametrize("at", [10, 36, 37, 38, 74, 300])
def test_an_empty_line_is_found_wherever_the_chunks_split_it(tmp_path, at):
    data = TEXT.encode("cp1252")
    cut = data.index(b"\r\n", at) + 2
    assert transcoded(tmp_path, data[:cut] + b"\r\n" + data[cut:]).has_blank_lines


def test_a_byte_with_no_character_is_reported_at_its_place_in_the_file(tmp_path):
    data = TEXT.encode("cp1252")
    with pytest.raises(TableError) as raised:
        transcoded(tmp_path, data[:500] + b"\x81" + data[500:])
    assert raised.value.detail == "501"
    assert [p for p in Path(tmp_path).iterdir() if p.name.startswith(".utf8-")] == []
