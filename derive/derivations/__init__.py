"""Derivation scripts: each returns a :class:`derive.Derivation`."""

from derive.derivations.article import kl_cross_entropy

__all__ = ["kl_cross_entropy"]
