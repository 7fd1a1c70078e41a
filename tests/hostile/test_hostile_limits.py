"""Each limit refuses a good report once set below it, through ``extractor.extract``, and the
reason says which limit."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor import extract
from extractor.loaders import Limits
from models.errors import UnreadableDocument
from tests.hostile.craft import as_text, docx_blocks
from tests.hostile.make_fixtures import GOOD_DOCX, GOOD_PDF, REPORTS

REAL_REPORT = REPORTS.parent / "seed" / "gloucestershire-2020-12.txt"  # the one real report


@pytest.fixture(scope="module")
def text_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("limits") / "report.txt"
    path.write_text(as_text(docx_blocks(GOOD_DOCX)), encoding="utf-8")
    return path


@pytest.mark.parametrize(("source", "limit", "reason"), [
    ("pdf", {"max_bytes": 1024}, "file too large"),
    ("docx", {"max_bytes": 1024}, "file too large"),
    ("pdf", {"max_pages": 1}, "too many pages"),
    ("pdf", {"max_pdf_page_content": 1024}, "decompression bomb"),
    ("docx", {"max_docx_uncompressed": 64 * 1024}, "zip bomb"),
    ("docx", {"max_docx_members": 3}, "zip members"),
    ("docx", {"max_docx_part": 4096}, "would unpack to"),
    ("docx", {"max_text_chars": 1000}, "too much text"),
    ("pdf", {"max_text_chars": 1000}, "too much text"),
    ("txt", {"max_text_chars": 1000}, "too much text"),
])
def test_a_limit_below_a_good_report_refuses_it(text_report: Path, source: str,
                                                limit: dict[str, int], reason: str) -> None:
    path = {"pdf": GOOD_PDF, "docx": GOOD_DOCX, "txt": text_report}[source]
    with pytest.raises(UnreadableDocument, match=reason) as caught:
        extract(path, limits=limit)
    assert caught.value.path == str(path)


@pytest.mark.parametrize("source", ["pdf", "docx", "txt"])
def test_the_default_limits_leave_room_for_a_real_report(text_report: Path, source: str) -> None:
    path = {"pdf": GOOD_PDF, "docx": GOOD_DOCX, "txt": text_report}[source]
    assert extract(path, limits=Limits()).authority is not None


def test_the_text_limit_is_far_above_a_real_report() -> None:
    assert Limits().max_text_chars >= 20 * len(REAL_REPORT.read_text(encoding="utf-8"))
