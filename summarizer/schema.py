"""The output's JSON Schema, generated from the pydantic models (the single source of truth)."""

from __future__ import annotations

import json
from typing import Any

from summarizer.models import Summary

SCHEMA_ID = "https://summarizer.invalid/schemas/summary.schema.json"


def output_schema() -> dict[str, Any]:
    schema = Summary.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def output_schema_json() -> str:
    """The schema as the text checked in under ``schemas/``; a test fails when the two drift."""
    return json.dumps(output_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
