"""Stage 3: the rulebook's own names: vocabulary, scale, polarities and questions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from judgment._diagnostics import Diagnostic, Location, did_you_mean
from judgment._lang._parser import RESERVED_WORDS
from judgment._rulebook._model import Grade, Polarity, Question
from judgment._rulebook._schema import RulebookFileSpec
from judgment._io._yaml import Document, PathKey
from judgment._vocabularies._hint import unknown_vocabulary_hint
from judgment.evidence import Vocabulary, get_vocabulary, vocabulary_ids


@dataclass
class Names:
    vocabulary: Vocabulary
    scale: tuple[Grade, ...]
    polarities: tuple[Polarity, ...]
    questions: tuple[Question, ...]

    @property
    def grade_ids(self) -> list[str]:
        return [g.id for g in self.scale]

    @property
    def question_ids(self) -> list[str]:
        return [q.id for q in self.questions]

    @property
    def polarity_ids(self) -> list[str]:
        return [p.id for p in self.polarities]


def resolve_names(spec: RulebookFileSpec, document: Document, problems: list[Diagnostic],
                  declared: Vocabulary | None = None) -> Names | None:
    where = document.positions
    vocabulary = _vocabulary(spec, document, problems, declared)
    meta = spec.rulebook
    if meta.valid_to is not None and meta.valid_to < meta.valid_from:
        problems.append(Diagnostic("BAD_VALUE", f"valid_to {meta.valid_to} is before valid_from {meta.valid_from}",
                                   where.of_value(("rulebook", "valid_to"))))
    scale = tuple(Grade(g.id, g.label, rank, g.meaning, where.of_value(("scale", rank, "id")))
                  for rank, g in enumerate(spec.scale))
    polarities = tuple(Polarity(p.id, p.label, p.sense) for p in spec.polarities)
    questions = tuple(Question(q.id, q.title, q.parent, q.cite) for q in spec.questions)
    for section, ids in (("scale", [g.id for g in scale]), ("polarities", [p.id for p in polarities]),
                         ("questions", [q.id for q in questions])):
        report_duplicates(ids, lambda i, s=section: (s, i, "id"), document, problems)
        for index, name in enumerate(ids):
            refuse_reserved(name, document.positions.of_value((section, index, "id")), problems)
    _check_parents(questions, document, problems)
    if vocabulary is None:
        return None
    return Names(vocabulary, scale, polarities, questions)


def _vocabulary(spec: RulebookFileSpec, document: Document, problems: list[Diagnostic],
                declared: Vocabulary | None) -> Vocabulary | None:
    """The folder's own vocabulary (its id must be the one named), else the one registered under the id."""
    name = spec.rulebook.vocabulary
    where = document.positions.of_value(("rulebook", "vocabulary"))
    if declared is not None:
        if declared.id == name:
            return declared
        problems.append(Diagnostic("UNKNOWN_VOCABULARY", f"the rulebook names vocabulary {name!r}, but its vocabulary "
                                   f"file {spec.rulebook.vocabulary_file} declares {declared.id!r}", where,
                                   hint=f"name the file's vocabulary: vocabulary: {declared.id}"))
        return None
    vocabulary = get_vocabulary(name)
    if vocabulary is None:
        problems.append(Diagnostic("UNKNOWN_VOCABULARY", f"no evidence vocabulary is registered as {name!r}", where,
                                   hint=unknown_vocabulary_hint(name, vocabulary_ids())))
    return vocabulary


def refuse_reserved(name: str, location: Location, problems: list[Diagnostic]) -> None:
    if name in RESERVED_WORDS:
        problems.append(Diagnostic("BAD_VALUE", f"{name!r} is a word of the condition language and cannot be an id",
                                   location, hint="choose another name"))


def report_duplicates(ids: Iterable[str], key_of: object, document: Document, problems: list[Diagnostic]) -> None:
    first: dict[str, int] = {}
    for index, name in enumerate(ids):
        key: PathKey = key_of(index)  # type: ignore[operator]
        if name in first:
            earlier = document.positions.of_value(key_of(first[name]))  # type: ignore[operator]
            problems.append(Diagnostic("DUPLICATE_ID", f"{name!r} is defined twice", document.positions.of_value(key),
                                       hint=f"first defined at {earlier}"))
        else:
            first[name] = index


def _check_parents(questions: tuple[Question, ...], document: Document, problems: list[Diagnostic]) -> None:
    ids = [q.id for q in questions]
    parents = {q.id: q.parent for q in questions}
    for index, question in enumerate(questions):
        if question.parent is None:
            continue
        key = ("questions", index, "parent")
        if question.parent not in ids:
            problems.append(Diagnostic("UNKNOWN_REFERENCE", f"no question {question.parent!r}",
                                       document.positions.of_value(key), hint=did_you_mean(question.parent, ids)))
            continue
        seen: set[str] = {question.id}
        current: str | None = question.parent
        while current is not None and current not in seen:
            seen.add(current)
            current = parents.get(current)
        if current is not None:
            problems.append(Diagnostic("CYCLE", f"question {question.id!r} is its own ancestor",
                                       document.positions.of_value(key)))
