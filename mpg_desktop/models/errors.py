"""The base error of the domain layer: a refusal the coach can read and act on."""

from __future__ import annotations


class DomainError(ValueError):
    """A rule of the domain refused an action. ``message`` is Dutch: what is wrong and what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
