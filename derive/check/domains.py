"""On which domain a link is judged: symbols unified with a family's variable, the support of the
variables a link uses, reals where nothing places a symbol, and the natural domain of a logarithm."""

from __future__ import annotations


import sympy as sp

from derive.check.assume import Bound, restrict
from derive.check.data import counted, counts_of, free_indices
from derive.check.definitions import outcome_domain
from derive.check.entries import entries_read
from derive.check.shared import SCALE, with_functions
from derive.core.domain import Domain
from derive.errors import DeriveError


def where_logged(domain, a: sp.Basic, b: sp.Basic):
    r"""``domain`` with each symbol positive whose logarithm both sides take (``\log\lambda`` on each side), or
    ``None`` when there is none.

    Where such a symbol is 0 or negative neither side is a real number, so the claim says nothing there: an
    identity proved for positive values holds wherever it means something.  A logarithm on one side only
    (``\log(a/b) = \log a - \log b``) gives nothing: there the sides are defined on different sets.
    """
    bound = {x for side in (a, b) for e in side.atoms(sp.Sum, sp.Integral, sp.Product) for x in e.variables}
    logged = [{f.args[0] for f in side.atoms(sp.log) if isinstance(f.args[0], sp.Symbol)} for side in (a, b)]
    symbols = sorted((s for s in logged[0] & logged[1] if s in a.free_symbols and s in b.free_symbols
                      and s not in bound and s not in domain.symbol_set and not s.is_positive
                      and s.is_real is not False), key=str)
    if not symbols:
        return None
    try:
        return restrict(domain, [Bound(s, sp.Integer(0)) for s in symbols])
    except DeriveError:
        return None


def natural_verdict(verdict, natural, domain):
    """A proof on ``natural``, where both sides are real numbers, saying so."""
    from derive.core import Verdict

    names = ", ".join(sp.sstr(s) for s in sorted(natural.symbol_set - domain.symbol_set, key=str))
    return Verdict(verdict.status, f"{verdict.reason}, wherever the sides are real numbers ({names} > 0)")


class Domains:
    """The domain of a link, mixed into :class:`~derive.check.checker.Checker`."""

    def _unify(self, a: sp.Basic, b: sp.Basic) -> tuple[sp.Basic, sp.Basic]:
        """A plain symbol named like a family's variable that the link uses (``k`` beside ``P(k)``) is that variable."""
        if self.functions:
            a, b = with_functions(a, self.functions), with_functions(b, self.functions)
        a, b = entries_read(a, b)
        variables = {d.variable for d in self.dists if d.variable in a.free_symbols | b.free_symbols}
        plain = {sp.Symbol(v.name): v for v in variables if isinstance(v, sp.Symbol) and v != sp.Symbol(v.name)}
        return (a.xreplace(plain), b.xreplace(plain)) if plain else (a, b)

    def _dom(self, *exprs: sp.Basic):
        """The domain, with each family's variable that ``exprs`` use placed in the family's support."""
        used = frozenset(v for v in (d.variable for d in self.dists)
                         if any(v in e.free_symbols for e in exprs))
        counts = counts_of(self.domain, *exprs)
        if not used and not counts:
            return self.domain
        indices = free_indices(self.domain, counts, *exprs)
        key = (used, counts, indices, self.domain)
        if key not in self.outcome_domains:
            try:
                domain = counted(self.domain, counts + indices)
            except DeriveError:
                domain = self.domain
            try:
                self.outcome_domains[key] = domain.merge(outcome_domain(self.dists, set(used))) if used else domain
            except DeriveError:
                self.outcome_domains[key] = domain
        return self.outcome_domains[key]

    def _real(self, domain, *exprs: sp.Basic):
        r"""``domain`` with every symbol of ``exprs`` that nothing places taken real: people write about real
        numbers (``e^u / (1 + e^u) = 1 / (1 + e^{-u})`` holds for every real ``u``); a ``\sigma`` (``\sigma_1``,
        ``\hat\sigma``) positive: it names a standard deviation."""
        loose = frozenset(s for e in exprs for s in e.free_symbols if isinstance(s, sp.Symbol)
                          and s.is_real is None and s not in domain.symbol_set)
        if not loose:
            return domain
        key = ("real", domain, loose)
        if key not in self.outcome_domains:
            reals = Domain(intervals=tuple((s, sp.Interval.open(0, sp.oo) if SCALE.fullmatch(s.name) else
                                            sp.Interval(-sp.oo, sp.oo)) for s in sorted(loose, key=str)))
            try:
                self.outcome_domains[key] = domain.merge(reals)
            except DeriveError:
                self.outcome_domains[key] = domain
        return self.outcome_domains[key]

    def _on_natural_domain(self, left: sp.Basic, right: sp.Basic) -> str | None:
        """Why an identity is unknown when it holds wherever both sides are real, else ``None``.

        A symbol no assumption places, that stands alone inside a logarithm
        (``log(a)``), must be positive for that side to be a real number: such
        an identity (the rule ``log(a/b) = log(a) - log(b)`` stated in prose)
        holds there, but no symbol is positive unless something says so, so it
        is reported unknown, with what would settle it.
        """
        from derive.verify import check_equal

        a, b = self._sides(left, right)
        domain = self._dom(a, b)
        loose = _loose(a, b, domain)
        inside_logs = {f.args[0] for side in (a, b) for f in side.atoms(sp.log)}
        if not loose or not all(s in inside_logs for s in loose):
            return None
        positive = restrict(domain, [Bound(s, sp.Integer(0)) for s in loose])
        if not check_equal(a, b, positive).proved:
            return None
        names = ", ".join(sp.latex(s) for s in loose)
        return f"holds where {names} > 0 (each is the argument of a logarithm), which nothing states"

    def _why_unknown(self, verdict, left: sp.Basic, right: sp.Basic) -> str:
        """The verifier's reason, and whether symbols nothing bounds would settle it if positive."""
        from derive.verify import check_equal

        a, b = self._sides(left, right)
        domain = self._dom(a, b)
        loose = _loose(a, b, domain)
        if not loose:
            return verdict.reason
        names = ", ".join(sp.latex(s) for s in loose)
        positive = restrict(domain, [Bound(s, sp.Integer(0)) for s in loose])
        if check_equal(a, b, positive).proved:
            return f"proved only if {names} > 0, which nothing states (add --assume \"{names} > 0\")"
        return f"{verdict.reason}; {names} {'has' if len(loose) == 1 else 'have'} no stated domain"


def _loose(a: sp.Basic, b: sp.Basic, domain) -> list[sp.Symbol]:
    """The symbols of ``a`` and ``b`` nothing places, other than the labels of data (``x`` of ``x_i``), which name
    no number."""
    labels = {ix.base.label for side in (a, b) for ix in side.atoms(sp.Indexed)}
    return sorted((s for s in a.free_symbols | b.free_symbols if isinstance(s, sp.Symbol)
                   and s not in domain.symbol_set and s not in labels and s.is_real is None), key=str)
