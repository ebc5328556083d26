"""Counterfactuals (issue 17): the smallest changes in evidence that move a question's grade one step.

    _reads     what a question's grade can depend on, from the rulebook's structure
    _figures   the values a number or figure may move to (where a comparison's state changes)
    _moves     the move set: scales stepped, choices switched, booleans flipped, figures moved, drops
    _adds      records added: the least record that makes one finding rule's finding
    _search    sets of moves by size, each judged by the compiled engine
    _words     each counterfactual in the inspector's words
    _model     the frozen result classes
    _render    text and Markdown
    _api       judgment.counterfactuals
"""

from judgment._counterfactual._api import counterfactuals
from judgment._counterfactual._model import Counterfactual, Counterfactuals, GradeMove, QuestionCounterfactuals

__all__ = ["Counterfactual", "Counterfactuals", "GradeMove", "QuestionCounterfactuals", "counterfactuals"]
