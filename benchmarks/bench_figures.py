"""Time the figure finder and the entity finder beside spaCy's bare tokenizer on the same text.

    python -m benchmarks.bench_figures [--repeat N]

Inputs: the seed text conversion (cut into paragraphs at blank lines and HTML tags, and again
as one single piece: the worst case of a loader that cannot split paragraphs) and every
document under corpus/samples/ that the loaders read (their paragraphs and table-cell
paragraphs). Prints the one-off cost of building the pipeline, then per input: words, figures
found, median time of ``find_indicators`` and ``find_entities``, figures and words per second,
and the words per second of ``nlp.tokenizer.pipe`` alone (the floor any spaCy pass pays).
"""

from __future__ import annotations

import argparse
import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.timing import median_seconds
from extractor.figures import TextPiece, find_entities, find_indicators, pieces_from_text
from extractor.nlp import BATCH_SIZE, get_nlp
from models.errors import HighlightsError

if TYPE_CHECKING:
    from spacy.language import Language

REPO = Path(__file__).resolve().parent.parent
SEED = REPO.parent / "shared" / "seeds" / "000_1cd4fbf1201a436f.txt"
SAMPLES = REPO / "corpus" / "samples"
PERIOD = ("2020-07", "2020-12")


def _inputs() -> list[tuple[str, list[TextPiece]]]:
    from extractor.loaders import load

    found: list[tuple[str, list[TextPiece]]] = []
    if SEED.exists():
        seed = SEED.read_text(encoding="utf-8")
        found.append(("seed (text)", pieces_from_text(seed)))
        # worst case: a loader that could not split paragraphs hands over one huge piece
        found.append(("seed as one piece", [TextPiece(" ".join(seed.split()), 0)]))
    for path in sorted(p for p in SAMPLES.rglob("*") if p.suffix in (".docx", ".pdf")):
        if "sources" in path.parts:
            continue
        try:
            layout = load(path)
        except HighlightsError:
            continue
        pieces = [TextPiece(p.text, p.start, p.page) for p in layout.paragraphs() if p.text]
        found.append((str(path.relative_to(SAMPLES)), pieces))
    return found


def _tokenize(nlp: Language, texts: list[str]) -> None:
    for _ in nlp.tokenizer.pipe(texts, batch_size=BATCH_SIZE):
        pass


def main() -> None:
    """Print a markdown table of figure-finder, entity-finder and tokenizer speeds."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    start = time.perf_counter()
    nlp = get_nlp()
    print(f"pipeline build (spaCy import + rulers): {time.perf_counter() - start:.2f} s\n")
    print("| input | words | figures | find_indicators | figures/s | words/s "
          "| find_entities | words/s | bare tokenizer words/s |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    total_words = total_figures = 0
    total_time = 0.0
    for name, pieces in _inputs():
        texts = [p.text for p in pieces]
        words = sum(len(t.split()) for t in texts)
        figure_run = partial(find_indicators, pieces, period_start=PERIOD[0],
                             period_end=PERIOD[1])
        figures = len(figure_run()[0])
        t_fig = median_seconds(figure_run, args.repeat)
        t_ent = median_seconds(partial(find_entities, pieces), args.repeat)
        t_tok = median_seconds(partial(_tokenize, nlp, texts), args.repeat)
        total_words, total_figures, total_time = (total_words + words, total_figures + figures,
                                                  total_time + t_fig)
        print(f"| {name} | {words} | {figures} | {t_fig * 1000:.0f} ms | {figures / t_fig:,.0f} "
              f"| {words / t_fig:,.0f} | {t_ent * 1000:.0f} ms | {words / t_ent:,.0f} "
              f"| {words / t_tok:,.0f} |")
    if total_time:
        print(f"\nall inputs: {total_figures} figures, {total_words} words in "
              f"{total_time * 1000:.0f} ms: {total_figures / total_time:,.0f} figures/s, "
              f"{total_words / total_time:,.0f} words/s")


if __name__ == "__main__":
    main()
