"""The public API of extractor.fields is what ``__all__`` says."""

from __future__ import annotations

import extractor.fields as fields


def test_all_names_are_exported_and_public() -> None:
    assert fields.__all__ == sorted(fields.__all__, key=lambda n: (not n.isupper(), n))
    for name in fields.__all__:
        assert hasattr(fields, name), name
        assert not name.startswith("_")


def test_readings_are_frozen() -> None:
    reading = fields.parse_rating("Amber")
    try:
        reading.rating = None  # type: ignore[misc]
    except AttributeError:
        return
    raise AssertionError("RatingReading should be frozen")
