"""A user's search words as an FTS5 query: FTS5's own syntax, with stray punctuation quoted."""

from __future__ import annotations

import re

from models.errors import QuerySyntaxError

__all__ = ["to_fts_query"]

_OPERATORS = {"AND", "OR", "NOT"}
_PUNCTUATION = {"(", ")", ","}
_BAREWORD = re.compile(r"^[^\W]+\*?$")  # letters, digits, underscore; optional prefix star
_TOKEN = re.compile(r'"(?:[^"]|"")*"|[(),]|[^\s(),"]+|"')


def _quote(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def to_fts_query(query: str) -> str:
    """Rewrite ``query`` for FTS5 MATCH.

    Phrases in double quotes, ``AND``/``OR``/``NOT``, parentheses and ``prefix*`` keep their
    FTS5 meaning; any other word that FTS5 would misread (``re-referral``, ``children's``,
    ``1:1``, ``16+``) is quoted as a phrase. Plain words are ANDed, as FTS5 does.
    Raises :class:`QuerySyntaxError` for an empty query or an unbalanced quote.
    """
    if not query or not query.strip():
        raise QuerySyntaxError("empty search query")
    parts: list[str] = []
    groups: list[bool] = []  # one per open parenthesis: is it a NEAR group?
    for token in _TOKEN.findall(query):
        if token == '"':
            raise QuerySyntaxError(f"unbalanced double quote in query: {query}")
        if token == "(":
            groups.append(bool(parts) and parts[-1] == "NEAR")
        elif token == ")" and groups:
            groups.pop()
        elif token == "," and not (groups and groups[-1]):
            continue  # a comma only means something inside NEAR(...)
        kept = token.startswith('"') or token in _OPERATORS or token in _PUNCTUATION
        if kept or _BAREWORD.match(token):
            parts.append(token)
        else:
            parts.append(_quote(token))
    return " ".join(parts)
