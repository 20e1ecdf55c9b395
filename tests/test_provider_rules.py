"""The model path under real providers' rules (issue 18), each case through the fake model server on
127.0.0.1 speaking them: refusals with their real bodies, reasoning models, redirects, Azure, slow
servers, a service whose endpoint comes back. Numbers in the test names are the issue's failures."""

from __future__ import annotations

import json
import os
import socket
import time
from pathlib import Path
from typing import Any

import pytest
from cli_process import run_summarizer
from fake_model import FakeModelServer, FakeRequest, Reply, error, good, raw_text, slow
from gold_model import FIXTURES, GoldModel

from summarizer.backends.llm import LLMBackend
from summarizer.backends.llm.calls import Backoff
from summarizer.config import Settings
from summarizer.errors import BackendError
from summarizer.evals.run import run_eval
from summarizer.models import Chunk, DocumentSpan
from summarizer.pipeline import summarize_text

# Real processes for seconds each: the copy of the repository that .ci/run tests without ../shared leaves
# them out (`-m 'not slow'`); the full run keeps them.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
API_KEY = "sk-test-rules-SECRET-1818"
TEXT = "今年全市地区生产总值增长6.5%左右，城镇新增就业1.2万人。明年要奋力打造区域消费中心。"
GDP = {"q": "地区生产总值增长6.5%左右", "k": "r"}
JOBS = {"q": "城镇新增就业1.2万人", "k": "r"}


def make_chunk(text: str = TEXT, start: int = 0) -> Chunk:
    document = DocumentSpan(index=0, start=0, end=start + len(text), title="讲话", plan_year=2024)
    return Chunk(0, start, start + len(text), text, document)


def settings_for(base_url: str, tmp_path: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "backend": "llm",
        "base_url": base_url,
        "api_key": API_KEY,
        "cache_dir": tmp_path / "cache",
        "use_cache": False,
        "timeout": 5.0,
        "max_retries": 2,
    }
    values.update(overrides)
    return Settings(**values)


def backend_for(server: FakeModelServer, tmp_path: Path, **overrides: Any) -> LLMBackend:
    backoff = overrides.pop("backoff", Backoff(base=0.001, max_wait=0.01))
    return LLMBackend(settings_for(server.base_url, tmp_path, **overrides), backoff=backoff)


@pytest.fixture
def server() -> FakeModelServer:
    with FakeModelServer() as fake:
        yield fake  # type: ignore[misc]


# --- 1. a repair call is never refused, and no refusal of a repair changes the run's mode


@pytest.mark.parametrize("mode", ["tools", "json"])
def test_1_an_inventing_model_s_run_makes_no_refused_call_and_keeps_its_mode(
    server: FakeModelServer, tmp_path: Path, mode: str
) -> None:
    server.reply_with(GoldModel("inventing"))
    settings = settings_for(server.base_url, tmp_path, mode=mode, max_retries=0)
    report = run_eval("llm", FIXTURES, settings)
    stats = server.stats()
    assert stats["repairs"] > 0, "the inventing model's targets went to repair calls"
    assert stats["refused"] == 0 and stats["modes"] == [mode]
    assert (report.micro.targets.f1, report.micro.goals.f1, report.micro.tasks.f1) == (1.0, 1.0, 1.0)


def test_1_the_fake_refuses_json_object_without_the_word_as_openai_does(server: FakeModelServer) -> None:
    """The rule the test above keeps to: a json_object request with no "json" in it gets OpenAI's 400."""
    import openai

    client = openai.OpenAI(base_url=server.base_url, api_key="sk", max_retries=0)
    with pytest.raises(openai.BadRequestError, match="must contain the word 'json'"):
        client.chat.completions.create(
            model="m", messages=[{"role": "user", "content": "你好"}], response_format={"type": "json_object"}
        )
    assert server.stats()["refused"] == 1


# --- 2. a context-length error halves the chunk; it is no refusal of the mode


