"""Build a document's answer key from the same spec its document was written from."""

from __future__ import annotations

from corpus.answer_key import AnswerKey, ExpectedFigure
from corpus.generator.markup import figures, plain
from corpus.generator.spec import Bullet, ReportSpec, SeriesSpec
from corpus.generator.text import fold, paragraphs
from models import Assessment, Authority, Item, NextUpdate, Period, Report

__all__ = ["build_key"]


def _bullet_texts(bullets: list[Bullet]) -> list[str]:
    return [fold(plain(b.text), [plain(s) for s in b.sub]) for b in bullets]


def _bullet_figures(bullets: list[Bullet], period: Period) -> list[ExpectedFigure]:
    return [f for b in bullets for text in (b.text, *b.sub) for f in figures(text, period)]


def _assessments(spec: ReportSpec, series: SeriesSpec) -> list[Assessment]:
    style = series.style_for(spec)
    rows = []
    for row in spec.assessments:
        plan = series.plan_for(row)
        rating_text = row.rating_text or (style.rating_words[row.rating] if row.rating else None)
        if style.rating_display == "fill" and row.rating is not None:
            rating_text = f"fill:#{style.rating_fills[row.rating]}"
        rows.append(
            Assessment(
                area=row.area,
                title=plan.title,
                plan_items=[fold(item.text, item.sub) for item in plan.items],
                rating=row.rating,
                rating_text=rating_text,
                summary="\n".join(paragraphs(plain(row.summary))),
            )
        )
    return rows


def build_key(spec: ReportSpec, series: SeriesSpec, document: str) -> AnswerKey:
    """The answer key of ``document`` (relative to ``corpus/samples``), written from ``spec``."""
    period = Period.model_validate(spec.period)
    report = Report(
        authority=Authority(name=series.name, canonical=series.canonical),
        period=period,
        adviser=spec.adviser,
        case_lead=spec.case_lead,
        next_update=NextUpdate.model_validate(spec.next_update),
        headline="\n".join(paragraphs(plain(spec.headline))),
        going_well=[Item(text=t) for t in _bullet_texts(spec.going_well)],
        risks=[Item(text=t) for t in _bullet_texts(spec.risks)],
        assessments=_assessments(spec, series),
        coming_up=_bullet_texts(spec.coming_up),
        additional_info=_bullet_texts(spec.additional_info),
    )
    expected = figures(spec.headline, period)
    for bullets in (spec.going_well, spec.risks):
        expected += _bullet_figures(bullets, period)
    for row in spec.assessments:
        expected += figures(row.summary, period, row.area)
    for bullets in (spec.coming_up, spec.additional_info):
        expected += _bullet_figures(bullets, period)
    return AnswerKey(
        document=document,
        series=series.slug,
        report=report,
        figures=expected,
        figures_complete=series.figures_complete,
        risk_ids=[b.id or "" for b in spec.risks],
        going_well_ids=[b.id or "" for b in spec.going_well],
    )
