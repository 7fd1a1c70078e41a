"""PDF fill colours → ``#RRGGBB``.

pdfminer reports a path's fill colour as a tuple of components in 0..1 whose length gives the
colour space: 1 = gray, 3 = RGB, 4 = CMYK. Pattern and separation colours have no RGB value
here and give None.
"""

from __future__ import annotations

from typing import Any

__all__ = ["to_hex"]


def to_hex(colour: Any) -> str | None:
    """Convert a pdfminer colour (gray, RGB or CMYK components in 0..1) to ``#RRGGBB``."""
    if isinstance(colour, int | float):
        colour = (colour,)
    if not isinstance(colour, tuple | list) or not all(
        isinstance(c, int | float) for c in colour
    ):
        return None
    values = [min(1.0, max(0.0, float(c))) for c in colour]
    if len(values) == 1:
        rgb = values * 3
    elif len(values) == 3:
        rgb = values
    elif len(values) == 4:
        c, m, y, k = values
        rgb = [(1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)]
    else:
        return None
    return "#" + "".join(f"{round(v * 255):02X}" for v in rgb)
