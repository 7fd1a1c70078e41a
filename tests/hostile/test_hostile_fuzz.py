"""Mutated sample reports through ``extractor.extract``: a Report or a HighlightsError, nothing
else.

Bytes are flipped, cut, inserted and deleted in a PDF, a DOCX and a text report; a DOCX is also
damaged member by member (members dropped, swapped, their XML edited). Examples are fixed in
number and derandomized, so a failure reproduces on every run.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import extract
from models.errors import HighlightsError
from models.report import Report
from tests.hostile.craft import as_text, docx_blocks
from tests.hostile.make_fixtures import GOOD_DOCX, REPORTS

SHORT_PDF = REPORTS / "riverbridge" / "riverbridge-2020-02.pdf"  # two pages: fast to parse
PDF, DOCX = SHORT_PDF.read_bytes(), GOOD_DOCX.read_bytes()
TEXT = as_text(docx_blocks(GOOD_DOCX)).encode("utf-8")
_FUZZ = settings(derandomize=True, deadline=None, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

_position = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
_edit = st.one_of(
    st.tuples(st.just("flip"), _position, st.integers(min_value=1, max_value=255)),
    st.tuples(st.just("cut"), _position),
    st.tuples(st.just("insert"), _position, st.binary(min_size=1, max_size=64)),
    st.tuples(st.just("delete"), _position, st.integers(min_value=1, max_value=4096)),
)
byte_edits = st.lists(_edit, min_size=1, max_size=4)


def apply_edits(data: bytes, edits: list[tuple]) -> bytes:
    """``data`` with each edit applied in turn (positions are fractions of the length)."""
    out = bytearray(data)
    for kind, where, *extra in edits:
        at = min(int(where * len(out)), max(len(out) - 1, 0))
        if kind == "flip" and out:
            out[at] ^= extra[0]
        elif kind == "cut":
            del out[at:]
        elif kind == "insert":
            out[at:at] = extra[0]
        elif kind == "delete":
            del out[at:at + extra[0]]
    return bytes(out)


_member_edit = st.one_of(
    st.tuples(st.just("drop"), st.integers(min_value=0)),
    st.tuples(st.just("swap"), st.integers(min_value=0), st.integers(min_value=0)),
    st.tuples(st.just("edit"), st.integers(min_value=0), byte_edits),
)


def damage_members(data: bytes, edits: list[tuple]) -> bytes:
    """The zip ``data`` rewritten with members dropped, their contents swapped or edited."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    for kind, index, *extra in edits:
        names = sorted(members)
        if not names:
            break
        name = names[index % len(names)]
        if kind == "drop":
            del members[name]
        elif kind == "swap":
            other = names[extra[0] % len(names)]
            members[name], members[other] = members[other], members[name]
        else:
            members[name] = apply_edits(members[name], extra[0])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def extract_or_refuse(data: bytes, name: str) -> None:
    """Write ``data`` as ``name`` and extract it: only a Report or a HighlightsError may come."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            report = extract(path)
        except HighlightsError as error:
            assert error.reason
            assert error.path == str(path)
        else:
            assert isinstance(report, Report)


@settings(_FUZZ, max_examples=40)
@given(edits=byte_edits)
def test_damaged_pdf(edits: list[tuple]) -> None:
    extract_or_refuse(apply_edits(PDF, edits), "report.pdf")


@settings(_FUZZ, max_examples=60)
@given(edits=byte_edits)
def test_damaged_docx_bytes(edits: list[tuple]) -> None:
    extract_or_refuse(apply_edits(DOCX, edits), "report.docx")


@settings(_FUZZ, max_examples=60)
@given(edits=st.lists(_member_edit, min_size=1, max_size=3))
def test_damaged_docx_members(edits: list[tuple]) -> None:
    extract_or_refuse(damage_members(DOCX, edits), "report.docx")


@settings(_FUZZ, max_examples=60)
@given(edits=byte_edits)
def test_damaged_text(edits: list[tuple]) -> None:
    extract_or_refuse(apply_edits(TEXT, edits), "report.txt")


def test_the_mutations_change_what_they_claim() -> None:
    data = b"0123456789"
    assert apply_edits(data, [("cut", 0.5)]) == b"01234"
    assert apply_edits(data, [("flip", 0.0, 1)]) == b"1123456789"
    assert apply_edits(data, [("insert", 0.1, b"ab")]) == b"0ab123456789"
    assert apply_edits(data, [("delete", 0.2, 3)]) == b"0156789"
    damaged = damage_members(DOCX, [("drop", 0)])
    with zipfile.ZipFile(io.BytesIO(damaged)) as archive, zipfile.ZipFile(GOOD_DOCX) as whole:
        assert len(archive.namelist()) == len(whole.namelist()) - 1
