"""How the command line (and worker processes) find vocabularies: a rulebook folder's own file,
``--vocabulary FILE`` (data, or Python the user chose to run), and installed packages' entry points."""
