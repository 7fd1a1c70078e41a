"""Read one highlight report (PDF, DOCX, text) into a :class:`models.Report`."""

from extractor.pipeline import extract

__all__ = ["extract"]
