"""The sample archive generator: authorities' stories in data files → DOCX, PDF, answer keys."""

from corpus.generator.build import documents, expected_keys, generate, write_keys
from corpus.generator.markup import figures, plain, resolve_month
from corpus.generator.spec import SeriesSpec, load_all_series, load_series

__all__ = [
    "SeriesSpec",
    "documents",
    "expected_keys",
    "figures",
    "generate",
    "load_all_series",
    "load_series",
    "plain",
    "resolve_month",
    "write_keys",
]
