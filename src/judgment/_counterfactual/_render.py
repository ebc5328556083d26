"""Counterfactuals as text for a terminal and as Markdown; every piece of data made safe for its place."""

from __future__ import annotations

import json

from judgment._counterfactual._model import Counterfactuals, GradeMove
from judgment._render._safe import markdown_block, markdown_code, markdown_text, visible
from judgment._whatif._changes import AddRecord, Change, DropRecord, SetField


def change_words(change: Change) -> str:
    """A change as the command line writes it: ``--set record.path=value``, ``--drop record``, ``--add``."""
    if isinstance(change, SetField):
        value = change.value if isinstance(change.value, str) else json.dumps(change.value)
        return f"set {change.record}.{change.path}={value}"
    if isinstance(change, DropRecord):
        return f"drop {change.record}"
    assert isinstance(change, AddRecord)
    fields = ", ".join(f"{k}: {v if isinstance(v, str) else json.dumps(v)}" for k, v in change.data.items()
                       if k not in ("provenance",))
    return f"add {{{fields}}}"


def render_text(result: Counterfactuals) -> str:
    lines = [f"Counterfactuals: {result.rulebook} (at most {result.max_changes} change(s) each)"]
    for question in result.questions:
        lines += ["", f"{question.question}: {result.label(question.grade)}"]
        for move in question.moves:
            lines.append(f"  {_heading(result, move)}")
            for number, counterfactual in enumerate(move.counterfactuals, 1):
                lines.append(f"    {number}. " + "; ".join(change_words(c) for c in counterfactual.changes))
                lines.append(f"       {counterfactual.explanation}")
    return visible("\n".join(lines)) + "\n"


def render_markdown(result: Counterfactuals) -> str:
    lines = [f"# Counterfactuals: {markdown_text(result.rulebook)}", "",
             f"At most {result.max_changes} change(s) in each; every one judged by the compiled engine."]
    for question in result.questions:
        lines += ["", f"## {markdown_text(question.title)}", "",
                  f"{markdown_code(question.question)}: {markdown_text(result.label(question.grade))}"]
        for move in question.moves:
            lines += ["", f"### {markdown_text(_heading(result, move))}", ""]
            for number, counterfactual in enumerate(move.counterfactuals, 1):
                changes = "; ".join(markdown_code(change_words(c)) for c in counterfactual.changes)
                lines.append(f"{number}. {changes}: {markdown_block(counterfactual.explanation)}")
    return "\n".join(lines) + "\n"


def _heading(result: Counterfactuals, move: GradeMove) -> str:
    where = f"{move.direction} to {result.label(move.target)}" if move.target else move.direction
    count = len(move.counterfactuals)
    if not count:
        return f"{where}: none ({move.note})"
    size = len(move.counterfactuals[0].changes)
    found = f"{count} way{'s' if count != 1 else ''} of {size} change{'s' if size != 1 else ''}"
    return f"{where}: {found}" + (f" ({move.note})" if move.note else "")
