"""The workbench's live session against judging from scratch (issue 17, point 3), through the app.

Any sequence of edits (set an ordered scale, a choice or a boolean; drop a record), undos and resets
posted to the app leaves its page showing exactly the judgment of the original bundle with the
accepted changes applied, judged afresh; a refused edit changes nothing. The ci profile runs a
tenth of its examples here (each example opens a workbench).
"""

from __future__ import annotations

import json
import re
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from starlette.testclient import TestClient

import judgment
from conftest import ROOT
from judgment._errors import BundleError
from judgment._serve._app import create_app
from judgment._serve._page import judgment_fragment
from judgment._serve._yaml import bundle_yaml
from judgment._whatif._changes import Change, DropRecord, SetField, apply_changes

RULEBOOK = judgment.load_rulebook(ROOT / "rules" / "hmic-crime-2014")
ORIGINAL = judgment.load_bundle(ROOT / "examples" / "derbyshire-2014.yaml", RULEBOOK.vocabulary)
#: Every (record, field, values) of the bundle a select on the page can set.
CHOICES = [(r.id, name, (*spec.members,) if spec.kind == "enum" else (True, False))
           for r in ORIGINAL.records for name, spec in RULEBOOK.vocabulary.fields(r.kind).items()
           if spec.kind in ("enum", "bool")]


@st.composite
def set_edits(draw: st.DrawFn) -> dict[str, Any]:
    record, path, values = draw(st.sampled_from(CHOICES))
    return {"op": "set", "record": record, "path": path, "value": draw(st.sampled_from(values))}


class WorkbenchAgainstFresh(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.client = TestClient(create_app(RULEBOOK, ORIGINAL, port=80, token="t"), base_url="http://localhost")
        self.changes: list[Change] = []
        self.shown: str = self._post("/reset")["fragments"]["judgment"]

    def _post(self, route: str, body: dict[str, Any] | None = None, status: int = 200) -> Any:
        answer = self.client.post(route, content=json.dumps(body or {}),
                                  headers={"content-type": "application/json", "x-workbench-token": "t"})
        assert answer.status_code == status, answer.text
        return answer.json()

    def _edit(self, body: dict[str, Any], change: Change) -> None:
        try:
            apply_changes(ORIGINAL, [*self.changes, change])
        except BundleError:
            self._post("/edit", body, status=422)  # refused: the page keeps what it showed
            return
        self.changes.append(change)
        self.shown = self._post("/edit", body)["fragments"]["judgment"]

    @rule(edit=set_edits())
    def set_field(self, edit: dict[str, Any]) -> None:
        self._edit(edit, SetField(edit["record"], edit["path"], edit["value"]))

    @rule(record=st.sampled_from([r.id for r in ORIGINAL.records]))
    def drop(self, record: str) -> None:
        self._edit({"op": "drop", "record": record}, DropRecord(record))

    @rule()
    def undo(self) -> None:
        self.changes = self.changes[:-1]
        self.shown = self._post("/undo")["fragments"]["judgment"]

    @rule()
    def reset(self) -> None:
        self.changes = []
        self.shown = self._post("/reset")["fragments"]["judgment"]

    @invariant()
    def the_page_is_the_fresh_judgment(self) -> None:
        expected = apply_changes(ORIGINAL, self.changes)
        assert self.shown == judgment_fragment(judgment.judge(RULEBOOK, expected))
        assert self.client.get("/bundle.yaml").text == bundle_yaml(expected)
        listed = re.findall(r"<li><code>", self.client.get("/").text)
        assert len(listed) >= len(self.changes)

    def teardown(self) -> None:
        self.client.close()


def test_the_workbench_equals_a_fresh_judgment_after_any_edits() -> None:
    run_state_machine_as_test(WorkbenchAgainstFresh, settings=settings(
        settings.default, max_examples=max(5, settings.default.max_examples // 10), stateful_step_count=8,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]))
