"""A round of hand judging of whole-document output (../shared/docs/JUDGING.md): draw, settle, rate.

    python evals/precision/round.py draw --seed S [--targets 120] [--tasks 60] --out DIR
    python evals/precision/round.py settle --seed S --out DIR        # after judges a and b wrote
    python evals/precision/round.py record --seed S --out DIR        # after the third judge settled
    python evals/precision/round.py rates [--seed S]                 # from the recorded rounds

``draw`` runs the rules over every report of the corpus (SUMMARIZER_CORPUS, else ../shared/corpus),
draws targets and tasks uniformly from everything they predict in whole documents, with a new seed
(a seed used by a recorded round is refused), and writes DIR/sample.jsonl: each item with its fields,
its source, offsets and the text around it, for judges to read. The sample holds corpus text, so DIR
lies outside the repository. It also writes DIR/meta.json: the seed and the commit judged.

Judges write DIR/judge-a.jsonl and DIR/judge-b.jsonl apart, one verdict a line:
    {"id": 7, "valid": true, "wrong": ["indicator"], "minor": false, "error": "indicator cut off", "note": "…"}
(the sample's ``item`` says target or task; targets: ``valid`` by JUDGING's Targets, ``wrong`` the fields not right among FIELDS["target"];
tasks: ``valid`` when it is a first-level item of the plan by JUDGING's Tasks, ``wrong`` among
FIELDS["task"]; ``error`` a short name of the error kind, empty when valid and nothing wrong).
``settle`` writes DIR/disputes.jsonl, the items where the two differ, for a third judge, who writes
DIR/settled.jsonl (verdicts for those ids only). ``record`` keeps the round in the repository as
evals/precision/round-S.jsonl: each item's kind, source and offsets (no corpus text), the three
verdicts and the final one, with the seed and commit; ``rates`` prints the rates per field and the
error kinds of every recorded round, or of one.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
FIELDS = {
    "target": [
        "indicator", "value", "value_high", "unit", "change", "qualifier", "stretch", "kind", "year",
        "indicator_id",
    ],
    "task": ["title", "area"],
}  # fmt: skip
CONTEXT = 300


def corpus_dir() -> Path:
    return Path(os.environ.get("SUMMARIZER_CORPUS") or ROOT.parent / "shared" / "corpus")


def recorded_seeds() -> set[int]:
    return {int(path.stem.removeprefix("round-")) for path in HERE.glob("round-*.jsonl")}


def commit_judged() -> str:
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no", "--", "summarizer"],
        cwd=ROOT, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    return head + ("+uncommitted" if dirty else "")


def population(corpus: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Every target and task the rules predict over the corpus, each with the text around it."""
    from summarizer.load import load_file
    from summarizer.pipeline import summarize_source

    items: dict[str, list[dict[str, Any]]] = {"target": [], "task": []}
    for path in sorted(corpus.glob("*/*.txt")):
        source = load_file(path)
        for document in summarize_source(source).documents:
            about = {
                "source": path.relative_to(corpus).as_posix(),
                "document": document.index,
                "place": document.place,
                "review_year": document.review_year,
                "plan_year": document.plan_year,
            }
            found = [("target", t.model_dump()) for t in document.targets] + [
                ("task", t.model_dump()) for t in document.tasks
            ]
            for kind, fields in found:
                start, end = fields["start"], fields["end"]
                context = (
                    source.text[max(0, start - CONTEXT) : start]
                    + "【" + source.text[start:end] + "】"
                    + source.text[end : end + CONTEXT]
                )  # fmt: skip
                items[kind].append({"item": kind, **about, **fields, "context": context})
    return items["target"], items["task"]


