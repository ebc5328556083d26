"""Hypothesis strategies for evidence, bundles and rulebook boundaries.

Downstream tools use these to generate valid evidence for any registered
vocabulary, and to aim it at the thresholds and tolerances a rulebook names,
where narrow rules would otherwise never fire::

    from hypothesis import given
    from judgment.testing import bundles

    @given(bundles(rulebook))
    def test_every_question_gets_a_grade(bundle):
        ...
"""

from judgment.testing._strategies import boundary_values, bundles, measures, records

__all__ = ["boundary_values", "bundles", "measures", "records"]
