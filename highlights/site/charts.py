"""Small inline SVG trend charts of an indicator series, built as XML (so text is escaped)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from comparisons.view import month_label, value_label
from highlights.site.series import Point, Series
from highlights.site.settings import settings

__all__ = ["chart_description", "trend_svg"]

SVG_NS = "http://www.w3.org/2000/svg"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _month_number(month: str) -> int:
    year, number = month.split("-")
    return int(year) * 12 + int(number) - 1


def _point_text(point: Point, unit: str, value: float | None = None) -> str:
    shown = value_label(point.value if value is None else value, unit)
    return f"{shown} ({month_label(point.month)})"


def chart_description(series: Series) -> str:
    """The chart in words: every value with its month, then the target(s) it is drawn against."""
    text = ", ".join(_point_text(point, series.unit) for point in series.points)
    targeted = [point for point in series.points if point.target is not None]
    targets = {point.target for point in targeted}
    if len(targets) == 1:
        text += f"; target {value_label(targeted[0].target or 0.0, series.unit)} (dashed line)"
    elif targets:
        text += "; targets " + ", ".join(_point_text(point, series.unit, point.target)
                                         for point in targeted) + " (dashed line)"
    return text


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: object
         ) -> ET.Element:
    """A child element; its text has whitespace collapsed and characters XML forbids dropped."""
    element = ET.SubElement(parent, tag, {key.rstrip("_").replace("_", "-"): str(value)
                                          for key, value in attributes.items()})
    element.text = " ".join(_NOT_XML.sub(" ", text).split()) if text is not None else None
    return element


def _fmt(number: float) -> str:
    return f"{number:.1f}".rstrip("0").rstrip(".")


def trend_svg(series: Series, *, ident: str) -> str:
    """An SVG line chart of ``series`` (dashed line for targets) with a ``<title>`` and
    ``<desc>`` naming it; ``ident`` makes its element ids unique within the page."""
    style = settings().chart
    left, right = style.margin_left, style.width - style.margin_right
    top, bottom = style.margin_top, style.height - style.margin_bottom
    months = [_month_number(point.month) for point in series.points]
    targets = [point.target for point in series.points if point.target is not None]
    shown = [point.value for point in series.points] + targets
    pad = (max(shown) - min(shown)) * 0.1 or max(abs(max(shown)) * 0.1, 1.0)
    low = max(min(shown) - pad, 0.0) if min(shown) >= 0 else min(shown) - pad
    high = max(shown) + pad
    span = max(months[-1] - months[0], 1)

    def x(month: int) -> float:
        return left + (right - left) * (month - months[0]) / span

    def y(value: float) -> float:
        return bottom - (bottom - top) * (value - low) / (high - low)

    root = ET.Element("svg", {"xmlns": SVG_NS, "viewBox": f"0 0 {style.width} {style.height}",
                              "role": "img", "class": "trend",
                              "aria-labelledby": f"{ident}-title {ident}-desc"})
    _sub(root, "title", f"Trend of {series.label}", id=f"{ident}-title")
    _sub(root, "desc", chart_description(series), id=f"{ident}-desc")
    axes = _sub(root, "g", stroke=style.axis, stroke_width=1, aria_hidden="true")
    _sub(axes, "line", x1=left, y1=top, x2=left, y2=bottom)
    _sub(axes, "line", x1=left, y1=bottom, x2=right, y2=bottom)
    labels = _sub(root, "g", fill="#1b1b1b", font_size=11, font_family="Arial, sans-serif",
                  aria_hidden="true")
    for value in sorted({min(shown), max(shown)}):
        _sub(labels, "text", value_label(value, series.unit), x=left - 4,
             y=_fmt(y(value) + 4), text_anchor="end")
    for month, anchor in ((series.points[0].month, "start"), (series.points[-1].month, "end")):
        _sub(labels, "text", month_label(month), x=_fmt(x(_month_number(month))),
             y=bottom + 16, text_anchor=anchor)
    if len(set(targets)) == 1:
        _sub(root, "line", class_="target", x1=left, x2=right, y1=_fmt(y(targets[0])),
             y2=_fmt(y(targets[0])), stroke=style.target, stroke_width=1.5,
             stroke_dasharray="5 4")
    elif targets:
        _sub(root, "polyline", class_="target", fill="none", stroke=style.target,
             stroke_width=1.5, stroke_dasharray="5 4", points=" ".join(
                 f"{_fmt(x(_month_number(p.month)))},{_fmt(y(p.target))}"
                 for p in series.points if p.target is not None))
    coordinates = [(_fmt(x(month)), _fmt(y(point.value)))
                   for month, point in zip(months, series.points, strict=True)]
    _sub(root, "polyline", class_="values", fill="none", stroke=style.line, stroke_width=2,
         points=" ".join(f"{cx},{cy}" for cx, cy in coordinates))
    for (cx, cy), point in zip(coordinates, series.points, strict=True):
        dot = _sub(root, "circle", cx=cx, cy=cy, r=3.5, fill=style.line)
        _sub(dot, "title", _point_text(point, series.unit))
    return ET.tostring(root, encoding="unicode")
