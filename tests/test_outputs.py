"""Nothing lost under concurrent or mistaken use, and every write error a one-line message (issue 12, 1–3).

The concurrent writers and the write errors run the installed command in real processes.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cli_process import run_summarizer as summarizer
from filesystems import full_filesystem

from summarizer.errors import OutputError
from summarizer.writing import claim_output, lock_path, output_lock, write_text_atomically

# Real processes for seconds each: the copy of the repository that .ci/run tests without ../shared leaves
# them out (`-m 'not slow'`); the full run keeps them.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def one_line_error(result: subprocess.CompletedProcess[str], *expected: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    for words in expected:
        assert words in errors[0], errors[0]


@pytest.fixture
def many_inputs(tmp_path: Path) -> Path:
    """Enough copies of the seeds (made distinct) that a batch takes a few seconds."""
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(12):
        for seed in SEEDS:
            text = seed.read_text(encoding="utf-8") + f"\n（副本{n}）\n"
            (folder / f"{n:02d}-{seed.name}").write_text(text, encoding="utf-8")
    return folder


def lines_of(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# --- 1. Two runs writing one output.


def test_a_second_run_writing_the_same_output_stops_at_once_and_nothing_is_lost(
    many_inputs: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    first = subprocess.Popen(
        [sys.executable, "-m", "summarizer.cli", "batch", str(many_inputs), "-o", str(out), "--workers", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    wait_for_lock(out)
    second = summarizer("batch", str(many_inputs), "-o", str(out), "--overwrite")
    _, first_err = first.communicate(timeout=300)
    assert first.returncode == 0, first_err
    one_line_error(second, "is being written by another summarizer run", f"pid {first.pid}")
    assert len(lines_of(out)) == len(list(many_inputs.glob("*.txt")))


def wait_for_lock(out: Path) -> None:
    """Until a run holds the lock of ``out`` and has written its pid there."""
    lock = lock_path(out)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if lock.read_text().strip():
                return
        except OSError:
            pass
        time.sleep(0.02)
    raise AssertionError(f"no run took the lock {lock}")


def test_the_lock_is_free_again_when_a_run_ends(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    with output_lock(out):
        pass
    with output_lock(out):
        pass  # no stale lock


def test_any_command_respects_a_lock_another_process_holds(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from summarizer.writing import output_lock\n"
            "with output_lock(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(30)",
            str(out),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        result = summarizer("report", str(SEEDS[0]), "-o", str(out), "--overwrite")
        one_line_error(result, "being written by another summarizer run", f"pid {holder.pid}")
        assert not out.exists()
        with pytest.raises(OutputError, match=f"pid {holder.pid}"), output_lock(out):
            pass
    finally:
        holder.kill()
        holder.wait()


# --- 2. A mistaken flag: --resume on what is not a batch output, or an existing output without --overwrite.


def test_resume_refuses_a_file_that_is_not_a_batch_output_and_leaves_it_untouched(tmp_path: Path) -> None:
    table = tmp_path / "targets.jsonl"
    assert summarizer("table", *map(str, SEEDS), "-o", str(table)).returncode == 0
    before = table.read_bytes()
    assert len(before.splitlines()) > 100
    result = summarizer("batch", str(SEEDS[0]), "-o", str(table), "--resume")
    one_line_error(result, "is not a batch output of summarizer", "nothing was changed")
    assert table.read_bytes() == before


def test_an_existing_output_is_refused_without_overwrite_and_replaced_with_it(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("my notes\n", encoding="utf-8")
    for command in (
        ["batch", str(SEEDS[0]), "-o", str(out)],
        ["extract", str(SEEDS[0]), "-o", str(out)],
        ["table", str(SEEDS[0]), "-o", str(out)],
    ):
        one_line_error(summarizer(*command), "exists and is not empty", "--overwrite")
        assert out.read_text(encoding="utf-8") == "my notes\n"
    assert summarizer("batch", str(SEEDS[0]), "-o", str(out), "--overwrite").returncode == 0
    assert len(lines_of(out)) == 1 and lines_of(out)[0].startswith('{"schema_version"')


def test_an_empty_output_may_be_written_without_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.touch()
    assert summarizer("batch", str(SEEDS[0]), "-o", str(out)).returncode == 0


# --- 3. Write errors: one line, a non-zero exit, in every command.


@pytest.mark.parametrize(
    ("target", "words"),
    [
        pytest.param("/dev/full", "no space left", id="full-disk"),
        pytest.param("{tmp}/a-folder", "it is a directory", id="a-directory"),
        pytest.param("{tmp}/a-file/out.jsonl", "a part of the path is a file", id="under-a-file"),
        pytest.param("/sys/kernel/summarizer-out.jsonl", "permission denied", id="unwritable"),
    ],
)
@pytest.mark.parametrize("command", ["batch", "extract", "table", "report", "panel"])
def test_a_write_error_is_one_line_and_a_non_zero_exit(
    tmp_path: Path, target: str, words: str, command: str
) -> None:
    (tmp_path / "a-folder").mkdir()
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    out = target.format(tmp=tmp_path)
    if command in ("table", "panel"):
        suffix = ".csv"
        if out == "/dev/full" or out.endswith("a-folder"):
            pytest.skip("the suffix check comes first for these")
        out = str(Path(out).with_suffix(suffix))
    result = summarizer(command, str(SEEDS[0]), "-o", out)
    one_line_error(result, "cannot write", words)


def test_extract_to_a_full_standard_output_is_one_line(tmp_path: Path) -> None:
    with open("/dev/full", "w") as full:
        result = summarizer("extract", str(SEEDS[0]), stdout=full)
    one_line_error(result, "<standard output>", "no space left")


def test_extract_into_a_closed_pipe_is_one_line() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "summarizer.cli", "extract", *map(str, SEEDS), "--pretty"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before anything is written
    error = process.stderr.read()
    assert process.wait(timeout=60) != 0
    assert "Traceback" not in error and "broken pipe" in error


def test_an_atomic_write_that_fails_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    out = folder / "page.html"
    out.write_text("old page", encoding="utf-8")

    def explode() -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(OutputError, match="no space left"):
        from summarizer import writing

        writing.write_atomically(out, lambda sink: explode())
    assert out.read_text(encoding="utf-8") == "old page"
    assert [p.name for p in folder.iterdir()] == ["page.html"]


def test_claim_output_refuses_a_directory(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="directory"), claim_output(tmp_path, overwrite=True):
        pass


def test_write_text_atomically_replaces_whole(tmp_path: Path) -> None:
    out = tmp_path / "x.json"
    write_text_atomically(out, "one")
    write_text_atomically(out, "two")
    assert out.read_text(encoding="utf-8") == "two"


# --- Issue 19: locks on the real path, nothing left beside the outputs, the user's umask, a full disk.


def test_two_runs_through_a_symlink_and_its_target_do_not_write_at_once(
    many_inputs: Path, tmp_path: Path
) -> None:
    """Fault 2: the lock is held on the file a symlink names, not on the link's own name."""
    out = tmp_path / "out.jsonl"
    link = tmp_path / "link.jsonl"
    link.symlink_to(out)
    first = subprocess.Popen(
        [sys.executable, "-m", "summarizer", "batch", str(many_inputs), "-o", str(out), "--workers", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    wait_for_lock(out)
    second = summarizer("batch", str(many_inputs), "-o", str(link), "--resume")
    _, first_err = first.communicate(timeout=300)
    assert first.returncode == 0, first_err
    one_line_error(second, "is being written by another summarizer run", f"pid {first.pid}")
    sources = [json.loads(line)["source"] for line in lines_of(out)]
    assert len(sources) == len(set(sources)) == len(list(many_inputs.glob("*.txt")))
    assert link.is_symlink()


def test_writing_through_a_symlink_writes_the_file_it_names(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert summarizer("extract", str(SEEDS[0]), "-o", str(link)).returncode == 0
    assert link.is_symlink() and json.loads(real.read_text(encoding="utf-8"))["schema_version"]


def test_every_file_is_written_with_the_users_umask_and_nothing_is_left_beside_it(tmp_path: Path) -> None:
    """Fault 6: mode 666 less the umask (not 600), and no lock or temporary file beside the outputs."""
    folder = tmp_path / "out"
    folder.mkdir()
    commands = {
        "e.json": ["extract", str(SEEDS[0])],
        "b.jsonl": ["batch", str(SEEDS[0])],
        "r.html": ["report", str(SEEDS[0])],
        "t.csv": ["table", str(SEEDS[0])],
        "p.xlsx": ["panel", str(SEEDS[0])],
        "p.csv": ["panel", str(SEEDS[0])],
        "v.json": ["eval", "--fixtures", str(ROOT / "evals" / "fixtures" / "seeds"), "--json"],
    }
    before = os.umask(0o027)
    try:
        for name, command in commands.items():
            option = [] if command[0] == "eval" else ["-o"]
            ran = summarizer(*command, *option, str(folder / name))
            assert ran.returncode == 0, ran.stderr
    finally:
        os.umask(before)
    assert sorted(path.name for path in folder.iterdir()) == sorted(commands)
    modes = {path.name: oct(stat.S_IMODE(path.stat().st_mode)) for path in folder.iterdir()}
    assert modes == dict.fromkeys(commands, oct(0o640))


def test_replacing_a_file_keeps_its_mode(tmp_path: Path) -> None:
    out = tmp_path / "e.json"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o664)
    assert summarizer("extract", str(SEEDS[0]), "-o", str(out), "--overwrite").returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o664


@pytest.mark.parametrize("command", ["extract", "batch", "report", "table", "panel"])
def test_a_folder_given_as_the_output_gets_nothing_beside_it(tmp_path: Path, command: str) -> None:
    folder = tmp_path / "a-folder"
    folder.mkdir()
    result = summarizer(command, str(SEEDS[0]), "-o", str(folder))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a-folder", "home"]
    assert list(folder.iterdir()) == []


def test_the_lock_file_goes_with_the_run_and_a_killed_holders_lock_is_free(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from summarizer.writing import output_lock\n"
            "with output_lock(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(60)",
            str(out),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    holder.kill()
    holder.wait()
    result = summarizer("report", str(SEEDS[0]), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["home", "report.html"]


FULL_DISK_COMMANDS = {
    "extract": (["extract", str(SEEDS[0]), "-o"], "e.json"),
    "batch": (["batch", str(SEEDS[0]), "-o"], "b.jsonl"),
    "report": (["report", str(SEEDS[0]), "-o"], "r.html"),
    "table": (["table", str(SEEDS[0]), "-o"], "t.csv"),
    "panel": (["panel", str(SEEDS[0]), "-o"], "p.xlsx"),
    "table-sqlite": (["table", str(SEEDS[0]), "-o"], "t.db"),  # round 2, fault 4: SQLite's own error
    "panel-sqlite": (["panel", str(SEEDS[0]), "-o"], "p.sqlite"),
    "eval": (["eval", "--fixtures", str(ROOT / "evals" / "fixtures" / "seeds"), "--json"], "v.json"),
}


@pytest.mark.parametrize("command", sorted(FULL_DISK_COMMANDS))
def test_a_full_disk_names_the_file_that_could_not_be_written(tmp_path: Path, command: str) -> None:
    """Fault 7: on a real full file system (a tmpfs filled up), the error names the output."""
    arguments, name = FULL_DISK_COMMANDS[command]
    with full_filesystem(tmp_path / "full") as full:
        result = summarizer(*arguments, str(full / name))
        one_line_error(result, f"{full / name}: cannot write", "no space left")
        assert sorted(path.name for path in full.iterdir()) == ["filler"]


def test_overwrite_touches_nothing_when_an_input_is_not_found(tmp_path: Path) -> None:
    """Fault 3: inputs are found before the output is emptied."""
    out = tmp_path / "out.jsonl"
    assert summarizer("batch", *map(str, SEEDS), "-o", str(out)).returncode == 0
    before = out.read_bytes()
    typo = summarizer("batch", str(ROOT / "seedz"), "-o", str(out), "--overwrite")
    one_line_error(typo, "seedz", "no such file, or nothing matches", "nothing was changed")
    assert out.read_bytes() == before
    half = summarizer("batch", str(SEEDS[0]), str(ROOT / "seedz"), "-o", str(out), "--overwrite")
    one_line_error(half, "seedz", "nothing was changed")
    assert out.read_bytes() == before


# --- Issue 19, second round: an output that is an input, or sits among them.


def test_an_output_that_is_an_input_is_refused_and_the_input_is_untouched(tmp_path: Path) -> None:
    """Fault 1: ``batch d/a.txt -o d/a.txt --overwrite`` emptied a.txt; ``extract a.txt -o a.txt
    --overwrite`` replaced the text with its summary. Any name of the same file is caught."""
    folder = tmp_path / "d"
    folder.mkdir()
    text = folder / "a.txt"
    text.write_bytes(SEEDS[0].read_bytes())
    before = text.read_bytes()
    for command, output in (
        ("batch", text),
        ("batch", folder / ".." / "d" / "a.txt"),
        ("extract", text),
        ("extract", folder / "." / "a.txt"),
    ):
        ran = summarizer(command, str(text), "-o", str(output), "--overwrite")
        assert ran.returncode == 2, ran.stderr
        one_line_error(ran, f"{text}: is also the output", "nothing was changed")
        assert text.read_bytes() == before
        assert sorted(path.name for path in folder.iterdir()) == ["a.txt"]


def test_a_batch_output_inside_the_input_folder_is_never_an_input(tmp_path: Path) -> None:
    """Fault 2: ``batch d -o d/out.txt`` then ``--resume`` summarized out.txt itself."""
    folder = tmp_path / "d"
    folder.mkdir()
    for seed in SEEDS[:2]:
        (folder / seed.name).write_bytes(seed.read_bytes())
    out = folder / "out.txt"
    first = summarizer("batch", str(folder), "-o", str(out))
    assert first.returncode == 0, first.stderr
    again = summarizer("batch", str(folder), "-o", str(out), "--resume")
    assert again.returncode == 0, again.stderr
    assert "0 written, 2 skipped, 0 failed" in again.stderr
    glob_run = summarizer("batch", str(folder / "*.txt"), "-o", str(out), "--resume")
    assert "0 written, 2 skipped, 0 failed" in glob_run.stderr, glob_run.stderr
    sources = sorted(Path(json.loads(line)["source"]).name for line in lines_of(out))
    assert sources == sorted(seed.name for seed in SEEDS[:2])


def test_a_file_reached_by_two_names_is_one_input(tmp_path: Path) -> None:
    """Issue 19, second round, nit: ``seeds/../seeds/x.txt`` beside ``seeds/x.txt`` is the same file."""
    out = tmp_path / "out.jsonl"
    other_name = SEEDS[0].parent / ".." / SEEDS[0].parent.name / SEEDS[0].name
    ran = summarizer("batch", str(SEEDS[0]), str(other_name), "-o", str(out))
    assert ran.returncode == 0, ran.stderr
    assert len(lines_of(out)) == 1


def test_resume_redoes_a_changed_file_and_replaces_its_old_line(tmp_path: Path) -> None:
    """Fault 3: a file changed since its line was written got a second line on --resume, the stale
    one kept (and counted twice by table). Now it is redone and its old line replaced, atomically."""
    folder = tmp_path / "d"
    folder.mkdir()
    for seed in SEEDS[:2]:
        (folder / seed.name).write_bytes(seed.read_bytes())
    changed = folder / SEEDS[0].name
    out = tmp_path / "out.jsonl"
    assert summarizer("batch", str(folder), "-o", str(out)).returncode == 0
    old_lines = {Path(json.loads(line)["source"]).name: line for line in lines_of(out)}
    with changed.open("a", encoding="utf-8") as text:
        text.write("\n新增一段：全年粮食产量稳定在100万吨以上。\n")
    again = summarizer("batch", str(folder), "-o", str(out), "--resume")
    assert again.returncode == 0, again.stderr
    assert "1 written, 1 skipped, 0 failed" in again.stderr
    now = {Path(json.loads(line)["source"]).name: json.loads(line) for line in lines_of(out)}
    assert len(lines_of(out)) == 2 and sorted(now) == sorted(seed.name for seed in SEEDS[:2])
    assert now[changed.name]["sha256"] == hashlib.sha256(changed.read_bytes()).hexdigest()
    assert old_lines[SEEDS[1].name] in out.read_text(encoding="utf-8")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["d", "home", "out.jsonl"]
    table = summarizer("table", str(out), "-o", str(tmp_path / "t.csv"))
    assert "from 2 file(s), 2 document(s)" in table.stderr, table.stderr


def test_resume_after_an_interruption_keeps_only_the_newest_line_of_a_changed_file(tmp_path: Path) -> None:
    """An interruption after a changed file's new line was appended, before the old one went: the
    next --resume keeps the newest line of each file and does nothing again."""
    text = tmp_path / "a.txt"
    text.write_bytes(SEEDS[0].read_bytes())
    old = tmp_path / "old.jsonl"
    assert summarizer("batch", str(text), "-o", str(old)).returncode == 0
    with text.open("a", encoding="utf-8") as sink:
        sink.write("\n新增一段。\n")
    new = tmp_path / "new.jsonl"
    assert summarizer("batch", str(text), "-o", str(new)).returncode == 0
    out = tmp_path / "out.jsonl"
    out.write_text(old.read_text(encoding="utf-8") + new.read_text(encoding="utf-8"), encoding="utf-8")
    again = summarizer("batch", str(text), "-o", str(out), "--resume")
    assert "0 written, 1 skipped, 0 failed" in again.stderr, again.stderr
    assert out.read_text(encoding="utf-8") == new.read_text(encoding="utf-8")


@pytest.mark.parametrize(("command", "name"), [("table", "t.db"), ("panel", "p.sqlite")])
def test_a_disk_that_fills_up_while_sqlite_writes_is_one_line(
    tmp_path: Path, command: str, name: str
) -> None:
    """Round 2, fault 4: SQLite's own "database or disk is full" ended in a traceback. A real tmpfs
    with a little room: the file is made, and fills the disk as its rows and indexes go in."""
    with full_filesystem(tmp_path / "full") as full:
        filler = full / "filler"
        os.truncate(filler, max(0, filler.stat().st_size - 24 * 1024))
        result = summarizer(command, str(ROOT / "seeds"), "-o", str(full / name))
        one_line_error(result, f"{full / name}: cannot write: no space left on the device")
        assert result.returncode == 4
        assert sorted(path.name for path in full.iterdir()) == ["filler"]


def test_sqlite_errors_read_as_the_write_errors_of_every_other_format(tmp_path: Path) -> None:
    import sqlite3

    from summarizer.exports import sqlite_output_error

    out = tmp_path / "t.db"
    said = {
        "database or disk is full": "cannot write: no space left on the device",
        "attempt to write a readonly database": "cannot write: the file system is read-only",
        "something else": "cannot write: something else",
    }
    for message, expected in said.items():
        error = sqlite_output_error(sqlite3.OperationalError(message), out)
        assert str(error) == f"{out}: {expected}" and error.exit_code == 4


@pytest.mark.parametrize(
    ("command", "name"), [("table", "b.jsonl"), ("panel", "b.jsonl"), ("report", "b.html")]
)
def test_report_table_and_panel_refuse_an_input_named_as_their_output(
    tmp_path: Path, command: str, name: str
) -> None:
    """Fault 1 in the readers too: ``table b.jsonl -o b.jsonl --overwrite`` replaced the batch with its table."""
    batch = tmp_path / "b.jsonl"
    assert summarizer("batch", str(SEEDS[0]), "-o", str(batch)).returncode == 0
    source = tmp_path / name
    if source != batch:
        source.write_bytes(batch.read_bytes())
    before = source.read_bytes()
    ran = summarizer(command, str(source), "-o", str(source), "--overwrite")
    assert ran.returncode == 2
    one_line_error(ran, f"{source}: is also the output", "nothing was changed")
    assert source.read_bytes() == before
