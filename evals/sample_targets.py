"""Draw a random sample of predicted targets across the development corpus, for judging by hand.

    python evals/sample_targets.py [--n 120] [--seed 2026] [--corpus ../shared/corpus] -o sample.jsonl

Each line of the output is one predicted target with its document, its fields and the sentence it sits
in, so that a reader can judge it without the tool: is it a real indicator figure (SPEC.md section 3),
and is each field (indicator, value, value_high, unit, change, qualifier, kind, year) right? The output
holds corpus text: keep it outside the repository (this script is what is kept).

Targets are drawn from whole documents, not only the scoped paragraphs of the fixtures, uniformly over
all predicted targets of the corpus.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

from summarizer.load import load_file
from summarizer.pipeline import summarize_source

_SENTENCE_END = re.compile(r"[。！？!?\n]")
_DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or sentences) holding ``text[start:end]``."""
    before = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 300), start)), default=0)
    after = _SENTENCE_END.search(text, end)
    return text[before : after.end() if after else len(text)].strip()


def draw(corpus: Path, n: int, seed: int) -> list[dict[str, object]]:
    population: list[dict[str, object]] = []
    for path in sorted(corpus.glob("*/*.txt")):
        source = load_file(path)
        summary = summarize_source(source)
        for document in summary.documents:
            for target in document.targets:
                population.append(
                    {
                        "source": path.relative_to(corpus).as_posix(),
                        "plan_year": document.plan_year,
                        "review_year": document.review_year,
                        **target.model_dump(exclude={"quote"}),
                        "quote": target.quote,
                        "sentence": sentence_around(source.text, target.start, target.end),
                    }
                )
    sample = random.Random(seed).sample(population, min(n, len(population)))
    sample.sort(key=lambda item: (str(item["source"]), int(item["start"])))  # type: ignore[call-overload]
    for number, item in enumerate(sample, 1):
        item["id"] = number
    return sample


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=120, help="how many targets to draw (default 120)")
    parser.add_argument("--seed", type=int, default=2026, help="the random seed, for a sample drawn again")
    parser.add_argument("--corpus", type=Path, default=_DEFAULT_CORPUS, help="the corpus folder")
    parser.add_argument("-o", "--output", type=Path, required=True, help="where to write the JSON lines")
    arguments = parser.parse_args()
    if not arguments.corpus.is_dir():
        raise SystemExit(f"error: corpus folder not found: {arguments.corpus}")
    sample = draw(arguments.corpus, arguments.n, arguments.seed)
    with arguments.output.open("w", encoding="utf-8") as out:
        for item in sample:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(
        f"{len(sample)} targets drawn from {arguments.corpus} (seed {arguments.seed}) -> {arguments.output}"
    )


if __name__ == "__main__":
    main()
