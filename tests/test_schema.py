from __future__ import annotations

import json
from pathlib import Path

from summarizer.schema import output_schema_json

CHECKED_IN = Path(__file__).resolve().parent.parent / "schemas" / "summary.schema.json"


def test_checked_in_schema_matches_the_models() -> None:
    assert CHECKED_IN.read_text(encoding="utf-8") == output_schema_json(), (
        "schemas/summary.schema.json is stale: run `summarizer schema > schemas/summary.schema.json`"
    )


def test_schema_requires_the_contract_fields() -> None:
    schema = json.loads(output_schema_json())
    target = schema["$defs"]["Target"]
    assert {"indicator", "value", "kind", "quote", "start", "end"} <= set(target["required"])
    assert schema["properties"]["schema_version"]["const"] == "1.2"
