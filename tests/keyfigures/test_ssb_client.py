"""The statbank client against saved answers: the transport is a fake, never the network."""

import json
from pathlib import Path
from urllib.parse import unquote

import pytest

from styringshjul.keyfigures import jsonstat
from styringshjul.keyfigures.ssb_client import (
    Query,
    Response,
    SsbClient,
    SsbError,
    Timeout,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "keyfigures"
QUERY = Query("12362", {"Region": ["3439", "3441", "EKG01", "EAK"],
                        "ContentsCode": ["KOSandel120000", "KOSnetdrift0001"],
                        "Tid": ["2023", "2024"]})


class SavedAnswers:
    """Answers in turn from a list of (status, fixture name or bytes, or an exception)."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.calls: list[tuple[str, str, bytes | None]] = []

    def __call__(self, method, url, body, timeout):
        self.calls.append((method, unquote(url), body))
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        status, content = answer
        if isinstance(content, str):
            content = (FIXTURES / content).read_bytes()
        return Response(status, content, {})


class Sleeps(list):
    def __call__(self, seconds):
        self.append(seconds)


def client(transport, **kwargs) -> SsbClient:
    return SsbClient(transport=transport, sleep=kwargs.pop("sleep", Sleeps()), **kwargs)


def test_it_asks_v2_with_value_codes_and_reads_the_json_stat2_answer():
    transport = SavedAnswers((200, "v2_12362_region_contents_tid.json"))
    dataset = client(transport).fetch(QUERY)
    method, url, body = transport.calls[0]
    assert method == "GET" and body is None
    assert url.startswith("https://data.ssb.no/api/pxwebapi/v2/tables/12362/data?lang=no")
    assert "valueCodes[Region]=3439,3441,EKG01,EAK" in url
    assert "valueCodes[Tid]=2023,2024" in url
    assert dataset.sizes == [4, 2, 2]


def test_it_falls_back_to_a_v0_post_when_v2_answers_404():
    transport = SavedAnswers((404, "v2_error_404.json"),
                             (200, "v0_12367_region_function_contents_tid.json"))
    query = Query("12367", {"KOKkommuneregion0000": ["3439", "3441"],
                            "KOKfunksjon0000": ["FG2", "FG4"],
                            "ContentsCode": ["KOSbelop0000"], "Tid": ["2024"]},
                  region_dimension="KOKkommuneregion0000")
    dataset = client(transport).fetch(query)
    method, url, body = transport.calls[1]
    assert (method, url) == ("POST", "https://data.ssb.no/api/v0/no/table/12367")
    sent = json.loads(body)
    assert sent["response"] == {"format": "json-stat2"}
    assert sent["query"][1] == {"code": "KOKfunksjon0000",
                                "selection": {"filter": "item", "values": ["FG2", "FG4"]}}
    assert dataset.table_id == "12367"


def test_a_400_from_v2_also_falls_back_to_v0():
    transport = SavedAnswers((400, b"bad"), (200, "v2_12362_region_contents_tid.json"))
    client(transport).fetch(QUERY)
    assert [call[0] for call in transport.calls] == ["GET", "POST"]


def test_an_error_from_both_apis_is_raised_with_its_status():
    transport = SavedAnswers((404, "v2_error_404.json"))
    with pytest.raises(SsbError) as error:
        client(transport).fetch(QUERY)
    assert error.value.status == 404


def test_429_and_5xx_are_retried_with_exponential_backoff_then_succeed():
    sleeps = Sleeps()
    transport = SavedAnswers((429, b""), (503, b""), Timeout("slow"),
                             (200, "v2_12362_region_contents_tid.json"))
    dataset = client(transport, sleep=sleeps, backoff=0.5).fetch(QUERY)
    assert sleeps == [0.5, 1.0, 2.0]
    assert len(transport.calls) == 4
    assert dataset.sizes == [4, 2, 2]


def test_retries_give_up_after_the_configured_number():
    sleeps = Sleeps()
    transport = SavedAnswers((502, b"Bad gateway"))
    with pytest.raises(SsbError) as error:
        client(transport, sleep=sleeps, retries=2).fetch(QUERY)
    assert error.value.status == 502
    assert len(transport.calls) == 3
    assert sleeps == [1.0, 2.0]


def test_a_request_over_the_cell_limit_is_split_on_regions_and_recombined():
    whole = jsonstat.loads((FIXTURES / "v2_12362_region_contents_tid.json").read_bytes())

    def part(method, url, body, timeout):
        wanted = unquote(url).split("valueCodes[Region]=")[1].split("&")[0].split(",")
        region = whole.dimension("Region")
        dimensions = [jsonstat.Dimension("Region", region.label, tuple(
            c for c in region.categories if c.code in wanted)), *whole.dimensions[1:]]
        cells = {tuple(c.coords.values()): (c.value, c.status) for c in whole.cells()
                 if c.coords["Region"] in wanted}
        built = jsonstat.build(whole.label, dimensions, cells)
        calls.append(wanted)
        return Response(200, json.dumps(_document(built)).encode())

    calls: list[list[str]] = []
    dataset = client(part, cell_limit=8).fetch(QUERY)
    assert calls == [["3439", "3441"], ["EKG01", "EAK"]]
    assert dataset.dimension("Region").codes == ["3439", "3441", "EKG01", "EAK"]
    assert dataset.values == whole.values


def test_a_cached_answer_is_used_without_asking_again(tmp_path):
    transport = SavedAnswers((200, "v2_12362_region_contents_tid.json"))
    client(transport, cache_dir=tmp_path).fetch(QUERY)
    again = client(transport, cache_dir=tmp_path).fetch(QUERY)
    assert len(transport.calls) == 1
    assert again.sizes == [4, 2, 2]


def test_a_cached_answer_older_than_the_max_age_is_fetched_again(tmp_path):
    transport = SavedAnswers((200, "v2_12362_region_contents_tid.json"))
    client(transport, cache_dir=tmp_path).fetch(QUERY)
    later = client(transport, cache_dir=tmp_path, max_age=60,
                   clock=lambda: 4_000_000_000.0)
    later.fetch(QUERY)
    assert len(transport.calls) == 2


def test_error_answers_are_not_cached(tmp_path):
    transport = SavedAnswers((503, b""), (200, "v2_12362_region_contents_tid.json"))
    with pytest.raises(SsbError):
        client(transport, cache_dir=tmp_path, retries=0).fetch(QUERY)
    client(transport, cache_dir=tmp_path, retries=0).fetch(QUERY)
    assert len(transport.calls) == 2


def test_metadata_reads_the_dimensions_of_a_table():
    transport = SavedAnswers((200, "v2_12362_metadata.json"))
    dimensions = client(transport).metadata("12362")
    assert [d.id for d in dimensions] == ["Region", "ContentsCode", "Tid"]
    assert transport.calls[0][1].startswith(
        "https://data.ssb.no/api/pxwebapi/v2/tables/12362/metadata")


def test_v0_metadata_is_read_when_v2_has_none():
    v0 = {"title": "12367", "variables": [
        {"code": "KOKkommuneregion0000", "text": "region", "values": ["3439"],
         "valueTexts": ["Ringebu"]},
        {"code": "Tid", "text": "år", "values": ["2024"], "valueTexts": ["2024"],
         "time": True}]}
    transport = SavedAnswers((404, b""), (200, json.dumps(v0).encode()))
    dimensions = client(transport).metadata("12367")
    assert [(d.id, d.role) for d in dimensions] == [("KOKkommuneregion0000", "geo"),
                                                    ("Tid", "time")]


def _document(dataset: jsonstat.Dataset) -> dict:
    return {
        "class": "dataset", "label": dataset.label, "id": dataset.ids, "size": dataset.sizes,
        "dimension": {d.id: {"label": d.label, "category": {
            "index": d.codes, "label": {c.code: c.label for c in d.categories}}}
            for d in dataset.dimensions},
        "value": [None if v is None else float(v) for v in dataset.values],
    }
