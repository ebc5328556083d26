"""Decision diff: what differs between two sealed decision records, and whether each difference
comes from changed evidence, changed rules, or both (`judgment diff`, `judgment.diff_records`)."""
