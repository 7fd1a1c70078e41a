"""build_site: the archive as a static, self-contained HTML briefing site in one folder."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from markupsafe import Markup

from corpus.store import ArchiveStore, open_store
from corpus.themes import Theme, themes
from highlights.site.charts import trend_svg
from highlights.site.history import AUTHORITIES, AuthorityHistory, histories
from highlights.site.ratings import rag_matrix, timeline
from highlights.site.rendering import environment
from highlights.site.search_index import script_json, search_records
from highlights.site.series import Series, indicator_series
from highlights.site.settings import settings
from models.errors import HighlightsError
from models.rating import Rating

__all__ = ["Chart", "SiteResult", "build_site", "ASSETS"]

ASSETS = ("site.css", "search.js")
"""Files of ``static/`` copied into ``DIR/assets/``."""


@dataclass(frozen=True)
class Chart:
    """One trend chart: its series and the inline SVG drawing it."""

    series: Series
    svg: Markup


@dataclass(frozen=True)
class SiteResult:
    """What :func:`build_site` wrote: every file (pages first) under ``out_dir``."""

    out_dir: Path
    pages: tuple[Path, ...]
    assets: tuple[Path, ...]
    authorities: int
    reports: int

    @property
    def index(self) -> Path:
        """The overview page, where a reader starts."""
        return self.out_dir / "index.html"


def _charts(history: AuthorityHistory) -> list[Chart]:
    return [Chart(series, Markup(trend_svg(series, ident=f"chart-{number}")))
            for number, series in enumerate(indicator_series(history.reports), start=1)]


def _pages(store: ArchiveStore, groups: Sequence[AuthorityHistory],
           risk_themes: list[Theme] | None) -> dict[str, str]:
    """Every page's path relative to the site folder, and its HTML."""
    env = environment()
    common: dict[str, Any] = {"report_count": sum(len(h.reports) for h in groups),
                              "authority_count": len(groups), "ratings": list(Rating)}
    links = {history.canonical.casefold(): history.page for history in groups}
    pages = {"index.html": env.get_template("index.html.j2").render(
        common, root="", current="overview", matrix=rag_matrix(groups), histories=groups,
        themes=risk_themes)}
    for history in groups:
        pages[history.page] = env.get_template("authority.html.j2").render(
            common, root="../", current="authority", history=history,
            timeline=timeline(history), charts=_charts(history))
    pages["search.html"] = env.get_template("search.html.j2").render(
        common, root="", current="search", histories=groups, sections=settings().sections,
        records=script_json(search_records(store, links)))
    return pages


def _write(path: Path, text: str) -> Path:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise HighlightsError(f"cannot write the site: {exc.strerror or exc}", path) from exc
    return path


def _remove_stale(folder: Path, keep: Sequence[Path]) -> None:
    """Delete pages of authorities no longer in the archive (the site owns this folder)."""
    for stale in set(folder.glob("*.html")) - set(keep):
        try:
            stale.unlink()
        except OSError as exc:
            raise HighlightsError(f"cannot remove an old page: {exc.strerror or exc}",
                                  stale) from exc


def _build(store: ArchiveStore, out_dir: Path, db: Path | None) -> SiteResult:
    groups = histories(list(store.reports()))
    risk_themes = themes(db) if db is not None and groups else None
    pages = tuple(_write(out_dir / name, html)
                  for name, html in _pages(store, groups, risk_themes).items())
    _remove_stale(out_dir / AUTHORITIES, pages)
    static = files("highlights.site").joinpath("static")
    assets = tuple(_write(out_dir / "assets" / name, static.joinpath(name).read_text("utf-8"))
                   for name in ASSETS)
    return SiteResult(out_dir, pages, assets, len(groups), sum(len(h.reports) for h in groups))


def build_site(store_or_db: ArchiveStore | str | Path, out_dir: str | Path) -> SiteResult:
    """Write the briefing site of an archive (an open store, or the path of its database) into
    ``out_dir``: ``index.html`` (RAG matrix), one page per authority under ``authorities/``,
    ``search.html``, and ``assets/``. Everything opens from disk, with no server or network.

    The risk themes panel (:func:`corpus.themes`) needs the database's path: it is there when
    ``store_or_db`` is a path or a store that knows its ``path`` (the SQLite store does).
    Raises :class:`models.ArchiveError` when the database cannot be opened.
    """
    out = Path(out_dir)
    if not isinstance(store_or_db, str | Path):
        return _build(store_or_db, out, getattr(store_or_db, "path", None))
    store = open_store(store_or_db)
    try:
        return _build(store, out, Path(store_or_db))
    finally:
        store.close()
