"""A report template (data in ``extractor/data/templates/*.toml``) and fuzzy matching against it.

The segmenter asks the template three questions of a paragraph: is it a section heading, is it
a header-field label, is it template instruction text. Matching ignores case, punctuation and a
trailing colon, and tolerates small wording changes (rapidfuzz).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial
from importlib import resources
from typing import Literal

from rapidfuzz import fuzz

__all__ = ["TITLE_CUTOFF", "Section", "SectionKind", "Template", "load_template", "normalise_label"]

SectionKind = Literal["text", "bullets", "container", "assessments", "value"]

# A heading is a short line: longer paragraphs are body text, whatever words they share.
MAX_HEADING_WORDS = 18
HEADING_CUTOFF = 86.0
LABEL_CUTOFF = 90.0
_MAX_LABEL_WORDS = 4  # a header field's label is no longer than this
# "1.", "2.3", "Section 2:", "Part B -", "(a)", "iv)" before a heading.
_NUMBERING = re.compile(
    r"^(?:(?:section|part)\s+\w+\s*[.):\-–]?\s+"
    r"|\d+(?:\.\d+)*[.):\-–]?\s+"
    r"|\(?(?:[a-h]|[ivx]+)[.)]\s+)",
    re.IGNORECASE,
)
# A title_score at least this high reads as the report's title.
TITLE_CUTOFF = 90.0


@dataclass(frozen=True)
class Section:
    key: str
    kind: SectionKind
    headings: tuple[str, ...]


@dataclass(frozen=True)
class Template:
    """One report family: its sections, header fields, instruction text and table roles."""

    name: str
    title_phrases: tuple[str, ...]
    fields: dict[str, tuple[str, ...]]
    sections: tuple[Section, ...]
    instruction_patterns: tuple[re.Pattern[str], ...]
    table_roles: dict[str, tuple[str, ...]]
    words_before_a_figure: frozenset[str]
    heading_ends: frozenset[str]
    heading_starts_never: frozenset[str]
    contents_headings: tuple[str, ...]
    area_subheadings: frozenset[str]

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def match_heading(self, text: str, *, styled: bool = False) -> Section | None:
        """The section whose heading ``text`` is, or None for body text.

        ``styled`` says the document marks ``text`` as a heading (a Word heading style, say): then
        a longer heading that holds every word of a variant counts ("Detailed assessment against
        the improvement plan and Ofsted categories" ~ "detailed assessment").
        """
        label = normalise_label(_strip_instruction_tail(text))
        if not label or len(label.split()) > MAX_HEADING_WORDS:
            return None
        scorer = partial(_label_score, extra_words=MAX_HEADING_WORDS if styled else 2)
        key = _best_match(label, {s.key: s.headings for s in self.sections}, scorer,
                          HEADING_CUTOFF)
        return self.section(key) if key else None

    def match_field_label(self, text: str) -> str | None:
        """The header field (authority, period, adviser, case_lead) this label names, or None."""
        label = normalise_label(text)
        if not label or len(label.split()) > 6:
            return None
        return _best_match(label, self.fields, fuzz.ratio, LABEL_CUTOFF)

    def other_field_label_at(self, text: str, field: str) -> int | None:
        """Where, after its first word, ``text`` (a value of ``field``) runs into another
        field's label, word for word ("Tellerbridge City Council Adviser Jo Bell" → before
        "Adviser"); None when it does not."""
        words = text.split()
        labels = {variant for name, variants in self.fields.items() if name != field
                  for variant in variants}
        firsts = {label.split()[0] for label in labels if label}
        for start in range(1, len(words)):
            if normalise_label(words[start]) not in firsts:  # "2025 DfE lead": not at "2025"
                continue
            for size in range(min(_MAX_LABEL_WORDS, len(words) - start), 0, -1):
                if normalise_label(" ".join(words[start:start + size])) in labels:
                    return len(" ".join(words[:start]))
        return None

    def heading_unfinished(self, text: str) -> bool:
        """True when a heading line ends with a word no heading ends with ("... PERIOD AND")
        or with a comma ("LEADERSHIP,")."""
        words = text.split()
        return bool(words) and (words[-1].lower() in self.heading_ends or text.endswith(","))

    def heading_continued(self, text: str) -> bool:
        """True when a heading line starts with a word no heading starts with ("OF HELP")."""
        words = text.split()
        return bool(words) and words[0].lower() in self.heading_starts_never

    def is_contents_heading(self, text: str) -> bool:
        """True for the heading over a table of contents ("Contents")."""
        return normalise_label(text) in self.contents_headings

    def is_instruction(self, text: str) -> bool:
        """True for template guidance (bracketed instructions, the R/A/G key)."""
        stripped = text.strip()
        return any(p.search(stripped) for p in self.instruction_patterns)

    def table_role(self, text: str) -> str | None:
        """The column role ("area", "rating", "summary", "plan") a table header cell names."""
        label = normalise_label(_strip_instruction_tail(text))
        if not label or len(label.split()) > 8:
            return None
        return _best_match(label, self.table_roles, _column_score, LABEL_CUTOFF)

    def is_area_subheading(self, text: str) -> bool:
        """True for a sub-heading of an area's commentary ("Impact", "Next steps")."""
        return normalise_label(text) in self.area_subheadings

    def is_column_heading(self, text: str) -> bool:
        """True when ``text`` is, word for word, one of the table header cells ("ACTIONS"),
        what is in brackets after it aside ("Target rating (June 2026)")."""
        label = normalise_label(_strip_instruction_tail(text))
        return any(label in variants for variants in self.table_roles.values())

    def title_score(self, text: str) -> float:
        """How much ``text`` (the first lines of a document) reads like this template's title."""
        label = normalise_label(text)
        return max((fuzz.partial_ratio(v, label) for v in self.title_phrases), default=0.0)

    def reads_as_title(self, text: str) -> bool:
        """True when ``text`` is the report's title ("Highlight Report"), however worded."""
        return self.title_score(text) >= TITLE_CUTOFF


