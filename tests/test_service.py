"""The HTTP service: routes through FastAPI's test client, a real uvicorn process, and a fuzz run from its
own OpenAPI document. The model path runs against the fake model server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_model import FakeModelServer, FakeRequest, Reply, error, good
from typer.testing import CliRunner

try:
    import httpx
    import schemathesis
    from fastapi.testclient import TestClient
    from hypothesis import HealthCheck, settings
    from schemathesis.checks import positive_data_acceptance
except ImportError:
    if os.environ.get("CI"):
        raise
    pytest.skip(
        "the service's packages are not installed: pip install -e '.[serve,test]'", allow_module_level=True
    )

from pydantic import SecretStr

from summarizer.cache import cache_stats
from summarizer.cli import app as cli_app
from summarizer.config import Settings
from summarizer.schema import output_schema
from summarizer.service import create_app

# Real processes for seconds each: the copy of the repository that .ci/run tests without ../shared leaves
# them out (`-m 'not slow'`); the full run keeps them.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_ffe56f79dac5013f.txt"
API_KEY = "sk-test-service-SECRET-4242"
TOKEN = "service-token-0123456789"
SMALL_REPORT = "2024年全省地区生产总值增长5.5%左右。\n一、扎实推进高质量发展\n（一）加快建设现代化产业体系。全年新增高新技术企业1000家。\n"
runner = CliRunner()


def without_timing(summary: dict[str, Any]) -> dict[str, Any]:
    summary = json.loads(json.dumps(summary))
    summary["provenance"].pop("seconds")
    return summary


def extract_json(path: Path) -> dict[str, Any]:
    result = runner.invoke(cli_app, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def rules_settings(tmp_path: Path, **overrides: Any) -> Settings:
    return Settings(backend="rules", cache_dir=tmp_path / "cache", **overrides)


def llm_settings(server: FakeModelServer, tmp_path: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "backend": "llm",
        "base_url": server.base_url,
        "api_key": SecretStr(API_KEY),
        "max_retries": 0,
        "timeout": 5,
        "cache_dir": tmp_path / "cache",
        **overrides,
    }
    return Settings(**values)


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(rules_settings(tmp_path)), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def fake() -> Iterator[FakeModelServer]:
    with FakeModelServer() as server:
        yield server


def percent_targets(request: FakeRequest) -> Reply | dict:
    """A well-behaved model: every `增长N%` in the chunk, quoted verbatim."""
    import re

    text = request.chunk_text or ""
    found = re.finditer(r"增长(\d+(?:\.\d+)?)%", text)
    items = [
        {"indicator": "指标", "value": float(m.group(1)), "unit": "%", "change": "growth", "kind": "target"}
        | {"quote": m.group(0)}
        for m in found
    ]
    return good(targets=items[:5])


# --- the same JSON as `summarizer extract`


@pytest.mark.parametrize(
    "send",
    [
        pytest.param(
            lambda: {"content": SEED.read_bytes(), "headers": {"content-type": "text/plain"}},
            id="raw-text-upload",
        ),
        pytest.param(
            lambda: {"content": SEED.read_bytes(), "headers": {"content-type": "application/octet-stream"}},
            id="raw-binary-upload",
        ),
        pytest.param(
            lambda: {"json": {"text": SEED.read_text(encoding="utf-8"), "source": str(SEED)}},
            id="json-body",
        ),
    ],
)
def test_a_seed_answers_what_extract_prints(client: TestClient, send: Any) -> None:
    response = client.post("/v1/summaries", params={"source": str(SEED)}, **send())
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert without_timing(response.json()) == without_timing(extract_json(SEED))


def test_a_gb18030_upload_is_decoded_and_hashed_as_the_cli_does(client: TestClient, tmp_path: Path) -> None:
    data = SMALL_REPORT.encode("gb18030")
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    response = client.post(
        "/v1/summaries",
        content=data,
        params={"source": str(path)},
        headers={"content-type": "application/octet-stream"},
    )
    assert response.status_code == 200, response.text
    summary = response.json()
    assert summary["sha256"] == hashlib.sha256(data).hexdigest()
    assert without_timing(summary) == without_timing(extract_json(path))


def test_json_text_is_hashed_as_its_utf8_bytes_and_keeps_its_name(client: TestClient) -> None:
    response = client.post("/v1/summaries", json={"text": SMALL_REPORT, "source": "报告.txt"})
    assert response.status_code == 200, response.text
    summary = response.json()
    assert summary["sha256"] == hashlib.sha256(SMALL_REPORT.encode("utf-8")).hexdigest()
    assert summary["source"] == "报告.txt"
    for target in (item for document in summary["documents"] for item in document["targets"]):
        assert SMALL_REPORT[target["start"] : target["end"]] == target["quote"]


# --- bad input


@pytest.mark.parametrize(
    ("send", "status", "code"),
    [
        pytest.param({"json": {"text": ""}}, 422, "invalid_input", id="empty-json-text"),
        pytest.param({"json": {"text": " \n\t "}}, 422, "invalid_input", id="blank-json-text"),
        pytest.param(
            {"content": b"", "headers": {"content-type": "text/plain"}},
            422,
            "invalid_input",
            id="empty-upload",
        ),
        pytest.param(
            {
                "content": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
                "headers": {"content-type": "application/octet-stream"},
            },
            422,
            "invalid_input",
            id="binary-upload",
        ),
        pytest.param(
            {"json": {"text": "全年\x00\x01\x02\x03"}}, 422, "invalid_input", id="control-chars-in-json"
        ),
        pytest.param(
            {"content": b"\x80\xff\xfe\xfd", "headers": {"content-type": "text/plain"}},
            422,
            "invalid_input",
            id="neither-utf8-nor-gb18030",
        ),
        pytest.param({"json": {"source": "a.txt"}}, 422, "invalid_input", id="json-without-text"),
        pytest.param({"json": {"text": 12}}, 422, "invalid_input", id="json-text-not-a-string"),
        pytest.param(
            {"json": {"text": "增长5%", "colour": "red"}}, 422, "invalid_input", id="unknown-json-field"
        ),
        pytest.param(
            {"content": b'{"text": "abc"', "headers": {"content-type": "application/json"}},
            422,
            "invalid_input",
            id="malformed-json",
        ),
        pytest.param(
            {"json": {"text": SMALL_REPORT, "backend": "oracle"}},
            422,
            "unknown_backend",
            id="unknown-backend",
        ),
        pytest.param(
            {"json": {"text": SMALL_REPORT, "backend": "llm"}},
            422,
            "backend_unavailable",
            id="llm-without-an-endpoint",
        ),
        pytest.param(
            {"content": SMALL_REPORT.encode(), "headers": {"content-type": "text/html"}},
            415,
            "unsupported_media_type",
            id="html",
        ),
        pytest.param(
            {"files": {"file": ("a.txt", SMALL_REPORT.encode(), "text/plain")}},
            415,
            "unsupported_media_type",
            id="multipart-form",
        ),
        pytest.param({"content": SMALL_REPORT.encode()}, 415, "unsupported_media_type", id="no-content-type"),
    ],
)
def test_bad_input_gets_its_status_as_json(
    client: TestClient, send: dict[str, Any], status: int, code: str
) -> None:
    response = client.post("/v1/summaries", **send)
    assert response.status_code == status, response.text
    body = response.json()
    assert body["status"] == status and body["error"] == code and body["message"]
    assert "Traceback" not in response.text


def test_unknown_routes_and_methods_answer_json(client: TestClient) -> None:
    assert client.get("/v2/anything").json()["error"] == "not_found"
    response = client.get("/v1/summaries")
    assert response.status_code == 405 and response.json()["error"] == "method_not_allowed"


@pytest.mark.parametrize(
    "send",
    [
        pytest.param(
            lambda: {"content": b"x" * 2001, "headers": {"content-type": "text/plain"}}, id="content-length"
        ),
        pytest.param(
            lambda: {"content": iter([b"x" * 500] * 5), "headers": {"content-type": "text/plain"}},
            id="chunked-without-length",
        ),
        pytest.param(lambda: {"json": {"text": "增" * 700}}, id="json-body"),
    ],
)
def test_a_body_over_the_limit_is_refused_with_413(tmp_path: Path, send: Any) -> None:
    with TestClient(create_app(rules_settings(tmp_path), max_body_bytes=2000)) as small:
        response = small.post("/v1/summaries", **send())
        assert response.status_code == 413, response.text
        assert response.json()["error"] == "too_large"
        assert small.post("/v1/summaries", json={"text": SMALL_REPORT}).status_code == 200


def test_an_unexpected_failure_is_a_500_without_a_traceback(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def explode(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("secret internals at /srv/app.py line 12")

    monkeypatch.setattr("summarizer.service._in_pool", explode)
    response = client.post("/v1/summaries", json={"text": SMALL_REPORT})
    assert response.status_code == 500
    assert response.json()["error"] == "internal_error"
    assert "secret internals" not in response.text and "Traceback" not in response.text


# --- health, schema, auth


def test_health_tells_the_backend_and_the_cache(tmp_path: Path) -> None:
    # The first open of a cache may take a while on a loaded machine: the test gives it all the time it
    # needs, so that what it checks is the answer, never the machine's speed.
    with TestClient(create_app(rules_settings(tmp_path, health_deadline=60.0))) as test_client:
        health = test_client.get("/v1/health").json()
    assert health["status"] == "ok"
    assert health["backend"] == "rules" and health["model"] is None
    assert health["cache"] == {"enabled": True, "reachable": True}


def test_health_reports_an_unreachable_cache_as_degraded(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    with TestClient(create_app(Settings(cache_dir=blocker))) as test_client:
        health = test_client.get("/v1/health").json()
    assert health["status"] == "degraded" and health["cache"]["reachable"] is False


def test_schema_is_the_output_schema(client: TestClient) -> None:
    assert client.get("/v1/schema").json() == output_schema()


def test_the_openapi_document_lists_the_routes_and_both_body_kinds(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    assert {"/v1/summaries", "/v1/health", "/v1/schema"} <= set(document["paths"])
    body = document["paths"]["/v1/summaries"]["post"]["requestBody"]["content"]
    assert {"application/json", "text/plain", "application/octet-stream"} <= set(body)


PROTECTED = [
    pytest.param("GET", "/v1/schema", {}, id="schema"),
    pytest.param("GET", "/openapi.json", {}, id="openapi"),
    pytest.param("POST", "/v1/summaries", {"json": {"text": SMALL_REPORT}}, id="summaries"),
]


@pytest.mark.parametrize(("method", "path", "send"), PROTECTED)
@pytest.mark.parametrize(
    "authorization",
    [
        pytest.param(None, id="no-header"),
        pytest.param(f"Bearer {TOKEN}x", id="wrong-token"),
        pytest.param(f"Bearer {TOKEN[:-1]}", id="token-prefix"),
        pytest.param(f"Basic {TOKEN}", id="wrong-scheme"),
        pytest.param("Bearer ", id="empty-token"),
    ],
)
def test_with_a_token_every_route_but_health_refuses_a_bad_one(
    tmp_path: Path, method: str, path: str, send: dict[str, Any], authorization: str | None
) -> None:
    headers = {"authorization": authorization} if authorization is not None else {}
    with TestClient(create_app(rules_settings(tmp_path), api_token=TOKEN)) as test_client:
        response = test_client.request(method, path, headers=headers, **send)
        assert response.status_code == 401, response.text
        assert response.json()["error"] == "unauthorized"
        assert test_client.get("/v1/health").status_code == 200


@pytest.mark.parametrize(("method", "path", "send"), PROTECTED)
def test_with_a_token_the_right_one_opens_every_route(
    tmp_path: Path, method: str, path: str, send: dict[str, Any]
) -> None:
    with TestClient(create_app(rules_settings(tmp_path), api_token=TOKEN)) as test_client:
        response = test_client.request(method, path, headers={"authorization": f"Bearer {TOKEN}"}, **send)
    assert response.status_code == 200, response.text


# --- the model path, against the fake model server


def test_the_model_path_answers_and_shares_the_cache_with_the_cli(
    fake: FakeModelServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake.reply_with(percent_targets)
    settings = llm_settings(fake, tmp_path)
    with TestClient(create_app(settings)) as test_client:
        first = test_client.post("/v1/summaries", json={"text": SEED.read_text(encoding="utf-8")})
        assert first.status_code == 200, first.text
        summary = first.json()
        assert summary["provenance"]["backend"] == "llm"
        assert summary["provenance"]["llm_calls"] == fake.calls > 0
        assert any(document["targets"] for document in summary["documents"])
        health = test_client.get("/v1/health")
    assert health.json()["model"] == settings.model and health.json()["endpoint_configured"] is True
    calls = fake.calls
    monkeypatch.setenv("SUMMARIZER_BASE_URL", fake.base_url)
    monkeypatch.setenv("OPENAI_API_KEY", API_KEY)
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path / "cache"))
    from_cli = extract_json(SEED)
    assert fake.calls == calls, "the CLI finds every reply the service cached"
    assert from_cli["documents"] == summary["documents"]
    assert API_KEY not in first.text + health.text


def test_a_failing_model_endpoint_is_a_502_with_the_reason_and_caches_nothing(
    fake: FakeModelServer, tmp_path: Path
) -> None:
    fake.reply_with(lambda request: error(500, "upstream overloaded"))
    with TestClient(create_app(llm_settings(fake, tmp_path))) as test_client:
        response = test_client.post("/v1/summaries", json={"text": SEED.read_text(encoding="utf-8")})
    assert response.status_code == 502, response.text
    body = response.json()
    assert body["error"] == "backend_failed" and "upstream overloaded" in body["message"]
    assert API_KEY not in response.text
    assert cache_stats(tmp_path / "cache").entries == 0


def test_model_calls_across_requests_share_one_concurrency_limit(tmp_path: Path) -> None:
    with FakeModelServer(latency=0.05) as fake:
        fake.reply_with(lambda request: good())
        app = create_app(llm_settings(fake, tmp_path, concurrency=2, chunk_chars=800, use_cache=False))

        async def three_at_once() -> list[httpx.Response]:
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://service") as http:
                texts = [SEED.read_text(encoding="utf-8") + "\n" * n for n in range(3)]
                return await asyncio.gather(*(http.post("/v1/summaries", json={"text": t}) for t in texts))

        responses = asyncio.run(three_at_once())
    assert [response.status_code for response in responses] == [200, 200, 200]
    assert fake.calls >= 6
    assert fake.max_in_flight == 2


# --- the serve command


@pytest.mark.parametrize(
    ("arguments", "missing", "expected"),
    [
        pytest.param([], "uvicorn", "pip install -e '.[serve]'", id="uvicorn-not-installed"),
        pytest.param([], "fastapi", "pip install -e '.[serve]'", id="fastapi-not-installed"),
        pytest.param(["--backend", "llm"], None, "needs an endpoint", id="llm-without-an-endpoint"),
        pytest.param(["--backend", "oracle"], None, "unknown backend 'oracle'", id="unknown-backend"),
    ],
)
def test_serve_says_in_one_line_why_it_cannot_start(
    monkeypatch: pytest.MonkeyPatch, arguments: list[str], missing: str | None, expected: str
) -> None:
    import typer

    from summarizer.cli import reports_errors, with_settings
    from summarizer.cli.serve_cmd import serve_command

    if missing is not None:
        monkeypatch.setitem(sys.modules, missing, None)
    command = typer.Typer()
    command.command()(reports_errors(with_settings(serve_command)))
    result = runner.invoke(command, ["--port", "0", *arguments])
    assert result.exit_code == 2
    assert expected in result.stderr and len(result.stderr.strip().splitlines()) == 1


# --- a real uvicorn process


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


SERVE = "import sys; from summarizer.cli import app; app(['serve', *sys.argv[1:]])"


def start_server(port: int, *flags: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [sys.executable, "-c", SERVE, "--port", str(port), *flags],
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(
                f"the server exited: {process.stderr.read().decode() if process.stderr else ''}"
            )
        try:
            if httpx.get(f"http://127.0.0.1:{port}/v1/health", timeout=1).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise AssertionError("the server did not answer its health check within 30 s")


def stop_server(process: subprocess.Popen[bytes]) -> str:
    """Stop with SIGTERM as a supervisor would; the server's log, once it has shut down cleanly."""
    process.send_signal(signal.SIGTERM)
    try:
        code = process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)
        raise
    log = process.stderr.read().decode() if process.stderr else ""
    # uvicorn re-raises the signal once it has shut down, so that the exit status tells what stopped it.
    assert code in (0, -signal.SIGTERM), log
    assert "Application shutdown complete" in log, log
    return log


