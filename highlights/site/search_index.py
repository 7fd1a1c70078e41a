"""The items the search page searches, exported as JSON that is safe inside a ``<script>``."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

from corpus.store import ArchiveStore, PassageFilter

__all__ = ["search_records", "script_json"]

_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
                   0x2028: "\\u2028", 0x2029: "\\u2029"}


def search_records(store: ArchiveStore, pages: Mapping[str, str]) -> list[dict[str, Any]]:
    """Every searchable passage of the archive's current reports, in archive order.

    ``pages`` maps an authority (case-folded) to the link of its page.
    """
    return [
        {
            "authority": passage.authority,
            "period": passage.period.label if passage.period else None,
            "end": passage.period.end if passage.period else None,
            "section": passage.section,
            "area": passage.area,
            "text": passage.text,
            "page": pages.get((passage.authority or "").casefold()),
        }
        for passage in store.passages(PassageFilter())
    ]


def script_json(data: object) -> Markup:
    """``data`` as JSON to embed in ``<script type="application/json">``: no ``<``, ``>`` or
    ``&`` appear literally, so document text cannot close the script element."""
    return Markup(json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES))
