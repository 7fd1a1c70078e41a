"""Find the report files under the paths a user names, and fingerprint their content."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from corpus.settings import settings

__all__ = ["Candidate", "find_files", "sha256_of"]


@dataclass(frozen=True)
class Candidate:
    """A file to ingest, or ``error`` when it cannot even be read."""

    path: Path
    sha256: str | None
    error: str | None = None


def _wanted(path: Path) -> bool:
    name = path.name
    config = settings().ingest
    return (not name.startswith(".") and not name.startswith(config.skip_prefixes)
            and path.suffix.lower() in config.extensions)


def _walk(folder: Path) -> Iterator[Path]:
    try:
        entries = sorted(folder.iterdir())
    except OSError:  # unreadable: yielded itself, so that find_files reports why
        yield folder
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry)
        elif entry.is_file() and _wanted(entry):
            yield entry


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of the file's bytes (read in 1 MiB chunks)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def find_files(paths: Iterable[str | Path]) -> Iterator[Candidate]:
    """Every file named, and every supported non-hidden file under every folder named, hashed.

    Each distinct path is yielded once; unreadable paths come with ``error`` set.
    """
    seen: set[Path] = set()
    for given in paths:
        root = Path(given)
        found = _walk(root) if root.is_dir() else iter([root])
        for path in found:
            key = path.resolve()
            if key in seen:
                continue
            seen.add(key)
            try:
                yield Candidate(path, sha256_of(path))
            except OSError as exc:
                yield Candidate(path, None, exc.strerror or str(exc))
