"""A client for Statistics Norway's statbank (PxWebApi).

v2 first (`GET /tables/{id}/data?valueCodes[Region]=...` answering JSON-stat2); when v2
answers 400 or 404 the same query goes to v0 (`POST /api/v0/no/table/{id}` with a
`json-stat2` body). A query larger than the cell limit is split on the region dimension and
the answers merged into one dataset. 429, 5xx and timeouts are retried with exponential
backoff. Answers are cached on disk, keyed by method, URL and body, for `max_age` seconds.

Only the standard library: the transport is a callable, so tests give saved answers and
production uses `urllib`.
"""

import hashlib
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from math import prod
from pathlib import Path

from styringshjul.keyfigures import jsonstat

V2_BASE = "https://data.ssb.no/api/pxwebapi/v2"
V0_BASE = "https://data.ssb.no/api/v0/no"
KLASS_BASE = "https://data.ssb.no/api/klass/v1"
MUNICIPALITIES_CLASSIFICATION = 131
KOSTRA_GROUPS_CLASSIFICATION = 112
CELL_LIMIT = 800_000
RETRY_STATUS = {429, 500, 502, 503, 504}
FALLBACK_STATUS = {400, 404}
USER_AGENT = "styringshjul (KOSTRA key figures)"


@dataclass
class Response:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


Transport = Callable[[str, str, bytes | None, float], Response]


class SsbError(Exception):
    """The statbank could not answer; `code` is stable (`unavailable`, `http`, `bad_answer`),
    `status` the last HTTP status if any."""

    def __init__(self, code: str, detail: str = "", status: int | None = None) -> None:
        super().__init__(code, detail, status)
        self.code = code
        self.detail = detail
        self.status = status


class Timeout(Exception):
    """The transport gave up waiting."""


def urllib_transport(method: str, url: str, body: bytes | None, timeout: float) -> Response:
    headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
    if body is not None:
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:  # noqa: S310
            return Response(answer.status, answer.read(), dict(answer.headers))
    except urllib.error.HTTPError as exc:
        return Response(exc.code, exc.read() or b"", dict(exc.headers or {}))
    except TimeoutError as exc:
        raise Timeout(str(exc)) from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise Timeout(str(exc.reason)) from exc
        raise SsbError("unavailable", str(exc.reason)) from exc


