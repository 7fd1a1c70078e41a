"""Assessment rows (area + plan items | RAG | summary) from the assessment section's units.

Column roles come from the table's header row where there is one, else from the cells
themselves (the rating cell is the short one that reads as a rating or is only shaded). A row
that a page break split (empty first cell, or a first cell that does not start with a title) is
merged into the row it continues, and paragraphs that a text conversion spilled out of a table
are put back at the end of the last row's summary.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from extractor.fields import (
    RatingReading,
    area_key,
    find_rating_line,
    fold,
    in_capitals,
    legend_rating,
    names_a_change,
    parse_rating,
    rating_after_change,
    rating_from_fill,
    read_legend,
    stated_rating,
)
from extractor.fields.labels import text_columns
from extractor.layout import Cell, Paragraph, TableRow
from extractor.segment.runs import continues
from extractor.segment.walk import Unit
from extractor.template import Template
from models.rating import Rating

__all__ = ["AssessmentDraft", "assessment_drafts", "colour_key"]

OFSTED_AREAS = frozenset(
    {"help_and_protection", "children_in_care", "adoption", "care_leavers", "leadership"}
)
_MAX_TITLE_WORDS = 14
_MAX_RATING_WORDS = 5
_KEY_CELLS = 3  # cells of a row that, each naming a rating, make it the key to the colours
_CHANGES = "rating_change"  # the role of a rating column that shows changes ("last → now")
_RATING_ROLES = ("rating", _CHANGES)
_SHARED_AFTER = 2  # areas in a row with no summary before one whose summary may be theirs too
# "SOCIAL WORK PRACTICE To deliver …": a capitalised title run glued to the text after it.
_CAPS_WORD = r"(?:&|\(?[A-Z][A-Z'’&,/()-]*)"
_GLUED_TITLE = re.compile(rf"^((?:{_CAPS_WORD}\s+){{1,12}}?{_CAPS_WORD})\s+(?=[A-Z][a-z])")
# A summary that opens with its rating: "Rating: AMBER (no change). The front door …".
_LABELLED_RATING = re.compile(
    r"^\s*(?P<label>[A-Za-z /]{2,20}?)\s*:\s*(?P<rating>[^.;:]{1,40})[.;]\s")
# A title line ending with its rating in brackets, after an optional number ("3.2 Adoption
# [GREEN]").
_BRACKETED_RATING = re.compile(
    r"^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?P<title>[^\[\]()]+?)\s*[\[(](?P<rating>[^\]()]{1,25})[\])]\s*$")
# A header naming a column of ratings ("Rating at last report", "Previous RAG"), not a trend.
_NAMES_A_RATING = re.compile(r"\b(?:rating|rag)\b", re.IGNORECASE)
# A dash between a title and the rating that ends its line ("Care leavers – GREEN").
_DASH = re.compile(r"\s[-\u2013\u2014]\s+")
_NUMBER = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?\s+)?")
# A narrow rating cell wraps "Red-Amber" and "Red/Amber" after the dash or slash.
_WRAPPED_AT_DASH = re.compile(r"([-/\u2013])\s*\n\s*")
# Where a sentence may start after a title run on into it: a capitalised word after a word.
_SENTENCE_START = re.compile(r"(?<=[\w)])\s+(?=[A-Z][a-z])")


@dataclass
class AssessmentDraft:
    """One area's row as read: its cells' paragraphs, before any field is parsed."""

    title: Paragraph
    area_paragraphs: list[Paragraph] = field(default_factory=list)
    summary: list[Paragraph] = field(default_factory=list)
    rating: Rating | None = None
    rating_text: str | None = None
    rating_seen: bool = False
    placeholder: bool = False
    written_out: bool = False  # begun by a title paragraph: the paragraphs after it are its own
    # its summary follows several areas with none (a table given column by column): whose the
    # text is, is unknown
    summary_shared: bool = False

    @property
    def area(self) -> str:
        return area_key(self.title.text)

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [self.title, *self.area_paragraphs, *self.summary]


def assessment_drafts(units: Sequence[Unit], template: Template, *,
                      exact_tables: bool = False,
                      colours: dict[str, Rating] | None = None) -> list[AssessmentDraft]:
    """Every assessment row of the section, in document order (areas in tables of one column,
    a box per title or summary, read as paragraphs).

    A paragraph between rows is put back into the last row's summary when it continues that
    summary's last sentence, or, unless the format keeps tables exactly (DOCX, HTML), when it
    is body text: a text conversion spills cells out of their table. Paragraphs under a title
    that names an area the table already rated (a "RAG summary" table, the commentary by area
    after it) are that area's summary. ``colours`` is the report's own key to its shades
    (:func:`colour_key`), read before the shades' usual meanings.
    """
    rows = [unit for unit in units if isinstance(unit, TableRow)]
    if all(len(row.cells) <= 1 for row in rows):  # no table, or boxes of one column
        return _paragraph_drafts(_without_boxes(units), template)
    legend = {words: rating for unit in units if isinstance(unit, Paragraph)
              for words, rating in read_legend(unit.text).items()}
    drafts: list[AssessmentDraft] = []
    roles: dict[int, str] | None = None
    title: Paragraph | None = None  # an area title a page break cut from the rest of its row
    named: AssessmentDraft | None = None  # a rated area whose commentary follows its title
    for unit in units:
        if isinstance(unit, TableRow):
            named = None
            if _is_rating_key(unit) or _is_legend_row(unit):
                continue
            header = _header_roles(unit, template)
            if header is not None:
                roles, title = header, None  # a line over a table's header row is its caption
                continue
            label = _label_row(unit, template)
            if label is not None:  # "Progress rating | Amber" under a title paragraph
                if title is not None:
                    drafts.append(_titled_draft(title))
                    title = None
                _read_label_row(label, unit.cells[-1], drafts, template)
                continue
            cells = _RowCells.of(unit, roles)
            if title is not None and not unit.continued and not _opens_with_title(cells):
                heading, rest = _split_title(title)
                drafts.append(AssessmentDraft(title=heading, area_paragraphs=rest))
            title = None
            _read_row(cells, unit.continued, drafts, template, exact_tables=exact_tables,
                      legend=legend, colours=colours)
            continue
        reading = _rating_line(unit.text, template) if title is not None else None
        if title is not None and reading is not None:  # a title, then "RAG: Amber"
            drafts.append(_titled_draft(title))
            _set_rating(drafts[-1], reading, unit.text)
            title = None
            continue
        title = None
        if (_is_area_heading(unit) or _GLUED_TITLE.match(unit.text)) and not (
                template.match_heading(unit.text)):
            named = _rated_area(drafts, unit.text)
            title = None if named is not None else unit  # "RAG summary" table, commentary after
        elif named is not None:
            _spill(named, unit, template)
        elif drafts and _belongs_to_summary(drafts[-1], unit, template, exact_tables):
            _spill(drafts[-1], unit, template)
    for draft in drafts:
        _rating_in_words(draft)
    return [d for d in drafts if d.title.text]


def _rating_in_words(draft: AssessmentDraft) -> None:
    """An area given no rating takes the one its commentary states in words ("Overall this
    area is rated Amber."), when the commentary states one only."""
    if draft.rating is not None or draft.placeholder:
        return
    readings = [reading for p in draft.summary if (reading := stated_rating(p.text)) is not None]
    if len({reading.rating for reading in readings}) == 1:
        _set_rating(draft, readings[0], readings[0].text)  # the rating's words ("Red/Amber")


def _rated_area(drafts: list[AssessmentDraft], title: str) -> AssessmentDraft | None:
    """The area read already under the same title, word for word (not a sub-row such as
    "Children in care – health" under "Children in care")."""
    wanted = fold(title)
    return next((d for d in drafts if fold(d.title.text) == wanted), None)


def _without_boxes(units: Sequence[Unit]) -> list[Paragraph]:
    """The paragraphs of ``units``, those of one-cell table rows (boxes) in their place."""
    return [paragraph for unit in units
            for paragraph in ([unit] if isinstance(unit, Paragraph) else
                              [p for cell in unit.cells for p in cell.paragraphs])]


@dataclass
class _RowCells:
    """A row's cells by the role they play."""

    area: list[Paragraph]
    rating: Cell | None
    summary: list[Cell]
    untitled: bool = False  # the header says which cell is the area's, and it is empty
    changes: bool = False  # the rating column shows changes ("RAG (last → now)")
    # its rating (or, with no rating column, all its other cells) merged down from the row
    # above: a plan item of the area above on a row of its own
    shares_above: bool = False

    @classmethod
    def of(cls, row: TableRow, roles: dict[int, str] | None) -> _RowCells:
        """Roles from the table's header row when it has one, else read from the cells: the
        rating cell is the short one that reads as a rating (or is only shaded), the area cell
        the first other one; cells between them hold plan items, cells after it the summary."""
        cells = row.cells
        if roles and max(roles) < len(cells):
            role = [roles.get(i, "summary") for i in range(len(cells))]
        else:
            role = _guess_roles(cells)
        area = [p for c, r in zip(cells, role, strict=True) if r in ("area", "plan")
                for p in c.paragraphs]  # cells whose role is "ignore" (a trend, say) drop out
        rating = next((c for c, r in zip(cells, role, strict=True) if r in _RATING_ROLES), None)
        summary = [c for c, r in zip(cells, role, strict=True) if r == "summary"]
        titled = [c for c, r in zip(cells, role, strict=True) if r in ("area", "plan")]
        untitled = bool(roles) and len(titled) > 1 and not titled[0].paragraphs
        shares_above = rating.merged_above if rating is not None else bool(summary) and all(
            cell.merged_above for cell in summary)
        return cls(area=area, rating=rating, summary=summary, untitled=untitled,
                   changes=_CHANGES in role, shares_above=shares_above)


def _guess_roles(cells: list[Cell]) -> list[str]:
    if not cells:
        return []
    rating = next((i for i, c in enumerate(cells) if _reads_as_rating_cell(c)), None)
    if rating is None and len(cells) >= 3 and _is_short(cells[1]):
        rating = 1
    area = next(i for i in range(len(cells)) if i != rating)
    roles = []
    for index in range(len(cells)):
        if index == area:
            roles.append("area")
        elif index == rating:
            roles.append("rating")
        elif rating is not None and area < index < rating:
            roles.append("plan")
        else:
            roles.append("summary")
    return roles


def _belongs_to_summary(draft: AssessmentDraft, paragraph: Paragraph, template: Template,
                        exact_tables: bool) -> bool:
    if draft.written_out and not template.match_heading(paragraph.text):
        return True  # an area written as paragraphs: its text follows it
    if draft.summary and continues(draft.summary[-1].text, paragraph.text,
                                   words_before_a_figure=template.words_before_a_figure):
        return True
    if exact_tables or template.match_heading(paragraph.text):
        return False
    return not _is_area_heading(paragraph) or find_rating_line(paragraph.text) is not None


def _titled_draft(title: Paragraph) -> AssessmentDraft:
    """The area a title paragraph starts (its rating and summary follow it)."""
    heading, rest = _split_title(title)
    return AssessmentDraft(title=heading, area_paragraphs=rest, written_out=True)


def _label_row(row: TableRow, template: Template) -> str | None:
    """The role a two-cell "label | value" row states ("Progress rating | Amber" is "rating",
    "Area | Children in care" is "area", "Commentary | …" is "summary", "Direction of travel |
    Improving" is "ignore"), or None for any other row (a rating label with no rating)."""
    cells = [c for c in row.cells if c.paragraphs]
    if len(cells) != 2 or len(row.cells) != 2:
        return None
    role = template.table_role(cells[0].text)
    if role == "rating":
        return role if _states_a_rating(cells[1].text) else None
    return role if role in ("area", "plan", "summary", "ignore") else None


def _read_label_row(label: str, value: Cell, drafts: list[AssessmentDraft],
                    template: Template) -> None:
    """An area laid out as "label | value" rows (one small table an area): "Area" starts it,
    the others add its plan items, rating and summary."""
    if label == "area":
        title, rest = _split_title(value.paragraphs[0])
        drafts.append(AssessmentDraft(title=title, area_paragraphs=[*rest,
                                                                    *value.paragraphs[1:]]))
    elif not drafts or label == "ignore":
        return
    elif label == "rating":
        _read_rating_cell(drafts[-1], value)
    elif label == "plan":
        drafts[-1].area_paragraphs.extend(value.paragraphs)
    else:
        for paragraph in value.paragraphs:
            _spill(drafts[-1], paragraph, template)


def _is_rating_key(row: TableRow) -> bool:
    """A row of three or more cells that each only name a rating: the key to the colours."""
    texts = [cell.text.strip() for cell in row.cells if cell.text.strip()]
    return len(texts) >= _KEY_CELLS and all(
        len(text.split()) <= _MAX_RATING_WORDS and parse_rating(text).rating is not None
        for text in texts)


def _is_legend_row(row: TableRow) -> bool:
    """A row of a key to the ratings laid out as a table: a cell that is only a rating ("R/A")
    and one that opens by naming the same rating ("Red/Amber – limited progress; …"), or a
    shaded cell with no words beside such a description (:func:`colour_key`)."""
    if _swatch(row) is not None:
        return True
    texts = [cell.text.strip() for cell in row.cells if cell.text.strip()]
    if len(texts) != 2:
        return False
    short, described = sorted(texts, key=lambda text: len(text.split()))
    if len(short.split()) > _MAX_RATING_WORDS:
        return False
    rating = parse_rating(short).rating
    return rating is not None and _described_rating(described) == rating


def _described_rating(text: str) -> Rating | None:
    """The rating a key's description opens with ("Red/Amber – limited progress"), or None."""
    named = re.split(r"\s[-\u2013\u2014=]\s|[:=]", text, maxsplit=1)[0]
    return parse_rating(named).rating if named != text else None


def _swatch(row: TableRow) -> tuple[str, Rating] | None:
    """A colour key's row: a shaded cell with no words, and a description naming a rating."""
    if len(row.cells) != 2 or row.cells[0].text.strip() or not row.cells[0].fill:
        return None
    rating = _described_rating(row.cells[1].text.strip())
    return (row.cells[0].fill, rating) if rating is not None else None


def colour_key(blocks: Sequence[Unit]) -> dict[str, Rating]:
    """A report's own key to its rating shades, laid out as a table anywhere in it (a shaded
    cell | "Amber/Green – good progress …"), by fill; {} when it has none (fewer than two)."""
    key = dict(swatch for block in blocks if isinstance(block, TableRow)
               and (swatch := _swatch(block)) is not None)
    return key if len(key) >= 2 else {}


def _header_roles(row: TableRow, template: Template) -> dict[int, str] | None:
    """Each header cell's column role; a rating column whose header holds an arrow ("RAG
    (last → now)") is one of changes, read on the rating after the arrow."""
    roles = {i: _header_role(c, template) for i, c in enumerate(row.cells)}
    roles = {i: _CHANGES if r == "rating" and names_a_change(row.cells[i].text) else r
             for i, r in roles.items()}
    found = {i: r for i, r in roles.items() if r is not None}
    if len(found) < 2:
        return None
    if "area" not in found.values() and 0 not in found:
        found[0] = "area"  # the first column names the area whatever its header says
    return found


def _header_role(cell: Cell, template: Template) -> str | None:
    """The role a header cell names: its words wrapped over lines ("This" / "period"), else its
    first line ("KEY CHALLENGES FOR SERVICES" over "(Please specify …)")."""
    if not cell.paragraphs:
        return None
    whole = " ".join(p.text for p in cell.paragraphs)
    return template.table_role(whole) or template.table_role(cell.paragraphs[0].text)


def _opens_with_title(cells: _RowCells) -> bool:
    area = [p for p in cells.area if p.text]
    return bool(area) and _starts_with_title(area[0])


def _read_row(cells: _RowCells, continued: bool, drafts: list[AssessmentDraft],
              template: Template, *, exact_tables: bool,
              legend: dict[str, Rating] | None = None,
              colours: dict[str, Rating] | None = None) -> None:
    """Start an area at a row that opens with its title (not at a row whose area cell, merged
    with the one above, is empty), or at any row with an area and a rating of its own
    ("Priority 2: quality of practice | AMBER"; in a table kept exactly, DOCX or HTML, any words
    in the rating cell); else the row continues the last area. A row naming an area an earlier
    table rated (a "RAG summary" table, then the detail) adds to that area, its first rating
    standing."""
    area_paragraphs, stated = _without_rating_lines([p for p in cells.area if p.text], template)
    if cells.rating is None and stated is None and area_paragraphs:
        area_paragraphs[0], stated = _rating_after_title(area_paragraphs[0])
    own_row = (bool(area_paragraphs) and area_paragraphs[0].kind != "bullet"  # not a plan item
               and cells.rating is not None and bool(cells.rating.text.strip())
               and (exact_tables or _states_a_rating(cells.rating.text)))
    if not own_row and _finishes_a_sentence(cells, drafts, template):
        continued = True  # a page break cut the row: its summary goes on mid-sentence
        if area_paragraphs and _starts_with_title(area_paragraphs[0]):  # … and its title
            title = drafts[-1].title
            drafts[-1].title = replace(title, text=f"{title.text} {area_paragraphs[0].text}")
            area_paragraphs = area_paragraphs[1:]
    if drafts and (continued or not area_paragraphs or cells.untitled or (
            cells.shares_above and not _names_another_ofsted_area(area_paragraphs[0], drafts[-1])
    ) or not (own_row or _starts_with_title(area_paragraphs[0]))):
        draft = drafts[-1]
        draft.area_paragraphs.extend(area_paragraphs)
    elif area_paragraphs:
        title, rest = _split_title(area_paragraphs[0])
        draft = _rated_area(drafts, title.text) or (
            AssessmentDraft(title=title))  # an area a table rated already ("RAG summary")
        draft.area_paragraphs.extend([*rest, *area_paragraphs[1:]])
        if cells.shares_above and drafts and drafts[-1].rating is not None:  # one rating cell
            _set_rating(draft, RatingReading(drafts[-1].rating), drafts[-1].rating_text or "")
        if draft not in drafts:
            drafts.append(draft)
    else:
        return
    if cells.rating is not None:
        _read_rating_cell(draft, cells.rating, changes=cells.changes, legend=legend,
                          colours=colours)
    elif stated is not None and draft.rating is None:
        _set_rating(draft, *stated)
    for cell in cells.summary:
        for paragraph in cell.paragraphs:
            _spill(draft, paragraph, template)


def _names_another_ofsted_area(title: Paragraph, draft: AssessmentDraft) -> bool:
    """Does ``title`` name one of the five Ofsted areas, other than the one ``draft`` is?"""
    key = area_key(title.text)
    return key in OFSTED_AREAS and key != draft.area


def _finishes_a_sentence(cells: _RowCells, drafts: list[AssessmentDraft],
                         template: Template) -> bool:
    """Does the row's summary open by finishing the last area's last sentence ("… the care
    leavers' forum meet" / "together.")?"""
    first = next((p for cell in cells.summary for p in cell.paragraphs if p.text), None)
    return bool(drafts) and first is not None and bool(drafts[-1].summary) and (
        first.text[:1].islower()) and continues(
            drafts[-1].summary[-1].text, first.text,
            words_before_a_figure=template.words_before_a_figure)


def _without_rating_lines(paragraphs: list[Paragraph], template: Template
                          ) -> tuple[list[Paragraph], tuple[RatingReading, str] | None]:
    """An area cell's paragraphs without the rating lines under its title, labelled ("This
    report: AMBER", "Last report | RED") or bare ("Amber", a line of its own under the title),
    and the rating the first current one states."""
    kept = paragraphs[:1]
    stated = None
    for paragraph in paragraphs[1:]:
        label, colon, value = paragraph.text.replace("|", ":", 1).partition(":")
        role = template.table_role(label) if colon else None
        reading = find_rating_line(value) if role in ("rating", "ignore") else None
        bare = find_rating_line(paragraph.text) if reading is None and not colon else None
        if bare is not None:
            stated = stated or (bare, paragraph.text.strip())
        elif reading is None:
            kept.append(paragraph)  # a plan item, even "Now: embed the practice model"
        elif role == "rating" and stated is None:
            stated = reading, value.strip()
    return kept, stated


def _rating_after_title(paragraph: Paragraph
                        ) -> tuple[Paragraph, tuple[RatingReading, str] | None]:
    """A title that a conversion ran into the rating under it ("Care leavers Amber/Green", a
    line break lost): the title and the rating of its last words; else the paragraph as it
    is. Only for tables with no rating column, whose area cell holds the rating."""
    words = paragraph.text.split()
    for size in range(min(_MAX_RATING_WORDS, len(words) - 1), 0, -1):
        tail = " ".join(words[-size:])
        reading = find_rating_line(tail)
        if reading is not None and reading.rating is not None:
            end = len(paragraph.text.rstrip()) - len(tail)
            return paragraph.part(0, end), (reading, tail)
    return paragraph, None


def _states_a_rating(text: str) -> bool:
    """A rating, or words saying there is none yet ("Not rated", "R/A/G")."""
    reading = parse_rating(text)
    return reading.rating is not None or reading.is_placeholder


def _paragraph_drafts(paragraphs: list[Paragraph], template: Template) -> list[AssessmentDraft]:
    """Areas written as paragraphs (no table): a title line, optional plan bullets, a rating
    line ("AMBER", "RAG rating: Amber"), then the summary. When the table's flattened header
    names the rating column first ("RAG" / "Area" / "Summary", a text export that puts each cell
    on a line) and no title comes before the first rating line, each rating line comes before
    its area's title line instead. Several rating lines in a row after as many unrated titles
    (a text conversion that gives a table column by column) rate those titles in order. Under a
    header with a column of other ratings too ("Rating at last report", "Target rating"), a run
    of as many rating lines as the header has rating columns gives the area the line in the
    current rating's place; other bare rating lines are left unread (which is current is
    unknown). A plain line is a title too where it stands in a title's place
    (:func:`_titles_by_place`)."""
    drafts: list[AssessmentDraft] = []
    in_a_row: list[Paragraph] = []  # rating lines read one after another
    skip_rating = False  # the line before labelled an earlier rating ("Last report")
    two_ratings = False  # the header has a column of other ratings too
    rating_order: list[str | None] = []  # the header's rating columns: "rating" or "ignore"
    rating_run: list[Paragraph] = []  # bare rating lines read in a row under such a header
    columns: list[str | None] = []  # the roles of the flattened header's lines, in order
    waiting: tuple[RatingReading, str] | None = None  # a rating whose title comes next
    rating_first: bool | None = None  # known at the first rating line
    lines = _join_wrapped_ratings(_join_wrapped_titles(paragraphs, template))
    placed = _titles_by_place(lines, template)
    for index, paragraph in enumerate(lines):
        if template.match_heading(paragraph.text):
            continue
        if _is_column_headings(paragraph, template):
            role = template.table_role(paragraph.text)
            columns.append(role)
            if role == "rating" or (role == "ignore" and not drafts
                                    and _NAMES_A_RATING.search(paragraph.text) is not None):
                rating_order.append(role)
            two_ratings = "ignore" in rating_order
            _rate_in_order(drafts, in_a_row, template)
            in_a_row, skip_rating = [], role == "ignore"  # "Last report" / "GREEN"
            continue
        if two_ratings and find_rating_line(paragraph.text) is not None:
            rating_run.append(paragraph)
            if drafts and len(rating_run) == len(rating_order) and "rating" in rating_order:
                _spill(drafts[-1], rating_run[rating_order.index("rating")], template)
                rating_run = []
            continue
        rating_run = []
        if skip_rating and find_rating_line(paragraph.text) is not None:
            skip_rating = False  # an earlier rating: not the current one
            continue
        skip_rating = False
        if rating_first is None and find_rating_line(paragraph.text) is not None:
            rating_first = columns[:1] == ["rating"] and not drafts
        if rating_first:
            reading = find_rating_line(paragraph.text)
            if reading is not None and waiting is None:
                waiting = reading, paragraph.text.strip()
                continue
            if waiting is not None:
                drafts.append(AssessmentDraft(title=paragraph))
                _set_rating(drafts[-1], *waiting)
                waiting = None
                continue
        if drafts and _rating_line(paragraph.text, template) is not None:
            in_a_row.append(paragraph)
            continue
        _rate_in_order(drafts, in_a_row, template)
        in_a_row = []
        rated = _title_with_rating(paragraph)
        if rated is not None:  # "3.2  Help and protection  [AMBER]"
            title, reading, rating_text = rated
            draft = AssessmentDraft(title=title)
            _set_rating(draft, reading, rating_text)
            drafts.append(draft)
        elif drafts and template.is_area_subheading(paragraph.text):
            _spill(drafts[-1], paragraph, template)  # "Impact" inside an area's commentary
        elif _is_area_heading(paragraph) or index in placed:
            title, rest = _split_title(paragraph)
            drafts.append(AssessmentDraft(title=title, summary=rest))
        elif drafts:
            draft = drafts[-1]
            if paragraph.kind == "bullet" and not draft.summary and not draft.rating_seen:
                draft.area_paragraphs.append(paragraph)
            else:
                _spill(draft, paragraph, template)
    _rate_in_order(drafts, in_a_row, template)
    _mark_shared_summaries(drafts)
    return drafts


def _titles_by_place(lines: list[Paragraph], template: Template) -> set[int]:
    """The indexes of lines that title an area by where they stand, however plain (not bold,
    not in capitals, no Ofsted area): straight before a labelled rating line ("Rating: RED"),
    or, in a table flattened one cell a line in row order (LibreOffice's text export), in its
    rows' title place, which its header lines say (:func:`_title_place`)."""
    rated = [find_rating_line(line.text) is not None for line in lines]
    titles = {index - 1 for index, line in enumerate(lines)
              if index and _is_labelled_rating(line.text, template)}
    place: str | None = None
    edge = 0  # where the row being read began: after the header or the last row's ratings
    index = 0
    while index < len(lines):
        size = _header_size(lines, index, template)
        if size:
            place = _title_place(lines[index:index + size], template)
            index = edge = index + size
            if place == "after":
                titles.add(index)
            continue
        if not rated[index]:
            index += 1
            continue
        end = index
        while end < len(lines) and rated[end]:
            end += 1
        if place == "before" and index > edge:
            titles.add(index - 1)
        elif place == "heads":
            titles.add(_first_of_short_lines(lines, edge, index))
        elif place == "after":
            titles.add(end)
        index = edge = end
    return {i for i in titles if i < len(lines) and _can_title(lines[i], template)}


def _header_size(lines: list[Paragraph], start: int, template: Template) -> int:
    """How many lines from ``start`` on are a table's header cells, one a line."""
    size = 0
    while start + size < len(lines) and _is_column_headings(lines[start + size], template):
        size += 1
    return size


def _title_place(header: list[Paragraph], template: Template) -> str | None:
    """Where a row's title stands in a table flattened one cell a line, from its header cells
    in order, the first being the area's whatever it says: "before" its rating lines when the
    rating columns follow the area's ("Area" / "Rating" / "Summary"), "heads" the short lines of
    plan items before them ("Area" / "Improvement plan" / "RAG" / "Summary"), "after" the last
    row's when the rating columns end the row ("Area" / "Summary" / "Rating now"); None when the
    header does not name an area, a rating and a summary column, in that order of columns."""
    roles = [template.table_role(line.text) for line in header]
    if roles[0] in ("rating", "summary") or "rating" not in roles or "summary" not in roles:
        return None
    rating = [role == "rating" or (role == "ignore" and bool(_NAMES_A_RATING.search(line.text)))
              for role, line in zip(roles, header, strict=True)]
    first = rating.index(True)
    between = roles[1:first]
    if not between:
        return "before"
    if all(role == "plan" for role in between):
        return "heads"
    return "after" if all(rating[first:]) else None


def _first_of_short_lines(lines: list[Paragraph], edge: int, end: int) -> int:
    """The first of the short lines (no sentence) that run up to ``end``, from ``edge`` on."""
    start = end
    while start > edge and _is_title_alone(lines[start - 1].text.strip()):
        start -= 1
    return start


def _can_title(line: Paragraph, template: Template) -> bool:
    """A line that may be an area's title: short, no sentence, no bullet, heading or rating."""
    text = line.text.strip()
    return (line.kind != "bullet" and any(c.isalpha() for c in text) and _is_title_alone(text)
            and _rating_line(text, template) is None and not template.match_heading(text)
            and not _is_column_headings(line, template))


def _is_labelled_rating(text: str, template: Template) -> bool:
    """A line that is a rating after a label naming it ("Rating: RED", "RAG: Amber")."""
    label, colon, rest = text.partition(":")
    return bool(colon) and _labelled_rating(label, rest, template) is not None


def _mark_shared_summaries(drafts: list[AssessmentDraft]) -> None:
    """Mark a summary that comes after two or more areas with none of their own."""
    empty = 0
    for draft in drafts:
        if draft.summary and empty >= _SHARED_AFTER:
            draft.summary_shared = True
        empty = 0 if draft.summary else empty + 1


def _rate_in_order(drafts: list[AssessmentDraft], lines: list[Paragraph],
                   template: Template) -> None:
    """Give rating lines read one after another to the areas before them: one line to the last
    area (as its summary would take it); several to as many unrated areas ending the list, in
    order, and to none when fewer areas wait (which line is whose is then unknown)."""
    if len(lines) == 1:
        _spill(drafts[-1], lines[0], template)
        return
    waiting = 0
    while waiting < len(drafts) and not drafts[-1 - waiting].rating_seen:
        waiting += 1
    if lines and waiting >= len(lines):
        for draft, line in zip(drafts[-len(lines):], lines, strict=True):
            _spill(draft, line, template)


def _title_with_rating(paragraph: Paragraph) -> tuple[Paragraph, RatingReading, str] | None:
    """A title line that ends with its rating in brackets or after a dash ("3.2 Help and
    protection [AMBER]", "Care leavers – GREEN ↑"): the title without its number and the
    rating; None for any other line."""
    text = paragraph.text
    match = _BRACKETED_RATING.match(text)
    if match is not None:
        spans = [(match.start("title"), match.end("title"), match.start("rating"))]
    else:
        number = _NUMBER.match(text)
        start = number.end() if number else 0
        spans = [(start, dash.start(), dash.end()) for dash in _DASH.finditer(text, start)]
    for start, end, rating_start in spans:
        rating_text = text[rating_start:].strip().rstrip(")]").strip()
        reading = find_rating_line(rating_text)
        if reading is not None and 0 < len(text[start:end].split()) <= _MAX_TITLE_WORDS:
            return paragraph.part(start, end, kind="heading"), reading, rating_text
    return None


def _join_wrapped_titles(paragraphs: list[Paragraph], template: Template) -> list[Paragraph]:
    """Title lines that a narrow column wrapped ("CHILDREN WHO NEED" / "HELP AND" /
    "PROTECTION") made one title again: two or three title lines in a row are one when together
    they name an Ofsted area that no later line names another of, or when a line ends with a
    word no title ends with ("LEADERSHIP, MANAGEMENT AND") or the next starts with a word no
    title starts with ("CHILDREN IN NEED" / "OF HELP AND PROTECTION")."""
    joined: list[Paragraph] = []
    index = 0
    while index < len(paragraphs):
        size = 1
        for count in (2, 3):
            group = paragraphs[index:index + count]
            if len(group) < count or not all(_is_area_heading(p) for p in group):
                break
            text = " ".join(p.text.strip() for p in group)
            key = area_key(text)
            names_area = key in OFSTED_AREAS and all(
                area_key(p.text) == key or area_key(p.text) not in OFSTED_AREAS
                for p in group[1:])
            if names_area or (size == count - 1 and (
                    template.heading_unfinished(group[-2].text)
                    or template.heading_continued(group[-1].text))):
                size = count
        group = paragraphs[index:index + size]
        first = group[0]
        if size > 1:
            first = replace(first, text=" ".join(p.text.strip() for p in group), end=group[-1].end)
        joined.append(first)
        index += size
    return joined


def _join_wrapped_ratings(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """A rating line wrapped after its dash, slash or "to" ("AMBER/" / "GREEN") made one line
    again."""
    joined: list[Paragraph] = []
    for paragraph in paragraphs:
        last = joined[-1] if joined else None
        text = f"{last.text.strip()}{paragraph.text.strip()}" if last else ""
        if (last is not None and last.text.rstrip().lower().endswith(("/", "-", "\u2013", " to"))
                and find_rating_line(paragraph.text) and find_rating_line(text)):
            joined[-1] = replace(last, text=text, end=paragraph.end)
        else:
            joined.append(paragraph)
    return joined


def _is_column_headings(paragraph: Paragraph, template: Template) -> bool:
    """A table's header row flattened into a line ("AREA    IMPROVEMENT PLAN    RAG"), or a
    piece of one ("ACTIONS"): every column of it names a table role."""
    text = paragraph.text.strip()
    pieces = text_columns(text)
    if ":" in text or not pieces:  # "RAG rating: Red/Amber" is a rating line
        return False
    if len(pieces) == 1:
        return template.is_column_heading(text)
    return all(template.table_role(piece) for piece in pieces)


def _is_area_heading(paragraph: Paragraph) -> bool:
    text = paragraph.text.strip().rstrip(":")
    if not text or len(text.split()) > _MAX_TITLE_WORDS or text.endswith("."):
        return False
    if find_rating_line(text) is not None:
        return False
    if area_key(text) in OFSTED_AREAS:
        return True
    return any(c.isalpha() for c in text) and (paragraph.kind == "heading" or paragraph.bold
                                               or in_capitals(text))


def _reads_as_rating_cell(cell: Cell) -> bool:
    text = cell.text.strip()
    if not text:
        return cell.fill is not None
    reading = parse_rating(text)
    return len(text.split()) <= _MAX_RATING_WORDS and (
        reading.rating is not None or reading.is_placeholder
    )


def _is_short(cell: Cell) -> bool:
    return len(cell.text.split()) <= _MAX_RATING_WORDS


def _read_rating_cell(draft: AssessmentDraft, cell: Cell, *, changes: bool = False,
                      legend: dict[str, Rating] | None = None,
                      colours: dict[str, Rating] | None = None) -> None:
    """The rating from the cell's words, else from the report's own key to words of progress
    (``legend``: "Limited progress = red"), else its shading; the placeholder R/A/G is no rating
    unless the cell is shaded (the adviser coloured it and left the words), and no line of a
    change written over lines ("Amber →" / "Green") is the rating. In a column of ``changes``
    the words are read on the rating after the arrow."""
    if draft.rating is not None:  # a continuation of a row already rated
        return
    whole = _WRAPPED_AT_DASH.sub(r"\1", cell.text).replace("\n", " ")  # "Red-" / "Amber"
    joined: RatingReading | None = None
    if changes and names_a_change(whole):
        joined = rating_after_change(whole)
    elif len(cell.paragraphs) > 1:
        joined = parse_rating(whole)
    if joined is not None and joined.rating is not None:
        _set_rating(draft, joined, whole)
        return
    # "Amber →" / "Amber/Green": a change from one rating to another, wrapped; no line is it
    lines = [] if joined is not None and (joined.is_transition or changes) else cell.paragraphs
    for paragraph in lines:
        reading = parse_rating(paragraph.text)
        if reading.rating is not None:
            _set_rating(draft, reading, paragraph.text)
            return
        if reading.is_placeholder:
            _set_rating(draft, reading, paragraph.text)
    keyed = legend_rating(whole, legend or {})
    if keyed is not None:
        _set_rating(draft, RatingReading(keyed, text=whole), whole)
        return
    shaded = ((colours or {}).get(cell.fill) or rating_from_fill(cell.fill)) if cell.fill else None
    if shaded is not None:
        draft.rating, draft.rating_text = shaded, f"fill:{cell.fill}"
        draft.placeholder, draft.rating_seen = False, True
    elif not draft.rating_seen and cell.text.strip():
        draft.rating_text = cell.text.strip()


def _rating_line(text: str, template: Template) -> RatingReading | None:
    """A paragraph that is only a rating ("AMBER") or a labelled one ("RAG rating: Amber")."""
    reading = find_rating_line(text)
    if reading is not None:
        return reading
    label, colon, rest = text.partition(":")
    return _labelled_rating(label, rest, template) if colon else None


def _labelled_rating(label: str, value: str, template: Template) -> RatingReading | None:
    """The rating ``value`` states when ``label`` names the rating ("RAG", "Progress rating"),
    not when a title runs before it ("Adoption – Rating: Green" titles an area)."""
    if _DASH.search(label) or template.table_role(label) != "rating":
        return None
    return find_rating_line(value)


def _set_rating(draft: AssessmentDraft, reading: RatingReading, text: str) -> None:
    draft.rating, draft.rating_text = reading.rating, text.strip()
    draft.placeholder = reading.is_placeholder
    draft.rating_seen = True


def _spill(draft: AssessmentDraft, paragraph: Paragraph, template: Template) -> None:
    """Add a summary paragraph; a paragraph that is only a rating is the row's rating."""
    if template.is_instruction(paragraph.text):
        return
    if not draft.rating_seen:
        reading = _rating_line(paragraph.text, template)
        if reading is not None:
            _set_rating(draft, reading, paragraph.text)
            return
        opening = _LABELLED_RATING.match(paragraph.text)  # "Rating: Amber (no change). The …"
        if opening is not None:
            reading = _labelled_rating(opening["label"], opening["rating"], template)
            if reading is not None:
                _set_rating(draft, reading, opening["rating"])
    if paragraph.text:
        draft.summary.append(paragraph)


def _ofsted_title_end(text: str) -> int | None:
    """Where an Ofsted area's title ends when a PDF ran it into the next sentence ("Adoption
    performance Business as usual; …"): the first sentence start after a title, or None."""
    for start in _SENTENCE_START.finditer(text[:200]):
        if len(text[:start.start()].split()) > _MAX_TITLE_WORDS:
            break
        if area_key(text[:start.start()]) in OFSTED_AREAS:
            return start.start()
    return None


def _starts_with_title(paragraph: Paragraph) -> bool:
    """Does an area cell begin with an area title (so the row is not a continuation)?"""
    text = paragraph.text.strip()
    if not text or not text[0].isalpha() or text[0].islower():
        return False
    if _GLUED_TITLE.match(text) or _ofsted_title_end(text) is not None:
        return True
    if not _is_title_alone(text.rstrip(":")):
        return False
    words = text.rstrip(":").split()
    if area_key(text) in OFSTED_AREAS or paragraph.bold or paragraph.kind == "heading":
        return True
    if in_capitals(text):
        return True
    capitalised = sum(w[0].isupper() for w in words if len(w) > 3)
    return capitalised >= max(1, len([w for w in words if len(w) > 3]) - 1)


def _split_title(paragraph: Paragraph) -> tuple[Paragraph, list[Paragraph]]:
    """Split "SOCIAL WORK PRACTICE To deliver …" into the title and the rest."""
    match = _GLUED_TITLE.match(paragraph.text)
    if match:
        title = paragraph.part(0, len(match.group(1)), kind="heading", bold=True)
        return title, [paragraph.part(match.end(), kind="paragraph")]
    text = paragraph.text.rstrip().rstrip(":")
    end = None if _is_title_alone(text) else _ofsted_title_end(text)
    if end is None:
        return paragraph.part(0, len(text)), []
    rest = len(text) - len(text[end:].lstrip())
    return paragraph.part(0, end), [paragraph.part(rest, kind="paragraph")]


def _is_title_alone(text: str) -> bool:
    """A short line with no sentence in it: the whole of it is the title."""
    return len(text.split()) <= _MAX_TITLE_WORDS and not text.endswith(".")
