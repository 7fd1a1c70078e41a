"""Build Layouts for segmenter tests without any loader: ("h", text), ("p", text),
("b", text, level[, marker]) (the marker "•" unless given), ("row", [cell, ...]) where a cell
is a list of such paragraphs or a dict {"fill": "#FFC000", "paras": [...], "merged": True} (the
last: merged down from the row above)."""

from __future__ import annotations

from typing import Any

from extractor.layout import Layout, LayoutBuilder

KINDS = {"h": "heading", "p": "paragraph", "b": "bullet"}


def build(*blocks: Any, fmt: str = "docx") -> Layout:
    builder = LayoutBuilder(fmt, pages=1)
    table = 0
    for block in blocks:
        if block[0] == "row":
            builder.start_row(table=table, page=1, continued=len(block) > 2 and block[2])
            for cell in block[1]:
                fill, paras, merged = (
                    (cell.get("fill"), cell["paras"], cell.get("merged", False))
                    if isinstance(cell, dict) else (None, cell, False))
                builder.start_cell(fill=fill, merged_above=merged)
                for para in paras:
                    _add(builder, para)
                builder.end_cell()
            builder.end_row()
        else:
            _add(builder, block)
    return builder.build()


def _add(builder: LayoutBuilder, para: Any) -> None:
    if isinstance(para, str):
        para = ("p", para)
    kind = KINDS[para[0]]
    level = para[2] if len(para) > 2 else 0
    marker = para[3] if len(para) > 3 else "•" if kind == "bullet" else None
    builder.add_paragraph(para[1], kind=kind, level=level, page=1, marker=marker)
