"""The error ``derive check`` raises for input it cannot use (the command exits with status 2)."""

from __future__ import annotations

from derive.errors import DeriveError


class CheckError(DeriveError, ValueError):
    """A document, an ``--assume`` or a ``--define`` that cannot be used; the message is one line."""


class NothingToCheck(CheckError):
    """A document with no math, or no equation or relation in its math: nothing to check rather than broken
    (``derive check --allow-empty`` lets it pass)."""
