"""The two YAML readers agree: libyaml's fast path reads a document exactly as ruamel.yaml's
located parser does (data, key and value places, string styles), or it gives up on it."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver

from judgment._io._yaml import MAX_DEPTH, LoadFailure, Positions, parse_document
from judgment._io._yaml_events import _SPECIAL, NOT_READ, read_with_libyaml
from judgment._io._yaml_located import READER_FAILED, read_located

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = sorted(p for folder in ("rules", "examples", "tests") for p in (ROOT / folder).rglob("*.yaml"))
STR_TAG = "tag:yaml.org,2002:str"
RESOLVER = VersionedResolver(version=(1, 2))

# Characters that make plain scalars special in YAML 1.2, and a few that do not.
SCALAR_TEXT = st.text(alphabet="0123456789+-._eExXoObB:TtZ aflsrunNIFA~<=!&*", max_size=12)
SCALAR_WORDS = st.sampled_from(["true", "False", "NULL", "~", ".inf", "-.Inf", ".NaN", "0o17", "0x1F", "1_000",
                                "1e5", "1.", ".5", "2014-03-31", "2014-02-30", "2014-3-1 10:00:00", "<<", "="])


def both(text: str) -> tuple[Any, Positions, Any, Positions]:
    fast, located = Positions("d.yaml", lines=text.splitlines()), Positions("d.yaml", lines=text.splitlines())
    fast_data = read_with_libyaml(text, fast, MAX_DEPTH)
    try:
        located_data = read_located(text, located, MAX_DEPTH)
    except LoadFailure as failure:
        located_data = failure
    return fast_data, fast, located_data, located


def assert_same_or_gave_up(text: str) -> bool:
    """True when the fast path read the document (and read it as the located parser does)."""
    fast_data, fast, located_data, located = both(text)
    if fast_data is NOT_READ:
        return False
    if isinstance(located_data, LoadFailure) and READER_FAILED in located_data.diagnostic.message:
        return True  # valid YAML that ruamel.yaml itself fails on ("key: #comment" before the value's lines)
    assert not isinstance(located_data, LoadFailure), f"fast path read what the located parser refuses: {text!r}"
    assert fast_data == located_data and type(fast_data) is type(located_data)
    assert _typed(fast_data) == _typed(located_data), text  # 1 and True, 1 and 1.0 are equal but not the same
    assert (fast.keys, fast.values, fast.styles) == (located.keys, located.values, located.styles), text
    return True


def _typed(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _typed(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_typed(v) for v in data]
    return (type(data).__name__, data)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_shipped_yaml_file_is_read_alike(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    read = assert_same_or_gave_up(text)
    if path.parts[-3:-1] == ("rules", "hmic-crime-2014") or path.name == "derbyshire-2014.yaml":
        assert read, "the shipped rulebook and bundle must take the fast path"


@given(st.one_of(SCALAR_TEXT, SCALAR_WORDS))
@example("")
def test_special_scalars_are_those_ruamel_resolves(value: str) -> None:
    resolved = RESOLVER.resolve(ScalarNode, value, (True, False))
    assert (resolved != STR_TAG) == bool(_SPECIAL.fullmatch(value)), (value, resolved)


@given(st.one_of(SCALAR_TEXT, SCALAR_WORDS), st.sampled_from(["{}", "'{}'", '"{}"', "[{}]", "{{k: {}}}"]))
def test_scalars_are_read_alike_or_left_to_ruamel(value: str, form: str) -> None:
    assert_same_or_gave_up(f"a: {form.format(value)}\nb:\n- {value}\n-\nc:\n")


LEAVES = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                   st.text(max_size=20), SCALAR_WORDS)
DATA = st.recursive(LEAVES, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                    st.dictionaries(st.text(min_size=1, max_size=8), inner, max_size=4)),
                    max_leaves=25)


@settings(max_examples=300)
@given(DATA, st.sampled_from([None, False, True]), st.sampled_from([None, "'", '"']))
def test_documents_are_read_alike_or_left_to_ruamel(data: Any, flow: bool | None, quotes: str | None) -> None:
    from io import StringIO

    from ruamel.yaml import YAML

    yaml = YAML(typ="rt", pure=True)
    yaml.default_flow_style = flow
    yaml.default_style = quotes  # type: ignore[assignment]
    stream = StringIO()
    yaml.dump(data, stream)
    assert_same_or_gave_up(stream.getvalue())


@settings(max_examples=300)
@given(st.sampled_from(SHIPPED[:40]), st.randoms(use_true_random=False), st.integers(1, 4))
def test_mangled_files_are_never_read_differently(path: Path, rng: random.Random, edits: int) -> None:
    """Where libyaml and ruamel.yaml differ on broken YAML, the fast path must give up, never guess."""
    mangle_and_compare(path, rng, edits)


@pytest.mark.slow
@settings(max_examples=50_000, deadline=None)
@given(st.sampled_from(SHIPPED), st.randoms(use_true_random=False), st.integers(1, 6))
def test_mangled_files_long_run(path: Path, rng: random.Random, edits: int) -> None:
    """By hand (pytest -m slow): the same, over every shipped file, 50,000 times."""
    mangle_and_compare(path, rng, edits)


def mangle_and_compare(path: Path, rng: random.Random, edits: int) -> None:
    text = list(path.read_text(encoding="utf-8")[:3000])
    for _ in range(edits):
        at = rng.randrange(len(text) + 1)
        what = rng.choice(["insert", "delete", "replace"])
        if what == "delete" and at < len(text):
            del text[at]
        else:
            char = rng.choice(list(":-[]{}'\"\n #&*!|>,?%@`\t\r\x85\u2028\ufeff") + ["  ", ": ", "- ", "\n  "])
            text[at:at + (what == "replace")] = [char]
    assert_same_or_gave_up("".join(text))


@pytest.mark.parametrize("text", [
    "a: &x 1\nb: *x\n", "a: !!str 1\n", "%YAML 1.1\n---\na: yes\n", "a: 1\n---\nb: 2\n", "a: 1\na: 2\n",
    "<<: {a: 1}\n", "? [a]\n: 1\n", "1: one\n", "a: 0o17\n", "a: .inf\n", "a: 2014-03-31 10:00:00\n", "",
    "a:\n" + "".join("  " * i + "- \n" for i in range(1)) + "  " + "- " * (MAX_DEPTH + 2) + "x\n",
])
def test_what_the_fast_path_leaves_to_ruamel(text: str) -> None:
    fast = Positions("d.yaml", lines=text.splitlines())
    assert read_with_libyaml(text, fast, MAX_DEPTH) is NOT_READ


def test_nesting_far_past_the_limit_is_refused_with_its_place_not_a_crash() -> None:
    with pytest.raises(LoadFailure) as refused:
        parse_document("- " * 100_000 + "x\n", "deep.yaml")
    assert refused.value.diagnostic.code == "YAML_TOO_DEEP"


def test_a_date_that_is_no_date_is_a_located_error_not_a_traceback() -> None:
    with pytest.raises(LoadFailure) as refused:
        parse_document("inspection:\n  date: 2014-02-30\n", "bundle.yaml")
    diagnostic = refused.value.diagnostic
    assert (diagnostic.code, diagnostic.location.line, diagnostic.location.column) == ("YAML_SYNTAX", 2, 9)
    assert "2014-02-30 is not a date" in diagnostic.message


def test_valid_yaml_that_ruamel_fails_on_is_read_by_libyaml_or_refused_cleanly() -> None:
    text = "cite: #>-\n  Partnership working is strong.\n\nquestion: ta"
    assert parse_document(text, "f.yaml").data == {"cite": "Partnership working is strong.", "question": "ta"}
    with pytest.raises(LoadFailure) as refused:
        read_located(text, Positions("f.yaml"), MAX_DEPTH)
    assert refused.value.diagnostic.code == "YAML_SYNTAX" and READER_FAILED in refused.value.diagnostic.message


@pytest.mark.parametrize("text", ["!indings:\n  - ", "a: !foo\n  - 1\n", "a: &0 x\nb: &0 y\n"])
def test_odd_but_readable_yaml_never_gives_a_traceback(text: str) -> None:
    parse_document(text, "odd.yaml")  # tags without a place, anchors given twice (and never used)
