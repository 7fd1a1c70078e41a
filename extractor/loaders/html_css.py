"""The bits of CSS the HTML loader reads: colours, and class rules from ``<style>`` sheets.

Exporters such as Google Docs put bold, alignment, cell colours and list levels in class rules
(``.c3{font-weight:700}``, ``<ul class="lst-kix_x-1">``) rather than inline styles; resolving a
tag's classes into one style string lets the loader read both the same way.
"""

from __future__ import annotations

import re

from extractor.loaders.config import config

__all__ = ["StyleSheet", "css_colour", "class_list_level"]

_RGB = re.compile(r"rgba?\(\s*(\d+)%?\s*,\s*(\d+)%?\s*,\s*(\d+)%?", re.IGNORECASE)
_HEX = re.compile(r"#([0-9a-f]{6}|[0-9a-f]{3})\b", re.IGNORECASE)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_CLASS_SELECTOR = re.compile(r"^(?:[a-z0-9]*)\.([\w-]+)$", re.IGNORECASE)
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
# Google Docs names a list's nesting level in a class: "lst-kix_abc123-2" is level 2.
_LIST_LEVEL_CLASS = re.compile(r"\blst-[\w]+-(\d+)\b")


def css_colour(value: str | None) -> str | None:
    """``#ffc000``, ``#fc0``, ``rgb(255,192,0)``, ``amber`` → ``"FFC000"``; else None."""
    if not value:
        return None
    value = value.strip()
    match = _HEX.search(value)
    if match:
        digits = match.group(1)
        return (digits if len(digits) == 6 else "".join(c * 2 for c in digits)).upper()
    match = _RGB.search(value)
    if match:
        return "".join(f"{min(int(part), 255):02X}" for part in match.groups())
    word = value.split()[0].lower() if value.split() else ""
    colours: dict[str, str] = config()["html"]["colours"]
    return colours.get(word) or (value.upper() if re.fullmatch(r"[0-9a-fA-F]{6}", value) else None)


def class_list_level(classes: str) -> int | None:
    """The list level a list's class names state (Google Docs' ``lst-kix_…-N``), or None."""
    match = _LIST_LEVEL_CLASS.search(classes)
    return int(match.group(1)) if match and len(match.group(1)) < 3 else None


class StyleSheet:
    """Declarations of single-class rules (``.c3{…}``, ``td.c3{…}``) from ``<style>`` text."""

    def __init__(self) -> None:
        self._rules: dict[str, str] = {}

    def add(self, css: str) -> None:
        """Read the rules of one ``<style>`` element's text."""
        for selectors, declarations in _RULE.findall(_COMMENT.sub("", css)):
            for selector in selectors.split(","):
                match = _CLASS_SELECTOR.match(selector.strip())
                if match:
                    name = match.group(1)
                    self._rules[name] = f"{self._rules.get(name, '')};{declarations}"

    def style(self, attributes: dict[str, str]) -> str:
        """The tag's inline style followed by its classes' declarations (inline ones win,
        as the first match of a property is the one read)."""
        classes = attributes.get("class", "").split()
        return ";".join([attributes.get("style", "")] + [self._rules.get(c, "") for c in classes])
