"""The label of a measured figure: the measure in the document's words, from its own clause.

"30% of audits rated ..." and "88 agency workers" take the words after the figure, as do
predicates ("51% from Education resulted in ...", "14% were referred to ..."); "62% as requiring
improvement" after "30% of audits rated practice as good" borrows the words before "as"; "Case
supervision performance was ... (85%)" takes the subject of the figure's clause. Money takes
what it is when the text says ("a £2.3m overspend"; "overspent by £2.3m": the clause with its
verb; "£2.3m over budget": the subject and "over budget"). A figure with no usable label is not
reported. Clause ends, subject verbs and the words trimmed from either end are in ``[labels]``
of ``figure_patterns.toml``.
"""

from __future__ import annotations

import re

from extractor.figures.candidates import Figure, window
from extractor.figures.patterns import FigurePatterns
from extractor.figures.roles import words

__all__ = ["clean_label", "subject", "label_figures"]


def _strip(text: str, rxs: tuple[re.Pattern[str], ...]) -> str:
    before = None
    while before != text:
        before = text
        for rx in rxs:
            text = rx.sub("", text, count=1)
    return text


def clean_label(text: str, pats: FigurePatterns) -> str:
    """``text`` with clause connectors, articles, months and dangling words trimmed."""
    text = re.sub(r"\s+", " ", text).strip()
    return _strip(_strip(text, pats.leading), pats.trailing).strip()


def _usable(label: str, pats: FigurePatterns) -> bool:
    if not label or "%" in label or label.lower() in pats.empty_labels:
        return False
    return bool(words(label, pats) - pats.not_content)


def subject(text: str, end: int, lo: int | None, pats: FigurePatterns,
            cuts: tuple[int, ...] = ()) -> str:
    """The subject of the clause that ends at ``end``, tried from the nearest clause start
    after ``lo`` back to the sentence start (``lo=None``: the sentence's own subject).

    A clause stops at the first of ``cuts`` (figure starts) after its start.
    """
    return _subject(text, end, lo, pats, cuts)[0]


def _starts(text: str, lo: int, end: int, pats: FigurePatterns) -> list[int]:
    """Where the clause ending at ``end`` may start, nearest first. Weak starts ("and", "with")
    count as strong ones where "and" joins two clauses with a verb each ("Training was
    cancelled and re-referrals were 26%"); the others, after an earlier figure (``lo`` > 0),
    count as much as strong ones up to the first strong start ("at 87% and timeliness of";
    not "…, and the time to moving in with a family was"), and in a sentence's first clause
    are tried only after the sentence start."""
    strong = [m.end() for m in pats.clause_starts.finditer(text, lo, end)]
    found = list(pats.weak_clause_starts.finditer(text, lo, end))
    joins = {m.end() for m in found if m.group().strip() == "and"
             and pats.subject_verb.search(text, max([lo, *(s for s in strong if s <= m.start())]),
                                          m.start())
             and pats.subject_verb.search(text, m.end(), end)}
    strong = sorted([*strong, *joins])
    weak = [m.end() for m in found if m.end() not in joins]
    if lo:  # the words right after an earlier figure ("of audits ...") are that figure's
        own = [] if re.match(r"\s*(?:of|as)\b", text[lo:end]) else [lo]
        early = [w for w in weak if not strong or w < strong[0]]
        return [*sorted(strong + early, reverse=True), *own]
    return [*reversed(strong), 0, *reversed(weak)]


def _subject(text: str, end: int, lo: int | None, pats: FigurePatterns,
             cuts: tuple[int, ...]) -> tuple[str, str]:
    for start in [0] if lo is None else _starts(text, lo, end, pats):
        stop = min([c for c in cuts if start < c < end] + [end])
        clause = _strip(re.sub(r"\s+", " ", text[start:stop]).strip(), pats.leading)
        verb = pats.subject_verb.search(clause)
        found = clean_label(clause[: verb.start()] if verb else clause, pats)
        if _usable(found, pats) and not found[0].isdigit():
            return found, text[start:end]
    return "", ""


