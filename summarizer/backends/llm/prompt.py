"""The prompt: a versioned Chinese instruction file, sent as an identical system message on every call.

Only the user message changes between calls: a one-line description of the document, then the chunk
text between ``<原文>`` markers, last, so that providers' prefix caching covers the whole system message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from summarizer.errors import ConfigError
from summarizer.models import Chunk

CHUNK_OPEN = "<原文>\n"
CHUNK_CLOSE = "\n</原文>"
_FRONT_MATTER_RE = re.compile(r"\A---\n(?P<head>.*?)\n---\n", re.DOTALL)
_CHUNK_RE = re.compile(re.escape(CHUNK_OPEN) + r"(?P<text>.*)" + re.escape(CHUNK_CLOSE), re.DOTALL)
# prompts/ sits at the top of the repository; an installed wheel may ship it inside the package.
_REPO_PROMPTS = Path(__file__).resolve().parents[3] / "prompts"


@dataclass(frozen=True)
class Prompt:
    name: str
    version: str
    system: str


@cache
def load_prompt(name: str = "extract") -> Prompt:
    """The prompt ``prompts/<name>.md``: its ``version`` front-matter line and its body."""
    text = _read_prompt_file(f"{name}.md")
    match = _FRONT_MATTER_RE.match(text)
    head = dict(_key_value(line) for line in match.group("head").splitlines()) if match else {}
    if not head.get("version"):
        raise ConfigError(f"prompt {name!r} has no 'version:' line in its front matter")
    return Prompt(name=name, version=head["version"], system=text[match.end() :].strip() if match else text)


def _key_value(line: str) -> tuple[str, str]:
    key, _, value = line.partition(":")
    return key.strip(), value.strip()


def _read_prompt_file(filename: str) -> str:
    packaged = resources.files("summarizer").joinpath("prompts", filename)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    path = _REPO_PROMPTS / filename
    if path.is_file():
        return path.read_text(encoding="utf-8")
    raise ConfigError(f"prompt file {filename!r} not found (looked in the package and in {_REPO_PROMPTS})")


def user_message(chunk: Chunk) -> str:
    """What changes per call: the document's description, then the chunk text, last."""
    return f"{describe_document(chunk)}\n{CHUNK_OPEN}{chunk.text}{CHUNK_CLOSE}"


def describe_document(chunk: Chunk) -> str:
    document = chunk.document
    parts = [f"文件：{document.title or '（无题）'}"]
    if document.review_year is not None:
        parts.append(f"回顾年份：{document.review_year}")
    if document.plan_year is not None:
        parts.append(f"部署年份：{document.plan_year}")
    return "；".join(parts)


def messages_for(prompt: Prompt, chunk: Chunk) -> list[dict[str, str]]:
    return [{"role": "system", "content": prompt.system}, {"role": "user", "content": user_message(chunk)}]


def chunk_text_of(message: str) -> str | None:
    """The chunk text inside a user message built by ``user_message`` (a fake server replays by it)."""
    match = _CHUNK_RE.search(message)
    return match.group("text") if match else None
