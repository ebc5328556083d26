"""durable_rules, fenced. Only :mod:`judgment._durable._native` imports it."""
