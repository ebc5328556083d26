"""Generated rulebooks over a vocabulary (HMIC's unless another is given), covering every shape a
finding condition may take.

Each rulebook uses a few kinds, so that generated histories add and retract records of the kinds
its rules read. A rule may test fields of one or two records (named by kind, or under `given`,
as ordered pairs or, with `unordered`, each pair once),
compare two records, and test ``present``, ``missing``, ``finding`` and ``not finding``; a rule
may name only findings declared before it, so chains of derived findings are acyclic by
construction. Rulebooks are data (YAML text); :func:`load` writes and loads each once.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st

import judgment
from judgment.evidence import FieldSpec, Vocabulary, get_vocabulary


def _vocabulary() -> Vocabulary:
    found = get_vocabulary("hmic-crime")
    assert found is not None
    return found


VOCABULARY = _vocabulary()
# Kinds with fields of every type: enumerations (ordered and not), yes/no, numbers, figures.
KINDS = ("victim_contract", "victim_satisfaction", "crime_rate", "partnership_working", "domestic_abuse",
         "asb_incidents", "neighbourhood_policing")
NUMBERS = (-5, 0, 1, 12, 36, 50, 85, 100)
THRESHOLD_WORDS = ("above", "below", "not above", "at least", "at most", "not at least")

HEADER = """\
rulebook: {{id: generated, title: Generated, version: 1.0.0, valid_from: 2000-01-01, vocabulary: {vocabulary},
           framework: {{title: t, citation: c}}}}
