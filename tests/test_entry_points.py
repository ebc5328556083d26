"""Every public entry point, fed hostile but type-correct input (issue 13, point 8): it succeeds, or
raises a `judgment.JudgmentError` subclass; a `TypeError`/`ValueError` only where docs/index.md
("Errors: one root") lists it as a programming error. Never StopIteration, KeyError, AttributeError,
AssertionError, OSError, RecursionError, a JSON or YAML parser's own error, or a third party's.

The entry points: the callables of `judgment.__all__`, `judgment.evidence.__all__` and
`judgment.testing.__all__`; the public methods of Rulebook, Bundle, Judgment, LiveSession and
BatchResult; and the record functions (reading and verifying a decision record)."""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import pickle
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import judgment
import judgment.evidence as evidence
import judgment.examples as examples
import judgment.testing as testing
from conftest import DERBYSHIRE, ROOT, RULES
from judgment import Bundle, Rulebook
from judgment._records._record import build_record, render_record
from judgment._records._verify import verify

TINY = ROOT / "examples" / "rulebooks" / "tiny"
SHIPPED = judgment.load_rulebook(RULES)
BUNDLE = judgment.load_bundle(DERBYSHIRE)
#: Hostile strings for ids: empty, huge, NUL, a lone surrogate, near misses, markup.
IDS = ["", "x" * 100_000, "\x00", "\ud800", "reducing_crime ", "REDUCING_CRIME", "é", "{x}", "../etc"]


