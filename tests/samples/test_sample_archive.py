"""The bundled sample archive: documents, answer keys and the data they were written from."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import docx
import pypdfium2
import pytest

from corpus.answer_key import KEYS_DIR, SAMPLES_DIR, AnswerKey, iter_keys, key_path, load_key
from corpus.generator import expected_keys

KEYS = list(iter_keys())
ARCHIVE_FOLDERS = ("seed", "reports")


def _name(key: AnswerKey) -> str:
    return key.document


def _norm(text: str) -> str:
    return " ".join(text.split())


def _months(month: str) -> int:
    year, mon = (int(x) for x in month.split("-"))
    return year * 12 + mon - 1


def test_every_key_file_validates_and_names_itself() -> None:
    files = sorted(KEYS_DIR.rglob("*.json"))
    assert files, "no answer keys"
    for path in files:
        key = load_key(path)
        assert key_path(key.document) == path


def test_every_archive_document_has_exactly_one_key_and_every_key_a_document() -> None:
    documents = {
        p.relative_to(SAMPLES_DIR).as_posix()
        for folder in ARCHIVE_FOLDERS
        for p in (SAMPLES_DIR / folder).rglob("*")
        if p.is_file()
    }
    assert documents == {key.document for key in KEYS}


def test_committed_keys_are_what_the_data_files_say() -> None:
    on_disk = {key.document: key for key in KEYS}
    assert on_disk == expected_keys()


def test_periods_of_each_series_are_consecutive() -> None:
    periods: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for key in KEYS:
        period = key.report.period
        assert period is not None and period.start and period.end
        assert period.start <= period.end
        periods[key.series].add((period.start, period.end))
    for series, spans in periods.items():
        ordered = sorted(spans)
        for (_, end), (start, _) in zip(ordered, ordered[1:], strict=False):
            assert _months(start) == _months(end) + 1, f"{series}: gap or overlap after {end}"


def test_ids_run_parallel_to_bullets_and_are_unique_within_a_report() -> None:
    for key in KEYS:
        assert len(key.risk_ids) == len(key.report.risks)
        assert len(key.going_well_ids) == len(key.report.going_well)
        assert len(set(key.risk_ids)) == len(key.risk_ids)
        assert len(set(key.going_well_ids)) == len(key.going_well_ids)


def test_every_figure_is_printed_in_its_own_part_of_the_report() -> None:
    for key in KEYS:
        summaries = {a.area: a.summary for a in key.report.assessments}
        for figure in key.figures:
            where = summaries[figure.area] if figure.area else key.report.model_dump_json()
            assert figure.text in where, f"{key.document}: {figure.text} not in {figure.area}"


def _docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [p.text for row in table.rows for cell in row.cells for p in cell.paragraphs]
    return _norm(" ".join(parts))


def _expected_passages(key: AnswerKey) -> list[str]:
    report = key.report
    texts = [report.headline or "", report.period.label if report.period else ""]
    texts += [item.text for item in [*report.going_well, *report.risks]]
    texts += [*report.coming_up, *report.additional_info]
    for row in report.assessments:
        texts += [row.title, *row.plan_items, *row.summary.split("\n")]
    return texts


@pytest.mark.parametrize("key", [k for k in KEYS if k.document.endswith(".docx")], ids=_name)
def test_docx_documents_print_what_their_keys_say(key: AnswerKey) -> None:
    text = _docx_text(SAMPLES_DIR / key.document)
    for passage in _expected_passages(key):
        assert _norm(passage) in text, f"{key.document}: missing {passage[:60]!r}"


@pytest.mark.parametrize("key", [k for k in KEYS if k.document.endswith(".pdf")], ids=_name)
def test_pdfs_have_a_text_layer_with_the_report_in_it(key: AnswerKey) -> None:
    text = " ".join(_pdf_pages(key))
    assert key.report.authority is not None
    assert key.report.authority.name in text
    assert _norm(key.report.risks[0].text)[:40] in text


def test_the_samples_readme_describes_every_document() -> None:
    readme = (SAMPLES_DIR / "README.md").read_text(encoding="utf-8")
    for key in KEYS:
        stem = key.document.rsplit(".", 1)[0]
        assert stem in readme, f"README.md does not mention {key.document}"


def _pdf_pages(key: AnswerKey) -> list[str]:
    pdf = pypdfium2.PdfDocument(str(SAMPLES_DIR / key.document))
    return [_norm(page.get_textpage().get_text_range()) for page in pdf]


def _pages_spanned(pages: list[str], paragraphs: list[str]) -> int:
    found = [i for i, page in enumerate(pages) for p in paragraphs if _norm(p)[:50] in page]
    return max(found) - min(found) + 1 if found else 0


def test_the_pdfs_have_a_row_over_three_pages_and_a_bullet_cut_by_a_page_break() -> None:
    longest_row, cut_bullets = 0, 0
    archive_pdfs = [k for k in KEYS if k.document.startswith("reports/")]
    for key in (k for k in archive_pdfs if k.document.endswith(".pdf")):
        pages = _pdf_pages(key)
        for row in key.report.assessments:
            longest_row = max(longest_row, _pages_spanned(pages, row.summary.split("\n")))
        for item in [*key.report.going_well, *key.report.risks]:
            text = _norm(item.text)
            cut_bullets += not any(text[:50] in page and text[-50:] in page for page in pages)
    assert longest_row >= 3
    assert cut_bullets >= 1
