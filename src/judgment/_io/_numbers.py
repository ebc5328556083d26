"""Numbers as written in data files: a float the text cannot become is refused, never rounded away.

Python reads ``1.0e-400`` as 0.0 and ``1.0e+309`` as inf without a word. Evidence then judges a figure
written non-zero as zero (or refuses an infinity far from where it was written), so every reader of
numbers (the fast YAML and JSON paths, and the located parser that reports) asks here first.
"""

from __future__ import annotations

import math
import re

_NONZERO_DIGIT = re.compile(r"[1-9]")


def unreadable(text: str, value: float) -> str | None:
    """Why the literal `text`, read as `value`, cannot stand for itself; None when it can."""
    if math.isinf(value) and not text.lstrip("+-").lower().startswith((".inf", "inf")):
        return f"the number {_shown(text)} is too large to hold"
    if value == 0.0 and _NONZERO_DIGIT.search(re.split("[eE]", text, maxsplit=1)[0]):
        return f"the number {_shown(text)} is too small to hold: it would be read as 0"
    return None


def _shown(text: str) -> str:
    """The literal as the message echoes it: at most 24 characters (a literal may have thousands)."""
    return text[:24] + ("..." if len(text) > 24 else "")
