"""A fake OpenAI-compatible model: a real HTTP server on 127.0.0.1, scripted per test.

It speaks ``POST /v1/chat/completions`` in tools mode (a tool call) and in the json modes (the reply in
the message content, fenced for md_json), and the batch endpoints a provider's batch jobs use:
``POST /v1/files`` (an upload), ``POST /v1/batches`` (a job over an uploaded file of requests),
``GET /v1/batches/{id}`` (its status: in progress for ``batch_polls`` polls, then completed, or
``expire_batches`` expired with part of its results) and ``GET /v1/files/{id}/content`` (the results
and errors, one JSON line per request). ``fail_custom_ids`` makes those requests fail in the job. Replies come from a queue (``enqueue``), else from a function
of the request (``reply_with``), which can compute a reply from the chunk text (replay of gold labels).
It records every request (``history``) and the most requests it was serving at once (``max_in_flight``).

It keeps to the rules real providers enforce, with their real error bodies: OpenAI's 400 for
``response_format: json_object`` when no message says "json" (``json_word``, on by default) and for a
request over the context window (``context_limit``, in prompt characters: its message names
"functions"); llama-cpp-python's 500 for ``json_schema`` (``json_schema_500``). Replies can come as
real models write them (``Reply``): after a ``<think>`` block, as a refusal, as a list of content
parts, with tool arguments as an object. A path under ``/old/`` is redirected (307) to ``/v1/``.

    with FakeModelServer() as server:
        server.enqueue(error(429, retry_after=0.05), good(targets=[...]))
        settings = Settings(base_url=server.base_url, api_key="sk-test", ...)
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from summarizer.backends.llm.prompt import chunk_text_of, load_prompt

REPAIR_PROMPT_START = load_prompt("repair").system[:20]

Item = dict[str, Any]


@dataclass
class Reply:
    """One scripted answer: an HTTP error, or a 200 whose reply is ``items`` (as JSON) or ``text`` as is."""

    status: int = 200
    items: dict[str, list[Item]] | None = None
    text: str | None = None
    error_body: dict[str, Any] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    usage: tuple[int, ...] | None = None  # prompt, completion[, cached prompt] tokens
    finish_reason: str = "stop"
    think: str | None = None  # a reasoning model's <think> block before the reply (json modes)
    refusal: str | None = None  # the model refuses: no content, no tool call
    content_parts: bool = False  # content as a list of text parts
    object_arguments: bool = False  # tool call arguments as a JSON object, not a string


def good(
    goals: Iterable[Item] = (),
    targets: Iterable[Item] = (),
    tasks: Iterable[Item] = (),
    results: Iterable[Item] = (),
    **options: Any,
) -> Reply:
    """A reply of these items (``results``: targets reached, the lean reply's list for them)."""
    items = {"goals": list(goals), "targets": list(targets), "results": list(results), "tasks": list(tasks)}
    return Reply(items=items, **options)


def raw_text(text: str, **options: Any) -> Reply:
    """A 200 whose reply text is ``text`` exactly: malformed JSON, prose, a fenced block."""
    return Reply(text=text, **options)


def error(
    status: int, message: str = "server error", retry_after: float | None = None, **options: Any
) -> Reply:
    headers = {"Retry-After": f"{retry_after:g}"} if retry_after is not None else {}
    body = {"error": {"message": message, "type": "fake_error", "code": status}}
    return Reply(status=status, error_body=body, headers=headers, **options)


def slow(seconds: float, reply: Reply) -> Reply:
    reply.delay = seconds
    return reply


def rejects_tools() -> Reply:
    return error(400, "this server does not support tools / tool_choice")


# OpenAI's own answers (their bodies as the API sends them).
JSON_WORD_MESSAGE = (
    "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'."
)


def json_word_refusal() -> Reply:
    body = {
        "error": {
            "message": JSON_WORD_MESSAGE,
            "type": "invalid_request_error",
            "param": "messages",
            "code": None,
        }
    }
    return Reply(status=400, error_body=body)


def context_length_refusal(limit: int, messages: int, functions: int) -> Reply:
    message = (
        f"This model's maximum context length is {limit} tokens. However, your messages resulted in "
        f"{messages + functions} tokens ({messages} in the messages, {functions} in the functions). "
        "Please reduce the length of the messages or functions."
    )
    body = {
        "error": {
            "message": message,
            "type": "invalid_request_error",
            "param": "messages",
            "code": "context_length_exceeded",
        }
    }
    return Reply(status=400, error_body=body)


def json_schema_500() -> Reply:
    """llama-cpp-python's server: the request's validation error, answered as a 500."""
    detail = (
        "[{'type': 'literal_error', 'loc': ('body', 'response_format', 'type'), 'msg': \"Input should be "
        "'text' or 'json_object'\", 'input': 'json_schema'}]"
    )
    body = {"error": {"message": detail, "type": "internal_server_error", "param": None, "code": None}}
    return Reply(status=500, error_body=body)


@dataclass
class FakeRequest:
    body: dict[str, Any]
    headers: dict[str, str]
    received: float
    reply_chars: int = 0
    path: str = "/v1/chat/completions"
    status: int = 200

    @property
    def messages(self) -> list[dict[str, Any]]:
        return self.body.get("messages", [])

    @property
    def mode(self) -> str:
        """How the client asked for structure: tools, json_schema, json (json_object) or md_json (none)."""
        if self.body.get("tools"):
            return "tools"
        kind = (self.body.get("response_format") or {}).get("type")
        return {"json_schema": "json_schema", "json_object": "json"}.get(kind, "md_json")

    @property
    def chunk_text(self) -> str | None:
        for message in self.messages:
            if message.get("role") == "user" and isinstance(message.get("content"), str):
                found = chunk_text_of(message["content"])
                if found is not None:
                    return found
        return None

    @property
    def is_repair(self) -> bool:
        """A repair call: the repair prompt, the failing items and their sentences, no chunk."""
        system = next((m.get("content") or "" for m in self.messages if m.get("role") == "system"), "")
        return system.startswith(REPAIR_PROMPT_START)

    @property
    def says_json(self) -> bool:
        return any("json" in str(message.get("content") or "").lower() for message in self.messages)

    @property
    def function_chars(self) -> int:
        return sum(
            len(json.dumps(self.body[extra], ensure_ascii=False))
            for extra in ("tools", "response_format")
            if self.body.get(extra)
        )

    @property
    def is_reask(self) -> bool:
        return any(message.get("role") in ("assistant", "tool") for message in self.messages)

    @property
    def prompt_chars(self) -> int:
        """Characters sent as prompt: every message's text and the tool or schema definitions."""
        chars = sum(len(message.get("content") or "") for message in self.messages)
        for extra in ("tools", "response_format"):
            if self.body.get(extra):
                chars += len(json.dumps(self.body[extra], ensure_ascii=False))
        return chars


ReplyFunction = Callable[[FakeRequest], "Reply | dict[str, list[Item]]"]


class _Server(ThreadingHTTPServer):
    # socketserver's default backlog is 5: eight clients connecting at once overflowed it, and the
    # kernel's retransmission held a call back by half a second or more. A model provider accepts them.
    request_queue_size = 128


class FakeModelServer:
    def __init__(
        self,
        latency: float = 0.0,
        *,
        json_word: bool = True,
        context_limit: int | None = None,
        json_schema_500: bool = False,
        chars_per_token: float = 1.0,
        port: int = 0,
        tls: Any = None,
    ) -> None:
        self.latency = latency
        # The providers' rules (see the module's docstring).
        self.json_word = json_word
        self.context_limit = context_limit
        self.json_schema_500 = json_schema_500
        # Usage as a provider reports it: tokens of so many characters (1: a token a character).
        self.chars_per_token = chars_per_token
        self.history: list[FakeRequest] = []
        # The batch endpoints: uploaded files, jobs, and how jobs behave.
        self.files: dict[str, bytes] = {}
        self.batches: dict[str, dict[str, Any]] = {}
        self.batch_polls = 1
        self.expire_batches = False
        self.fail_custom_ids: set[str] = set()
        self.batch_requests: list[FakeRequest] = []
        self.max_in_flight = 0
        self._in_flight = 0
        self._queue: deque[Reply] = deque()
        self._function: ReplyFunction | None = None
        self._lock = threading.Lock()
        self._server = _Server(("127.0.0.1", port), _handler_for(self))
        # HTTPS with the certificate of ``tls`` (an ssl.SSLContext for a server).
        self.scheme = "http"
        if tls is not None:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
            self.scheme = "https"
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.02,), daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"{self.scheme}://{host}:{port}/v1"

    @property
    def calls(self) -> int:
        return len(self.history)

    def start(self) -> FakeModelServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FakeModelServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def enqueue(self, *replies: Reply) -> None:
        with self._lock:
            self._queue.extend(replies)

    def reply_with(self, function: ReplyFunction | None) -> None:
        self._function = function

    def reset(self) -> None:
        with self._lock:
            self.history.clear()
            self._queue.clear()
            self.max_in_flight = 0

    def stats(self) -> dict[str, int]:
        """What a server in another process tells its client (``GET /v1/stats``)."""
        with self._lock:
            requests = [*self.history, *self.batch_requests]
            return {
                "calls": len(self.history),
                "batch_requests": len(self.batch_requests),
                "repairs": sum(request.is_repair for request in requests),
                "refused": sum(400 <= request.status < 500 for request in self.history),
                "modes": sorted({request.mode for request in self.history}),  # type: ignore[dict-item]
                # When the first request arrived (time.monotonic, the same clock in every process here).
                "first_received": min((r.received for r in self.history), default=0.0),  # type: ignore[dict-item]
                "received": sorted(r.received for r in self.history),  # type: ignore[dict-item]
                "max_in_flight": self.max_in_flight,
                "prompt_chars": sum(request.prompt_chars for request in requests),
                "completion_chars": sum(request.reply_chars for request in requests),
            }

    def _refusal(self, request: FakeRequest) -> Reply | None:
        """What the rules of real providers refuse, before any scripted reply."""
        if self.json_word and request.mode == "json" and not request.says_json:
            return json_word_refusal()
        if self.context_limit is not None and request.prompt_chars > self.context_limit:
            functions = request.function_chars
            return context_length_refusal(self.context_limit, request.prompt_chars - functions, functions)
        if self.json_schema_500 and request.mode == "json_schema":
            return json_schema_500()
        return None

    def _begin(self, request: FakeRequest) -> Reply:
        with self._lock:
            self.history.append(request)
            self._in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self._in_flight)
        if (refused := self._refusal(request)) is not None:
            request.status = refused.status
            return refused
        with self._lock:
            if self._queue:
                return self._queue.popleft()
        if self._function is not None:
            reply = self._function(request)
            return reply if isinstance(reply, Reply) else good(**reply)
        return error(500, "the fake model has no scripted reply left")

    def _end(self) -> None:
        with self._lock:
            self._in_flight -= 1

    # --- batch jobs

    def upload(self, name: str, data: bytes, purpose: str) -> dict[str, Any]:
        with self._lock:
            file_id = f"file-fake-{len(self.files) + 1}"
            self.files[file_id] = data
        return {
            "id": file_id,
            "object": "file",
            "bytes": len(data),
            "created_at": int(time.time()),
            "filename": name,
            "purpose": purpose,
            "status": "processed",
        }

    def create_batch(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        input_id = body.get("input_file_id")
        if input_id not in self.files:
            return 404, {"error": {"message": f"no file {input_id}", "type": "invalid_request_error"}}
        with self._lock:
            batch_id = f"batch-fake-{len(self.batches) + 1}"
            self.batches[batch_id] = {
                "id": batch_id,
                "input_file_id": input_id,
                "polls": 0,
                "done": None,
                "endpoint": body.get("endpoint"),
                "created_at": int(time.time()),
            }
        return 200, self._batch_view(self.batches[batch_id])

    def batch_status(self, batch_id: str) -> tuple[int, dict[str, Any]]:
        job = self.batches.get(batch_id)
        if job is None:
            return 404, {"error": {"message": f"no batch {batch_id}", "type": "invalid_request_error"}}
        job["polls"] += 1
        if job["done"] is None and job["polls"] > self.batch_polls:
            self._run_batch(job)
        return 200, self._batch_view(job)

    def _run_batch(self, job: dict[str, Any]) -> None:
        lines = [
            json.loads(line)
            for line in self.files[job["input_file_id"]].decode("utf-8").splitlines()
            if line.strip()
        ]
        if self.expire_batches:
            lines = lines[: len(lines) // 2]
        outputs, errors = [], []
        for number, line in enumerate(lines, start=1):
            request = FakeRequest(body=line["body"], headers={}, received=time.monotonic())
            self.batch_requests.append(request)
            if line["custom_id"] in self.fail_custom_ids:
                errors.append(
                    {
                        "id": f"req-{number}",
                        "custom_id": line["custom_id"],
                        "response": None,
                        "error": {"code": "server_error", "message": "the fake failed this request"},
                    }
                )
                continue
            reply = self._refusal(request) or (
                self._function(request) if self._function is not None else good()
            )
            reply = reply if isinstance(reply, Reply) else good(**reply)
            if reply.status != 200:
                errors.append(
                    {
                        "id": f"req-{number}",
                        "custom_id": line["custom_id"],
                        "response": {"status_code": reply.status, "body": reply.error_body},
                        "error": None,
                    }
                )
                continue
            outputs.append(
                {
                    "id": f"req-{number}",
                    "custom_id": line["custom_id"],
                    "error": None,
                    "response": {
                        "status_code": 200,
                        "request_id": f"req-{number}",
                        "body": completion_body(request, reply, number, self.chars_per_token),
                    },
                }
            )
        output_id = self.upload(
            "output.jsonl",
            "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in outputs).encode("utf-8"),
            "batch_output",
        )["id"]
        error_id = (
            self.upload(
                "errors.jsonl",
                "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors).encode("utf-8"),
                "batch_output",
            )["id"]
            if errors
            else None
        )
        job["done"] = {
            "status": "expired" if self.expire_batches else "completed",
            "output_file_id": output_id,
            "error_file_id": error_id,
            "total": len(lines),
            "completed": len(outputs),
            "failed": len(errors),
        }

    def _batch_view(self, job: dict[str, Any]) -> dict[str, Any]:
        done = job["done"] or {}
        return {
            "id": job["id"],
            "object": "batch",
            "endpoint": job["endpoint"],
            "errors": None,
            "input_file_id": job["input_file_id"],
            "completion_window": "24h",
            "status": done.get("status", "in_progress"),
            "output_file_id": done.get("output_file_id"),
            "error_file_id": done.get("error_file_id"),
            "created_at": job["created_at"],
            "request_counts": {
                "total": done.get("total", 0),
                "completed": done.get("completed", 0),
                "failed": done.get("failed", 0),
            },
        }


def completion_body(
    request: FakeRequest, reply: Reply, number: int, chars_per_token: float = 1.0
) -> dict[str, Any]:
    # A model writes its JSON compactly, and leaves out what it has nothing for.
    items = (
        {key: value for key, value in (reply.items or {}).items() if value}
        if reply.items is not None
        else None
    )
    text = (
        reply.text if reply.text is not None else json.dumps(items, ensure_ascii=False, separators=(",", ":"))
    )
    request.reply_chars = len(text)
    message: dict[str, Any] = {"role": "assistant", "content": text}
    if reply.refusal is not None:
        message = {"role": "assistant", "content": None, "refusal": reply.refusal}
    elif request.mode == "tools":
        name = request.body["tools"][0]["function"]["name"]
        arguments: Any = json.loads(text) if reply.object_arguments else text
        call = {
            "id": f"call_{number}",
            "type": "function",
            "function": {"name": name, "arguments": arguments},
        }
        message = {"role": "assistant", "content": None, "tool_calls": [call]}
    else:
        if request.mode == "md_json" and reply.text is None:
            message["content"] = f"```json\n{text}\n```"
        if reply.think is not None:
            message["content"] = f"<think>{reply.think}</think>\n{message['content']}"
        if reply.content_parts:
            message["content"] = [{"type": "text", "text": message["content"]}]
    prompt_tokens, completion_tokens, *cached = reply.usage or (
        round(request.prompt_chars / chars_per_token),
        round(len(text) / chars_per_token),
    )
    return {
        "id": f"chatcmpl-fake-{number}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": request.body.get("model", "fake"),
        "choices": [{"index": 0, "message": message, "finish_reason": reply.finish_reason}],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
            **({"prompt_tokens_details": {"cached_tokens": cached[0]}} if cached else {}),
        },
    }


def _handler_for(server: FakeModelServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body leave in one write: two small writes on a kept-alive connection wait for
        # a delayed ACK (about 40 ms a reply), which would count as the pipeline's own overhead.
        wbufsize = 1 << 16

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0].rstrip("/")
            if path.endswith("/stats"):
                self._send(200, server.stats())
                if "reset" in self.path:
                    server.reset()
                return
            if "/batches/" in path:
                status, payload = server.batch_status(path.rsplit("/", 1)[1])
                self._send(status, payload)
                return
            if path.endswith("/content") and "/files/" in path:
                file_id = path.split("/files/", 1)[1].rsplit("/", 1)[0]
                data = server.files.get(file_id)
                if data is None:
                    self._send(404, {"error": {"message": f"no file {file_id}"}})
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/octet-stream")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                return
            self._send(
                200, {"object": "list", "data": [{"id": "fake", "object": "model", "owned_by": "tests"}]}
            )

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            if self.path.startswith("/old/"):  # moved: a 307 keeps the method and the body
                self.send_response(307)
                self.send_header("Location", "/v1/" + self.path[len("/old/") :])
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            path = self.path.split("?", 1)[0].rstrip("/")
            if path.endswith("/files"):
                name, data, purpose = _multipart_file(self.headers.get("Content-Type", ""), raw)
                self._send(200, server.upload(name, data, purpose))
                return
            if path.endswith("/batches"):
                status, payload = server.create_batch(json.loads(raw or b"{}"))
                self._send(status, payload)
                return
            body = json.loads(raw or b"{}")
            headers = {
                key.lower(): value for key, value in self.headers.items() if key.lower() != "authorization"
            }
            request = FakeRequest(body=body, headers=headers, received=time.monotonic(), path=self.path)
            reply = server._begin(request)
            try:
                # The latency counts from the request's arrival: the time the fake spends working out
                # its answer (the gold model reads the chunk's targets) is part of it, not added to it.
                waited = time.monotonic() - request.received
                time.sleep(max(0.0, server.latency + reply.delay - waited))
                if reply.status != 200:
                    request.status = reply.status
                    self._send(reply.status, reply.error_body or {}, reply.headers)
                else:
                    body = completion_body(request, reply, len(server.history), server.chars_per_token)
                    self._send(200, body, reply.headers)
            except (BrokenPipeError, ConnectionResetError):
                pass
            finally:
                server._end()

        def _send(self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None) -> None:
            data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(data)

    return Handler


def _multipart_file(content_type: str, raw: bytes) -> tuple[str, bytes, str]:
    """The uploaded file's name and bytes, and the ``purpose`` field, of a multipart/form-data body."""
    boundary = content_type.split("boundary=", 1)[1].strip('"').encode("ascii")
    name, data, purpose = "upload", b"", ""
    for part in raw.split(b"--" + boundary):
        head, _, content = part.partition(b"\r\n\r\n")
        if not content:
            continue
        content = content.rsplit(b"\r\n", 1)[0]
        headers = head.decode("utf-8", "replace")
        if 'name="file"' in headers:
            found = headers.split('filename="', 1)
            name = found[1].split('"', 1)[0] if len(found) > 1 else name
            data = content
        elif 'name="purpose"' in headers:
            purpose = content.decode("utf-8")
    return name, data, purpose
