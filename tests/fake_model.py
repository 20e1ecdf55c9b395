"""A fake OpenAI-compatible model: a real HTTP server on 127.0.0.1, scripted per test.

It speaks ``POST /v1/chat/completions`` in tools mode (a tool call) and in the json modes (the reply in
the message content, fenced for md_json). Replies come from a queue (``enqueue``), else from a function
of the request (``reply_with``), which can compute a reply from the chunk text (replay of gold labels).
It records every request (``history``) and the most requests it was serving at once (``max_in_flight``).

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
    usage: tuple[int, int] | None = None
    finish_reason: str = "stop"


def good(
    goals: Iterable[Item] = (), targets: Iterable[Item] = (), tasks: Iterable[Item] = (), **options: Any
) -> Reply:
    return Reply(items={"goals": list(goals), "targets": list(targets), "tasks": list(tasks)}, **options)


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


@dataclass
class FakeRequest:
    body: dict[str, Any]
    headers: dict[str, str]
    received: float

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


class FakeModelServer:
    def __init__(self, latency: float = 0.0) -> None:
        self.latency = latency
        self.history: list[FakeRequest] = []
        self.max_in_flight = 0
        self._in_flight = 0
        self._queue: deque[Reply] = deque()
        self._function: ReplyFunction | None = None
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.02,), daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

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
            prompt_chars = sum(request.prompt_chars for request in self.history)
            return {
                "calls": len(self.history),
                "max_in_flight": self.max_in_flight,
                "prompt_chars": prompt_chars,
            }

    def _begin(self, request: FakeRequest) -> Reply:
        with self._lock:
            self.history.append(request)
            self._in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self._in_flight)
            if self._queue:
                return self._queue.popleft()
        if self._function is not None:
            reply = self._function(request)
            return reply if isinstance(reply, Reply) else good(**reply)
        return error(500, "the fake model has no scripted reply left")

    def _end(self) -> None:
        with self._lock:
            self._in_flight -= 1


def completion_body(request: FakeRequest, reply: Reply, number: int) -> dict[str, Any]:
    text = reply.text if reply.text is not None else json.dumps(reply.items, ensure_ascii=False)
    message: dict[str, Any] = {"role": "assistant", "content": text}
    if request.mode == "tools":
        name = request.body["tools"][0]["function"]["name"]
        call = {"id": f"call_{number}", "type": "function", "function": {"name": name, "arguments": text}}
        message = {"role": "assistant", "content": None, "tool_calls": [call]}
    elif request.mode == "md_json" and reply.text is None:
        message["content"] = f"```json\n{text}\n```"
    prompt_tokens, completion_tokens = reply.usage or (request.prompt_chars, len(text))
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
            if self.path.rstrip("/").endswith("/stats"):
                self._send(200, server.stats())
                return
            self._send(
                200, {"object": "list", "data": [{"id": "fake", "object": "model", "owned_by": "tests"}]}
            )

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length) or b"{}")
            headers = {
                key.lower(): value for key, value in self.headers.items() if key.lower() != "authorization"
            }
            request = FakeRequest(body=body, headers=headers, received=time.monotonic())
            reply = server._begin(request)
            try:
                time.sleep(server.latency + reply.delay)
                if reply.status != 200:
                    self._send(reply.status, reply.error_body or {}, reply.headers)
                else:
                    self._send(200, completion_body(request, reply, len(server.history)), reply.headers)
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
