"""Read one highlight report (PDF, DOCX, text) into a :class:`models.Report`.

``from extractor import extract`` is resolved lazily, so importing a submodule (the fields,
the template) does not load every loader and the NLP pipeline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extractor.pipeline import extract

__all__ = ["extract"]


def __getattr__(name: str) -> Any:
    if name == "extract":
        from extractor.pipeline import extract

        return extract
    raise AttributeError(f"module 'extractor' has no attribute {name!r}")