def normalise_label(text: str) -> str:
    """Lower case, '&' as 'and', punctuation and extra spaces removed: "Risks & Concerns:" →
    "risks and concerns"."""
    text = text.replace("’", "'").replace("&", " and ").lower()
    text = _NUMBERING.sub("", text.strip())
    text = re.sub(r"[^\w'/ ]+", " ", text)
    return " ".join(text.split())


def _strip_instruction_tail(text: str) -> str:
    """"SUMMARY (Brief commentary …)" → "SUMMARY": a heading may carry its instruction inline."""
    head = text.split("(", 1)[0].strip()
    return head or text


def _best_match(label: str, options: dict[str, tuple[str, ...]],
                scorer: Callable[[str, str], float], cutoff: float) -> str | None:
    """The option one of whose variants scores best against ``label``, if it reaches ``cutoff``."""
    best, best_score = None, 0.0
    for name, variants in options.items():
        score = max(scorer(label, variant) for variant in variants)
        if score > best_score:
            best, best_score = name, score
    return best if best_score >= cutoff else None


def _column_score(label: str, variant: str) -> float:
    """Similarity of a table header cell to one column-role variant, 0–100: as a heading, or a
    short label whose last word is a one-word variant ("Ofsted category", "Plan actions")."""
    score = _label_score(label, variant)
    label_words = label.split()
    if " " not in variant and len(label_words) <= 3 and label_words[-1] == variant:
        score = max(score, 90.0)
    return score


def _label_score(label: str, variant: str, extra_words: int = 2) -> float:
    """Similarity of a candidate heading to one heading variant, 0–100.

    Whole-string similarity, or every word of a multi-word variant present in a label at most
    ``extra_words`` longer than it ("KEY RISKS AND CONCERNS" ~ "risks and concerns"), scored 90-96
    by how much of the label the variant covers; never a body sentence that merely contains the
    variant's words, nor a one-word label that is part of a variant.
    """
    score = fuzz.ratio(label, variant)
    label_words, variant_words = label.split(), variant.split()
    if (
        len(variant_words) >= 2
        and set(variant_words) <= set(label_words)
        and len(label_words) <= len(variant_words) + extra_words
    ):
        # the more of the label the variant covers, the better ("detailed assessment of
        # progress" beats "areas of progress" in a long heading that holds both)
        score = max(score, 90.0 + 6.0 * len(variant_words) / len(label_words))
    return score


@cache
def load_template(name: str = "dfe_highlight") -> Template:
    """Read ``extractor/data/templates/<name>.toml``."""
    raw = tomllib.loads(
        resources.files("extractor").joinpath("data", "templates", f"{name}.toml").read_text(
            encoding="utf-8"
        )
    )
    return Template(
        name=raw["name"],
        title_phrases=tuple(normalise_label(t) for t in raw["title_phrases"]),
        fields={k: tuple(normalise_label(v) for v in vs) for k, vs in raw["fields"].items()},
        sections=tuple(
            Section(s["key"], s["kind"], tuple(normalise_label(h) for h in s["headings"]))
            for s in raw["sections"]
        ),
        instruction_patterns=tuple(
            re.compile(p, re.IGNORECASE) for p in raw["instructions"]["patterns"]
        ),
        table_roles={k: tuple(normalise_label(v) for v in vs) for k, vs in raw["table"].items()},
        words_before_a_figure=frozenset(raw["joining"]["words_before_a_figure"]),
        heading_ends=frozenset(raw["joining"]["heading_ends"]),
        heading_starts_never=frozenset(raw["joining"]["heading_starts_never"]),
        contents_headings=tuple(normalise_label(h) for h in raw["contents_headings"]),
        area_subheadings=frozenset(normalise_label(h) for h in raw["area_text"]["subheadings"]),
    )
