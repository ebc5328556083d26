"""What-if: a bundle with some evidence changed, judged beside the original (issue 17).

`_changes` holds the changes an inspector can make (set a field, drop a record, add one) and
applies them through the vocabulary's models, so a change is as strict as the evidence it edits;
what-if, the counterfactual search and the workbench all speak in these changes. `_compare` judges
both sides and `_reasons` says why each finding came or went; `_result` is the frozen result and
`_render` puts it into text and Markdown.
"""
