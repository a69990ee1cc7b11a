"""Proof by shape: a fast, sound zero test for sums of products of powers and logarithms, memoised by shape.

The verifier's fast proof (:func:`derive.verify.check_equal`) splits every
logarithm whose factors are provably positive (:func:`split_bounded_logs`),
takes the logarithms left as independent unknowns and expands: the difference
of the two sides must cancel as a polynomial.  Done on a whole expression, that
is one SymPy ``expand`` of thousands of terms per step.  Here it is done term
by term, and each term's expansion is a *template* shared by every term of the
same shape:

    p_7*log(p_7/q_7)  ->  p_7*log(p_7) - p_7*log(q_7)

is ``a*log(a/b)`` with ``a = p_7, b = q_7``; once ``a*log(a/b)`` is expanded,
every ``p_j*log(p_j/q_j)`` is the same expansion with its own symbols filled in,
without asking SymPy again.

Why a template may be reused (soundness).  A term's expansion is an identity
``t(s_1, ..., s_m) = N(s_1, ..., s_m)`` valid wherever the positivity facts used
to split its logarithms hold.  Renaming the symbols turns it into the same
identity in other letters.  The facts hold for the new letters too, because the
template's key records, for each symbol, everything the positivity test
(:class:`derive.bounds.Bounder`) and SymPy's expansion read about it: its
assumptions, its interval bound on the domain, its simplex and whether another
symbol defines it.  So the filled-in template is a valid expansion of the new
term, and two sides whose expansions cancel monomial by monomial are equal
everywhere on the domain: a formal identity in which equal atoms may appear
under different names only loses completeness, never soundness.

Anything outside sums, products, powers, logarithms, symbols of the domain and
exact numbers (integrals, sums, indexed symbols, floats, other functions) is
left to the verifier's general path: :meth:`NormalForms.equal` then says
``None``.  So is a term with a denominator or a logarithm's argument that the
bounds do not prove non-zero (``x/x`` on ``[0, 1]``): an identity of the
expansions holds where both sides are defined, and with every template
defined on the whole domain (decided once per shape, by the same bounds the
key records), that is everywhere.
"""

from __future__ import annotations

import weakref
from fractions import Fraction
from typing import TYPE_CHECKING

import sympy as sp

from derive.core.functions import Log
from derive.core.group import Group
from derive.core.terms import replace
from derive.distributions.measures import Measure, OutcomeSum, Prob
from derive.distributions.semantics import denote

from derive.verify.signs import bounder

if TYPE_CHECKING:
    from derive.core.domain import Domain
    from derive.verify.signs import Bounder

#: Nodes a term may be built of (besides symbols, exact numbers, probabilities and labelled groups).
_NODES = frozenset((sp.Add, sp.Mul, sp.Pow, sp.log, Log))

Monomial = frozenset
Form = dict  # Monomial -> int | Fraction


class Unsupported(Exception):
    """A term the normal form does not handle (the caller falls back to the general path)."""


def normal_forms(domain: "Domain") -> "NormalForms":
    """The table of term expansions of ``domain`` (shared by equal domains)."""
    return NormalForms.of(domain)


def split_bounded_logs(expr: sp.Basic, domain: "Domain") -> sp.Basic:
    """``log(a*b/c) -> log(a) + log(b) - log(c)`` wherever every factor is provably positive."""
    return _split_logs_of_positive(expr, bounder(domain))


def _split_logs_of_positive(expr: sp.Basic, bounder: "Bounder") -> sp.Basic:
    """:func:`split_bounded_logs`, positivity decided by the domain's interval bounds."""

    def positive(e: sp.Basic) -> bool:
        b = bounder.of(e)
        return b is not None and b.positive

    def split(arg: sp.Basic) -> sp.Basic:
        factors = sp.Mul.make_args(arg)
        if len(factors) == 1 and not isinstance(arg, sp.Pow):
            return sp.log(arg)
        pieces = []
        for f in factors:
            base, exp = f.as_base_exp()
            if not exp.is_Integer or not positive(base):
                return sp.log(arg)
            pieces.append(exp * split(base) if base != f else sp.log(base))
        return sp.Add(*pieces)

    return expr.replace(sp.log, split)


def _defined_by_bounds(e: sp.Basic, bounder: "Bounder") -> bool:
    """Every denominator and every logarithm's argument in ``e`` (as written: ``x/x`` has the denominator ``x``)
    is proved non-zero by interval bounds alone; derive's notation inside them is read through its value."""
    if type(e).__module__.startswith("derive.") and not isinstance(e, (sp.Symbol, Group)):
        return True  # a probability or a measure: its value's template is checked where it is expanded
    if isinstance(e, sp.log) or (isinstance(e, sp.Pow) and not e.exp.is_nonnegative):
        inner = e.args[0] if isinstance(e, sp.log) else e.base
        try:
            b = bounder.of(denote(inner))
        except (ValueError, KeyError):
            return False
        if b is None or not (b.positive or b.hi.is_negative is True or (b.hi.is_zero is True and b.hi_open)):
            return False
    return all(_defined_by_bounds(a, bounder) for a in e.args)


