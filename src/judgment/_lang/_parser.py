"""Parse condition strings into the AST with lark. No Python evaluation is involved."""

from __future__ import annotations

from collections.abc import Iterable
import hashlib
from functools import lru_cache
from typing import Any

import lark
from lark import Lark, Token, Transformer, v_args
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken, VisitError

from judgment._diagnostics import excerpt
from judgment._lang import _ast as ast
from judgment.evidence._strict import MAX_MAGNITUDE, MIN_MAGNITUDE

MAX_EXPRESSION_LENGTH = 2_000

#: Words of the grammar; they cannot name a finding, question, grade or polarity.
RESERVED_WORDS = frozenset({"or", "and", "not", "is", "above", "below", "in", "line", "with", "indeterminate",
                            "against", "within", "at", "least", "most", "true", "false"})
MAX_EXPRESSION_DEPTH = 40

_TOKEN_WORDS = {
    "NAME": "a name", "NUMBER": "a number", "STRING": "a quoted string", "COMPOP": "a comparison",
    "LPAR": "'('", "RPAR": "')'", "COMMA": "','", "DOT": "'.'", "ADDOP": "'+' or '-'", "MULOP": "'*' or '/'",
    "_OR": "'or'", "_AND": "'and'", "NOT": "'not'", "_IS": "'is'", "ABOVE": "'above'", "BELOW": "'below'",
    "_IN": "'in line with'", "_LINE": "'line'", "_WITH": "'with'", "INDETERMINATE": "'indeterminate'",
    "_AGAINST": "'against'", "_WITHIN": "'within'", "_AT": "'at least' or 'at most'", "_LEAST": "'least'",
    "_MOST": "'most'", "TRUE": "'true'", "FALSE": "'false'", "MINUS": "'-'",
    "$END": "the end of the condition",
}


class ExpressionSyntaxError(Exception):
    """A condition does not parse; `offset` is the 0-based character where it went wrong."""

    def __init__(self, message: str, offset: int, hint: str | None = None, code: str = "EXPR_SYNTAX") -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset
        self.hint = hint
        self.code = code  # EXPR_SYNTAX, EXPR_TOO_LONG, EXPR_TOO_DEEP or BAD_VALUE (a constant out of range)


@lru_cache(maxsize=1)
def _parser() -> Lark:
    """The parser, from the tables generated for this grammar and this lark (fast), else built anew."""
    from judgment._lang import _tables, _tables_build

    current = hashlib.sha256(_tables_build.grammar_text().encode()).hexdigest() == _tables.GRAMMAR_SHA256
    if current and _tables.LARK_VERSION == lark.__version__:
        loaded: Lark = Lark._load_from_dict(_tables.DATA, _tables.MEMO)  # type: ignore[no-untyped-call]
        return loaded  # from plain literals: no pickle
    return _tables_build.build()


@lru_cache(maxsize=4096)
def parse_expression(text: str) -> ast.Node:
    """Parse one condition; raise :class:`ExpressionSyntaxError` with the offending column.

    The tree is immutable, so the same text parses once: a rulebook repeats a third of its
    conditions and placeholders (the shipped one: 150 texts in 215), and a load is mostly parsing.
    """
    if len(text) > MAX_EXPRESSION_LENGTH:
        raise ExpressionSyntaxError(
            f"condition is {len(text)} characters long; the limit is {MAX_EXPRESSION_LENGTH}", 0,
            hint="split it into several findings and combine them with finding(...)", code="EXPR_TOO_LONG")
    if not text.strip():
        raise ExpressionSyntaxError("condition is empty", 0)
    try:
        tree = _parser().parse(text)
        node: ast.Node = _ToAst().transform(tree)
    except UnexpectedInput as exc:
        raise _syntax_error(exc, text) from None
    except VisitError as exc:
        if isinstance(exc.orig_exc, ExpressionSyntaxError):
            raise exc.orig_exc from None  # located where the transformer found it (a constant out of range)
        raise ExpressionSyntaxError(str(exc.orig_exc), 0) from None
    except RecursionError:
        raise ExpressionSyntaxError("condition is nested too deeply", 0, code="EXPR_TOO_DEEP") from None
    if ast.depth(node) > MAX_EXPRESSION_DEPTH:
        raise ExpressionSyntaxError(f"condition is nested deeper than {MAX_EXPRESSION_DEPTH} levels", 0,
                                    hint="split it into several findings and combine them with finding(...)",
                                    code="EXPR_TOO_DEEP")
    return node


def _syntax_error(exc: UnexpectedInput, text: str) -> ExpressionSyntaxError:
    offset = max(getattr(exc, "pos_in_stream", None) or 0, 0)
    if isinstance(exc, UnexpectedEOF):
        return ExpressionSyntaxError("condition ends too early", len(text), _expected(exc.expected))
    if isinstance(exc, UnexpectedCharacters):
        return ExpressionSyntaxError(f"unexpected character {excerpt(text[offset])}", offset, _char_hint(text[offset]))
    if isinstance(exc, UnexpectedToken):
        token = exc.token
        if token.type == "$END":
            return ExpressionSyntaxError("condition ends too early", len(text), _expected(exc.expected))
        offset = token.start_pos if token.start_pos is not None else offset
        return ExpressionSyntaxError(f"unexpected {excerpt(str(token))}", offset, _expected(exc.expected))
    return ExpressionSyntaxError("invalid condition", offset)


