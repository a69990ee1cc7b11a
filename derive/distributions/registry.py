"""Families by name, so a proof file can rebuild its distributions and users can add their own."""

from __future__ import annotations

from derive.distributions.base import Distribution
from derive.distributions.bernoulli import Bernoulli
from derive.distributions.categorical import Categorical
from derive.distributions.families import FAMILIES
from derive.distributions.indexed import SymbolicCategorical
from derive.errors import DeriveError

_FAMILIES: dict[str, type[Distribution]] = {c.family: c for c in (Bernoulli, Categorical, SymbolicCategorical)}


def register(cls: type[Distribution]) -> type[Distribution]:
    """Make a family known by its ``family`` name (usable as a class decorator)."""
    if not (isinstance(cls, type) and issubclass(cls, Distribution)):
        raise DeriveError(f"only Distribution subclasses can be registered, got {cls!r}")
    _FAMILIES[cls.family] = cls
    return cls


def family(name: str) -> type[Distribution]:
    """The family registered under ``name``."""
    try:
        return _FAMILIES[name]
    except KeyError:
        raise DeriveError(f"unknown distribution family {name!r}; known: {', '.join(sorted(_FAMILIES))}") from None


def families() -> tuple[str, ...]:
    return tuple(sorted(_FAMILIES))


for _cls in FAMILIES:
    register(_cls)
