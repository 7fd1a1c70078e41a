"""Property tests: text-format loaders never crash on junk and always keep offsets exact."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.loaders import detect_format, load
from extractor.loaders.drafts import Para, emit
from extractor.loaders.html import parse_html
from extractor.loaders.markdown import parse_markdown
from extractor.loaders.text import parse_text
from models.errors import UnreadableDocument
from tests.extractor.loaders.loaders_checks import assert_consistent

PIECES = st.sampled_from(
    ["\n", "\n\n", "\t", " ", "- ", "  - ", "1. ", "a. ", "**", "#", "|", "---", "<p>", "</p>",
     "<ol>", "<li>", "<table>", "<tr>", "<td>", "</td>", "<br>", "<b>", "AMBER", "RISKS",
     "text", "more words.", "lower", "Upper", "•", "&amp;", "<p style=\"text-align: center;\">"]
)
JUNK = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=60).map("".join)


@pytest.mark.parametrize(
    ("parse", "fmt"), [(parse_text, "txt"), (parse_markdown, "md"), (parse_html, "html")]
)
@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(source=JUNK)
def test_parsers_survive_junk_and_keep_offsets(parse, fmt, source):
    try:
        layout = emit(parse(source), fmt, Path(f"junk.{fmt}"))
    except UnreadableDocument as error:
        assert error.reason == "no text"
        return
    assert_consistent(layout)
    assert layout.text.strip()


@given(st.lists(st.text(alphabet="abc XYZ.", min_size=1, max_size=20), min_size=1, max_size=8))
def test_plain_lines_lose_no_words(lines):
    source = "\n\n".join(lines)
    paras = [p for p in parse_text(source) if isinstance(p, Para)]
    words = " ".join(f"{p.marker or ''} {p.text}" for p in paras).split()
    assert words == source.split()


MAGIC = st.sampled_from([b"", b"PK\x03\x04", b"%PDF-", bytes.fromhex("D0CF11E0A1B11AE1"), b"<html>",
                         b"\xef\xbb\xbf", b"\xff\xfe", b"# ", b"{\\rtf1"])


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(head=MAGIC, body=st.binary(max_size=400), name=st.sampled_from(["a.txt", "a.docx", "a"]))
def test_load_refuses_or_reads_any_bytes(tmp_path, head, body, name):
    path = tmp_path / name
    path.write_bytes(head + body)
    try:
        fmt = detect_format(path)
    except UnreadableDocument:
        return
    if fmt == "pdf":
        return  # the PDF loader's own tests cover junk PDFs
    try:
        layout = load(path)
    except UnreadableDocument:
        return
    assert_consistent(layout)
