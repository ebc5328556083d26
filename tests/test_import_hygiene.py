"""Importing judgment, judging with it and starting the command line pay only for what they use.

Other tools import `judgment`: its import must not pull in the rule engine, the test
strategies, the workbench's web stack, the solver or Dask until they are asked for (issue 20).
Each check runs in a fresh interpreter and reads its `sys.modules`; no timing is asserted here
(the cold start is measured by bench/_coldstart.py).
"""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import DERBYSHIRE, ROOT, RULES

#: Never imported by judging or by the command line's start: the extras, and what tests use.
NEVER = {"hypothesis", "rich", "starlette", "uvicorn", "z3", "distributed", "dask", "playwright"}
#: Not imported by `import judgment` either: the rule engine, signatures, schemas, the YAML writer.
NOT_ON_IMPORT = NEVER | {"durable", "durable_rules", "durable_rules_engine", "cryptography", "jsonschema", "ruamel"}
#: The command line prints with rich; it imports no extra, and nothing to sign with.
NOT_BY_THE_CLI = NEVER - {"rich"} | {"cryptography"}

JUDGE = f"rb = judgment.load_rulebook({str(RULES)!r}); judgment.judge(rb, judgment.load_bundle({str(DERBYSHIRE)!r}))"
CLI = ("from judgment._cli._app import cli\n"
       "try:\n    cli({args!r}, prog_name='judgment')\nexcept SystemExit:\n    pass\n")


def imported_after(code: str) -> set[str]:
    """The modules in `sys.modules` once `code` has run in a fresh interpreter."""
    report = "\nimport sys, json\nsys.stderr.write('\\nMODULES ' + json.dumps(sorted(sys.modules)))\n"
    done = subprocess.run([sys.executable, "-c", code + report], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stderr.rpartition("MODULES ")[2]))


def packages(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


def test_import_judgment_imports_no_engine_extra_or_test_tool() -> None:
    assert packages(imported_after("import judgment")) & NOT_ON_IMPORT == set()


def test_judging_imports_no_extra_or_test_tool() -> None:
    assert packages(imported_after(f"import judgment\n{JUDGE}")) & NEVER == set()


def test_the_command_line_imports_no_extra() -> None:
    for args in (["--help"], ["run", str(DERBYSHIRE), "--rules", str(RULES)]):
        assert packages(imported_after(CLI.format(args=args))) & NOT_BY_THE_CLI == set(), args


def test_judgment_run_imports_no_other_command_or_feature() -> None:
    modules = imported_after(CLI.format(args=["run", str(DERBYSHIRE), "--rules", str(RULES)]))
    others = {"judgment._cli._prove", "judgment._cli._serve", "judgment._cli._impact", "judgment._cli._batch",
              "judgment._prove", "judgment._impact", "judgment._whatif", "judgment._counterfactual",
              "judgment._recdiff", "judgment._serve", "judgment._audit", "judgment.testing"}
    assert modules & others == set()


def test_every_public_name_resolves_in_a_fresh_interpreter() -> None:
    code = ("import judgment\n"
            "assert set(judgment.__all__) <= set(dir(judgment))\n"
            "for name in judgment.__all__:\n"
            "    value = getattr(judgment, name)\n"
            "    module = getattr(value, '__module__', None)\n"
            "    assert module in (None, 'judgment') or not isinstance(value, type), (name, module)\n"
            "from judgment import *\n"
            "assert set(judgment.__all__) <= set(globals())\n")
    imported_after(code)


def test_a_judgment_names_its_public_classes_before_their_names_are_asked_for() -> None:
    code = (f"import judgment, pickle\n{JUDGE.replace('judgment.judge(', 'result = judgment.judge(')}\n"
            "for value in (result, result.questions[0], result.questions[0].findings[0]):\n"
            "    assert type(value).__module__ == 'judgment', type(value)\n"
            "assert pickle.loads(pickle.dumps(result)) == result\n")
    imported_after(code)


def test_the_testing_strategies_still_import_hypothesis() -> None:
    assert "hypothesis" in packages(imported_after("import judgment.testing\njudgment.testing.bundles"))


def test_unknown_names_are_still_attribute_errors() -> None:
    imported_after("import judgment\ntry:\n    judgment.no_such_name\nexcept AttributeError:\n    pass\n"
                   "else:\n    raise SystemExit('no AttributeError')\n")


def test_the_lazy_table_says_what_the_type_checker_reads() -> None:
    import ast

    import judgment

    tree = ast.parse((ROOT / "src" / "judgment" / "__init__.py").read_text(encoding="utf-8"))
    guarded = next(node for node in tree.body if isinstance(node, ast.If))  # `if TYPE_CHECKING:`
    imports = {node.module: tuple(a.name for a in node.names) for node in guarded.body
               if isinstance(node, ast.ImportFrom)}
    assert imports == judgment._FROM
    assert sorted(name for names in imports.values() for name in names) == sorted(set(judgment.__all__)
                                                                                   - {"__version__"})