scale: [{{id: good, label: Good}}, {{id: inadequate, label: Inadequate}}]
polarities: [{{id: plus, label: Plus, sense: positive}}, {{id: minus, label: Minus, sense: negative}}]
questions: [{{id: q, title: Q}}]
overall: {{title: O, method: worst}}
"""
GRADING = [{"questions": ["q"], "criteria": [{"grade": "inadequate", "when": "count(minus) > count(plus)"},
                                               {"grade": "good", "otherwise": True}]}]


@dataclass(frozen=True)
class Spec:
    """A generated rulebook: its kinds and its finding rules (as data)."""

    kinds: tuple[str, ...]
    findings: tuple[dict[str, object], ...]
    vocabulary: str = "hmic-crime"

    def text(self) -> str:
        return json.dumps({"findings": list(self.findings), "grading": GRADING}, indent=1, sort_keys=True)


def _tests(variable: str, name: str, spec: FieldSpec) -> st.SearchStrategy[str]:
    """One test on one field of one variable."""
    path = f"{variable}.{name}"
    if spec.kind == "enum":
        ops = ["==", "!="] + (["<", "<=", ">", ">="] if spec.ordered else [])
        return st.builds(lambda op, member: f"{path} {op} '{member}'", st.sampled_from(ops),
                         st.sampled_from(spec.members))
    if spec.kind == "bool":
        return st.sampled_from([path, f"{path} == false"])
    if spec.kind == "number":
        return st.builds(lambda op, n: f"{path} {op} {n}", st.sampled_from(["<", ">=", "==", "is at most"]),
                         st.sampled_from(NUMBERS))
    forms = [st.builds(lambda op, n: f"{path}.value {op} {n}", st.sampled_from(["<", ">"]),
                       st.sampled_from(NUMBERS)),
             st.builds(lambda word, n: f"{path} is {word} {n}", st.sampled_from(THRESHOLD_WORDS), st.sampled_from(NUMBERS))]
    if spec.comparators:
        forms.append(st.builds(lambda word, c: f"{path} is {word} {c}",
                               st.sampled_from(["above", "below", "in line with"]), st.sampled_from(spec.comparators)))
        forms.append(st.builds(lambda c, op, n: f"{path}.{c}.value {op} {n}", st.sampled_from(spec.comparators),
                               st.sampled_from(["<", ">"]), st.sampled_from(NUMBERS)))
    return st.one_of(*forms)


def _field_test(variable: str, kind: str, vocabulary: Vocabulary) -> st.SearchStrategy[str]:
    fields = {n: s for n, s in vocabulary.fields(kind).items() if s.kind in ("enum", "bool", "number", "measure")}
    return st.sampled_from(sorted(fields)).flatmap(lambda name: _tests(variable, name, fields[name]))


def _pair_test(first: str, second: str, kind: str, vocabulary: Vocabulary) -> st.SearchStrategy[str]:
    """A comparison of two records of one kind (the engine binds, Python decides)."""
    fields = vocabulary.fields(kind)
    choices = [f"{first}.{n} == {second}.{n}" for n, s in fields.items() if s.kind == "enum"]
    choices += [f"{first}.{n} is above {second}.{n}" for n, s in fields.items() if s.kind == "measure"]
    return st.sampled_from(sorted(choices))


@st.composite
def _condition(draw: st.DrawFn, variables: dict[str, str], kinds: tuple[str, ...], earlier: list[str],
               vocabulary: Vocabulary) -> str:
    """A condition of up to four atoms, with `and`, `or` and `not`, in which every variable appears."""
    atoms = [st.sampled_from([f"present({k})" for k in kinds] + [f"missing({k})" for k in kinds])]
    atoms += [_field_test(v, k, vocabulary) for v, k in variables.items()]
    if earlier:
        atoms.append(st.sampled_from(earlier).map(lambda f: f"finding({f})"))
    if len(variables) == 2 and len(set(variables.values())) == 1:
        (first, kind), (second, _) = variables.items()
        atoms.append(_pair_test(first, second, kind, vocabulary))
    text = _tree(draw, st.one_of(*atoms), leaves=4)
    for variable, kind in variables.items():  # a variable the condition never names is refused
        if not re.search(rf"(?<![\w.]){variable}\.", text):  # `a.` inside `area.` is not `a`
            text = f"({text}) and ({draw(_field_test(variable, kind, vocabulary))})"
    return text


def _tree(draw: st.DrawFn, atom: st.SearchStrategy[str], leaves: int) -> str:
    """An atom, or `not`, `and` or `or` over smaller trees, with at most `leaves` atoms in all. (Built by
    hand: hypothesis's st.recursive warned, at random, that this extension could not recurse.)"""
    shape = draw(st.sampled_from(["atom", "not", "and", "or"] if leaves > 1 else ["atom", "not"]))
    if shape == "atom":
        return draw(atom)
    if shape == "not":
        return f"not ({_tree(draw, atom, leaves - 1) if leaves > 1 else draw(atom)})"
    left = draw(st.integers(1, leaves - 1))
    return f"({_tree(draw, atom, left)}) {shape} ({_tree(draw, atom, leaves - left)})"


@st.composite
def _finding(draw: st.DrawFn, index: int, kinds: tuple[str, ...], earlier: list[str],
             vocabulary: Vocabulary) -> dict[str, object]:
    shape = draw(st.sampled_from(["none", "one", "two", "given", "distinct"]))
    rule: dict[str, object] = {"id": f"f{index}", "question": "q", "polarity": draw(st.sampled_from(["plus", "minus"])),
                               "text": "t", "cite": "c"}
    if shape in ("given", "distinct"):  # ordered pairs, or each pair once (`unordered`, in either order)
        kind = draw(st.sampled_from(kinds))
        variables = {"a": kind, "b": kind}
        rule["given"] = variables
        if shape == "distinct":
            rule["unordered"] = draw(st.permutations(["a", "b"]))
    else:
        count = {"none": 0, "one": 1, "two": 2}[shape]
        variables = {k: k for k in draw(st.lists(st.sampled_from(kinds), min_size=min(count, len(kinds)),
                                                  max_size=min(count, len(kinds)), unique=True))}
    rule["when"] = draw(_condition(variables, kinds, earlier, vocabulary))
    return rule


@st.composite
def specs(draw: st.DrawFn, max_findings: int = 6, vocabulary: Vocabulary = VOCABULARY,
          choices: tuple[str, ...] = KINDS) -> Spec:
    """A rulebook over up to three of `choices`, kinds of `vocabulary` (by default, HMIC's)."""
    kinds = tuple(draw(st.lists(st.sampled_from(choices), min_size=1, max_size=3, unique=True)))
    findings: list[dict[str, object]] = []
    for index in range(draw(st.integers(1, max_findings))):
        findings.append(draw(_finding(index, kinds, [str(f["id"]) for f in findings], vocabulary)))
    return Spec(kinds, tuple(findings), vocabulary.id)


_LOADED: dict[str, judgment.Rulebook] = {}


def load(spec: Spec, folder: Path) -> judgment.Rulebook:
    """The rulebook of `spec`, written under `folder` and loaded once per distinct text."""
    text = spec.text()
    digest = hashlib.sha256((spec.vocabulary + "\n" + text).encode()).hexdigest()[:16]
    if digest not in _LOADED:
        root = folder / digest
        root.mkdir(parents=True, exist_ok=True)
        (root / "rulebook.yaml").write_text(HEADER.format(vocabulary=spec.vocabulary), encoding="utf-8")
        (root / "rules.yaml").write_text(text, encoding="utf-8")
        _LOADED[digest] = judgment.load_rulebook(root)
    return _LOADED[digest]
