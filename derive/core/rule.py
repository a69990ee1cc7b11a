"""What a rule is: a named rewrite, and what applying it gives (a rewrite, a refusal, or no match)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

import sympy as sp

from derive.core.domain import Domain
from derive.errors import DeriveError

_KEBAB = re.compile(r"[a-z]+(-[a-z]+)*\Z")
Scope = Literal["everywhere", "root"]

#: How a step's result relates to what it rewrote: equal, a bound (``before <= after``), or, between
#: equations, equivalent (``iff``) or implied (``implies``).
RELATIONS = ("=", "<=", ">=", "<", ">", "iff", "implies")


@dataclass(frozen=True)
class Rewrite:
    """A rule matched: the new expression and the side conditions it relied on."""

    expr: sp.Basic
    conditions: tuple[sp.Basic, ...] = ()


@dataclass(frozen=True)
class Refusal:
    """A rule matched but its side condition could not be proved."""

    reason: str


Outcome = Rewrite | Refusal | None
Apply = Callable[[sp.Basic, Domain], Outcome]


@dataclass(frozen=True)
class Rule:
    """A named rewrite: ``apply(expr, domain)`` gives a :class:`Rewrite`, a :class:`Refusal` or ``None``.

    ``identity`` states the rewrite in one line; ``requires`` lists its side
    conditions in the identity's own letters; ``scope`` says where a script
    applies it by default (at every node, or at the root only).
    """

    name: str
    identity: str
    apply: Apply = field(repr=False, compare=False)
    requires: tuple[str, ...] = ()
    scope: Scope = "everywhere"
    prose: str = ""
    relation: str = "="

    def __post_init__(self) -> None:
        if self.relation not in RELATIONS:
            raise DeriveError(f"rule {self.name}: relation {self.relation!r} is not one of {', '.join(RELATIONS)}")
        if not _KEBAB.match(self.name):
            raise DeriveError(f"rule name {self.name!r} is not kebab-case")
        if "->" not in self.identity:
            raise DeriveError(f"rule {self.name}: identity {self.identity!r} has no '->'")
        lhs = self.identity.split("->")[0]
        for condition in self.requires:
            for letter in re.findall(r"\b[a-z]\b", condition):
                if not re.search(rf"\b{letter}\b", lhs):
                    raise DeriveError(f"rule {self.name}: condition {condition!r} uses {letter!r}, which the pattern does not bind")
