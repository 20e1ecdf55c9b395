"""docs/cli.md: every command's ``--help``, generated, so that the reference cannot drift from the code.

python -m summarizer.cli.docs > docs/cli.md     # write it
python -m summarizer.cli.docs --check           # exit 1 when docs/cli.md is stale (CI runs this)
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer.main
from typer.testing import CliRunner

from summarizer.cli import app

DOCS = Path("docs") / "cli.md"
# Help is rendered at a fixed width and without colour, so that every machine writes the same file.
HELP_ENV = {"COLUMNS": "100", "TERMINAL_WIDTH": "100", "NO_COLOR": "1", "FORCE_COLOR": None}
HEADER = """# Command-line reference

Generated from each command's `--help` by `python -m summarizer.cli.docs > docs/cli.md`; CI fails when
it is stale. The README explains what the commands are for.
"""


def command_paths(group: Any, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command and subcommand (of Typer's click groups), in the order ``--help`` lists them."""
    paths: list[tuple[str, ...]] = [prefix]
    for name, command in group.commands.items():
        if getattr(command, "hidden", False):
            continue
        if hasattr(command, "commands"):
            paths.extend(command_paths(command, (*prefix, name)))
        else:
            paths.append((*prefix, name))
    return paths


def help_of(path: tuple[str, ...]) -> str:
    result = CliRunner().invoke(app, [*path, "--help"], env=HELP_ENV, prog_name="summarizer")
    if result.exit_code != 0:
        raise SystemExit(f"summarizer {' '.join(path)} --help failed: {result.output}")
    return "\n".join(line.rstrip() for line in result.output.strip("\n").splitlines())


def render() -> str:
    root = typer.main.get_command(app)
    sections = [HEADER]
    for path in command_paths(root):
        title = " ".join(("summarizer", *path))
        sections.append(f"## {title}\n\n```text\n{help_of(path)}\n```\n")
    return "\n".join(sections)


def main(argv: list[str]) -> int:
    text = render()
    if "--check" not in argv:
        sys.stdout.write(text)
        return 0
    if not DOCS.is_file() or DOCS.read_text(encoding="utf-8") != text:
        sys.stderr.write(f"error: {DOCS} is stale: run `python -m summarizer.cli.docs > {DOCS}`\n")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
