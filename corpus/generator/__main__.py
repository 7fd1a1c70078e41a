"""``python -m corpus.generator [--keys-only]``: rewrite the bundled sample archive."""

from __future__ import annotations

import argparse

from corpus.generator.build import generate, write_keys


def main() -> None:
    """Parse the one option and rewrite the archive (or only its keys)."""
    parser = argparse.ArgumentParser(prog="python -m corpus.generator", description=__doc__)
    parser.add_argument(
        "--keys-only", action="store_true", help="rewrite the answer keys only (no LibreOffice)"
    )
    args = parser.parse_args()
    paths = write_keys() if args.keys_only else generate()
    print(f"wrote {len(paths)} files")


main()
