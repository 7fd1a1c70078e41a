"""Write the whole sample archive: documents, their PDFs and the answer keys.

Layout under ``corpus/samples``: ``seed/`` (the real report: its original text conversion, kept
as is, plus the generated .docx and .pdf), ``reports/<slug>/`` (exactly one document per
fictional report, in the format it circulates in), ``sources/<slug>/`` (the .docx each PDF was
exported from; never ingested) and ``keys/`` mirroring ``seed/`` and ``reports/``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from corpus.answer_key import SAMPLES_DIR, AnswerKey, key_path
from corpus.generator.docx_writer import write_docx
from corpus.generator.keys import build_key
from corpus.generator.pdf import export_pdfs
from corpus.generator.spec import ReportSpec, SeriesSpec, load_all_series

__all__ = ["documents", "expected_keys", "write_keys", "generate"]

_GENERATED = ("reports", "sources", "keys")


def documents(series: SeriesSpec, spec: ReportSpec) -> list[str]:
    """The archive documents of one report, as paths relative to ``corpus/samples``."""
    if series.folder == "seed":
        forms = [*series.extra_forms, "docx", "pdf"]
        return [f"seed/{spec.stem}.{form}" for form in forms]
    return [f"reports/{series.slug}/{spec.stem}.{spec.format}"]


def _docx_path(series: SeriesSpec, spec: ReportSpec) -> str:
    if series.folder == "seed":
        return f"seed/{spec.stem}.docx"
    folder = "reports" if spec.format == "docx" else "sources"
    return f"{folder}/{series.slug}/{spec.stem}.docx"


def expected_keys() -> dict[str, AnswerKey]:
    """Every answer key the data files define, by document path."""
    return {
        document: build_key(spec, series, document)
        for series in load_all_series()
        for spec in series.reports
        for document in documents(series, spec)
    }


def write_keys(samples_dir: Path = SAMPLES_DIR) -> list[Path]:
    """Rewrite ``keys/`` from the data files (needs no LibreOffice)."""
    keys_dir = samples_dir / "keys"
    shutil.rmtree(keys_dir, ignore_errors=True)
    written = []
    for document, key in expected_keys().items():
        path = key_path(document, keys_dir)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(key.model_dump_json(indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written


def generate(samples_dir: Path = SAMPLES_DIR) -> list[Path]:
    """Rewrite every generated document, PDF and key; returns the archive documents written."""
    for name in _GENERATED:
        shutil.rmtree(samples_dir / name, ignore_errors=True)
    written: list[Path] = []
    for series in load_all_series():
        to_pdf: dict[Path, list[Path]] = {}
        for spec in series.reports:
            docs = documents(series, spec)
            source = samples_dir / _docx_path(series, spec)
            write_docx(spec, series, source)
            for document in docs:
                path = samples_dir / document
                if path.suffix == ".pdf":
                    to_pdf.setdefault(path.parent, []).append(source)
                elif not path.exists():
                    raise FileNotFoundError(f"{document}: listed in the data but not present")
                written.append(path)
        for out_dir, sources in to_pdf.items():
            export_pdfs(sources, out_dir)
    write_keys(samples_dir)
    return written