def draw(args: argparse.Namespace) -> None:
    if args.seed in recorded_seeds():
        sys.exit(f"error: seed {args.seed} was used by a recorded round; every round takes a new seed")
    corpus = corpus_dir()
    if not corpus.is_dir():
        sys.exit(f"error: the corpus is not at {corpus} (set SUMMARIZER_CORPUS)")
    targets, tasks = population(corpus)
    rng = random.Random(args.seed)
    sample = rng.sample(targets, min(args.targets, len(targets))) + rng.sample(
        tasks, min(args.tasks, len(tasks))
    )
    sample.sort(key=lambda item: (item["item"], item["source"], item["start"]))
    for number, item in enumerate(sample, 1):
        item["id"] = number
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "sample.jsonl").open("w", encoding="utf-8") as out:
        for item in sample:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    meta = {
        "seed": args.seed,
        "commit": commit_judged(),
        "population": {"target": len(targets), "task": len(tasks)},
    }
    (args.out / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(
        f"seed {args.seed}: {args.targets} of {len(targets)} targets and {args.tasks} of {len(tasks)} tasks"
        f" -> {args.out / 'sample.jsonl'} (commit {meta['commit']})"
    )


def read_jsonl(path: Path) -> dict[int, dict[str, Any]]:
    if not path.is_file():
        sys.exit(f"error: {path} not found")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {int(row["id"]): row for row in rows}


def verdict_key(verdict: dict[str, Any]) -> tuple[bool, tuple[str, ...], bool]:
    """What two judges must agree on: validity, the wrong fields, and whether a name-only flaw is minor.

    ``minor`` moves the rate that counts minor name flaws as right, so judges who differ on it alone
    disagree too (round 7777's settler found two such items left out of the disputes).
    """
    wrong = tuple(sorted(verdict.get("wrong") or []))
    return bool(verdict.get("valid")), wrong, wrong == ("indicator",) and bool(verdict.get("minor"))


def settle(args: argparse.Namespace) -> None:
    sample = read_jsonl(args.out / "sample.jsonl")
    a, b = read_jsonl(args.out / "judge-a.jsonl"), read_jsonl(args.out / "judge-b.jsonl")
    missing = [i for i in sample if i not in a or i not in b]
    if missing:
        sys.exit(f"error: no verdict of both judges for ids {missing[:20]}")
    disputes = [i for i in sample if verdict_key(a[i]) != verdict_key(b[i])]
    with (args.out / "disputes.jsonl").open("w", encoding="utf-8") as out:
        for i in disputes:
            out.write(
                json.dumps({"item": sample[i], "judge_a": a[i], "judge_b": b[i]}, ensure_ascii=False) + "\n"
            )
    print(
        f"{len(sample) - len(disputes)} of {len(sample)} agreed; {len(disputes)} disputes -> {args.out / 'disputes.jsonl'}"
    )


def record(args: argparse.Namespace) -> None:
    sample = read_jsonl(args.out / "sample.jsonl")
    a, b = read_jsonl(args.out / "judge-a.jsonl"), read_jsonl(args.out / "judge-b.jsonl")
    settled = read_jsonl(args.out / "settled.jsonl") if (args.out / "settled.jsonl").is_file() else {}
    meta = json.loads((args.out / "meta.json").read_text(encoding="utf-8"))
    rows = []
    for i, item in sample.items():
        if verdict_key(a[i]) == verdict_key(b[i]):
            final = a[i]
        elif i in settled:
            final = settled[i]
        else:
            sys.exit(f"error: item {i} is disputed and not settled")
        rows.append(
            {
                "seed": meta["seed"], "commit": meta["commit"], "id": i, "item": item["item"],
                "source": item["source"], "start": item["start"], "end": item["end"],
                "judge_a": _strip(a[i]), "judge_b": _strip(b[i]), "settled": i in settled, "final": _strip(final),
            }
        )  # fmt: skip
    path = HERE / f"round-{meta['seed']}.jsonl"
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    print(f"recorded {len(rows)} verdicts -> {path}")
    print_rates(rows, f"seed {meta['seed']}, commit {meta['commit']}")


def _strip(verdict: dict[str, Any]) -> dict[str, Any]:
    return {key: verdict.get(key) for key in ("valid", "wrong", "minor", "error", "note") if key in verdict}


def print_rates(rows: list[dict[str, Any]], title: str) -> None:
    print(f"== {title}")
    for kind in ("target", "task"):
        mine = [row for row in rows if row["item"] == kind]
        if not mine:
            continue
        valid = [row for row in mine if row["final"].get("valid")]
        right = [row for row in valid if not row["final"].get("wrong")]
        right_or_minor = [
            row for row in valid
            if not row["final"].get("wrong") or (row["final"].get("minor") and row["final"]["wrong"] == ["indicator"])
        ]  # fmt: skip
        n = len(mine)
        print(
            f"{kind}s: {n} judged; valid {len(valid)} ({len(valid) / n:.0%}); every field right {len(right)}"
            f" ({len(right) / n:.0%}); counting minor name flaws as right {len(right_or_minor)} ({len(right_or_minor) / n:.0%})"
        )
        wrong_fields = Counter(field for row in valid for field in row["final"].get("wrong") or [])
        if wrong_fields:
            print(
                "  wrong fields of valid items: "
                + ", ".join(f"{f} {c}" for f, c in wrong_fields.most_common())
            )
        errors = Counter(row["final"].get("error") or "" for row in mine)
        errors.pop("", None)
        for error, count in errors.most_common():
            print(f"  {count:3d}  {error}")
    agree = sum(verdict_key(row["judge_a"]) == verdict_key(row["judge_b"]) for row in rows)
    print(f"judges a and b agreed on {agree} of {len(rows)}")


def rates(args: argparse.Namespace) -> None:
    paths = (
        [HERE / f"round-{args.seed}.jsonl"] if args.seed is not None else sorted(HERE.glob("round-*.jsonl"))
    )
    if not paths:
        sys.exit("error: no recorded round (evals/precision/round-*.jsonl)")
    for path in paths:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        print_rates(rows, f"seed {rows[0]['seed']}, commit {rows[0]['commit']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("draw", "settle", "record"):
        sub = commands.add_parser(name)
        sub.add_argument("--seed", type=int, required=name == "draw")
        sub.add_argument("--out", type=Path, required=True, help="the round's folder, outside the repository")
        if name == "draw":
            sub.add_argument("--targets", type=int, default=120)
            sub.add_argument("--tasks", type=int, default=60)
    sub = commands.add_parser("rates")
    sub.add_argument("--seed", type=int)
    args = parser.parse_args()
    {"draw": draw, "settle": settle, "record": record, "rates": rates}[args.command](args)


if __name__ == "__main__":
    main()
