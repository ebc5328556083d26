"""The tamper-evident audit log: sealed decision records kept in an SQLite file, each entry chained
to the one before by a SHA-256 hash, so that an edited, removed, inserted or reordered entry shows.

_store opens (and creates) a log and refuses a file that is not one; _chain holds the hashes and the
check of a stored record; _append adds records under a write lock; _check walks the chain and names
the first broken entry; _show lists entries. The command line is judgment._cli._audit.
"""
