"""Two engines, one semantics, on vocabularies nobody wrote by hand.

Each example draws a vocabulary (kinds with figures, numbers, yes/no fields, ordered and
unordered enumerations and text, under names full of underscores), a rulebook over it using every
condition shape, and bundles of its records; durable_rules and the compiled engine must make the
same findings. The HMIC vocabulary is tested the same way in test_engine_differential.py.
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from generated_rulebooks import load, specs
from generated_vocabularies import vocabularies
from judgment import Bundle
from judgment.testing import bundles
from test_engine_differential import assert_engines_agree

SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                          HealthCheck.function_scoped_fixture])


@SETTINGS
@given(st.data())
def test_engines_agree_on_generated_vocabularies_and_rulebooks(tmp_path: Path, data: st.DataObject) -> None:
    vocabulary, kinds = data.draw(vocabularies(), label="vocabulary")
    spec = data.draw(specs(vocabulary=vocabulary, choices=kinds), label="rulebook")
    note(spec.text())
    rulebook = load(spec, tmp_path)
    for _ in range(3):
        bundle: Bundle = data.draw(bundles(rulebook), label="bundle")
        note(json.dumps(bundle.to_data(), sort_keys=True))
        assert_engines_agree(rulebook, bundle)
