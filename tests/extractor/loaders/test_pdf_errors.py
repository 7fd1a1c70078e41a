"""A PDF that cannot be read raises UnreadableDocument with the reason, and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.layout import Layout
from extractor.loaders.pdf import load_pdf
from models.errors import UnreadableDocument

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "pdf"
GOOD = FIXTURES / "eastmoor.pdf"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("truncated.pdf", "corrupt PDF"),
        ("encrypted.pdf", "password-protected PDF"),
        ("scanned.pdf", "no text layer"),
        ("unmapped.pdf", "text layer without Unicode"),
    ],
)
def test_bad_fixtures_name_their_reason(name: str, reason: str) -> None:
    with pytest.raises(UnreadableDocument) as caught:
        load_pdf(FIXTURES / name)
    assert caught.value.reason.startswith(reason)
    assert caught.value.path == str(FIXTURES / name)


def test_no_text_layer_suggests_ocr() -> None:
    with pytest.raises(UnreadableDocument, match="ocrmypdf"):
        load_pdf(FIXTURES / "scanned.pdf")


def test_more_pages_than_allowed_is_refused() -> None:
    with pytest.raises(UnreadableDocument, match="too many pages"):
        load_pdf(GOOD, max_pages=2)
    assert load_pdf(GOOD, max_pages=100).pages == load_pdf(GOOD).pages


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument, match="not found"):
        load_pdf(tmp_path / "absent.pdf")


@pytest.mark.parametrize("content", [b"", b"not a pdf at all", b"%PDF-1.7\n%%EOF\n"])
def test_junk_is_corrupt(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "junk.pdf"
    path.write_bytes(content)
    with pytest.raises(UnreadableDocument, match="corrupt PDF"):
        load_pdf(path)


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.floats(min_value=0.0, max_value=0.999), flip=st.integers(min_value=0))
def test_damaged_files_either_load_or_raise_unreadable(
    tmp_path: Path, cut: float, flip: int
) -> None:
    data = bytearray(GOOD.read_bytes())
    data = data[: max(1, int(len(data) * (1 - cut / 4)))]  # lose up to a quarter of the end
    data[flip % len(data)] ^= 0xFF  # and damage one byte anywhere
    path = tmp_path / "damaged.pdf"
    path.write_bytes(bytes(data))
    try:
        layout = load_pdf(path)
    except UnreadableDocument as error:
        assert error.reason
    else:
        assert isinstance(layout, Layout)