def test_2_a_context_length_error_halves_the_chunk_and_keeps_the_mode(tmp_path: Path) -> None:
    text = "\n".join(
        [
            f"第{n}段：全市地区生产总值增长{n}%左右，经济运行总体平稳，发展质量稳步提升。" * 4
            for n in range(1, 9)
        ]
    )
    chunk = make_chunk(text)

    def quote_numbers(request: FakeRequest) -> dict[str, Any]:
        found = request.chunk_text or ""
        return {
            "targets": [
                {"q": f"全市地区生产总值增长{n}%左右", "k": "t", "v": n}
                for n in range(1, 9)
                if f"第{n}段" in found
            ]
        }

    with FakeModelServer(context_limit=2500) as fake:
        fake.reply_with(quote_numbers)
        backend = backend_for(fake, tmp_path)
        extraction = backend.extract(chunk)
        refused = [request for request in fake.history if request.status == 400]
    assert refused and all(request.mode == "tools" for request in fake.history)
    assert backend.mode == "tools" and backend.notes == []
    assert sorted({target.value for target in extraction.targets}) == [float(n) for n in range(1, 9)]
    assert extraction.llm_calls == len(fake.history) and extraction.failed_calls == len(refused)


# --- 3. a 5xx naming the structured mode falls back once per run, and says so


def test_3_a_500_naming_json_schema_falls_back_once_and_says_so(tmp_path: Path) -> None:
    with FakeModelServer(json_schema_500=True) as fake:
        fake.reply_with(lambda request: good(targets=[GDP]))
        backend = backend_for(fake, tmp_path, mode="json_schema", max_retries=4)
        first = backend.extract(make_chunk())
        second = backend.extract(make_chunk(TEXT + "另一段。"))
        modes = [request.mode for request in fake.history]
    assert modes == ["json_schema", "json", "json"], "one 500, then the rest of the run in json mode"
    assert [t.quote for t in first.targets] == [t.quote for t in second.targets] == [GDP["q"]]
    assert len(backend.notes) == 1 and "'json_schema'" in backend.notes[0] and "500" in backend.notes[0]


# --- 4. replies as real models write them


@pytest.mark.parametrize(
    ("mode", "reply"),
    [
        pytest.param("json", good(targets=[GDP], think="先找数字。{不是JSON} 然后输出。"), id="think-block"),
        pytest.param("json", good(targets=[GDP], content_parts=True), id="content-parts"),
        pytest.param("tools", good(targets=[GDP], object_arguments=True), id="object-arguments"),
        pytest.param(
            "json",
            raw_text(
                json.dumps({"targets": [JOBS]}) + "\n" + json.dumps({"targets": [GDP]}, ensure_ascii=False)
            ),
            id="two-objects-the-last-counts",
        ),
        pytest.param("md_json", good(targets=[GDP], think="想一想"), id="think-then-fence"),
    ],
)
def test_4_replies_are_read_as_models_write_them(
    server: FakeModelServer, tmp_path: Path, mode: str, reply: Reply
) -> None:
    server.enqueue(reply)
    extraction = backend_for(server, tmp_path, mode=mode).extract(make_chunk())
    assert [target.quote for target in extraction.targets] == [GDP["q"]]
    assert server.calls == 1


@pytest.mark.parametrize("mode", ["tools", "json"])
def test_4_a_refusal_is_a_failed_chunk_with_its_reason(
    server: FakeModelServer, tmp_path: Path, mode: str
) -> None:
    server.enqueue(good(refusal="I can't help with that."))
    with pytest.raises(BackendError, match="the model refused: I can't help with that"):
        backend_for(server, tmp_path, mode=mode).extract(make_chunk())
    assert server.calls == 1, "a refusal is not asked again"


# --- 5. the openai SDK's variables reach every call, real-time and batch job alike


def test_5_openai_variables_reach_real_time_calls_and_batch_jobs(
    server: FakeModelServer, tmp_path: Path
) -> None:
    server.reply_with(GoldModel())
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("SUMMARIZER_BASE_URL", "OPENAI_"))},
        "OPENAI_BASE_URL": server.base_url,
        "OPENAI_API_KEY": API_KEY,
        "OPENAI_ORG_ID": "org-fake-18",
        "OPENAI_PROJECT_ID": "proj-fake-18",
        "SUMMARIZER_MAX_RETRIES": "0",
    }
    seed = ROOT / "seeds" / "000_ffe56f79dac5013f.txt"
    ran = run_summarizer("extract", str(seed), "--backend", "llm", env=env)
    assert ran.returncode == 0, ran.stderr
    assert server.calls > 0
    assert {
        (r.headers.get("openai-organization"), r.headers.get("openai-project")) for r in server.history
    } == {("org-fake-18", "proj-fake-18")}
    out = tmp_path / "job.jsonl"
    submitted = run_summarizer(
        "batch", str(seed), "-o", str(out), "--via", "batch-api", "--no-cache", env=env
    )
    assert submitted.returncode == 0, submitted.stderr
    assert len(server.batches) == 1, "the batch job went to the same endpoint"


