"""Distinct pairs: a finding's `unordered: [a, b]` binds each set of different records once.

`given: {a: k, b: k}` alone tries every ordered pair, so a symmetric condition ("two
innovative practices") is made twice, as (A, B) and (B, A). Listing the names under
`unordered` keeps only the binding whose records are in record-id order (a's id before b's).
Both engines bind as before and then keep or drop a binding with :func:`in_id_order`, in
Python, as residual tests are: durable_rules 2.0.28 cannot be given the test itself (a
comparison between two facts inside an `$and` crashes it, and so does a join on the property
`id`, its fact identity).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from judgment._diagnostics import Diagnostic, did_you_mean
from judgment._io._yaml import Document

HINT = "list two or more names declared under `given`, all of one kind: unordered: [first, second]"


def check_unordered(names: Sequence[str] | None, given: Mapping[str, str], document: Document,
                    key: tuple[str | int, ...], problems: list[Diagnostic]) -> tuple[str, ...]:
    """The names as a tuple, after a located error for each misuse (appended to `problems`)."""
    if names is None:
        return ()
    where = document.positions
    before = len(problems)
    if len(names) < 2:
        problems.append(Diagnostic("BAD_VALUE", f"unordered lists {len(names)} name(s); it needs at least two",
                                   where.of_value((*key, "unordered")), hint=HINT))
    seen: dict[str, str] = {}  # name -> where first listed
    for index, name in enumerate(names):
        at = where.of_value((*key, "unordered", index))
        if name in seen:
            problems.append(Diagnostic("DUPLICATE_ID", f"unordered lists {name!r} twice", at,
                                       hint=f"first listed at {seen[name]}"))
        elif name not in given:
            problems.append(Diagnostic("UNKNOWN_REFERENCE", f"unordered names {name!r}, which `given` does not declare",
                                       at, hint=did_you_mean(name, list(given)) or HINT))
        seen.setdefault(name, str(at))
    kinds = {given[name] for name in names if name in given}
    if len(kinds) > 1:
        problems.append(Diagnostic(
            "TYPE_MISMATCH", f"unordered mixes kinds ({', '.join(sorted(kinds))}): a pair in any order is a pair "
            "of one kind", where.of_value((*key, "unordered")),
            hint="list only names of one kind; records of different kinds are never the same pair twice"))
    return tuple(names) if len(problems) == before else ()


def positions(unordered: Sequence[str], variables: Sequence[tuple[str, str]], document: Document,
              key: tuple[str | int, ...], problems: list[Diagnostic]) -> tuple[int, ...] | None:
    """Where each unordered name stands among the condition's variables (both engines bind in that
    order); None, after a located error, when the condition does not test one of them (a name
    `given` declares but the condition never reads binds nothing, so it cannot be put in order)."""
    order = [name for name, _ in variables]
    for index, name in enumerate(unordered):
        if name not in order:
            problems.append(Diagnostic(
                "UNKNOWN_REFERENCE", f"unordered names {name!r}, which the condition does not test",
                document.positions.of_value((*key, "unordered", index)),
                hint=f"test a field of {name} in `when`, or leave it out of `given` and `unordered`"))
    if any(name not in order for name in unordered):
        return None
    return tuple(order.index(name) for name in unordered)


def in_id_order(ids: Sequence[str], at: Sequence[int]) -> bool:
    """Whether the records bound at those places have strictly increasing ids (True when none are listed)."""
    return all(ids[at[i]] < ids[at[i + 1]] for i in range(len(at) - 1))
