"""The public API of comparisons is what the archive and the CLI call."""

from __future__ import annotations

import inspect

import comparisons


def test_exports_exist() -> None:
    assert set(comparisons.__all__) == {"Format", "compare", "render_change", "render_changes"}
    for name in comparisons.__all__:
        assert hasattr(comparisons, name)


def test_compare_signature() -> None:
    parameters = inspect.signature(comparisons.compare).parameters
    assert list(parameters) == ["old", "new", "force", "context"]
    assert parameters["force"].kind is inspect.Parameter.KEYWORD_ONLY
    assert parameters["force"].default is False
    assert parameters["context"].default is None


def test_renderer_signatures() -> None:
    assert list(inspect.signature(comparisons.render_changes).parameters) == ["summaries", "fmt"]
    assert list(inspect.signature(comparisons.render_change).parameters) == ["summary", "fmt"]