def test_a_real_server_answers_a_seed_as_extract_does_and_wants_its_token() -> None:
    port = free_port()
    process = start_server(port, "--backend", "rules", env={"SUMMARIZER_API_TOKEN": TOKEN})
    try:
        url = f"http://127.0.0.1:{port}/v1/summaries"
        refused = httpx.post(
            url, content=SEED.read_bytes(), headers={"content-type": "text/plain"}, timeout=30
        )
        response = httpx.post(
            url,
            content=SEED.read_bytes(),
            params={"source": str(SEED)},
            headers={"content-type": "text/plain", "authorization": f"Bearer {TOKEN}"},
            timeout=30,
        )
    finally:
        stop_server(process)
    assert refused.status_code == 401
    assert response.status_code == 200, response.text
    assert without_timing(response.json()) == without_timing(extract_json(SEED))


def test_a_stopped_server_finishes_its_in_flight_request(tmp_path: Path) -> None:
    with FakeModelServer(latency=1.0) as fake:
        fake.reply_with(percent_targets)
        port = free_port()
        env = {"SUMMARIZER_BASE_URL": fake.base_url, "OPENAI_API_KEY": API_KEY, "SUMMARIZER_MAX_RETRIES": "0"}
        process = start_server(port, "--backend", "llm", "--no-cache", env=env)
        answers: list[httpx.Response] = []
        request = threading.Thread(
            target=lambda: answers.append(
                httpx.post(
                    f"http://127.0.0.1:{port}/v1/summaries",
                    json={"text": SMALL_REPORT},
                    timeout=30,
                )
            )
        )
        request.start()
        deadline = time.monotonic() + 10
        while not fake.calls and time.monotonic() < deadline:
            time.sleep(0.02)
        assert fake.calls, "the request reached the model"
        log = stop_server(process)
        request.join(timeout=20)
    assert answers and answers[0].status_code == 200, answers[0].text if answers else "no answer"
    assert answers[0].json()["provenance"]["llm_calls"] == 1
    assert API_KEY not in log and SMALL_REPORT[:10] not in log


