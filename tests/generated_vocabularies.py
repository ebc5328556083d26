"""Generated vocabularies: kinds whose fields have every type rules read, under names full of underscores.

The names are built so that joining path parts with the engines' separators would collide
(``a__b`` beside ``a.b``), enumerations hold strings that look like numbers (``'1'``), and
figures carry comparators and a better direction. Each vocabulary is registered under a fresh id.
"""

from __future__ import annotations

import itertools
from enum import Enum
from typing import Annotated, Any, Literal

from hypothesis import strategies as st
from pydantic import create_model

from judgment.evidence import (
    Better,
    Comparators,
    Measure,
    OrderedEnum,
    Record,
    Vocabulary,
    register_vocabulary,
)

# A leading letter no keyword of the rule language starts with, then underscores to collide on: names
# drawn often from a small pool meet as field and comparator (``z`` with comparator ``a_v`` beside a
# field ``z__a``), which a separator that is not injective would join into one engine name.
NAME = st.one_of(st.sampled_from(["z", "za", "z_a", "z__a", "z_a_v", "z__a__v", "a", "a_v", "a__v", "v"]),
                 st.from_regex(r"z[a-z0-9]{0,2}(__?[a-z0-9]{1,2}){0,2}", fullmatch=True))
MEMBER = st.from_regex(r"[a-z0-9][a-z0-9_]{0,4}", fullmatch=True)
FIELD_TYPES = ("measure", "number", "bool", "ordered", "choice", "text")
_IDS = itertools.count()


def _enumeration(name: str, members: list[str], ordered: bool) -> type[Enum]:
    """An ordered scale (worst first) or an unordered choice of strings, made by the functional API."""
    pairs = [(m, m) for m in members]
    made: Any = OrderedEnum(name, pairs) if ordered else Enum(name, pairs, type=str)  # type: ignore[call-overload]
    return made  # type: ignore[no-any-return]


@st.composite
def _field(draw: st.DrawFn, name: str) -> tuple[Any, Any]:
    """(annotation, default) of one field of a generated kind."""
    shape = draw(st.sampled_from(FIELD_TYPES))
    optional = draw(st.booleans())
    better = Better(draw(st.sampled_from(["higher", "lower"])))
    if shape == "measure":
        comparators = draw(st.lists(NAME.filter(lambda n: n not in ("a", "b")), max_size=3, unique=True))  # not a variable
        annotation: Any = Annotated[Measure | None if optional else Measure, better, Comparators(*comparators)]
    elif shape == "number":
        annotation = Annotated[int | None if optional else int, better]
    elif shape == "bool":
        annotation = Annotated[bool | None if optional else bool, better]
    elif shape in ("ordered", "choice"):
        members = draw(st.lists(MEMBER, min_size=2, max_size=4, unique=True))
        enumeration = _enumeration(f"E{name}", members, shape == "ordered")
        annotation = enumeration | None if optional else enumeration
    else:
        annotation = str | None if optional else str
    return annotation, (None if optional else ...)


@st.composite
def vocabularies(draw: st.DrawFn) -> tuple[Vocabulary, tuple[str, ...]]:
    """A registered vocabulary of one to three kinds, and its kinds; every kind has a figure or an
    enumeration, so rules comparing two of its records have something to compare."""
    kinds = draw(st.lists(NAME.map(lambda n: "k" + n), min_size=1, max_size=3, unique=True))
    models = []
    for kind in kinds:
        names = draw(st.lists(NAME.filter(lambda n: n.startswith("z") and not n.startswith("zq")), min_size=1,
                              max_size=5, unique=True))
        fields = {name: draw(_field(name)) for name in names}
        # Every kind has a figure `zq` compared with `zn`, and a figure named `zq__zn`: two paths that
        # a separator of `__` would make one name.
        fields["zq"] = (Annotated[Measure, Better("higher"), Comparators("zn", "z_n")], ...)
        fields["zq__zn"] = (Annotated[Measure | None, Better("lower")], None)
        models.append(create_model(f"M{kind}", __base__=Record, kind=(Literal[kind], ...), **fields))  # type: ignore[call-overload]
    vocabulary = register_vocabulary(Vocabulary(f"generated-{next(_IDS)}", "Generated", models))
    return vocabulary, tuple(kinds)
