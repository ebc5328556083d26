"""Hypothesis strategies for evidence and bundles, and the property checks of any rulebook.

Downstream tools use the strategies to generate valid evidence for any registered
vocabulary, aimed at the thresholds and tolerances a rulebook names (where narrow rules
would otherwise never fire), and :func:`run_properties` to check that a rulebook is total,
deterministic, monotone, agreed on by both engines, and free of dead rules::

    from hypothesis import given
    from judgment.testing import bundles

    @given(bundles(rulebook))
    def test_every_question_gets_a_grade(bundle):
        ...

See docs/testing-rulebooks.md.
"""

from judgment._public import adopt as _adopt
from judgment.testing._properties import PROPERTIES, PropertyFailure, PropertyReport, run_properties
from judgment.testing._strategies import boundary_values, bundles, field_points, measures, records

__all__ = ["PROPERTIES", "PropertyFailure", "PropertyReport", "boundary_values", "bundles", "field_points",
           "measures", "records", "run_properties"]

_adopt(globals(), __all__, __name__)  # reprs, tracebacks and pickles name judgment.testing.X
