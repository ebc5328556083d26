"""Finding text templates and recommendation deadlines."""

from __future__ import annotations

import re
import string

from judgment._diagnostics import excerpt
from judgment._lang import _ast as ast
from judgment._lang._parser import ExpressionSyntaxError, parse_expression
from judgment._rulebook._model import Deadline, Template

_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty-four": 24}
_DEADLINE = re.compile(r"^within\s+(?P<amount>\d+|[a-z\-]+)\s+(?P<unit>day|week|month|year)s?$", re.IGNORECASE)


class TemplateError(Exception):
    def __init__(self, message: str, offset: int, hint: str | None = None) -> None:
        super().__init__(message)
        self.message, self.offset, self.hint = message, offset, hint


def parse_template(text: str) -> Template:
    """Split ``{kind.field}`` placeholders out of a text; ``{{`` and ``}}`` are literal braces."""
    fields = []
    literals, literal_here = [], ""
    offset = 0
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError as exc:
        raise TemplateError(f"unbalanced braces in text: {exc}", 0, "write {{ or }} for a literal brace") from None
    for literal, name, spec, conversion in parts:
        literal_here += literal
        # A piece that ends in a brace and has no field ends at an escape: two braces written, one read.
        offset += len(literal) + (name is None and literal[-1:] in ("{", "}"))
        if name is None:
            continue
        literals.append(literal_here)
        literal_here = ""
        if spec or conversion:
            raise TemplateError("placeholders take no format or conversion", offset, "write just {kind.field}")
        try:
            node = parse_expression(name)
        except ExpressionSyntaxError as exc:
            raise TemplateError(f"placeholder {excerpt(name)}: {exc.message}", offset + 1 + exc.offset) from None
        if not isinstance(node, ast.Path):
            raise TemplateError(f"placeholder {excerpt(name)} must be a name such as kind.field", offset + 1)
        shifted = ast.Path(node.parts, ast.Span(offset + 1, offset + 1 + len(name)))
        fields.append((name, shifted))
        offset += len(name) + 2
    return Template(text, tuple(fields), (*literals, literal_here))


def parse_deadline(text: str) -> Deadline:
    match = _DEADLINE.match(text.strip())
    if not match:
        raise TemplateError(f"cannot read the deadline {excerpt(text)}", 0,
                            "write it as 'within six months', 'within 3 months' or 'within 28 days'")
    amount_text = match["amount"].lower()
    amount = int(amount_text) if amount_text.isdigit() else _NUMBERS.get(amount_text)
    if amount is None or amount <= 0:
        raise TemplateError(f"cannot read the number {excerpt(match['amount'])} in the deadline", match.start("amount"),
                            "write the number in digits, e.g. 'within 6 months'")
    return Deadline(amount, match["unit"].lower() + "s", text.strip())