def _expected(expected: Iterable[Any]) -> str | None:
    words = sorted({_TOKEN_WORDS.get(str(e), str(e).lower()) for e in expected})
    return ("expected " + ", ".join(words[:8])) if words else None


def _char_hint(char: str) -> str | None:
    if char == "=":
        return "use '==' to compare"
    if char in "&|":
        return "use 'and' / 'or'"
    if char == "!":
        return "use 'not' or '!='"
    if char in "'\"":
        return "a string starts and ends with the same quote, on one line, at most 500 characters"
    return None


def _span(meta: Any) -> ast.Span:
    return ast.Span(meta.start_pos, meta.end_pos)


@v_args(meta=True)
class _ToAst(Transformer[Token, ast.Node]):
    def or_(self, meta: Any, items: list[ast.Node]) -> ast.Node:
        return items[0] if len(items) == 1 else ast.Or(tuple(items), _span(meta))

    def and_(self, meta: Any, items: list[ast.Node]) -> ast.Node:
        return items[0] if len(items) == 1 else ast.And(tuple(items), _span(meta))

    def not_(self, meta: Any, items: list[Any]) -> ast.Node:
        return ast.Not(items[1], _span(meta))

    def compare(self, meta: Any, items: list[Any]) -> ast.Node:
        left, op, right = items
        return ast.Compare(str(op), left, right, _span(meta))  # type: ignore[arg-type]

    def position(self, meta: Any, items: list[Any]) -> ast.Node:
        subject, negation, (state, reference, tolerance) = items
        return ast.Position(subject, state, reference, tolerance, negation is not None, _span(meta))

    def above(self, meta: Any, items: list[Any]) -> tuple[str, Any, Any]:
        return ("above", items[1], items[2])

    def below(self, meta: Any, items: list[Any]) -> tuple[str, Any, Any]:
        return ("below", items[1], items[2])

    def in_line(self, meta: Any, items: list[Any]) -> tuple[str, Any, Any]:
        return ("in_line", items[0], items[1])

    def indeterminate(self, meta: Any, items: list[Any]) -> tuple[str, Any, Any]:
        return ("indeterminate", items[1], None)

    def at_least(self, meta: Any, items: list[Any]) -> tuple[str, Any, Any]:
        return ("at_least", items[0], None)

    def at_most(self, meta: Any, items: list[Any]) -> tuple[str, Any, Any]:
        return ("at_most", items[0], None)

    def tolerance(self, meta: Any, items: list[Any]) -> ast.Node:
        return items[0]  # type: ignore[no-any-return]

    def arith(self, meta: Any, items: list[Any]) -> ast.Node:
        node: ast.Node = items[0]
        for op, right in zip(items[1::2], items[2::2]):
            node = ast.Arith(str(op), node, right, ast.Span(_start(node), _end(right)))  # type: ignore[arg-type]
        return node

    def neg(self, meta: Any, items: list[Any]) -> ast.Node:
        operand = items[0]
        if isinstance(operand, ast.Number):
            return ast.Number(-operand.value, _span(meta))
        return ast.Neg(operand, _span(meta))

    def number(self, meta: Any, items: list[Token]) -> ast.Node:
        return ast.Number(_constant(str(items[0]), meta.start_pos), _span(meta))

    def string(self, meta: Any, items: list[Token]) -> ast.Node:
        return ast.String(str(items[0])[1:-1], _span(meta))

    def true(self, meta: Any, items: list[Token]) -> ast.Node:
        return ast.Bool(True, _span(meta))

    def false(self, meta: Any, items: list[Token]) -> ast.Node:
        return ast.Bool(False, _span(meta))

    def call(self, meta: Any, items: list[Any]) -> ast.Node:
        name, *args = items
        return ast.Call(str(name), tuple(a for a in args if a is not None), _span(meta))

    def path(self, meta: Any, items: list[Token]) -> ast.Node:
        return ast.Path(tuple(str(t) for t in items), _span(meta))


def _constant(text: str, offset: int) -> float:
    """A number written in a rule, refused unless it is in the range evidence numbers have: then no
    constant is inf, and none that is written non-zero becomes 0."""
    value = float(text)  # the grammar allows only digits and one point: never an error, maybe inf or 0
    written_zero = not text.replace("0", "").replace(".", "")
    if value > MAX_MAGNITUDE or (value < MIN_MAGNITUDE and not written_zero):
        raise ExpressionSyntaxError(
            f"the number {excerpt(text, 24)} is out of range: numbers in rules are 0 or lie between "
            "10^-15 and 10^15 in size", offset, "evidence numbers lie in the same range", code="BAD_VALUE")
    return value


def _start(node: ast.Node) -> int:
    return node.span.start


def _end(node: ast.Node) -> int:
    return node.span.end


def unparse_span(text: str, node: ast.Node) -> str:
    """The source text of a node."""
    return text[node.span.start:node.span.end]


__all__ = ["ExpressionSyntaxError", "parse_expression", "MAX_EXPRESSION_LENGTH", "RESERVED_WORDS"]
