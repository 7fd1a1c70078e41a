"""JSON Schema export of the report and the change summary."""

from __future__ import annotations

import json
from typing import Any, Literal

from models.change import ChangeSummary
from models.report import Report

__all__ = ["json_schema"]


def json_schema(what: Literal["report", "change"] = "report") -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a report or a change summary, as serialised."""
    model = Report if what == "report" else ChangeSummary
    schema = model.model_json_schema(by_alias=True, mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.loads(json.dumps(schema, sort_keys=True))
