"""KL divergences, entropies, expectations and variances of declared distributions."""

from __future__ import annotations

import re
import string
from collections.abc import Mapping

import sympy as sp
from sympy.core.symbol import Str

from derive.core.terms import mul
from derive.distributions.base import Distribution
from derive.distributions.measures import KL, Prob
from derive.distributions.moments import Expect, constant, unmarked, variables
from derive.distributions.parametric import Parametric
from derive.errors import DeriveError
from derive.parse.adapter import ParseError
from derive.parse.lexicon import EXPECTATIONS, GREEK, KL_SEPARATORS, MAX_CHAIN, NAME
from derive.parse.tokens import scripts_after


_SUBSCRIPTED_INDEX = re.compile(r"[A-Za-z]_([A-Za-z])\Z")  # P(x_i): the outcome of index i


def _numbered(dist: Distribution) -> bool:
    """``dist``'s outcomes are numbered 1, 2, ... (a categorical, of a size written or not), so that ``P(x_i)``
    in a sum over ``i`` is its ``i``-th outcome's probability; of any other, the value at the ``i``-th datum."""
    from derive.distributions.indexed import SymbolicCategorical

    if isinstance(dist, SymbolicCategorical):
        return True
    outcomes = outcomes_of(dist)
    return bool(outcomes) and all(str(getattr(o, "name", o)).isdigit() for o in outcomes)


def outcomes_of(dist: Distribution) -> tuple[Str, ...]:
    """The named outcomes of ``dist``; none for distributions without them (densities, symbolic sizes)."""
    try:
        return tuple(dist.outcomes)
    except NotImplementedError:
        return ()