# --- 6. a halved chunk keeps both halves' items and counts every call


def test_6_a_halved_chunk_keeps_the_good_half_and_counts_every_call(
    server: FakeModelServer, tmp_path: Path
) -> None:
    first = "全市地区生产总值增长6.5%左右，经济运行稳中向好，发展质量稳步提升。" * 8
    second = "城镇新增就业1.2万人，民生保障有力有效，社会大局和谐稳定。" * 8
    text = first + "\n" + second + "\n"

    def reply(request: FakeRequest) -> Reply | dict[str, Any]:
        chunk = request.chunk_text or ""
        if "城镇新增就业" in chunk and "地区生产总值" in chunk:
            return good(targets=[GDP], finish_reason="length", usage=(1199, 1))
        if "城镇新增就业" in chunk:
            return error(500, "the second half always fails")
        return good(targets=[GDP], usage=(600, 20))

    server.reply_with(reply)
    backend = backend_for(server, tmp_path, max_retries=0)
    backend.chunk_overlap = 0
    summary = summarize_text(text, "x.txt", backend.settings, backend=backend)
    provenance = summary.provenance
    assert [t.quote for t in summary.documents[0].targets] == [GDP["q"]], "the good half's items are kept"
    assert len(provenance.failed_chunks) == 1 and "always fails" in (provenance.failed_chunks[0].error or "")
    assert text[provenance.failed_chunks[0].start : provenance.failed_chunks[0].end].startswith("城镇")
    assert provenance.llm_calls == server.calls == 3
    assert (provenance.prompt_tokens, provenance.completion_tokens) == (1199 + 600, 1 + 20)


# --- 7. redirects, Azure, Retry-After above 60 s


def test_7_a_redirect_is_followed(server: FakeModelServer, tmp_path: Path) -> None:
    server.enqueue(good(targets=[GDP]))
    moved = server.base_url.replace("/v1", "/old")
    backend = LLMBackend(settings_for(moved, tmp_path))
    assert [target.quote for target in backend.extract(make_chunk()).targets] == [GDP["q"]]
    assert server.history[0].path == "/v1/chat/completions"


def test_7_a_classic_azure_url_reaches_its_deployment(server: FakeModelServer, tmp_path: Path) -> None:
    server.enqueue(good(targets=[GDP]))
    root = server.base_url.removesuffix("/v1")
    url = f"{root}/openai/deployments/summaries?api-version=2024-10-21"
    backend = LLMBackend(settings_for(url, tmp_path))
    assert [target.quote for target in backend.extract(make_chunk()).targets] == [GDP["q"]]
    request = server.history[0]
    assert request.path == "/openai/deployments/summaries/chat/completions?api-version=2024-10-21"
    assert request.headers.get("api-key") == API_KEY


def test_7_retry_after_above_60_seconds_is_waited_in_full(server: FakeModelServer, tmp_path: Path) -> None:
    waits: list[float] = []

    async def record(seconds: float) -> None:
        waits.append(seconds)

    server.enqueue(error(429, "slow down", retry_after=90), good(targets=[GDP]))
    backend = backend_for(server, tmp_path, backoff=Backoff(sleep=record))
    assert backend.extract(make_chunk()).targets
    assert waits == [90.0]


# --- 8. slow is not down; a service's give-up half-opens and recovers


def test_8_read_timeouts_do_not_count_toward_the_give_up(tmp_path: Path) -> None:
    with FakeModelServer() as fake:
        fake.enqueue(*[slow(1.0, good()) for _ in range(3)])
        fake.reply_with(lambda request: good(targets=[GDP]))
        backend = backend_for(fake, tmp_path, timeout=0.3, give_up_after=2, max_retries=4)
        extraction = backend.extract(make_chunk())
    assert [t.quote for t in extraction.targets] == [GDP["q"]]
    assert extraction.retries == 3 and not backend.endpoint_down


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_8_a_service_whose_endpoint_comes_back_recovers(tmp_path: Path) -> None:
    fastapi = pytest.importorskip("fastapi.testclient")
    from summarizer.service import create_app

    port = _free_port()
    settings = settings_for(
        f"http://127.0.0.1:{port}/v1", tmp_path, max_retries=0, give_up_after=2, give_up_pause=0.5
    )
    body = {"text": TEXT, "source": "t.txt"}
    with fastapi.TestClient(create_app(settings), raise_server_exceptions=False) as client:
        answers = [client.post("/v1/summaries", json=body).status_code for _ in range(3)]
        assert answers == [502, 502, 502]
        assert client.get("/v1/health").json()["status"] == "degraded"
        with FakeModelServer(port=port) as fake:
            fake.reply_with(lambda request: good(targets=[GDP]))
            time.sleep(0.6)
            back = client.post("/v1/summaries", json=body)
            assert back.status_code == 200, back.text
            assert back.json()["documents"][0]["targets"][0]["quote"] == GDP["q"]
            assert client.get("/v1/health").json()["status"] == "ok"
            assert fake.calls == 1