@dataclass
class Query:
    """A selection per dimension id: a list of codes, or `["*"]` for all."""

    table_id: str
    selection: dict[str, list[str]]
    region_dimension: str = "Region"

    def cells(self) -> int:
        return prod(max(1, len(codes)) for codes in self.selection.values())

    def split(self, limit: int) -> list["Query"]:
        regions = self.selection.get(self.region_dimension) or []
        if self.cells() <= limit or len(regions) <= 1 or regions == ["*"]:
            return [self]
        per_region = self.cells() // len(regions)
        step = max(1, limit // per_region)
        return [
            Query(self.table_id, {**self.selection,
                                  self.region_dimension: regions[start:start + step]},
                  self.region_dimension)
            for start in range(0, len(regions), step)
        ]

    def v2_url(self, base: str = V2_BASE) -> str:
        params = [("lang", "no"), ("outputFormat", "json-stat2")] + [
            (f"valueCodes[{dimension}]", ",".join(codes))
            for dimension, codes in self.selection.items()
        ]
        query = urllib.parse.urlencode(params, safe="[]*,()")
        return f"{base}/tables/{self.table_id}/data?{query}"

    def v0_body(self) -> bytes:
        query = [
            {"code": dimension,
             "selection": ({"filter": "all", "values": ["*"]} if codes == ["*"]
                           else {"filter": "item", "values": list(codes)})}
            for dimension, codes in self.selection.items()
        ]
        return json.dumps({"query": query, "response": {"format": "json-stat2"}},
                          ensure_ascii=False).encode()

    def v0_url(self, base: str = V0_BASE) -> str:
        return f"{base}/table/{self.table_id}"


@dataclass
class SsbClient:
    transport: Transport = urllib_transport
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.time
    cache_dir: Path | None = None
    max_age: float = 24 * 3600
    cell_limit: int = CELL_LIMIT
    retries: int = 4
    backoff: float = 1.0
    timeout: float = 60.0
    v2_base: str = V2_BASE
    v0_base: str = V0_BASE
    klass_base: str = KLASS_BASE

    def fetch(self, query: Query) -> jsonstat.Dataset:
        """The whole query as one dataset, however many requests it took."""
        return jsonstat.merge([self._fetch_one(part) for part in query.split(self.cell_limit)])

    def metadata(self, table_id: str) -> list[jsonstat.Dimension]:
        """The table's dimensions with every code; roles guessed where v0 gives none."""
        url = f"{self.v2_base}/tables/{table_id}/metadata?lang=no&outputFormat=json-stat2"
        response = self._request("GET", url, None)
        if response.status in FALLBACK_STATUS:
            response = self._request("GET", f"{self.v0_base}/table/{table_id}", None)
        if response.status != 200:
            raise SsbError("http", _excerpt(response.body), response.status)
        try:
            document = json.loads(response.body)
            if "variables" in document:
                return [_v0_dimension(variable) for variable in document["variables"]]
            return jsonstat.read_dimensions(document)
        except (ValueError, KeyError, TypeError, jsonstat.JsonStatError) as exc:
            raise SsbError("bad_answer", str(exc), response.status) from exc

    def kostra_groups(self, year: int) -> bytes:
        """Klass' correspondence from municipalities (131) to KOSTRA groups (112) as it
        stood on 1 January of `year`, as the JSON answer (read by `kostra_groups`)."""
        url = (f"{self.klass_base}/classifications/{MUNICIPALITIES_CLASSIFICATION}/"
               f"correspondsAt?targetClassificationId={KOSTRA_GROUPS_CLASSIFICATION}"
               f"&date={year}-01-01&language=nb")
        response = self._request("GET", url, None)
        if response.status != 200:
            raise SsbError("http", _excerpt(response.body), response.status)
        return response.body

    def _fetch_one(self, query: Query) -> jsonstat.Dataset:
        response = self._request("GET", query.v2_url(self.v2_base), None)
        if response.status in FALLBACK_STATUS:
            response = self._request("POST", query.v0_url(self.v0_base), query.v0_body())
        if response.status != 200:
            raise SsbError("http", _excerpt(response.body), response.status)
        try:
            return jsonstat.loads(response.body)
        except jsonstat.JsonStatError as exc:
            raise SsbError("bad_answer", exc.code, response.status) from exc

    def _request(self, method: str, url: str, body: bytes | None) -> Response:
        cached = self._cached(method, url, body)
        if cached is not None:
            return Response(200, cached)
        response = self._with_retries(method, url, body)
        if response.status == 200:
            self._store(method, url, body, response.body)
        return response

    def _with_retries(self, method: str, url: str, body: bytes | None) -> Response:
        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            try:
                response = self.transport(method, url, body, self.timeout)
            except Timeout as exc:
                if last:
                    raise SsbError("timeout", str(exc)) from exc
                self.sleep(self.backoff * 2 ** attempt)
                continue
            if response.status not in RETRY_STATUS or last:
                return response
            self.sleep(_retry_after(response) or self.backoff * 2 ** attempt)
        raise AssertionError("unreachable")  # the loop returns or raises on its last turn

    # Cache ---------------------------------------------------------------------------------

    def _cache_path(self, method: str, url: str, body: bytes | None) -> Path | None:
        if self.cache_dir is None:
            return None
        key = hashlib.sha256(method.encode() + b" " + url.encode() + b"\n" + (body or b""))
        return self.cache_dir / f"{key.hexdigest()}.json"

    def _cached(self, method: str, url: str, body: bytes | None) -> bytes | None:
        path = self._cache_path(method, url, body)
        if path is None or not path.exists():
            return None
        if self.clock() - path.stat().st_mtime > self.max_age:
            return None
        return path.read_bytes()

    def _store(self, method: str, url: str, body: bytes | None, content: bytes) -> None:
        path = self._cache_path(method, url, body)
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        partial.write_bytes(content)
        partial.replace(path)


def _v0_dimension(variable: dict) -> jsonstat.Dimension:
    code = str(variable["code"])
    role = "time" if variable.get("time") or code == "Tid" else (
        "metric" if code == "ContentsCode" else "geo" if "region" in code.lower() else "")
    labels = variable.get("valueTexts") or variable["values"]
    categories = tuple(jsonstat.Category(str(value), str(label))
                       for value, label in zip(variable["values"], labels, strict=False))
    return jsonstat.Dimension(code, str(variable.get("text") or code), categories, role)


def _retry_after(response: Response) -> float:
    value = {k.lower(): v for k, v in response.headers.items()}.get("retry-after", "")
    try:
        return min(float(value), 120.0)
    except ValueError:
        return 0.0


def _excerpt(body: bytes) -> str:
    return body[:300].decode("utf-8", "replace")


def default_client(settings) -> SsbClient:
    """The client the commands use: `settings.SSB_TRANSPORT` (a callable) replaces the
    network when set; answers are cached under VAR_DIR/ssb-cache."""
    return SsbClient(
        transport=getattr(settings, "SSB_TRANSPORT", None) or urllib_transport,
        cache_dir=Path(settings.VAR_DIR) / "ssb-cache",
        max_age=float(getattr(settings, "SSB_CACHE_MAX_AGE", 24 * 3600)),
    )
