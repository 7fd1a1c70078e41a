"""Importing this module readies the extractor in the importing process.

It reads a small bundled fictional report (``data/warm_up.txt``), so that every table the
extractor builds on first use (the spaCy pipeline, the figure patterns, the authority index, ...)
exists before worker processes are forked from that process. The ingest fork server preloads it
(``preload`` in ``corpus/data/archive.toml``), so each worker starts warm instead of spending its
first ~0.4 s building them.
"""

from __future__ import annotations

from importlib import resources

from extractor.pipeline import extract

__all__ = ["warm_up"]


def warm_up() -> None:
    """Read the bundled warm-up report once; its result is discarded."""
    with resources.as_file(resources.files("extractor").joinpath("data", "warm_up.txt")) as path:
        try:
            extract(path)
        except Exception:  # a warm-up that fails costs time, never an ingest
            return


warm_up()
