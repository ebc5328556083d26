"""Data made safe for the place it is printed: a terminal, Markdown, HTML.

Quotes, finding texts, record ids and names come from files and from the API; loading refuses control
characters in evidence, but a renderer must not depend on that. So every renderer passes each piece of
data through one of these before it is written, and nothing from data can move the cursor, retitle the
terminal, clear the screen, open a link or run a script.
"""

from __future__ import annotations

import re
from html import escape

#: C0 controls except tab and line feed, DEL, and C1 controls (0x9b alone is a CSI in some terminals).
_CONTROLS = [c for c in (*range(0x00, 0x20), *range(0x7f, 0xa0)) if c not in (0x09, 0x0a)]
_VISIBLE = {c: f"\\x{c:02x}" for c in _CONTROLS}
#: Bidirectional embeddings, overrides, isolates and marks ("Trojan source": text read in another order
#: than it is stored) and the line and paragraph separators (a line break that is not a line feed).
_BIDI = (*range(0x202a, 0x202f), *range(0x2066, 0x206a), 0x200e, 0x200f, 0x061c, 0x2028, 0x2029)
_VISIBLE.update({c: f"\\u{c:04x}" for c in _BIDI})

#: What CommonMark (and GitHub's dialect) reads as inline syntax: emphasis, code, link and image
#: brackets, strikethrough, and the backslash that escapes them. (`!` and `(` mean nothing without
#: `[`; `<` and `&`, for raw HTML, autolinks and entities, become entities.)
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]~])")
#: What starts a block when it opens a line: a heading, quote, list item, rule or setext underline.
_BLOCK_START = re.compile(r"^(\s*)([#>+\-=*]|\d+(?=[.)]))")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def visible(text: str) -> str:
    """`text` with every control character but tab and line feed shown as ``\\xNN``, and every bidirectional
    control or line separator as ``\\uNNNN``: a terminal escape sequence in data prints as the characters it
    is made of and does nothing, and no text is shown in another order than it is."""
    return text.translate(_VISIBLE)


def markdown_text(text: str) -> str:
    """`text` as Markdown that renders as exactly that text: control characters shown, line breaks
    folded (no block syntax can start inside an item), HTML's specials as entities, and every
    character Markdown could read as syntax escaped with a backslash."""
    flat = " ".join(visible(text).splitlines())
    escaped = _MARKDOWN_PUNCTUATION.sub(r"\\\1", flat)
    return "".join(_HTML.get(c, c) for c in escaped)


def markdown_block(text: str) -> str:
    """Like :func:`markdown_text`, for text that opens a line: no heading, list or quote starts there."""
    escaped = markdown_text(text).lstrip()
    return _BLOCK_START.sub(lambda m: m.group(2) + "\\" if m.group(2).isdigit() else "\\" + m.group(2),
                            escaped, count=1)


def markdown_code(text: str) -> str:
    """`text` as a Markdown code span that no backtick in it can close early."""
    flat = " ".join(visible(text).splitlines())
    longest = max((len(run) for run in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {flat} " if flat.startswith("`") or flat.endswith("`") else flat
    return f"{fence}{padded}{fence}"


def html_text(text: str) -> str:
    """`text` for HTML: control characters shown, then ``& < > " '`` as entities (for text and attributes)."""
    return escape(visible(text))
