"""The shape of the generator's data files: a series (one authority) and its reports.

Each series is a folder under ``data/series/<slug>/`` with ``authority.toml`` (name, house
style, the improvement plan's areas) and one TOML file per report. Text fields may carry figure
markup (see :mod:`corpus.generator.markup`). Styles merge: ``data/template.toml`` defaults, then
the authority's ``[style]``, then the report's ``[style]``.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from models import Rating

__all__ = [
    "DATA_DIR",
    "Bullet",
    "PlanItem",
    "AreaPlan",
    "AssessmentSpec",
    "HouseStyle",
    "ReportSpec",
    "SeriesSpec",
    "load_series",
    "load_all_series",
]

DATA_DIR = Path(__file__).resolve().parent / "data"


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Bullet(_Spec):
    """A top-level bullet with optional sub-bullets; ``id`` names it across periods."""

    text: str
    sub: list[str] = Field(default_factory=list)
    id: str | None = None


class PlanItem(_Spec):
    """One entry of an area's plan list; ``sub`` entries become a nested lettered list."""

    text: str
    sub: list[str] = Field(default_factory=list)


class AreaPlan(_Spec):
    """What the first cell of an assessment row holds after the title."""

    title: str
    intro: str | None = None
    items: list[PlanItem] = Field(default_factory=list)
    numbering: Literal["decimal", "bullet", "none"] = "decimal"


class AssessmentSpec(_Spec):
    """One assessment row. ``plan`` overrides the authority's plan for this area."""

    area: str
    plan: AreaPlan | None = None
    title: str | None = None
    rating: Rating | None = None
    rating_text: str | None = None
    summary: str = ""


class HouseStyle(_Spec):
    """How an authority's adviser lays the template out. An empty text or list leaves a part out."""

    font: str
    font_size: float
    title: str
    labels: list[str]
    header_layout: Literal["columns", "rows"] = "columns"
    marking: str = ""
    page_numbers: bool = False
    typed_bullets: list[str] = Field(default_factory=list)
    label_fill: str | None = None
    heading_mode: Literal["bold", "word"]
    headline_heading: str
    headline_instruction: str | None = None
    overview_heading: str
    overview_instruction: str | None = None
    going_well_heading: str
    risks_heading: str
    assessment_heading: str
    assessment_instruction: str | None = None
    rag_key: list[str] = Field(default_factory=list)
    table_header: list[str]
    header_fill: str | None = None
    ofsted_heading: str | None = None
    coming_up_heading: str
    coming_up_instruction: str | None = None
    additional_heading: str
    additional_instruction: str | None = None
    next_update_heading: str
    rating_words: dict[Rating, str]
    rating_fills: dict[Rating, str]
    rating_display: Literal["text", "fill"] = "text"


class ReportSpec(_Spec):
    """One report of a series, as the adviser wrote it."""

    stem: str
    format: Literal["pdf", "docx"]
    period: dict[str, str]
    adviser: str | None = None
    adviser_shown: str | None = None
    case_lead: str | None
    next_update: dict[str, str]
    headline: str
    going_well: list[Bullet]
    risks: list[Bullet]
    assessments: list[AssessmentSpec]
    coming_up: list[Bullet] = Field(default_factory=list)
    additional_info: list[Bullet] = Field(default_factory=list)
    style: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _ids_present(self) -> ReportSpec:
        for bullet in [*self.going_well, *self.risks]:
            if not bullet.id:
                raise ValueError(f"{self.stem}: going-well and risk bullets need an id")
        return self

    @property
    def printed_adviser(self) -> str:
        """The adviser line as printed (a redaction notice where the name is withheld)."""
        return self.adviser_shown or self.adviser or ""


class SeriesSpec(_Spec):
    """One authority and its consecutive reports."""

    slug: str
    name: str
    canonical: str
    folder: Literal["seed", "reports"] = "reports"
    figures_complete: bool = True
    extra_forms: list[str] = Field(default_factory=list)
    style: dict[str, Any] = Field(default_factory=dict)
    plans: dict[str, AreaPlan] = Field(default_factory=dict)
    reports: list[ReportSpec] = Field(default_factory=list)

    def style_for(self, report: ReportSpec) -> HouseStyle:
        """The template defaults, overridden by the authority's then the report's style."""
        merged = {**_template_style(), **self.style, **report.style}
        return HouseStyle.model_validate(merged)

    def plan_for(self, assessment: AssessmentSpec) -> AreaPlan:
        """The plan shown in the row's first cell, with the row's own title when it has one."""
        plan = assessment.plan or self.plans.get(assessment.area)
        if plan is None:
            raise ValueError(f"{self.slug}: no plan for area {assessment.area!r}")
        if assessment.title:
            plan = plan.model_copy(update={"title": assessment.title})
        return plan


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{path}: {exc}") from exc


def _template_style() -> dict[str, Any]:
    return dict(_read_toml(DATA_DIR / "template.toml")["style"])


def load_series(folder: Path) -> SeriesSpec:
    """Read ``authority.toml`` and every other ``*.toml`` (one report each) of a series folder."""
    data = _read_toml(folder / "authority.toml")
    reports = [_read_toml(p) for p in sorted(folder.glob("*.toml")) if p.name != "authority.toml"]
    return SeriesSpec.model_validate({**data, "reports": reports})


def load_all_series(data_dir: Path = DATA_DIR) -> list[SeriesSpec]:
    """Every series under ``data/series``, in folder order."""
    return [load_series(p) for p in sorted((data_dir / "series").iterdir()) if p.is_dir()]