def _money_label(text: str, fig: Figure, right: str, lo: int, pats: FigurePatterns,
                 cuts: tuple[int, ...]) -> str:
    """"The council overspent by £2.3m": the clause with its verb; "a £2.3m overspend": the words
    after; "spending is £2.3m over budget": subject and "over budget". Else empty."""
    if pats.money_level_left.search(text[lo:fig.start]):
        return _whole_clause(text, fig.start, lo, pats)[0]
    after = pats.money_right.match(right)
    if after and after.group("what"):
        return clean_label(right, pats)
    if after:
        said = subject(text, fig.start, lo, pats, cuts)
        return f"{said} {after.group('over')}" if said else ""
    return ""


def _whole_clause(text: str, end: int, lo: int, pats: FigurePatterns) -> tuple[str, str]:
    """"The council overspent by £2.3m": the clause before the figure with its verb, since the
    subject alone ("the council") would not say what the money is."""
    for start in _starts(text, lo, end, pats):
        label = clean_label(text[start:end], pats)
        if _usable(label, pats):
            return label, text[start:end]
    return "", ""


def _right(text: str, fig: Figure, stop: int, pats: FigurePatterns) -> str:
    segment = text[fig.end:stop]
    if fig.noun is not None:
        segment = segment.split(")", 1)[-1]
    cut = pats.clause_breakers.search(segment)
    return segment[: cut.start()] if cut else segment


def _respectively(text: str, figures: list[Figure], i: int, pats: FigurePatterns) -> str:
    """The shared predicate of "36% and 15% respectively resulting in ...", for the first."""
    if i + 1 >= len(figures) or not re.fullmatch(r"\s*and\s*", text[figures[i].end:
                                                                      figures[i + 1].start]):
        return ""
    nxt = figures[i + 1]
    stop = figures[i + 2].start if i + 2 < len(figures) else len(text)
    after = _right(text, nxt, stop, pats)
    return clean_label(after, pats) if re.match(r"\s*respectively\b", after) else ""


def _count_label(text: str, fig: Figure, right: str, lo: int, pats: FigurePatterns,
                 cuts: tuple[int, ...]) -> tuple[str, str]:
    """"88 agency workers": the noun and what follows; "The average caseload is 22.4
    children": the subject; "a small number (64) ... which were overdue": subject + rest."""
    if fig.by_subject:
        said = subject(text, fig.start, lo, pats, cuts)
        return said, said
    label = clean_label(re.split(r"\s+and\s+", right, maxsplit=1)[0], pats)
    if fig.noun == "" or pats.relative_start.match(label):
        label = f"{subject(text, fig.start, None, pats, cuts)} {label}".strip()
    elif pats.count_copula.search(window(text, fig.start)):
        said = subject(text, fig.start, lo, pats, cuts)
        if _usable(said, pats):
            return said, f"{said} {label}"
    return label, label


def _head(label: str, pats: FigurePatterns, *, first_word: bool = False) -> str:
    """The label's words before its verb or rating word ("audits" of "audits rated ... good");
    without one, its first word if ``first_word`` else nothing."""
    cut = pats.elision_cut.search(f" {label} ")
    if cut:
        return label[: cut.start()].strip()
    return label.split(" ", 1)[0] if first_word else ""


def _elided(label: str, previous: str, pats: FigurePatterns) -> str:
    """"... 27% of audits were rated good and 21% were inadequate": the second figure's
    predicate takes the head of the figure before's label ("audits were inadequate")."""
    head = _head(previous, pats)
    return f"{head} {label}" if head and pats.subject_verb.match(label) else label


def _bracketed(text: str, fig: Figure, stop: int, lo: int, pats: FigurePatterns,
               cuts: tuple[int, ...], *, after_fraction: bool) -> str:
    """The label of a figure in brackets that restates the words around it: "Two-thirds (66%)
    of children had a plan", "412 (34%) progressed to referral", "half of assessments (52%)
    were completed within 45 days", "Just over half (53%) are in education" (``after_fraction``:
    the brackets follow a word fraction). Empty when the brackets are not of that kind."""
    before, after = text[:fig.start].rstrip(), text[fig.end:stop].lstrip()
    if not (before.endswith("(") and after.startswith(")")):
        return ""
    cut = pats.clause_breakers.search(after[1:])
    words_after = after[1:][: cut.start()] if cut else after[1:]
    if re.match(r"\s*of\b", words_after) or re.search(r"\d\s*\($", before) or (
            after_fraction and pats.subject_verb.match(words_after.strip())):
        return clean_label(words_after, pats)
    plain_verb = re.match(r"\s*[a-z]+\b", words_after) and not (
        pats.subject_verb.match(words_after.strip()) or pats.right_fallback_not.match(words_after))
    if pats.passive_start.match(words_after) or plain_verb:
        said = subject(text, fig.start, lo, pats, cuts)
        return clean_label(f"{said} {words_after}", pats) if said else ""
    return ""