# --- 9. repairs are counted as repairs and priced as what they were


def test_9_a_repair_is_counted_as_a_repair_not_a_retry(server: FakeModelServer, tmp_path: Path) -> None:
    invented = {"q": "地区生产总值增长9%", "k": "t"}
    server.enqueue(good(targets=[GDP, invented]), good())
    extraction = backend_for(server, tmp_path).extract(make_chunk())
    assert (extraction.llm_calls, extraction.repairs, extraction.retries) == (2, 1, 0)


def test_9_batch_totals_say_the_repairs(server: FakeModelServer, tmp_path: Path) -> None:
    server.reply_with(GoldModel("inventing"))
    env = {**os.environ, "SUMMARIZER_BASE_URL": server.base_url, "OPENAI_API_KEY": API_KEY}
    ran = run_summarizer("batch", str(ROOT / "seeds"), "-o", str(tmp_path / "o.jsonl"), "--no-cache", env=env)
    assert ran.returncode == 0, ran.stderr
    repairs = server.stats()["repairs"]
    assert repairs > 0 and f"0 retries, {repairs} repairs" in ran.stderr
    lines = [json.loads(line) for line in (tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sum(line["provenance"]["repairs"] for line in lines) == repairs


def test_9_a_batch_job_s_repairs_are_priced_in_real_time(server: FakeModelServer, tmp_path: Path) -> None:
    """The job's replies at the batch discount; the repairs, made in real time, in full."""
    invented = {"q": "地区生产总值增长9%", "k": "r"}
    job_usage, repair_usage = (1_000_000, 100_000), (200_000, 10_000)

    def reply(request: FakeRequest) -> Reply:
        if request.is_repair:
            return good(usage=repair_usage)
        return good(targets=[GDP, invented], usage=job_usage)

    server.reply_with(reply)
    server.batch_polls = 0
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    env = {
        **os.environ,
        "SUMMARIZER_BASE_URL": server.base_url,
        "OPENAI_API_KEY": API_KEY,
        "SUMMARIZER_MODEL": "gpt-4o-mini",
        "SUMMARIZER_CACHE_DIR": str(tmp_path / "cache"),
    }
    out = tmp_path / "job.jsonl"
    assert run_summarizer("batch", str(folder), "-o", str(out), "--via", "batch-api", env=env).returncode == 0
    collected = run_summarizer(
        "batch", str(folder), "-o", str(out), "--via", "batch-api", "--resume", env=env
    )
    assert collected.returncode == 0, collected.stderr
    provenance = json.loads(out.read_text(encoding="utf-8"))["provenance"]
    assert provenance["repairs"] == 1 and server.calls == 1
    job = (job_usage[0] * 0.15 + job_usage[1] * 0.60) / 1e6 * 0.5
    repair = (repair_usage[0] * 0.15 + repair_usage[1] * 0.60) / 1e6
    assert provenance["cost"] == pytest.approx(job + repair, rel=1e-3)


# --- 10. library code leaves the process's state alone


def test_10_the_model_path_changes_no_process_wide_state(server: FakeModelServer) -> None:
    import subprocess
    import sys

    code = (
        "import logging, sys\n"
        "from summarizer import Settings, summarize\n"
        "before = (sys.getswitchinterval(), list(logging.getLogger('instructor').handlers))\n"
        f"settings = Settings(backend='llm', base_url={server.base_url!r}, api_key='sk', use_cache=False)\n"
        f"summarize({TEXT!r}, source='t.txt', settings=settings)\n"
        "after = (sys.getswitchinterval(), list(logging.getLogger('instructor').handlers))\n"
        "import httpx\n"  # whole, its command-line client too (once replaced by a stub)
        "print(before == after, 'openai' in sys.modules and 'instructor' in sys.modules, 'httpx._main' in sys.modules)\n"
    )
    server.reply_with(lambda request: good(targets=[GDP]))
    printed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert printed.stdout.split() == ["True", "True", "True"], printed.stderr
    assert server.calls == 1


def test_10_a_batch_leaves_the_switch_interval_alone(server: FakeModelServer, tmp_path: Path) -> None:
    """The fake runs in this process: what the batch sets, it sees."""
    import sys

    from summarizer.batch import run_batch

    seen: list[float] = []

    def watching(request: FakeRequest) -> Reply:
        seen.append(sys.getswitchinterval())
        return good(targets=[GDP])

    server.reply_with(watching)
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.txt").write_text(TEXT + "第" + str(n) + "份。", encoding="utf-8")
    before = sys.getswitchinterval()
    result = run_batch(
        [str(folder)], tmp_path / "out.jsonl", settings_for(server.base_url, tmp_path), concurrency=4
    )
    assert result.written == 3
    assert seen and set(seen) == {before}


def test_a_text_with_template_syntax_is_sent_as_it_is(server: FakeModelServer, tmp_path: Path) -> None:
    """instructor renders messages as Jinja templates when given a validation context: a chunk that
    holds template syntax still reaches the model unchanged."""
    text = "他说{{ 这不是模板 }}，{# 也不是注释 #}。" + TEXT
    server.enqueue(good(targets=[GDP]))
    extraction = backend_for(server, tmp_path).extract(make_chunk(text))
    assert [t.quote for t in extraction.targets] == [GDP["q"]]
    assert server.history[0].chunk_text == text


def test_a_provider_model_without_its_sdk_is_a_one_line_error(tmp_path: Path) -> None:
    """--model provider/name reaches instructor.from_provider; its SDK comes with the providers extra."""
    import importlib.util

    if importlib.util.find_spec("anthropic") is not None:
        pytest.skip("the anthropic SDK is installed here")
    seed = ROOT / "seeds" / "000_ffe56f79dac5013f.txt"
    ran = run_summarizer(
        "extract", str(seed), "--backend", "llm", "--model", "anthropic/claude-3-5-haiku-latest"
    )
    assert ran.returncode == 2 and "Traceback" not in ran.stderr
    assert ran.stderr.count("\n") == 1 and "anthropic" in ran.stderr
    assert "pip install 'summarizer[providers]'" in ran.stderr


def test_a_model_name_with_a_slash_is_the_servers_own_when_a_base_url_is_set(
    server: FakeModelServer, tmp_path: Path
) -> None:
    server.enqueue(good(targets=[GDP]))
    backend = backend_for(server, tmp_path, model="google/gemma-2-9b-it")
    assert backend.extract(make_chunk()).targets
    assert server.history[0].body["model"] == "google/gemma-2-9b-it"


@pytest.fixture
def private_ca(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A CA of its own (as a company's is) and a certificate it signed for 127.0.0.1."""
    import shutil
    import subprocess

    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is not installed")

    def openssl(*arguments: str) -> None:
        subprocess.run(["openssl", *arguments], cwd=tmp_path, check=True, capture_output=True)

    openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-days",
        "2",
        "-subj",
        "/CN=Corporate Test CA",
    )
    openssl(
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
        "-subj",
        "/CN=127.0.0.1",
    )
    (tmp_path / "san.cnf").write_text("subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n")
    openssl(
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        "server.pem",
        "-days",
        "2",
        "-extfile",
        "san.cnf",
    )
    return tmp_path / "ca.pem", tmp_path / "server.pem", tmp_path / "server.key"


def test_7_tls_trusts_the_certificates_the_system_is_told_to_trust(
    private_ca: tuple[Path, Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An endpoint behind a company's own CA: refused as untrusted (a connection failure that says so)
    until the trust store is given the CA (SSL_CERT_FILE, read by OpenSSL as the system's store)."""
    import ssl

    ca, certificate, key = private_ca
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(certificate, key)
    with FakeModelServer(tls=tls) as fake:
        fake.reply_with(lambda request: good(targets=[GDP]))
        assert fake.base_url.startswith("https://")
        with pytest.raises(BackendError, match=r"(?i)certificate"):
            backend_for(fake, tmp_path, max_retries=0).extract(make_chunk())
        monkeypatch.setenv("SSL_CERT_FILE", str(ca))
        extraction = backend_for(fake, tmp_path).extract(make_chunk())
    assert [target.quote for target in extraction.targets] == [GDP["q"]]