class MeasureForms:
    """Measures, expectations and variances, mixed into :class:`~derive.parse.reader.Reader`."""

    def _free_point(self, arg: str, dist: Parametric) -> sp.Symbol | None:
        """A lower-case letter the text uses as the point of ``dist``'s density (``p(x)`` for a mass in ``k``):
        no parameter, variable or outcome of the text's, no letter of ``dist``'s parameters; else ``None``."""
        if len(arg) != 1 or not ("a" <= arg <= "z") or arg in self.variables or arg in self.outcomes or \
                arg in self.bases or any(s.name == arg for s in dist.free_symbols):
            return None
        symbol = sp.Symbol(arg)
        return self.parameters.get(symbol, symbol)

    def _bar(self, i: int, hi: int) -> tuple[int, dict[str, tuple[int, int]], int] | None:
        """For the group opened at token ``i``, an evaluation after it: a bar ``|_{x=a}`` (``|_{a}^{b}``), or, after
        square brackets, both limits ``[F]_{a}^{b}``: (the bar's or the bracket's token, its scripts, the token
        after them); else ``None``."""
        square = self.tokens[i].text == "["
        bar = self.partner[i] if square else self._next(self.partner[i] + 1, hi)
        if not square and self._at(bar, hi) != "|":
            return None
        scripts, after = scripts_after(self.tokens, self.partner, bar)
        if "_" not in scripts or after > hi or (square and "^" not in scripts):
            return None
        return bar, scripts, after

    def _evaluated_at(self, i: int, bar: tuple[int, dict[str, tuple[int, int]], int],
                      indices: Mapping[str, sp.Symbol]) -> sp.Basic:
        r"""The expression from token ``i`` to the bar at the point its subscript ``{x=a}`` names, or between the
        limits ``_{a}^{b}`` (``_{x=a}^{b}``): ``F(b) - F(a)``, an infinite end as a limit."""
        pos, scripts = self.tokens[bar[0]].pos, bar[1]
        parts = self._split(*scripts["_"], {"="})
        if len(parts) > 2 or ("^" not in scripts and len(parts) != 2):
            raise ParseError(f"the evaluation bar at offset {pos} must be written \\left. f(x) \\right|_{{x=a}} or "
                             r"\left. F(x) \right|_{a}^{b}")
        body = self.expression(i + 1, self.partner[i], indices)
        if len(parts) == 2:
            at = self.expression(*parts[0], indices)
        else:
            at = self._bar_variable(body, scripts, indices, pos)
        if not isinstance(at, sp.Symbol):
            raise ParseError(f"the evaluation bar at offset {pos} must name one variable, not {sp.sstr(at)}")
        a = self.expression(*parts[-1], indices)
        if "^" not in scripts:
            return sp.Subs(body, at, a)
        b = self.expression(*self._split(*scripts["^"], {"="})[-1], indices)
        return sp.Add(_end(body, at, b), -_end(body, at, a), evaluate=False)

    def _bar_variable(self, body: sp.Basic, scripts: dict[str, tuple[int, int]], indices: Mapping[str, sp.Symbol],
                      pos: int) -> sp.Symbol:
        r"""The variable of ``[F]_{a}^{b}`` written without it: ``F``'s one symbol, narrowed while more than one is
        left to those not in the limits, then to those the formula integrates over (``d t`` in it), then to those
        no parameter; each narrowing only if it leaves one at least."""
        ends = set().union(*(self.expression(*self._split(*scripts[k], {"="})[-1], indices).free_symbols
                             for k in ("_", "^") if k in scripts))
        integrated = set(_DIFFERENTIAL.findall(self.source))
        parameters = set(self.parameters.values())
        free = sorted(body.free_symbols, key=str)
        for keep in (lambda s: s not in ends, lambda s: s.name in integrated, lambda s: s not in parameters):
            narrower = [s for s in free if keep(s)]
            free = narrower if len(free) > 1 and narrower else free
        if len(free) != 1:
            raise ParseError(f"the evaluation bar at offset {pos} must name its variable: |_{{x=a}}^{{b}}")
        return free[0]

    def kl(self, pos: int, open_: int, close: int, indices: Mapping[str, sp.Symbol] | None = None) -> sp.Basic:
        sides = self._split(open_ + 1, close, KL_SEPARATORS, double_bar=True)
        if len(sides) == 1:  # KL(p, q)
            sides = self._split(open_ + 1, close, {","})
        if (divergence := self.rv_divergence(sides, indices or {})) is not None:  # D(p(x, y) || p(x) p(y))
            return divergence
        sides = [self._named(a, b) for a, b in sides]  # KL(P(x) || Q(x)): the distributions
        if len(sides) != 2 or not all(NAME.fullmatch(self._key(a, b)) for a, b in sides):
            raise ParseError(f"{self._fragment(pos, self._offset(close + 1))} at offset {pos}: KL needs two "
                             r"distribution names separated by \Vert, \| or ||")
        return self._measure(KL, [self._dist(a, b) for a, b in sides], pos)

    def _named(self, lo: int, hi: int) -> tuple[int, int]:
        """Tokens ``lo:hi`` without a trailing ``(x)`` when they are a declared distribution's density at its
        variable (``P(x)``), else as they are."""
        first = self._next(lo, hi)
        opening = self._next(first + 1, hi)
        if self._at(opening, hi) == "(" and self.partner.get(opening) == hi - 1 or \
                self._at(opening, hi) == "(" and self._next(self.partner.get(opening, hi) + 1, hi) >= hi:
            name = self._key(first, first + 1)
            dist = self.by_key.get(name)
            if dist is not None and isinstance(dist, Parametric) and \
                    self._key(opening + 1, self.partner[opening]) == dist.variable.name:
                return first, first + 1
        return lo, hi

    def expectation(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int]:
        r"""``\mathbb{E}_{x \sim P}[body]`` or ``\mathbb{E}_{P}[body]``: the sum or integral of ``P(x) body``.

        Inside the brackets the variable as written, in either case (``x``,
        ``X``), is ``P``'s own (``x`` for a density, ``i`` for outcomes).
        """
        pos = self.tokens[i].pos
        form = r"\mathbb{E}_{x \sim P}\left[...\right]"
        named_only = False
        under = self._next(i + 1, hi)
        script = self._next(under + 1, hi)
        inside = self._written_inside(under, hi) if len(self.by_key) > 1 else None
        if inside is not None:  # \mathbb{E}[|X - \mu|] among several: X's, the one named inside
            dist, written, opening = self.by_key[inside], inside, under
        elif self._at(under, hi) in ("[", "(") and (one := self._the_one()) is not None:  # \mathbb{E}[X]
            dist, written, opening = one, "x", under
        elif (past := self._of_parameter(under, hi)) is not None:  # E_p[X], under the one law, of parameter p
            (dist, written, opening), lo, top = past, under, under  # (no \sim in the subscript to check below)
        elif self._at(under, hi) != "_" or script >= hi:
            raise ParseError(f"the expectation at offset {pos} must name its distribution: {form}")
        else:
            lo, top = (script + 1, self.partner[script]) if script in self.partner else (script, script + 1)
            parts = self._split(lo, top, {r"\sim"})
            dist = self._dist(*parts[-1])
            written = self._key(*parts[0]) if len(parts) == 2 else dist.variable.name
            named_only = len(parts) == 1  # E_P[X]: the variable is P's, as the text writes it (X, x)
            opening = self._next(self.partner.get(script, script) + 1, hi)
        bar = self._at(opening, hi) == "|" and self._bar_close(opening, hi) > opening  # E_p|x - \mu|
        if len(written) != 1 or written not in string.ascii_letters or \
                self._at(opening, hi) not in ("[", "(") and not bar or \
                self._at(under, hi) == "_" and len(self._split(lo, top, {r"\sim"})) > 2:
            raise ParseError(f"the expectation at offset {pos} must be written {form}")
        if self.sums >= MAX_CHAIN:
            raise ParseError(f"sums and integrals nested more than {MAX_CHAIN} deep at offset {pos}")
        self.sums += 1
        try:
            bound = {written.lower(): dist.variable, written.upper(): dist.variable}
            if named_only:
                taken = {s.name for s in dist.free_symbols if isinstance(s, sp.Symbol)}
                bound |= {n: dist.variable for n in ("x", "X") if n in _variable_names(dist) and n not in taken}
            close = self._bar_close(opening, hi) if bar else self.partner[opening]
            body = self.expression(opening + 1, close, {**indices, **bound})
        finally:
            self.sums -= 1
        others = sorted(s.name for s in body.free_symbols if isinstance(s, sp.Symbol) and len(s.name) == 1 and
                        s.name.isupper() and s.name not in _variable_names(dist) | {written.upper()})
        if others:  # E[Y] under X's distribution: Y is no number, and not X
            raise ParseError(f"the expectation at offset {pos} is under {dist.name}, whose variable is not "
                             f"{others[0]}; declare {others[0]}'s distribution")
        return dist.sum_over(mul(Prob(dist, dist.variable), sp.Abs(body) if bar else body), dist.variable), close + 1

    def free_expectation(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int] | None:
        r"""``E(X)``, ``\mathbb{E}[X^2]``, ``E^2(X)`` (its square) with no distribution declared: the expectation of
        a body that holds a capital letter, a random variable (:mod:`derive.distributions.moments`), or of one that holds none
        (``\mathbb{E}[\hat f \varepsilon]``, ``E[x^2]``), every name in it random; ``None`` otherwise."""
        if self.by_key:
            return None
        k, power = self._next(i + 1, hi), 1
        under = self._past_parameter(k, hi)  # E_p(X), \mathbb{E}_\theta[X]: the law of parameter p, undeclared
        k = under[0] if under is not None else k
        if self._at(k, hi) == "^":  # E^2(X): the square of the expectation
            script = self._next(k + 1, hi)
            written = self._key(script + 1, self.partner[script]) if script in self.partner else self._at(script, hi)
            if not written.isdigit():
                return None
            power, k = int(written), self._next(self.partner.get(script, script) + 1, hi)
        if self._at(k, hi) not in ("[", "(") or k not in self.partner:
            return None
        body = self.expression(k + 1, self.partner[k], indices)
        if constant(body) and body.free_symbols:  # E[\mu^2] beside "with mean $\mu$": a constant's own value
            return body ** power, self.partner[k] + 1
        if variables(body):
            return Expect(body) ** power, self.partner[k] + 1
        # \mathbb{E}[\hat f \varepsilon]: no letter says which; every name may vary (not under a parameter's E_p)
        random = unmarked(body) if under is None else ()
        if not random or self.tokens[i].text not in EXPECTATIONS and self._at(k, hi) != "[":
            return None  # E(w), an error function of w, as much as an expectation
        return Expect(body, sp.Tuple(*random)) ** power, self.partner[k] + 1

    def _past_parameter(self, k: int, hi: int) -> tuple[int, str] | None:
        """For a subscript at ``k`` that names one parameter or variable (``_p``, ``_{\\theta}``, ``_X``), not a
        distribution (``_{x \\sim p}``): the token after it and the name; ``None`` where there is no such one."""
        script = self._next(k + 1, hi)
        if self._at(k, hi) != "_" or script >= hi:
            return None
        lo, top = (script + 1, self.partner[script]) if script in self.partner else (script, script + 1)
        written = self._key(lo, top)
        if not (len(written) == 1 and written.isascii() and written.isalpha() or written in GREEK):
            return None
        return self._next(top + 1 if script in self.partner else top, hi), written

    def free_variance(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int] | None:
        r"""``\mathrm{Var}(X)`` with no distribution declared: ``E(X^2) - E(X)^2`` for every distribution of ``X``
        (of every name in it, where no capital letter marks a variable)."""
        k = self._next(i + 1, hi)
        if self.by_key or self._at(k, hi) not in ("[", "(") or k not in self.partner:
            return None
        body = self.expression(k + 1, self.partner[k], indices)
        if variables(body):
            return Expect(body**2) - Expect(body)**2, self.partner[k] + 1
        random = sp.Tuple(*unmarked(body))  # \mathrm{Var}(\varepsilon): every name may vary, as in an expectation
        if not random or self.tokens[i].text == "V":  # V(s), a value function as much as a variance
            return None
        return Expect(body**2, random) - Expect(body, random)**2, self.partner[k] + 1

    def _the_one(self) -> Distribution | None:
        """The distribution an expectation or variance without a subscript is under: the only one declared, or
        among several the only one this formula applies (``\\int x^2 P(x) dx = E(x^2)`` beside a declared ``Q``)."""
        if len(self.by_key) == 1:
            return next(iter(self.by_key.values()))
        applied = {id(dist): dist for head, dist in self.names for k in range(len(self.tokens))
                   if self._call(k, len(self.tokens), head) is not None}
        return next(iter(applied.values())) if len(applied) == 1 else None

    def _written_inside(self, opening: int, hi: int) -> str | None:
        """The one declared distribution's name (``X``) written as a variable inside the brackets at ``opening``."""
        if self._at(opening, hi) not in ("[", "(") or opening not in self.partner:
            return None
        named = {t.text for t in self.tokens[opening + 1:self.partner[opening]]
                 if len(t.text) == 1 and t.text.isupper() and t.text in self.by_key}
        return named.pop() if len(named) == 1 else None

    def variance(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int]:
        r"""``\mathrm{Var}(X)`` (``V(x)``, ``\operatorname{Var}[X]``) under the one declared distribution:
        ``E[x^2] - E[x]^2``, each the sum or integral of ``P(x)`` times the power of its variable."""
        dist = self._the_one()
        opening = self._next(i + 1, hi)
        written = self._key(opening + 1, self.partner[opening])
        if len(written) == 1 and written in string.ascii_letters and written not in _variable_names(dist):
            raise ParseError(f"the variance of {written} at offset {self.tokens[i].pos}: {written} is not the "
                             f"variable of {dist.name}, the one distribution declared; declare {written}'s")
        x = dist.variable  # E[f^2] - E[f]^2: no integral inside another's body
        own = {dist.name, dist.name.lower()} if dist.name.upper() in ("P", "Q", "R") else set()  # P's p: a parameter
        named = {n for n in _variable_names(dist) if len(n) == 1} - own
        body = self.expression(opening + 1, self.partner[opening], {**indices, **dict.fromkeys(named, x)})  # not p
        others = {s.name for s in body.free_symbols if isinstance(s, sp.Symbol) and len(s.name) == 1 and
                  s.name.isupper()}
        if not body.has(x) or others or body.has(Prob):
            raise ParseError(f"the variance at offset {self.tokens[i].pos} is read of {dist.name}'s variable or "
                             r"a function of it only: \mathrm{Var}(X), \mathrm{Var}(2X + 1)")
        square, mean = (dist.sum_over(mul(Prob(dist, x), body**k), x) for k in (2, 1))
        return square - mean**2, self.partner[opening] + 1

    def _written_expectation(self, i: int, hi: int) -> bool:
        """A plain ``E`` at token ``i`` that opens an expectation: ``E[X]``, ``E_{p}[...]``, ``E_{x \\sim p}(...)``."""
        after = self._next(i + 1, hi)
        if self._at(after, hi) == "[" or self._at(after, hi) == "(" and self._the_one() is not None:  # E(x^2)
            return True
        script = self._next(after + 1, hi)
        if self._at(after, hi) != "_" or script >= hi:
            return False
        opening = self._at(self._next(self.partner.get(script, script) + 1, hi), hi)
        if opening == "[":
            return True
        lo, top = (script + 1, self.partner[script]) if script in self.partner else (script, script + 1)
        named = self._key(*self._split(lo, top, {r"\sim"})[-1]) in self.by_key  # E_p(...), E_{x \sim p}|x|
        return named and opening in ("(", "|") or opening == "(" and self._of_parameter(after, hi) is not None

    def _of_parameter(self, under: int, hi: int) -> tuple[Distribution, str, int] | None:
        """For ``E_p(X)`` (``\\mathbb{E}_\\theta[X]``), a subscript naming no distribution, under the one
        distribution declared, one of whose parameters it names: (that distribution, its variable, the opening)."""
        found, one = self._past_parameter(under, hi), self._the_one()
        if found is None or one is None or self._at(found[0], hi) not in ("(", "["):
            return None
        past, name = found
        if name in self.by_key or name in self.lower or all(s.name != name.lstrip("\\") for s in one.free_symbols):
            return None
        return one, "x", past

    def _dist(self, lo: int, hi: int) -> Distribution:
        """The distribution named by tokens ``lo:hi``; ``p`` names ``P`` (its density or mass) when no ``p`` is
        declared: ``D(p \\| q)``, ``\\mathbb{E}_p[...]``; and ``P`` names a declared density ``p``."""
        key, pos = self._key(lo, hi), self._offset(self._next(lo, hi))
        written = re.fullmatch(r"([A-Za-z])\(([a-z])\)", key)  # \mathbb{E}_{p(x)}: the density p at x, P's own
        if written and written.group(1) not in self.by_key and \
                (dist := self.lower.get(written.group(1)) or self.by_key.get(written.group(1).upper())) is not None \
                and getattr(dist, "variable", None) is not None and dist.variable.name == written.group(2):
            return dist
        if written and written.group(1) in "pf" and written.group(1) not in self.lower and \
                (variable := self.variable_by_value(written.group(2))) is not None:
            return variable  # <g(x)>_{p(x)} of X \sim \mathrm{Bin}(n, p): p(x) is X's mass, the one of value x
        if key in self.lower:
            return self.lower[key]
        if key not in self.by_key and len(key) == 1 and key.lower() in "pqr" and key.lower() in self.by_key:
            return self.by_key[key.lower()]  # D(P || Q) of the densities p, q the text declares
        if (variable := self.variable_by_value(key)) is not None:
            return variable  # H(x) of x \sim \mathcal{N}(\mu, \sigma^2): X's
        if key not in self.by_key:
            known = ", ".join(sorted(d.name for d in self.by_key.values())) or "none given"
            raise ParseError(f"unknown distribution name {key!r} at offset {pos} (known: {known})")
        return self.by_key[key]

    @staticmethod
    def _measure(cls: type, dists: list[Distribution], pos: int) -> sp.Basic:
        try:
            return cls(*dists)
        except DeriveError as exc:
            raise ParseError(f"at offset {pos}: {exc}") from None

    def probability(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int] | None:
        """``P(H)``, ``P(X = 0)``, ``P(x_i)``, ``p(x)`` of a declared distribution: its mass or density there."""
        text = self.tokens[i].text
        paren = self._call(i, hi, (text,), True) if text in ("P", "p") and text not in self.by_key else None
        if paren is not None and (event := re.fullmatch(r"([A-Z])=(.+)", self._key(paren[0] + 1, paren[1]))) and \
                event.group(1) in self.by_key:  # P(X = 1) of a variable X declared with its law: X's mass at 1
            return self._mass_at(self.by_key[event.group(1)], event.group(2), paren, indices, text)
        if (density := self._density_of_variable(i, hi, indices)) is not None:  # p(x), f_X(x) of a declared X
            return density
        for head, dist in self.names:
            if (paren := self._call(i, hi, head)) is not None:
                arg = self._key(paren[0] + 1, paren[1])
                if (value := re.fullmatch(r"[A-Za-z]=(.+)", arg)) is not None:  # P(X = 0), P(y = 0): the outcome 0
                    arg = value.group(1)
                if (found := self._mass_at(dist, arg, paren, indices, text)) is not None:
                    return found
        return None

    def variable_by_value(self, key: str) -> Parametric | None:
        """The declared random variable ``X`` whose value ``key`` is written (``x``, ``z``); ``None`` for any other
        name (``p``, ``q``, ``r`` name densities, not values)."""
        dist = self.by_key.get(key.upper()) if len(key) == 1 and "a" <= key <= "z" and key not in "pqr" else None
        return dist if isinstance(dist, Parametric) else None

    def _density_of_variable(self, i: int, hi: int,
                             indices: Mapping[str, sp.Symbol] | None = None) -> tuple[sp.Basic, int] | None:
        """``p(x)``, ``f(x)``, ``p_X(x)``, ``f_X(x)``: the density (or mass) at ``x`` of the declared random
        variable ``X`` (``z`` of ``Z``), where ``p`` (``f``) names nothing of the text's; ``None`` otherwise."""
        text = self.tokens[i].text
        if text not in ("p", "f") or text in self.by_key or text in self.lower or sp.Symbol(text) in self.parameters:
            return None
        found = self._under(i, hi)
        named = self._key(found[0], found[1]) if found is not None else None
        opening = self._next(found[2], hi) if found is not None else self._next(i + 1, hi)
        if self._at(opening, hi) != "(" or opening not in self.partner:
            return None
        arg = self._key(opening + 1, self.partner[opening])
        dist = self.variable_by_value(arg)
        if dist is None or named not in (None, arg.upper()):
            return None
        point = (indices or {}).get(arg) or (dist.variable if arg == dist.variable.name else sp.Symbol(arg))
        return Prob(dist, self.parameters.get(point, point)), self.partner[opening] + 1

    def _mass_at(self, dist: Distribution, arg: str, paren: tuple[int, int], indices: Mapping[str, sp.Symbol],
                 text: str) -> tuple[sp.Basic, int] | None:
        """``dist``'s mass or density at the value ``arg`` written in the brackets ``paren``."""
        if isinstance(dist, Parametric) and arg == dist.variable.name.upper() and len(arg) == 1:
            arg = dist.variable.name  # \int P(X) dx: the random variable's value, x
        if arg in indices:
            return Prob(dist, indices[arg]), paren[1] + 1
        if (sub := _SUBSCRIPTED_INDEX.match(arg)) is not None and sub.group(1) in indices:
            if _numbered(dist):  # P(x_i) in a sum over i: P's i-th outcome, p_i
                return Prob(dist, indices[sub.group(1)]), paren[1] + 1
            return Prob(dist, sp.IndexedBase(arg[0])[indices[sub.group(1)]]), paren[1] + 1  # at datum x[i]
        if arg in self.outcomes and self.outcomes[arg] in outcomes_of(dist):
            return Prob(dist, self.outcomes[arg]), paren[1] + 1
        if isinstance(dist, Parametric) and arg == dist.variable.name:
            return Prob(dist, dist.variable), paren[1] + 1
        if isinstance(dist, Parametric) and arg.isdigit() and arg.isascii():
            return Prob(dist, sp.Integer(int(arg))), paren[1] + 1
        if isinstance(dist, Parametric) and (point := self._free_point(arg, dist)) is not None:
            return Prob(dist, point), paren[1] + 1  # p(x) of a mass in k: its value at the point x
        if isinstance(dist, Parametric) and text != "H":
            where = self._offset(self._next(paren[0] + 1, paren[1]))
            raise ParseError(f"{arg!r} at offset {where} is not {dist.name}'s variable "
                             f"{dist.variable.name}, a number, nor a bound variable")
        if not dist.outcomes and not isinstance(dist, Parametric) and \
                (variable := getattr(dist, "variable", None)) is not None and arg == variable.name:
            return Prob(dist, variable), paren[1] + 1  # P(i) of a categorical on n outcomes: the i-th, p_i
        if text != "H":
            names = ", ".join(o.name for o in outcomes_of(dist))
            where = self._offset(self._next(paren[0] + 1, paren[1]))
            raise ParseError(f"{arg!r} at offset {where} is not an outcome of {dist.name} ({names}) "
                             "nor a summation index")
        return None


#: The letter of a differential in a formula: ``dt``, ``\,dx``, ``\mathrm{d}x``, ``{\rm d}\theta``.
_DIFFERENTIAL = re.compile(r"(?:(?<![A-Za-z\\])d|\\mathrm\{d\}|\{\\rm\s*d\})\s*\\?([A-Za-z]+)(?![A-Za-z])")


def _end(body: sp.Basic, variable: sp.Symbol, point: sp.Basic) -> sp.Basic:
    """``body`` at one end of an evaluation: its value there, or its limit at an infinite end."""
    if point in (sp.oo, -sp.oo):
        return sp.Limit(body, variable, point, "-" if point == sp.oo else "+")
    return sp.Subs(body, variable, point)


def _variable_names(dist: Distribution) -> set[str]:
    """How a text may write the variable of ``dist``: ``X`` (and ``x``) of a distribution named ``P``, ``Q`` or
    ``R`` (or ``p``...), its variable's own name; the name itself, of a variable ``X \\sim ...``."""
    names = {dist.name, dist.name.lower(), dist.variable.name, dist.variable.name.upper()}
    return names if len(dist.name) == 1 and dist.name.upper() not in "PQR" else names | {"x", "X"}
