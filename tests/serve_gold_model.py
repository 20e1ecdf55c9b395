"""The fake model, answering with the gold labels, as a process of its own (for benchmarks).

Run: python tests/serve_gold_model.py [--latency 0.5] [--variant perfect|inventing]; it prints its base URL on one line and serves
until its standard input closes or it is stopped.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fake_model import FakeModelServer
from gold_model import GoldModel


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=float, default=0.5)
    parser.add_argument("--variant", default="perfect", help="perfect, inventing, … (tests/gold_model.py)")
    options = parser.parse_args()
    with FakeModelServer(latency=options.latency) as server:
        server.reply_with(GoldModel(options.variant))
        print(server.base_url, flush=True)
        sys.stdin.read()


if __name__ == "__main__":
    main()
