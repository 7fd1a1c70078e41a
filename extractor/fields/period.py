"""Reporting periods and update months: labels in many house styles → ``YYYY-MM`` months.

Readings, in order: dates and month names ("July to December 2020", "01/07/2020 - 31/12/2020",
"Dec 20 – Feb 21"), financial or calendar quarters ("Q3 2021/22", "Q3 2021"), seasons and
school terms ("Summer 2021", "Autumn term 2021"), a financial year alone ("2021/22") and a
calendar year alone ("2021"). Months that carry a year beat a quarter or season named beside
them ("Q3 (Oct-Dec) 2021"). "6 weeks to 17 March 2023" runs from the month six weeks before
that date. A range runs from its first date to its last; a month without a
year borrows one from its neighbour, rolling back a year where it would otherwise start after
it ends ("November to January 2021" = 2020-11..2021-01).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from extractor.fields._data import load_toml
from extractor.fields._text import squash
from models.report import Period

__all__ = ["parse_period", "parse_month", "covered_period"]

_FIRST_YEAR, _LAST_YEAR = 1900, 2099
_MONTH_TEXT = re.compile(r"(\d{4})-(?:0[1-9]|1[0-2])")
_YEAR = r"(?<![\d/.-])((?:19|20)\d\d)(?![\d])"
_FINANCIAL = re.compile(
    r"(?<![\d/])(?:fy\s*)?((?:19|20)?\d\d)\s*[/-]\s*((?:19|20)?\d\d)(?![\d/.-])"
)
_NUMERIC = re.compile(
    r"(?<![\d/.-])(?:(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})"  # day/month/year
    r"|(\d{4})-(\d{1,2})(?:-\d{1,2})?"  # ISO year-month(-day)
    r"|(\d{1,2})/(\d{4}))(?![\d/.-])"  # month/year
)


@dataclass(frozen=True)
class _Month:
    month: int
    year: int | None


@dataclass(frozen=True)
class _Words:
    """``periods.toml`` compiled: month names, seasons and school terms."""

    named: re.Pattern[str]
    numbers: dict[str, int]
    quarter: re.Pattern[str]
    quarter_numbers: dict[str, int]
    season: re.Pattern[str]
    seasons: dict[str, tuple[int, int]]
    terms: dict[str, tuple[int, int]]
    financial_year_start: int
    weeks_to: re.Pattern[str]
    weekly: re.Pattern[str]
    week_ending: re.Pattern[str]
    number_words: dict[str, int]
    covering: re.Pattern[str]


@cache
def _words() -> _Words:
    data = load_toml("periods.toml")
    numbers = {name: index for index, names in enumerate(data["months"], 1) for name in names}
    names = "|".join(sorted(numbers, key=len, reverse=True))
    named = re.compile(
        rf"(?:\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?)?\b({names})\b\.?"
        rf"(?:\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)"  # "March 15, 2021"
        # a year after the month, unless it is the day of the next date ("3 October – 14 Nov")
        rf"|[\s,'\u2019/)-]*(\d{{4}}|\d\d)(?!\d|st|nd|rd|th|:|\.\d|/\d|\s+(?:{names})\b))?"
    )
    seasons = "|".join(sorted({*data["seasons"], *data["terms"]}))
    ordinals = "|".join(data["quarters"])
    quarter = re.compile(
        rf"\b(?:q|quarter\s*)(\d|{ordinals})\b|\b(\d|{ordinals})(?:st|nd|rd|th)?\s+quarter\b"
    )
    return _Words(
        named=named,
        numbers=numbers,
        quarter=quarter,
        quarter_numbers={k: int(v) for k, v in data["quarters"].items()},
        season=re.compile(rf"\b({seasons})\b(\s+(?:half[\s-]?)?term)?"),
        seasons={k: (int(v[0]), int(v[1])) for k, v in data["seasons"].items()},
        terms={k: (int(v[0]), int(v[1])) for k, v in data["terms"].items()},
        financial_year_start=int(data["financial_year_start"]),
        weeks_to=re.compile(
            rf"\b(\d{{1,2}}|{'|'.join(data['number_words'])})[\s-]+weeks?\s+(?:period\s+)?"
            r"(?:to|ending|up\s+to|until)\s+(?:(?:w/?e|week\s+ending)\s+)?"),
        weekly=re.compile(rf"\b(\d{{1,2}}|{'|'.join(data['number_words'])})[\s-]*weekly\b"),
        week_ending=re.compile(r"\b(?:w/?e|week\s+ending|period\s+ending)\s+"),
        number_words={k: int(v) for k, v in data["number_words"].items()},
        covering=re.compile(data["covering"], re.IGNORECASE),
    )


def _full_year(text: str) -> int:
    value = int(text)
    return value + 2000 if value < 100 else value


def _month(month: int, year: int | None) -> _Month | None:
    if not 1 <= month <= 12 or (year is not None and not _FIRST_YEAR <= year <= _LAST_YEAR):
        return None
    return _Month(month, year)


def _shift(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def _financial_year(text: str) -> int | None:
    """The first calendar year of a financial or academic year written "2021/22", "21-22"."""
    for match in _FINANCIAL.finditer(text):
        first, second = _full_year(match.group(1)), _full_year(match.group(2))
        if second == first + 1 and _FIRST_YEAR <= first < _LAST_YEAR:
            return first
    return None


def _single_year(text: str) -> int | None:
    years = [int(y) for y in re.findall(_YEAR, text)]
    return years[-1] if years else None


def _period(label: str, start: tuple[int, int], end: tuple[int, int]) -> Period | None:
    if start > end or not _FIRST_YEAR <= start[0] <= end[0] <= _LAST_YEAR:
        return None
    return Period(label=label, start=f"{start[0]:04d}-{start[1]:02d}",
                  end=f"{end[0]:04d}-{end[1]:02d}")


def _quarters(text: str, label: str, reference_year: int | None) -> Period | None:
    words = _words()
    quarters = [
        int(q) if q.isdigit() else words.quarter_numbers[q]
        for q in (a or b for a, b in words.quarter.findall(text))
    ]
    if not all(1 <= q <= 4 for q in quarters):
        return None
    financial = _financial_year(text)
    if financial is not None:
        year, month = financial, words.financial_year_start
    else:
        year, month = _single_year(text) or reference_year or 0, 1
        if not year:
            return None
    start = _shift(year, month, 3 * (quarters[0] - 1))
    end = _shift(year, month, 3 * quarters[-1] - 1)
    return _period(label, start, end)


def _season(
    match: re.Match[str], text: str, label: str, reference_year: int | None
) -> Period | None:
    words = _words()
    name, is_term = match.group(1), bool(match.group(2))
    table = words.terms if is_term and name in words.terms else words.seasons
    if name not in table:
        return None
    first, last = table[name]
    financial = _financial_year(text)
    if financial is not None:
        year = financial + (1 if first < 9 else 0)
    else:
        year = _single_year(text) or reference_year or 0
    if not year:
        return None
    return _period(label, (year, first), (year + (1 if last < first else 0), last))


def _mentions(text: str) -> list[tuple[int, _Month]]:
    """Every date or month name in ``text``, with its position, in reading order."""
    named, numbers = _words().named, _words().numbers
    found: list[tuple[int, _Month | None]] = []
    for m in _NUMERIC.finditer(text):
        if m.group(1):
            first, second = int(m.group(1)), int(m.group(2))
            month = second if second <= 12 else first  # day-first, unless that cannot be
            found.append((m.start(), _month(month, _full_year(m.group(3)))))
        elif m.group(4):
            found.append((m.start(), _month(int(m.group(5)), int(m.group(4)))))
        else:
            found.append((m.start(), _month(int(m.group(6)), int(m.group(7)))))
    for m in named.finditer(text):
        year = m.group(4) or m.group(5)
        found.append((m.start(), _month(numbers[m.group(2)], _full_year(year) if year else None)))
    return sorted((pos, month) for pos, month in found if month is not None)


def _months(text: str, label: str, reference_year: int | None, *,
            year: int | None = None) -> Period | None:
    """The span from the first month ``text`` names to the last; ``year`` (else a year the
    months or the text give, else ``reference_year``) is the year of the last."""
    mentions = [month for _, month in _mentions(text)]
    if not mentions:
        return None
    first, last = mentions[0], mentions[-1]
    anchor = year or last.year or first.year or _single_year(text) or reference_year
    if anchor is None:
        return None
    if last.year is None and first.year is not None:
        end_year = first.year + (1 if last.month < first.month else 0)
    else:
        end_year = last.year or anchor
    start_year = first.year or end_year - (1 if first.month > last.month else 0)
    return _period(label, (start_year, first.month), (end_year, last.month))


def _weeks_to(text: str, label: str) -> Period | None:
    """"6 weeks to 17 March 2023", "w/e 28 February 2025 (six-weekly)": the months from that
    many weeks before the date to the date."""
    words = _words()
    found = words.weeks_to.search(text)
    weekly, ending = words.weekly.search(text), words.week_ending.search(text)
    if found:
        count, rest = found.group(1), text[found.end():]
    elif weekly and ending:
        count, rest = weekly.group(1), text[ending.end():]
    else:
        return None
    weeks = int(count) if count.isdigit() else words.number_words[count]
    numeric, named = _NUMERIC.match(rest), words.named.match(rest)
    if numeric and numeric.group(1):
        day, month, year = int(numeric.group(1)), int(numeric.group(2)), numeric.group(3)
    elif named and named.group(1) and (named.group(4) or named.group(5)):
        day, month = int(named.group(1)), words.numbers[named.group(2)]
        year = named.group(4) or named.group(5)
    else:
        return None
    try:
        end = date(_full_year(year), month, day)
    except ValueError:  # "31 February"
        return None
    start = end - timedelta(weeks=weeks)
    return _period(label, (start.year, start.month), (end.year, end.month))


_BRACKETED = re.compile(r"\(([^()]*)\)")


def parse_period(label: str, *, reference_year: int | None = None) -> Period | None:
    """The months a reporting-period label covers, or None when it names no months.

    ``reference_year`` supplies the year where the label gives none ("July to December").
    Never raises; ``start <= end`` always holds.
    """
    clean = squash(label or "")
    text = clean.lower().replace("\u2013", "-").replace("\u2014", "-")
    if not text:
        return None
    counted_back = _weeks_to(text, clean)
    if counted_back is not None:
        return counted_back
    mentions = _mentions(text)
    quarter, season = _words().quarter.search(text), _words().season.search(text)
    if mentions and (any(m.year for _, m in mentions) or not (quarter or season)):
        return _months(text, clean, reference_year)  # explicit months beat a quarter's name
    named = (_quarters(text, clean, reference_year) if quarter else
             _season(season, text, clean, reference_year) if season else None)
    bracketed = _BRACKETED.search(text)
    if named is not None and named.end and bracketed and _mentions(bracketed.group(1)):
        # "Spring 2025 (January to March)": the months in brackets, in the season's year
        return _months(bracketed.group(1), clean, None, year=int(named.end[:4]))
    if quarter or season:
        return named
    financial = _financial_year(text)
    if financial is not None:
        first_month = _words().financial_year_start
        return _period(clean, (financial, first_month), _shift(financial, first_month, 11))
    year = _single_year(text)
    return _period(clean, (year, 1), (year, 12)) if year else None


# The words after "covering" are the period only when they are this short ("January and
# February 2025"; "Saltmarrow Council's progress from June to August 2025").
_MAX_COVERED_WORDS = 10


def covered_period(text: str) -> str | None:
    """The period a sentence or a date says it covers: "12 March 2025 (covering January and
    February 2025)", "This report … covers the council's progress from June to August 2025"
    give the words after the cue, when they name months; else None."""
    found = _words().covering.search(text or "")
    if found is None:
        return None
    words = re.split(r"[);]|\.(?:\s|$)", text[found.end():], maxsplit=1)[0].strip(" ,:")
    if len(words.split()) > _MAX_COVERED_WORDS:  # "January and February 2024 and has been …"
        words = _dated_opening(words) or ""
    if parse_period(words) is None:
        return None
    _, since, rest = words.rpartition(" from ")  # "the council's progress from June to …"
    return rest if since and parse_period(rest) is not None else words


def _dated_opening(words: str) -> str | None:
    """The longest opening of ``words`` (up to the most a covered period takes) that ends
    with a year ("January and February 2024" of "… 2024 and has been prepared by …")."""
    tokens = words.split()[:_MAX_COVERED_WORDS]
    for size in range(len(tokens), 0, -1):
        if re.fullmatch(r"(?:19|20)\d{2}(?:[/-]\d{2})?,?", tokens[size - 1]):
            return " ".join(tokens[:size]).rstrip(",")
    return None


def parse_month(
    label: str, *, reference_year: int | None = None, after: str | None = None
) -> str | None:
    """The ``YYYY-MM`` month a "date of next update" names ("w/c 15 March 2021", "Mar-21",
    "15/03/2021"); the first month of a range; None for "TBC" and the like. Never raises.

    A label without a year takes ``reference_year``, or else the first such month on or after
    ``after`` (a ``YYYY-MM`` month, such as the end of the reporting period): "March" after
    "2020-12" is "2021-03".
    """
    anchor = _MONTH_TEXT.fullmatch(after or "")
    if reference_year is None and anchor is not None:
        period = parse_period(label, reference_year=int(anchor.group(1)))
        if period is not None and period.start is not None and period.start < anchor.group(0):
            period = parse_period(label, reference_year=int(anchor.group(1)) + 1)
    else:
        period = parse_period(label, reference_year=reference_year)
    return period.start if period is not None else None
