"""Results and caches: a result carries what it needs, pickles, and is explained against the rulebook
that judged it; a rulebook no longer used is released, whatever it judged."""

from __future__ import annotations

import gc
import pickle
import shutil
import subprocess
import sys
import weakref
from pathlib import Path

import judgment
from conftest import DERBYSHIRE, RULES
from judgment import Bundle, Rulebook


def _load_and_judge(bundle: Bundle) -> weakref.ref[Rulebook]:
    rulebook = judgment.load_rulebook(RULES)
    judgment.judge(rulebook, bundle)
    judgment.judge_many(rulebook, [bundle], cross_check=1.0)
    return weakref.ref(rulebook)


def test_a_rulebook_that_judged_is_released(derbyshire: Bundle) -> None:
    watched = [_load_and_judge(derbyshire) for _ in range(3)]
    gc.collect()
    assert [w() for w in watched] == [None, None, None], "the engine cache keeps every rulebook alive"


def _folder_copy(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name
    shutil.copytree(RULES, folder)
    return folder


def _sources(result: judgment.Judgment) -> str:
    return str(result.to_data()["questions"])


def test_worker_results_outlive_the_registry_of_rulebooks(tmp_path: Path, derbyshire: Bundle) -> None:
    rulebook = judgment.load_rulebook(RULES)
    results = judgment.judge_many(rulebook, [derbyshire, derbyshire], workers=2)
    others = []
    for n in range(9):  # nine other rulebooks (other files, other hashes) batch-judged since
        folder = _folder_copy(tmp_path, f"other{n}")
        (folder / "zz-extra.yaml").write_text(f"# another rulebook {n}\n", encoding="utf-8")
        others.append(judgment.load_rulebook(folder))
        judgment.judge_many(others[-1], [derbyshire])
    assert results[0].judgment.grades == judgment.judge(rulebook, derbyshire).grades


def test_a_result_is_explained_against_the_rulebook_that_judged_it(tmp_path: Path, derbyshire: Bundle) -> None:
    first = judgment.load_rulebook(_folder_copy(tmp_path, "first"))
    second = judgment.load_rulebook(_folder_copy(tmp_path, "second"))
    assert first.sha256 == second.sha256
    judgment.judge_many(first, [derbyshire], workers=2)
    for workers in (1, 2):
        result = judgment.judge_many(second, [derbyshire], workers=workers)[0]
        text = _sources(result.judgment)
        assert "second" in text and "first" not in text, f"workers={workers}: explained against another folder"


def test_a_result_pickles_whole(rulebook: Rulebook, derbyshire: Bundle) -> None:
    for workers in (1, 2):
        result = judgment.judge_many(rulebook, [derbyshire, DERBYSHIRE], workers=workers)
        for one in result:
            again = pickle.loads(pickle.dumps(one))
            assert again.grades == one.grades
            assert again.judgment.to_data() == one.judgment.to_data()


def test_a_pickled_result_is_read_in_another_process(rulebook: Rulebook, derbyshire: Bundle, tmp_path: Path) -> None:
    for workers in (1, 2):
        result = judgment.judge_many(rulebook, [derbyshire], workers=workers)[0]
        saved = tmp_path / f"result-{workers}.pickle"
        saved.write_bytes(pickle.dumps(result))
        expected = result.judgment.grades
        read = subprocess.run(
            [sys.executable, "-c", "import pickle, sys; r = pickle.loads(open(sys.argv[1], 'rb').read()); "
             "print(sorted(r.judgment.grades.items()))", str(saved)],
            capture_output=True, text=True, timeout=120)
        assert read.returncode == 0, read.stderr[-2000:]
        assert read.stdout.strip() == str(sorted(expected.items()))