def _label(text: str, figures: list[Figure], i: int, previous: str,
           pats: FigurePatterns) -> tuple[str, str]:
    """The label of ``figures[i]`` and the text the catalogue should read for it."""
    fig = figures[i]
    stop = figures[i + 1].start if i + 1 < len(figures) else len(text)
    right = _right(text, fig, stop, pats)
    opening = right.lstrip().lower()
    cuts = tuple(f.start for f in figures)
    measures = [f for f in figures[:i] if f.role == "measure"]
    lo = measures[-1].end if measures else 0
    if fig.noun:
        return fig.noun, fig.noun
    if fig.unit == "count":
        return _count_label(text, fig, right, lo, pats, cuts)
    if fig.unit == "money":
        said = _money_label(text, fig, right, lo, pats, cuts)
        if said:
            return said, said
    after_fraction = i > 0 and figures[i - 1].value is None and (
        text[figures[i - 1].end:fig.start].strip() == "(")
    bracketed = _bracketed(text, fig, stop, lo, pats, cuts, after_fraction=after_fraction)
    if bracketed:
        return bracketed, bracketed
    if re.match(r"of\b", opening):
        starts = [m.end() for m in pats.clause_starts.finditer(text, 0, fig.start)]
        before = text[max(lo, starts[-1] if starts else 0):fig.start]
        label = clean_label(right, pats)
        said = clean_label(before, pats)
        if label.lower() in pats.generic_bases and _usable(said, pats):
            return said, said
        return label, f"{before} {label}"
    if opening.startswith("as ") and " as " in previous:
        label = clean_label(f"{previous[: previous.rindex(' as ')]} {right.strip()}", pats)
        return label, label
    shared = _respectively(text, figures, i, pats)
    if pats.right_start.match(right) or shared:
        label = shared or clean_label(right, pats)
        elided = _elided(label, previous, pats)
        return elided, elided if elided != label else f"{text[lo:fig.start]} {label}"
    if (previous and pats.elided_month_right.match(right)
            and pats.elided_month_between.match(text[lo:fig.start])):
        return previous, previous  # "26% in March and 24% in June"
    head = _head(previous, pats, first_word=True)
    joined = re.search(r"(?:,|\band|\bwith)\s*$", text[lo:fig.start])
    if head and joined and clean_label(right, pats):
        label = f"{head} {clean_label(right, pats)}"
        return label, label
    found = _subject(text, fig.start, lo, pats, cuts)
    if not found[0] and not text[: fig.start].strip() and not pats.right_fallback_not.match(right):
        label = clean_label(right, pats)
        return label, label
    return found


def _lower_first(label: str) -> str:
    first, *rest = label.split(" ", 2)
    proper = bool(rest) and rest[0][:1].isupper()
    if len(first) > 1 and first[0].isupper() and first[1:].islower() and not proper:
        return label[0].lower() + label[1:]
    return label


def label_figures(text: str, figures: list[Figure], pats: FigurePatterns) -> None:
    """Set ``label`` and ``context`` on every measured figure of sentence ``text``.

    "Quality was good in 60% of audits in August, and in October this was 18%": the second
    figure takes the first one's label, and the first, dated, becomes its previous value.
    """
    previous: Figure | None = None
    for i, fig in enumerate(figures):
        if fig.role != "measure":
            continue
        said = previous.label if previous else ""
        label, context = _label(text, figures, i, said, pats)
        if not _usable(label, pats) and previous and pats.anaphora.search(window(text, fig.start)):
            label = context = said
            if previous.month and previous.unit == fig.unit:
                previous.role, previous.owner = "previous", i
        if _usable(label, pats):
            fig.label, fig.context = _lower_first(label), context
            previous = fig