def expands_to_zero(expr: sp.Basic) -> bool:
    """Zero after expansion, logarithms taken as independent unknowns (cheap: no rational simplification)."""
    logs = sorted(expr.atoms(sp.log), key=sp.default_sort_key)
    return sp.expand(expr.xreplace({lg: sp.Dummy(f"L{k}") for k, lg in enumerate(logs)})) == 0


class NormalForms:
    """Expansions of terms on one domain: templates by shape, and each term's filled-in form.

    Equal domains share one table (:meth:`of`): a derivation's rules and its verification each build their
    own, equal, domain.  The table keeps no reference to a domain, only what it reads of one.
    """

    @classmethod
    def of(cls, domain: "Domain") -> "NormalForms":
        """The table of ``domain``, shared with every equal domain alive."""
        found = _SHARED.get(domain)
        if found is None:
            found = _SHARED[domain] = cls(domain)
        return found

    def __init__(self, domain: "Domain") -> None:
        self._symbol_set = domain.symbol_set
        self._bounder = bounder(domain)
        self._signatures: dict[sp.Symbol, tuple] = {}
        self._numbers: dict[tuple, int] = {}
        self._templates: dict[tuple, tuple | None] = {}
        self._terms: dict[sp.Basic, tuple | None] = {}
        self._forms: dict[sp.Basic, dict] = {}
        self._definitions: dict[Measure, sp.Basic] = {}

    def equal(self, a: sp.Basic, b: sp.Basic) -> bool | None:
        """True when ``a - b`` expands to zero; False when it does not; None when a term is unsupported.

        ``a`` and ``b`` may be written in derive's notation (measures, ``P(i)``, labelled groups,
        unevaluated sums and products): each term is read through its value (:func:`derive.distributions.semantics.denote`).
        """
        try:
            return self.form(a) == self.form(b)
        except Unsupported:
            return None

    def form(self, expr: sp.Basic) -> dict[Monomial, int | Fraction]:
        """The expansion of ``expr``: its monomials with their nonzero coefficients (memoised per expression:
        a step's expression is the next step's starting point)."""
        found = self._forms.get(expr)
        if found is None:
            total: dict[Monomial, int | Fraction] = {}
            self._accumulate(expr, 1, total)
            found = self._forms[expr] = {m: c for m, c in total.items() if c}
        return found

    def _accumulate(self, expr: sp.Basic, scale: int | Fraction, total: dict, at: tuple = ()) -> None:
        """Add ``scale * expr`` to ``total``, term by term (sums opened, linearity used).

        ``at`` is ``(index, outcome)`` inside a sum over outcomes: the term is its body at that outcome.
        """
        cls = type(expr)
        if cls is sp.Add:
            for term in expr.args:
                self._accumulate(term, scale, total, at)
            return
        if cls is Group:
            self._accumulate(expr.content, scale, total, at)
            return
        if isinstance(expr, Measure) and not at:
            definition = self._definitions.get(expr)
            if definition is None:
                definition = self._definitions[expr] = expr.definition()
            self._accumulate(definition, scale, total)
            return
        if cls is OutcomeSum and not at:
            for outcome in expr.outcomes:
                self._accumulate(expr.body, scale, total, (expr.index, outcome))
            return
        if cls is sp.Mul and len(expr.args) == 2 and expr.args[0].is_Rational:
            inner = expr.args[1]
            if type(inner) in (sp.Add, Group, OutcomeSum) or isinstance(inner, Measure):
                self._accumulate(inner, scale * _fraction(expr.args[0]), total, at)
                return
        key = (expr, *at) if at else expr
        found = self._terms.get(key)
        if found is None:
            found = self._terms[key] = self._fill(expr, at)
        for monomial, coeff in found:
            total[monomial] = total.get(monomial, 0) + scale * coeff

    def _fill(self, term: sp.Basic, at: tuple) -> tuple:
        """The expansion of one term, from the template of its shape."""
        slots: dict[sp.Symbol, int] = {}
        shape = self._shape(term, slots, at)
        symbols = tuple(slots)
        known = [self._signature(s) for s in symbols]
        # The order SymPy gives the symbols: with it, the template is what SymPy would compute for this very
        # term (only completeness depends on that; soundness needs the signatures alone).
        order = tuple(sorted(range(len(symbols)), key=lambda i: known[i][0])) if len(symbols) > 1 else ()
        key = (shape, tuple(sig for _, sig in known), order)
        if key not in self._templates:
            self._templates[key] = self._template(replace(term, {at[0]: at[1]}) if at else term, slots)
        template = self._templates[key]
        if template is None:
            raise Unsupported
        return tuple((frozenset((_instance(base, symbols), exp) for base, exp in monomial), coeff)
                     for monomial, coeff in template)

    def _shape(self, expr: sp.Basic, slots: dict[sp.Symbol, int], at: tuple = ()):
        """``expr`` as nested tuples, each symbol replaced by its slot (numbered by first appearance).

        Probabilities are read as their values, labelled groups as their content.
        """
        cls = type(expr)
        if cls in _NODES:
            return (cls, *[self._shape(a, slots, at) for a in expr.args])
        if expr.is_Symbol:
            if not isinstance(expr, sp.Symbol) or expr not in self._symbol_set or (at and expr == at[0]):
                raise Unsupported
            slot = slots.get(expr)
            if slot is None:
                slot = slots[expr] = len(slots)
            return slot
        if expr.is_Rational:
            return ("n", int(expr.p), int(expr.q))  # Python integers: they hash in C, SymPy's numbers do not
        if expr.is_NumberSymbol:
            return ("a", expr)
        if cls is Group:
            return self._shape(expr.content, slots, at)
        if cls is Prob:
            outcome = at[1] if at and expr.outcome == at[0] else expr.outcome
            try:
                value = expr.dist.pmf(outcome)
            except (ValueError, KeyError):
                raise Unsupported from None
            return self._shape(value, slots)
        raise Unsupported

    def _signature(self, s: sp.Symbol) -> tuple:
        """``(sort key, signature)``: the signature is all that the positivity test and SymPy's expansion read
        about ``s`` (numbered: equal signatures, equal numbers); the sort key places ``s`` among the others."""
        found = self._signatures.get(s)
        if found is None:
            bounder = self._bounder
            signature = (type(s), frozenset(s.assumptions0.items()), bounder.of(s), bounder.simplex.get(s),
                         s in bounder.defined)
            number = self._numbers.setdefault(signature, len(self._numbers))
            found = self._signatures[s] = (sp.default_sort_key(s), number)
        return found

    def _template(self, term: sp.Basic, slots: dict[sp.Symbol, int]) -> tuple | None:
        """The expansion of ``term`` with its symbols as slots: ``((monomial, coefficient), ...)``."""
        try:
            value = denote(term)
        except (ValueError, KeyError):
            return None
        if not (_defined_by_bounds(term, self._bounder) and _defined_by_bounds(value, self._bounder)):
            return None  # as written or as valued, a denominator or a logarithm's argument may vanish: the general path
        split = _split_logs_of_positive(value, self._bounder)
        logs = list(split.atoms(sp.log))
        unknowns = dict(zip(logs, _unknowns(len(logs))))
        back = {d: lg for lg, d in unknowns.items()}
        expanded = sp.expand(split.xreplace(unknowns))
        known = len(slots)
        out: dict[Monomial, int | Fraction] = {}
        try:
            for m in sp.Add.make_args(expanded):
                coeff, rest = m.as_coeff_Mul()
                if not coeff.is_Rational:
                    return None
                factors = [] if rest == 1 else rest.as_powers_dict().items()
                monomial = []
                for base, exp in factors:
                    if base in back:
                        base = ("log", self._shape(back[base].args[0], slots))
                    else:
                        base = self._shape(base, slots)
                    monomial.append((base, self._shape(exp, slots)))
                key = frozenset(monomial)
                out[key] = out.get(key, 0) + _fraction(coeff)
        except Unsupported:
            return None
        if len(slots) != known:  # the expansion mentions a symbol the term does not: no template
            return None
        return tuple((m, c) for m, c in out.items() if c)


#: The tables of the domains alive (an entry goes with the last domain equal to its key).
_SHARED: "weakref.WeakKeyDictionary[Domain, NormalForms]" = weakref.WeakKeyDictionary()

_UNKNOWNS: list[sp.Dummy] = []


def _unknowns(count: int) -> list[sp.Dummy]:
    """``count`` symbols standing for logarithms, created once (a new Dummy runs SymPy's assumptions set-up)."""
    while len(_UNKNOWNS) < count:
        _UNKNOWNS.append(sp.Dummy(f"L{len(_UNKNOWNS)}"))
    return _UNKNOWNS[:count]


def _instance(key, symbols: tuple[sp.Symbol, ...]):
    """A template key with its slots filled by ``symbols``."""
    if type(key) is int:
        return symbols[key]
    head = key[0]
    if head == "n" or head == "a":
        return key
    return (head, *[symbols[k] if type(k) is int else _instance(k, symbols) for k in key[1:]])


def _fraction(x: sp.Rational) -> int | Fraction:
    return int(x.p) if x.q == 1 else Fraction(int(x.p), int(x.q))
