"""The error ``derive check`` raises for input it cannot use (the command exits with status 2)."""

from __future__ import annotations

from derive.errors import DeriveError


class CheckError(DeriveError, ValueError):
    """A document, an ``--assume`` or a ``--define`` that cannot be used; the message is one line."""
