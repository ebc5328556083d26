"""The live workbench (issue 17): `judgment serve`, a local web page over a live engine session.

An inspector edits the evidence in forms made from the vocabulary; each edit is a change of the
shared change model (judgment._whatif._changes), applied to a live durable_rules session (the old
record retracted, the new one added), and the page's judgment, why-not and list of changes are
sent back as HTML fragments. Only the rulebook and bundle given at start are served, only to local
Host names, under a strict content security policy (docs/workbench.md).
"""
