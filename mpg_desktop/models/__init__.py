"""Domain model: plain Python (dataclasses, rules, scoring). No Qt, no SQL."""
