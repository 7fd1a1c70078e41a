"""The public API of extractor.figures is what the brief names."""

from __future__ import annotations

import extractor.figures as figures


def test_all_names_exist() -> None:
    for name in figures.__all__:
        assert hasattr(figures, name)


def test_public_api() -> None:
    assert {"TextPiece", "find_indicators", "find_entities"} <= set(figures.__all__)