def settles(call: Callable[[], object], programming: tuple[type[Exception], ...] = ()) -> None:
    """`call` succeeds, or raises a JudgmentError, or one of the documented programming errors."""
    try:
        call()
    except judgment.JudgmentError:
        pass
    except programming:
        pass


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Hostile files and folders: what a path may name besides a good bundle, rulebook or record."""
    folder = tmp_path_factory.mktemp("hostile")
    os.mkfifo(folder / "fifo")
    made = {"missing": folder / "missing.yaml", "folder": folder, "fifo": folder / "fifo",
            "zero": Path("/dev/zero"), "proc": Path("/proc/self/status"), "nul": Path("a\x00b"),
            "long": Path("x" * 5000)}
    good = render_record(build_record(judgment.judge(SHIPPED, BUNDLE), SHIPPED, BUNDLE))
    texts = {"latin.yaml": b"id: caf\xe9\n", "broken.json": b'{"a": [1,', "broken.yaml": b"a: [1,\n  b: }",
             "deep.json": b"[" * 100_000 + b"]" * 100_000, "deep.yaml": b"[" * 100_000 + b"]" * 100_000,
             "empty.yaml": b"", "list.yaml": b"- 1\n- 2\n", "alias.yaml": b"a: &a [*a]\n",
             "nan.json": b'{"a": NaN}', "bigint.json": b'{"a": ' + b"9" * 5000 + b"}",
             "dupkeys.json": b'{"a": 1, "a": 2}', "record.json": good.encode(),
             "bundle-as-record.json": json.dumps(BUNDLE.to_data()).encode(),
             "nan.yaml": DERBYSHIRE.read_bytes().replace(b"88.0", b".nan", 1),
             "huge.yaml": DERBYSHIRE.read_bytes().replace(b"88.0", b"1e400", 1)}
    record = json.loads(good)
    for key in ("rulebook", "evidence", "questions", "overall", "seal", "schema", "options"):
        shapes: tuple[tuple[str, object], ...] = (("no", ...), ("null", None), ("list", [1]), ("text", "x"))
        for name, value in shapes:
            broken = copy.deepcopy(record)
            if value is ...:
                broken.pop(key, None)
            else:
                broken[key] = value
            texts[f"record-{name}-{key}.json"] = json.dumps(broken).encode()
    nested: tuple[tuple[tuple[str, str], object], ...] = (
        (("rulebook", "files"), [{"path": 1}]), (("rulebook", "files"), "x"), (("evidence", "bundle"), {"x": 1}),
        (("evidence", "bundle"), []), (("rulebook", "path"), 5), (("options", "any_date"), "yes"))
    for path_in, inner in nested:
        broken = copy.deepcopy(record)
        broken[path_in[0]][path_in[1]] = inner
        texts[f"record-{'-'.join(path_in)}-{type(inner).__name__}.json"] = json.dumps(broken).encode()
    for name, data in texts.items():
        (folder / name).write_bytes(data)
        made[name] = folder / name
    return made


def test_loading_and_verifying_hostile_files(files: dict[str, Path]) -> None:
    for name, path in files.items():
        for call in (lambda: judgment.load_bundle(path), lambda: judgment.load_rulebook(path),
                     lambda: verify(path, RULES), lambda: verify(path, RULES, DERBYSHIRE),
                     lambda: judgment.verify_record(path, rules=RULES, bundle=DERBYSHIRE),
                     lambda: judgment.verify_record(files["record.json"], public_key=path),
                     lambda: judgment.decision_record(JUDGED, SHIPPED, BUNDLE, private_key=path),
                     lambda: judgment.judge_many(SHIPPED, [path]), lambda: evidence.load_vocabulary(path)):
            try:
                settles(call)
            except BaseException as error:
                raise AssertionError(f"{name}: {type(error).__name__}: {str(error)[:200]}") from error


JUDGED = judgment.judge(SHIPPED, BUNDLE)


def test_decision_records_from_python_misused(files: dict[str, Path]) -> None:
    """A result with another rulebook or bundle than the one judged is a ValueError; a value of
    another type (a key that is not a key, a path that is not a path) a TypeError."""
    other = judgment.load_rulebook(TINY)
    for call in (lambda: judgment.decision_record(JUDGED, other, BUNDLE),
                 lambda: judgment.decision_record(JUDGED, SHIPPED, BUNDLE.model_copy(
                     update={"inspection": BUNDLE.inspection.model_copy(update={"organisation": "Elsewhere"})}))):
        with pytest.raises(ValueError):
            call()
    for bad in (lambda: judgment.decision_record(BUNDLE, SHIPPED, BUNDLE),  # type: ignore[arg-type]
                lambda: judgment.decision_record(JUDGED, SHIPPED, BUNDLE, private_key=b"key"),  # type: ignore[arg-type]
                lambda: judgment.verify_record(3),  # type: ignore[arg-type]
                lambda: judgment.verify_record(files["record.json"], public_key=object())):  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            bad()


def test_a_bundle_copied_with_hostile_updates() -> None:
    """model_copy(update=...) validates like a new bundle: a ValueError (pydantic's) or, for records of
    a vocabulary not registered, the TypeError a bundle built in code raises."""
    for update in ({"records": "x"}, {"records": [1]}, {"vocabulary": 5}, {"vocabulary": "nowhere"},
                   {"inspection": None}, {"nope": 1}, {"records": BUNDLE.records * 2}):
        settles(lambda: BUNDLE.model_copy(update=update), (ValueError, TypeError))


def test_a_hostile_path_is_an_input_file_error(files: dict[str, Path]) -> None:
    """A path the system cannot even open (a NUL byte, a name too long) is unreadable input, like a missing file."""
    for name in ("nul", "long", "missing", "fifo", "zero"):
        with pytest.raises(judgment.InputFileError):
            judgment.load_bundle(files[name])
    for name in ("nul", "long", "missing", "fifo"):
        with pytest.raises(judgment.JudgmentError):
            judgment.load_rulebook(files[name])
        with pytest.raises(judgment.InputFileError):
            evidence.load_vocabulary(files[name])


@pytest.mark.parametrize("unknown", IDS)
def test_lookups_of_hostile_ids(unknown: str) -> None:
    result = judgment.judge(SHIPPED, BUNDLE)
    for lookup in (SHIPPED.question, SHIPPED.grade, SHIPPED.finding_rule, result.question, BUNDLE.record,
                   examples.bundle_path, examples.rulebook_path):
        with pytest.raises(judgment.UnknownIdError):
            lookup(unknown)
    assert BUNDLE.by_kind(unknown) == ()
    assert BUNDLE.place(unknown) is not None
    assert evidence.get_vocabulary(unknown) is None
    with pytest.raises(judgment.UnknownIdError):
        testing.records(SHIPPED.vocabulary, unknown)


@given(st.text(max_size=40))
def test_any_id_is_found_or_is_an_unknown_id_error(wanted: str) -> None:
    result = judgment.judge(SHIPPED, BUNDLE)
    for lookup in (SHIPPED.question, SHIPPED.grade, SHIPPED.finding_rule, result.question, BUNDLE.record):
        settles(lambda: lookup(wanted))


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                    max_leaves=12)


def _numbers(data: Any, value: object) -> Any:
    """`data` with every number in it replaced by `value`."""
    if isinstance(data, dict):
        return {k: _numbers(v, value) for k, v in data.items()}
    if isinstance(data, list):
        return [_numbers(v, value) for v in data]
    return value if isinstance(data, (int, float)) and not isinstance(data, bool) else data


def _judged(data: Any) -> None:
    bundle = judgment.bundle_from_data(data)
    result = judgment.judge(SHIPPED, bundle)
    render_record(build_record(result, SHIPPED, bundle))
    (batch,) = judgment.judge_many(SHIPPED, [bundle], cross_check=1.0)
    if batch.ok:
        assert pickle.loads(pickle.dumps(batch)).judgment == batch.judgment


@given(st.sampled_from([float("nan"), float("inf"), -float("inf"), 10**400, 1e308, 5e-324, -10**30, 2**53 + 1]),
       st.integers(0, 40))
def test_strange_numbers_in_a_bundle(number: object, which: int) -> None:
    data = BUNDLE.to_data()
    record = data["records"][which % len(data["records"])]
    data["records"][which % len(data["records"])] = _numbers(record, number)
    settles(lambda: _judged(data))


@given(st.sampled_from(["vocabulary", "inspection", "records"]), JSON)
def test_any_value_in_a_bundle_is_judged_or_a_bundle_error(key: str, value: Any) -> None:
    data = {**BUNDLE.to_data(), key: value}
    settles(lambda: _judged(data))


@given(st.integers(0, 40), st.sampled_from(["id", "kind", "provenance"]), JSON)
def test_any_value_in_a_record_is_judged_or_a_bundle_error(which: int, key: str, value: Any) -> None:
    data = BUNDLE.to_data()
    data["records"][which % len(data["records"])][key] = value
    settles(lambda: _judged(data))


def test_duplicated_ids() -> None:
    data = BUNDLE.to_data()
    data["records"].append(data["records"][0])
    with pytest.raises(judgment.BundleError):
        judgment.bundle_from_data(data)
    with pytest.raises(ValueError):  # documented: a Bundle built in code validates like any pydantic model
        BUNDLE.replace_records([BUNDLE.records[0], BUNDLE.records[0]])
    with judgment.open_session(SHIPPED, BUNDLE.inspection) as session:
        with pytest.raises(judgment.JudgmentError):
            session.add(BUNDLE.records[0], BUNDLE.records[0])
        assert session.records == ()


def test_a_session_misused() -> None:
    session = judgment.open_session(SHIPPED, BUNDLE.inspection)
    first = BUNDLE.records[0]
    session.add(first)
    with pytest.raises(judgment.JudgmentError):
        session.add(first)
    session.retract(first.id)
    for unknown in (first.id, *IDS):
        with pytest.raises(judgment.UnknownRecordError):
            session.retract(unknown)
    session.judgment()
    session.close()
    session.close()
    for late in (session.judgment, lambda: session.add(first), lambda: session.retract(first.id),
                 lambda: session.records, lambda: session.bundle):
        settles(late)
    with pytest.raises(TypeError):  # documented: a record of another vocabulary
        judgment.open_session(judgment.load_rulebook(TINY), BUNDLE.inspection).add(object())  # type: ignore[arg-type]


def test_batch_arguments_out_of_range() -> None:
    for bad in ({"workers": 0}, {"workers": -1}, {"workers": 10**6}, {"cross_check": 2.0}, {"cross_check": float("nan")},
                {"cross_check": -0.1}):
        with pytest.raises(ValueError):
            judgment.judge_many(SHIPPED, [BUNDLE], **bad)


def test_libraries_with_hostile_input(files: dict[str, Path]) -> None:
    """A library is loaded, or refused with a JudgmentError, whatever the path names; choosing from it
    with any date, bundle or version string chooses or refuses; a value of the wrong type is a TypeError."""
    for path in (*files.values(), ROOT / "rules", TINY, ROOT):
        settles(lambda: judgment.load_library(path))
        settles(lambda: judgment.load_rulebook(path, on=BUNDLE, version="2.0.0"))
    library = judgment.load_library(ROOT / "rules")
    elsewhere = Bundle(vocabulary="no-such", inspection=BUNDLE.inspection)
    for on in (None, dt.date.min, dt.date.max, BUNDLE, elsewhere):
        for version in (None, *IDS, "2.0.0", "@", "@2.0.0", "hmic-crime-2014@", "x@2.0.0"):
            settles(lambda: library.choose(on, version=version).to_data())
        for vocabulary in IDS:
            settles(lambda: library.choose(on, vocabulary=vocabulary))
    for rulebook_id in (None, *IDS, "hmic-crime-2014"):
        assert isinstance(library.versions(rulebook_id), tuple)
    for wrong in ("2014-11-01", 20141101, object()):
        with pytest.raises(TypeError):
            library.choose(wrong)  # type: ignore[arg-type]
    for wrong_version in (2, b"2.0.0"):
        with pytest.raises(TypeError):
            library.choose(BUNDLE, version=wrong_version)  # type: ignore[arg-type]


def test_impact_with_hostile_input(files: dict[str, Path]) -> None:
    """Hostile files are bundles not judged, each named in `failed`, and the rest is judged; what is
    not a rulebook, not an iterable of bundles or paths, or a count of workers out of range, is a
    programming error (TypeError, ValueError)."""
    sources: list[Any] = [BUNDLE, *files.values(), Path("/no/such/bundle.yaml"), "\x00", "x" * 5000]
    result = judgment.impact(SHIPPED, SHIPPED, sources)
    data = result.to_data()
    assert data["summary"]["bundles"] == len(sources) and data["summary"]["changed"] == 0
    assert data["summary"]["judged"] + data["summary"]["failed"] == len(sources) and data["summary"]["judged"] >= 1
    assert json.loads(result.to_json()) == json.loads(json.dumps(data))
    for grade in (*IDS, None, "good"):
        assert isinstance(result.label(grade), str)
    for bad in ({"workers": 0}, {"workers": -1}, {"workers": 10**6}):
        with pytest.raises(ValueError):
            judgment.impact(SHIPPED, SHIPPED, [BUNDLE], **bad)
    for wrong in (None, str(RULES), object()):
        with pytest.raises(TypeError):
            judgment.impact(wrong, SHIPPED, [BUNDLE])  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            judgment.impact(SHIPPED, wrong, [BUNDLE])  # type: ignore[arg-type]
    for not_bundles in (5, None, [None], [3.5], [b"path"]):
        with pytest.raises(TypeError):
            judgment.impact(SHIPPED, SHIPPED, not_bundles)  # type: ignore[arg-type]


def test_a_batch_result_misused() -> None:
    good, refused = judgment.judge_many(SHIPPED, [BUNDLE, Path("/no/such/bundle.yaml")])
    with pytest.raises(judgment.InputFileError):
        refused.judgment
    assert pickle.loads(pickle.dumps(good)).judgment == good.judgment
    bare = good.portable(keep_bundle=False, keep_rulebook=False)
    with pytest.raises(ValueError, match="attached"):  # documented: a bare result must be attached first
        bare.judgment
    with pytest.raises(ValueError, match="attached"):
        pickle.loads(pickle.dumps(bare)).judgment
    with pytest.raises(ValueError):  # documented: another rulebook than the one that judged it
        bare.attached(BUNDLE, judgment.load_rulebook(TINY)).judgment
    assert bare.attached(BUNDLE, SHIPPED).judgment == good.judgment


def test_what_if_with_hostile_changes() -> None:
    """Hostile ids, paths and values are refused as evidence (BundleError); what is not a change at all
    (a string, None for an id, a list for a record) is a TypeError."""
    S, D, A = judgment.SetField, judgment.DropRecord, judgment.AddRecord
    hostile: list[Any] = [S(i, "level", "developing") for i in IDS] + [D(i) for i in IDS]
    hostile += [S("evaluation-crime-prevention", p, "developing") for p in [*IDS, "a." * 50, "provenance.quote.x"]]
    hostile += [S("victim-satisfaction", "rate.value", v) for v in (float("nan"), 10**400, "86", True, None, [], {}, object())]
    hostile += [S("victim-satisfaction", "rate", {"value": {"value": {}}}), S("victim-satisfaction", "rate", _deep(5000)),
                A({}), A({"kind": "evaluation_capability"}), A({"kind": ["x"]}), A({**BUNDLE.records[0].model_dump(mode="json")})]
    for change in hostile:
        settles(lambda: judgment.what_if(SHIPPED, BUNDLE, [change]), (TypeError,))
    for wrong in ("x", None, [None], [S(None, "level", 1)], [A([])]):  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            judgment.what_if(SHIPPED, BUNDLE, wrong)  # type: ignore[arg-type]
    result = judgment.what_if(SHIPPED, BUNDLE, [S("evaluation-crime-prevention", "level", "developing")])
    for question in IDS:
        with pytest.raises(judgment.UnknownIdError):
            result.question(question)
    assert json.loads(result.to_json()) == result.to_data()


def test_prove_with_hostile_arguments() -> None:
    """prove takes a loaded rulebook, known property names and a positive timeout: anything else is a
    TypeError or ValueError naming it; a tiny rulebook is proved, and its proof renders as data and YAML."""
    for wrong in (RULES, None, BUNDLE):
        with pytest.raises(TypeError):
            judgment.prove(wrong, ["totality"])  # type: ignore[arg-type]
    for properties in (["totality", "x" * 10_000], ["Totality"], [None], "no_such"):
        with pytest.raises(ValueError):
            judgment.prove(SHIPPED, properties)  # type: ignore[arg-type]
    for timeout in (0, -1, float("nan"), float("inf"), True, "60", 10**100):
        with pytest.raises(ValueError):
            judgment.prove(SHIPPED, ["totality"], timeout=timeout)  # type: ignore[arg-type]
    proof = judgment.prove(judgment.load_rulebook(TINY), "no_dead_rule")
    assert proof.count("proved") + proof.count("refuted") == len(proof.outcomes) > 0 and proof.count("x") == 0
    assert json.loads(json.dumps(proof.to_data(times=True)))["format"] == "judgment.proof/1"
    witness = next(e for o in proof.outcomes for e in o.examples)
    assert judgment.bundle_from_data(__import__("yaml").safe_load(proof.bundle_yaml(witness))) is not None


def test_counterfactuals_exact_is_a_flag() -> None:
    for exact in (1, "yes", None):
        with pytest.raises(ValueError):
            judgment.counterfactuals(SHIPPED, BUNDLE, exact=exact)  # type: ignore[arg-type]


def test_counterfactuals_with_hostile_arguments() -> None:
    """Unknown or odd questions are UnknownIdErrors; a direction or bound that is not one is a ValueError;
    a bundle of no records, or one record with a hostile id, is searched like any other."""
    for questions in ([*IDS], ["reducing_crime", *IDS], "reducing_crime", [None]):
        settles(lambda: judgment.counterfactuals(SHIPPED, BUNDLE, questions=questions, max_changes=1),  # type: ignore[arg-type]
                (TypeError,))
    for direction in ("", "UP", "both ", None, 1):
        with pytest.raises(ValueError):
            judgment.counterfactuals(SHIPPED, BUNDLE, direction=direction, max_changes=1)  # type: ignore[arg-type]
    for bound in (0, -1, 4, 10**100, True, 1.5, "2", None):
        with pytest.raises(ValueError):
            judgment.counterfactuals(SHIPPED, BUNDLE, max_changes=bound)  # type: ignore[arg-type]
    empty = BUNDLE.replace_records([])
    nothing = judgment.counterfactuals(SHIPPED, empty, max_changes=1)
    assert all(q.grade is None and not any(m.counterfactuals for m in q.moves) for q in nothing.questions)
    odd = BUNDLE.replace_records([BUNDLE.records[0].model_copy(update={"id": "a__b__" + "x" * 100})])
    settles(lambda: judgment.counterfactuals(SHIPPED, odd, max_changes=2).to_data())
    settles(lambda: judgment.counterfactuals(SHIPPED, Bundle(vocabulary="no-such", inspection=BUNDLE.inspection)))
    result = judgment.counterfactuals(SHIPPED, BUNDLE, questions=["reducing_crime"], max_changes=1)
    for question in IDS:
        with pytest.raises(judgment.UnknownIdError):
            result.question(question)
        assert result.questions[0].move(question) is None
        assert result.label(question) == question
    assert json.loads(json.dumps(result.to_data())) == result.to_data()
    assert [m.to_data() for m in result.questions[0].moves] == result.to_data()["questions"][0]["moves"]
    assert [c.to_data() for c in result.questions[0].moves[0].counterfactuals] == \
        result.to_data()["questions"][0]["moves"][0]["counterfactuals"]


def _deep(depth: int) -> dict[str, Any]:
    value: dict[str, Any] = {}
    for _ in range(depth):
        value = {"x": value}
    return value


def _draws(strategy: st.SearchStrategy[Any]) -> None:
    @settings(max_examples=3, database=None)
    @given(strategy)
    def draw(value: Any) -> None:
        pass

    draw()


def test_the_testing_helpers_with_hostile_arguments() -> None:
    vocabulary = SHIPPED.vocabulary
    for call in (lambda: testing.boundary_values(SHIPPED), lambda: testing.field_points(SHIPPED),
                 lambda: _draws(testing.measures((), (float("nan"),))),
                 lambda: _draws(testing.measures(("national",), (float("inf"), 10**400))),
                 lambda: _draws(testing.bundles(SHIPPED, 0)),
                 lambda: _draws(testing.records(vocabulary, "victim_satisfaction", "", (float("nan"),), ("",))),
                 lambda: judgment.bundle_json_schema(vocabulary), lambda: evidence.register_vocabulary(vocabulary),
                 lambda: evidence.vocabulary_ids()):
        settles(call, (ValueError,))


def test_a_rulebook_judging_the_wrong_vocabulary_is_a_judgment_error() -> None:
    with pytest.raises(judgment.JudgmentError):
        judgment.judge(judgment.load_rulebook(TINY), Bundle(vocabulary="no-such", inspection=BUNDLE.inspection))


def _entry_points() -> Iterator[str]:
    for module in (judgment, evidence, examples, testing):
        for name in module.__all__:
            if callable(getattr(module, name)) and not isinstance(getattr(module, name), type):
                yield f"{module.__name__}.{name}"
    for cls in (Rulebook, Bundle, judgment.Judgment, judgment.LiveSession, judgment.BatchResult, judgment.WhatIf,
                judgment.Counterfactuals, judgment.QuestionCounterfactuals, judgment.GradeMove, judgment.Counterfactual,
                judgment.Impact, judgment.RulebookLibrary, judgment.RulebookChoice, judgment.DecisionDiff,
                judgment.Proof):
        for name, value in vars(cls).items():
            if not name.startswith("_") and callable(value) and name != "model_post_init":
                yield f"{cls.__name__}.{name}"


COVERED = {
    "judgment.load_library", "RulebookLibrary.choose", "RulebookLibrary.versions", "RulebookChoice.to_data",
    "judgment.bundle_from_data", "judgment.bundle_json_schema", "judgment.judge", "judgment.judge_many",
    "judgment.load_bundle", "judgment.load_rulebook", "judgment.open_session",
    "judgment.evidence.get_vocabulary", "judgment.evidence.load_vocabulary", "judgment.evidence.register_vocabulary",
    "judgment.evidence.vocabulary_ids",
    "judgment.examples.bundle_path", "judgment.examples.names", "judgment.examples.rulebook_path",  # hostile ids above
    "judgment.testing.boundary_values", "judgment.testing.bundles", "judgment.testing.field_points",
    "judgment.testing.measures", "judgment.testing.records", "judgment.testing.run_properties",
    "Rulebook.grade", "Rulebook.question", "Rulebook.finding_rule",
    "Bundle.place", "Bundle.index_by_kind", "Bundle.by_kind", "Bundle.record", "Bundle.replace_records",
    "Bundle.to_data", "Judgment.question", "Judgment.to_data", "Judgment.to_json", "Judgment.outcome",
    "LiveSession.add", "LiveSession.retract", "LiveSession.judgment", "LiveSession.close",
    "BatchResult.portable", "BatchResult.attached", "Bundle.model_copy",
    "judgment.decision_record", "judgment.verify_record", "Bundle.model_copy",
    "judgment.what_if", "WhatIf.question", "WhatIf.to_data", "WhatIf.to_json",
    "judgment.diff_records", "DecisionDiff.to_data", "DecisionDiff.to_json",  # tests/test_decision_diff.py
    "judgment.counterfactuals", "Counterfactuals.question", "Counterfactuals.label", "Counterfactuals.to_data",
    "QuestionCounterfactuals.move", "QuestionCounterfactuals.to_data", "GradeMove.to_data", "Counterfactual.to_data",
    "judgment.impact", "Impact.to_data", "Impact.to_json", "Impact.label",
    "judgment.prove", "Proof.count", "Proof.bundle_yaml", "Proof.to_data",  # test_prove_with_hostile_arguments
}


def test_every_entry_point_is_in_this_audit() -> None:
    """A new public function or method must be added here, with its hostile inputs above."""
    assert set(_entry_points()) <= COVERED, sorted(set(_entry_points()) - COVERED)


def test_run_properties_on_a_small_rulebook() -> None:
    settles(lambda: testing.run_properties(judgment.load_rulebook(TINY), examples=1))


@pytest.mark.parametrize("examples", [0, -1, True, 2.5])
def test_run_properties_refuses_a_count_that_is_not_a_count(examples: object) -> None:
    with pytest.raises(ValueError, match="examples"):
        testing.run_properties(judgment.load_rulebook(TINY), examples=examples)  # type: ignore[arg-type]


def test_a_bundle_copied_with_hostile_updates() -> None:
    """model_copy validates its update: a wrong type, an unknown key or a record twice is refused."""
    for update in ({"records": "not records"}, {"vocabulary": 7}, {"surprise": 1},
                   {"records": BUNDLE.records + BUNDLE.records[:1]}, {"inspection": {"organisation": ""}}):
        with pytest.raises((judgment.JudgmentError, TypeError, ValueError)):
            BUNDLE.model_copy(update=update)