# --- fuzzing from the OpenAPI document


@pytest.fixture
def service_schema(tmp_path: Path) -> Any:
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(rules_settings(tmp_path)))


fuzzed = schemathesis.pytest.from_fixture("service_schema")


@fuzzed.parametrize()
@settings(max_examples=50, deadline=None, database=None, suppress_health_check=list(HealthCheck))
def test_no_generated_request_gets_a_5xx(case: Any) -> None:
    """Every default check (no 5xx, answers that follow the document, malformed input refused) but one:
    text that the schema allows can still be refused for its content (binary, control characters)."""
    case.call_and_validate(excluded_checks=[positive_data_acceptance])


def test_beyond_its_cap_and_queue_the_server_answers_503_with_retry_after() -> None:
    port = free_port()
    process = start_server(port, "--backend", "rules", "--max-inflight", "1", "--queue", "0")
    big = (SEED.read_text(encoding="utf-8") * 200).encode("utf-8")  # a few seconds of rules work
    url = f"http://127.0.0.1:{port}/v1/summaries"
    plain = {"content-type": "text/plain"}
    answers: list[httpx.Response] = []
    try:
        answers.append(
            httpx.post(url, content=SEED.read_bytes(), headers=plain, timeout=60)
        )  # the pool is up
        worker = threading.Thread(
            target=lambda: answers.append(httpx.post(url, content=big, headers=plain, timeout=120))
        )
        worker.start()
        deadline = time.monotonic() + 60
        while (
            time.monotonic() < deadline
            and worker.is_alive()
            and not any(a.status_code == 503 for a in answers)
        ):
            answers.append(httpx.post(url, content=SEED.read_bytes(), headers=plain, timeout=60))
            time.sleep(0.05)
        health = httpx.get(f"http://127.0.0.1:{port}/v1/health", timeout=5)
        worker.join(timeout=120)
    finally:
        stop_server(process)
    turned_away = [a for a in answers if a.status_code == 503]
    assert turned_away, [a.status_code for a in answers]
    assert turned_away[0].json()["error"] == "busy"
    assert int(turned_away[0].headers["retry-after"]) >= 1
    assert all(a.status_code in (200, 503) for a in answers)
    assert health.status_code == 200


def test_serve_workers_run_several_processes_with_the_same_settings() -> None:
    port = free_port()
    process = start_server(port, "--backend", "rules", "--workers", "2", env={"SUMMARIZER_API_TOKEN": TOKEN})
    try:
        url = f"http://127.0.0.1:{port}/v1/summaries"
        plain = {"content-type": "text/plain"}
        refused = httpx.post(url, content=SEED.read_bytes(), headers=plain, timeout=30)
        answered = [
            httpx.post(
                url,
                content=SEED.read_bytes(),
                headers={**plain, "authorization": f"Bearer {TOKEN}"},
                timeout=30,
            )
            for _ in range(4)
        ]
    finally:
        log = stop_server(process)
    assert refused.status_code == 401
    assert [answer.status_code for answer in answered] == [200] * 4
    assert log.count("Started server process") == 2
