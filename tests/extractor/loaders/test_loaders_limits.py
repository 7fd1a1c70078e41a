"""Limits: defaults, resolve() from None / dict / instance, validation."""

from __future__ import annotations

import pytest

from extractor.loaders import Limits


def test_defaults_are_the_documented_ones():
    limits = Limits()
    assert limits.max_bytes == 50 * 1024 * 1024
    assert limits.max_pages == 500
    assert limits.max_docx_uncompressed == 200 * 1024 * 1024
    assert limits.max_docx_members > 0


def test_resolve_none_gives_defaults():
    assert Limits.resolve(None) == Limits()


def test_resolve_returns_an_instance_unchanged():
    limits = Limits(max_pages=3)
    assert Limits.resolve(limits) is limits


def test_resolve_dict_overrides_only_given_keys():
    limits = Limits.resolve({"max_pages": 7})
    assert limits.max_pages == 7
    assert limits.max_bytes == Limits().max_bytes


def test_resolve_rejects_unknown_keys_by_name():
    with pytest.raises(ValueError, match="max_page"):
        Limits.resolve({"max_page": 7})


@pytest.mark.parametrize("value", [0, -1, 1.5, "10", True, None])
def test_rejects_values_that_are_not_positive_integers(value):
    with pytest.raises(ValueError, match="max_bytes"):
        Limits(max_bytes=value)


def test_resolve_rejects_other_types():
    with pytest.raises(TypeError):
        Limits.resolve(["max_pages", 3])  # type: ignore[arg-type]
