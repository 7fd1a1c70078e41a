"""Answer keys: what each bundled sample document says, written by the generator.

A key is written from the same data the generator wrote its document from, never by running an
extractor, so the accuracy checks of the product can trust it. Keys live under
``corpus/samples/keys/``, mirroring the document's path with ``.json`` appended
(``keys/reports/northshire/northshire-2021-06.pdf.json``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from models import PreviousValue, Report
from models.report import Unit

__all__ = [
    "SAMPLES_DIR",
    "KEYS_DIR",
    "ExpectedFigure",
    "AnswerKey",
    "key_path",
    "load_key",
    "iter_keys",
]

SAMPLES_DIR = Path(__file__).resolve().parent / "samples"
KEYS_DIR = SAMPLES_DIR / "keys"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ExpectedFigure(_Model):
    """One figure the document prints that reports a measure.

    ``text`` is the figure exactly as printed: the number with its ``%`` or ``per cent`` when it
    is a percentage ("26%", "85 per cent"), otherwise the number alone ("1,447", "77" for
    "77 weeks"; the unit says weeks). ``area`` is the assessment area key of the row whose summary
    holds it, None outside assessments.
    """

    text: str
    value: float
    unit: Unit
    indicator: str | None = None
    area: str | None = None
    month: str | None = None
    target: float | None = None
    comparator: float | None = None
    previous: PreviousValue | None = None


class AnswerKey(_Model):
    """The expected extraction of one sample document.

    ``risk_ids`` / ``going_well_ids`` run parallel to ``report.risks`` / ``report.going_well``:
    the same id in two periods of one series is the same item, however it is worded.
    ``figures_complete`` says whether ``figures`` lists every measure the document prints.
    """

    document: str
    series: str
    report: Report
    figures: list[ExpectedFigure] = Field(default_factory=list)
    figures_complete: bool
    risk_ids: list[str] = Field(default_factory=list)
    going_well_ids: list[str] = Field(default_factory=list)


def key_path(document: str, keys_dir: Path = KEYS_DIR) -> Path:
    """Where the key of ``document`` (a path relative to ``corpus/samples``) is stored."""
    return keys_dir / f"{document}.json"


def load_key(path: str | Path) -> AnswerKey:
    """Read and validate one answer key file."""
    return AnswerKey.model_validate_json(Path(path).read_text(encoding="utf-8"))


def iter_keys(keys_dir: Path = KEYS_DIR) -> Iterator[AnswerKey]:
    """Every answer key under ``keys_dir``, in path order."""
    for path in sorted(keys_dir.rglob("*.json")):
        yield load_key(path)
