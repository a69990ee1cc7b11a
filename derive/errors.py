"""The one exception family derive raises on purpose."""

from __future__ import annotations


class DeriveError(Exception):
    """Base class of every error derive raises deliberately; the message is one line."""


class InvalidParameter(DeriveError, ValueError):
    """A distribution was given a parameter outside its domain or of the wrong type."""


class RuleError(DeriveError):
    """A rule did not match where a derivation script asked it to, or refused."""


class RenderError(DeriveError):
    """A derivation could not be rendered in the requested form."""


class OutputError(DeriveError):
    """An output file or folder could not be written."""


class DeriveWarning(UserWarning):
    """derive's answer needs a remark: a measure is infinite, or has no closed form."""
