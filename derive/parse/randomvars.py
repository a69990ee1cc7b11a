r"""The notation of information theory over random variables no one declares (:mod:`derive.distributions.randomvars`).

The reader of :mod:`derive.parse.notation` mixes in :class:`RandomVariableForms`,
whose forms are read in a text about random variables (``parse_latex(...,
masses=True)``; ``derive check`` decides it from the text,
:mod:`derive.check.variables`).  A random variable is a capital letter (``X``,
``Y_1``) that names no declared distribution; its values are the lower-case
letter (``x``) unless the text says otherwise (``X = a``).

======================================  ===================================================
LaTeX                                   SymPy
======================================  ===================================================
``H(X)``, ``H(X, Y)``, ``\mathrm{H}``   the joint entropy ``H[X,Y]`` (over ``\log 2`` in bits)
``H(Y \mid X)``, ``H(Y | X)``           ``H[X,Y] - H[X]``
``H(Y \mid X = x)``                     ``-\sum_y p(y | x) \log p(y | x)``
``I(X; Y)``, ``I(X; Y \mid Z)``,        ``H[X] + H[Y] - H[X,Y]`` and the conditional form
``I(X, Y; Z)``, ``I(X, Y)``
``p(x, y)``, ``P(x)``, ``p(X, Y)``,     the joint pmf ``p[X,Y](x, y)``; ``q(x)`` is another pmf
``\mathbb{P}[X = a, Y = b]``, ``\Pr``   ``q[X](x)``
``p(y \mid x)``, ``p(Y = y | X = x)``   ``p[X,Y](x, y) / p[X](x)``
``D(p(x, y) \| p(x) p(y))``, ``KL``     ``\sum_{x, y} p(x, y) \log \frac{p(x, y)}{p(x) p(y)}``: over the
                                        free values of the first side
``\sum_{x \in X}``, ``\sum_{x \in       the sum over the values of ``X``: ``Sum(body, (x, 1,
\mathcal{X}}``, ``\sum_{x \in D(X)}``,  N[X]))``; the variable is the one the body's pmf puts
``\sum_{a \in A}``, ``\sum_{x, y}``,    at ``a`` (``\mathbb{P}[X = a]``), else the capital of
``\sum_{x \in X, y \in Y}``, ``\sum_x``  the letter; braces around a body are invisible, as in
                                        print (``\sum_x{A - \sum_y{B}}``: two sums).  Over a
                                        set the text does not give as the variable's values
                                        (``\sum_{x \in S}``, ``S`` not in ``supports``): a sum
                                        over some values, never taken for all of them
======================================  ===================================================
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping

import sympy as sp

from derive.distributions import randomvars as rv
from derive.parse.lexicon import GREEK

#: Heads of the pmf of the text's variables, and of a second one (``q(x)``).
MASS_HEADS = {"p": "p", "P": "p", r"\mathbb{P}": "p", r"\Pr": "p", r"\operatorname{Pr}": "p", r"\text{Pr}": "p",
              r"\mathrm{Pr}": "p", "q": "q", "Q": "q"}
#: Letters that name a model's parameter under a pmf's head (``p_\theta``, ``q_\phi``), never a variable.
_PARAMETERS = frozenset({r"\theta", r"\phi", r"\psi", r"\varphi", r"\vartheta", r"\omega", r"\lambda",
                         r"\eta", r"\beta", r"\alpha"})
ENTROPY_HEADS = frozenset({"H", r"\mathrm{H}", r"\operatorname{H}"})
_MEASURE_HEADS = ENTROPY_HEADS | {"I"}
_VARIABLE = re.compile(r"[A-Z](?:_\{?[A-Za-z0-9]\}?)?\Z")
_VALUE = re.compile(r"[a-z](?:_\{?[A-Za-z0-9]\}?)?\Z")
#: A value written as a Greek letter (``p(\theta \mid D)``): the value of the variable named after it, ``Theta``.
_GREEK_VALUE = re.compile(r"\\(?P<letter>[a-z]+)(?:_\{?[A-Za-z0-9]\}?)?\Z")
_SET = re.compile(r"(?:\\mathcal\{(?P<cal>[A-Z])\}|(?:\\mathcal\{D\}|D)\((?P<of>[A-Z])\)|(?P<plain>[A-Z]))\Z")


def _is_value_of(weight: sp.Basic, value: sp.Symbol) -> bool:
    """``value`` is a value the weight is a pmf of (in ``q(z | x)``, ``z``; ``x`` is given: it is in the
    denominator's mass too)."""
    top, bottom = sp.fraction(weight)
    return value in top.free_symbols and value not in bottom.free_symbols


def _name(key: str) -> str:
    """``X_{1}`` -> ``X_1``: a variable's name as :mod:`derive.distributions.randomvars` keeps it."""
    return key.replace("{", "").replace("}", "")


def _value_of(key: str, greek: frozenset[str] | None = None) -> tuple[str, sp.Symbol] | None:
    """A value written ``x``, ``x_1`` or ``\\theta``: the name of the variable it is a value of (``X``, ``X_1``,
    ``Theta``) and the value's symbol, as the reader names it; ``None`` for anything else, and for a Greek letter
    not in ``greek`` (when given: the others are a model's parameters)."""
    if _VALUE.fullmatch(key):
        return _name(key[0].upper() + key[1:]), sp.Symbol(_name(key))
    letter = m.group("letter") if (m := _GREEK_VALUE.fullmatch(key)) is not None else ""
    if "\\" + letter in GREEK and letter != "pi" and (greek is None or letter in greek):  # pi: a number
        written = _name(key[1:])
        return written[0].upper() + written[1:], sp.Symbol(written)
    return None


class RandomVariableForms:
    """Reads ``H(X | Y)``, ``I(X; Y)``, ``p(y | x)`` and sums over a variable's values (module docstring)."""

    masses = False  # the text is about random variables: H(X), p(x) their pmf, \sum_x over the values of X
    rv_units = "nats"
    supports: Mapping[str, str] = {}  # A -> X: the text says X takes its values in A
    mass_letters: frozenset[str] = frozenset()  # g: the text writes a density g(x | z) with a letter of its own
    greek_values: frozenset[str] | None = None  # theta: the text writes p(theta), a value; None: any Greek letter

    # -- measures ----------------------------------------------------------------------------------
    def rv_measure(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int] | None:
        """``H(...)`` or ``I(...; ...)`` of undeclared capital letters at token ``i``; else ``None``."""
        text = self.tokens[i].text
        if not self.masses or text not in _MEASURE_HEADS or (paren := self._call(i, hi, (text,))) is None:
            return None
        lo, top = paren[0] + 1, paren[1]
        given_parts = self._split(lo, top, {"|"})
        if len(given_parts) > 2:
            return None
        main, given = given_parts[0], given_parts[1] if len(given_parts) == 2 else None
        conditions = self._events(*given, indices) if given else {}
        if conditions is None:
            return None
        if text == "I":
            sides = self._split(*main, {";"})
            if len(sides) == 1 and len(commas := self._split(*main, {","})) == 2:
                sides = commas  # I(X, Y): two variables, as many write the mutual information
            names = [self._variables(*side) for side in sides]
            if len(sides) != 2 or None in names or any(v is not None for v in conditions.values()):
                return None
            value = rv.mutual_information(names[0], names[1], conditions)
        else:
            names = self._variables(*main)
            if names is None and given is None:  # H(p(x)), H(p(x), q(x)): of the pmfs the text applies
                value = self._of_masses(self._split(*main, {","}), indices)
                return None if value is None else (value, top + 1)
            if names is None:
                return None
            fixed = {n: v for n, v in conditions.items() if v is not None}
            if fixed:  # H(Y | X = x): the entropy of the conditional pmf at x
                if len(fixed) != len(conditions):
                    return None
                value = self._conditional_entropy(names, fixed)
            else:
                value = rv.conditional_entropy(names, conditions)
        return value / sp.log(self.rv_base()), top + 1

    def _of_masses(self, parts: list[tuple[int, int]], indices: Mapping[str, sp.Symbol]) -> sp.Basic | None:
        """``H(p(x))``, the entropy of a pmf (``-sum p log p``), and ``H(p(x), q(x))``, the cross-entropy of the
        second relative to the first (``-sum p log q``), over the values the first is of; ``None`` unless each
        argument is an expression in the pmfs."""
        if len(parts) not in (1, 2):
            return None
        sides = [self.expression(a, b, indices) for a, b in parts]
        owners = rv.owners(sides[0])
        if not owners or not all(rv.owners(side) for side in sides):
            return None
        free = sorted((v for v in owners if v in sides[0].free_symbols and v not in indices.values()), key=str)
        if not free:
            return None
        limits = [(v, 1, rv.support(owners[v])) for v in reversed(free)]
        return -sp.Sum(sides[0] * sp.log(sides[-1]), *limits) / sp.log(self.rv_base())

    def rv_base(self) -> sp.Expr:
        """The base of the measures' logarithms: ``e`` in nats, 2 in bits, ``b`` in arbitrary units."""
        from derive.distributions.measures import ANY_BASE, UNITS
        return ANY_BASE if self.rv_units == "any" else UNITS.get(self.rv_units, sp.E)

    def _conditional_entropy(self, names: list[str], fixed: dict[str, sp.Basic]) -> sp.Expr:
        values = {n: sp.Symbol(n[0].lower() + "~" + n[1:]) for n in names}
        p = rv.conditional("p", values, fixed)
        body = p * sp.log(p)
        return -sp.Sum(body, *((values[n], 1, rv.support(n)) for n in sorted(names)))

    def _variables(self, lo: int, hi: int) -> list[str] | None:
        """Tokens ``lo:hi`` as ``X, Y``: capital letters naming no declared distribution; else ``None``."""
        out = []
        for a, b in self._split(lo, hi, {","}):
            key = self._key(a, b)
            if not _VARIABLE.fullmatch(key) or key in self.by_key:
                return None
            out.append(_name(key))
        return out or None

    def _events(self, lo: int, hi: int, indices: Mapping[str, sp.Symbol]) -> dict[str, sp.Basic | None] | None:
        """``X, Y`` (to ``None``) or ``X = x, Y = y`` (to the values); ``None`` for anything else."""
        out: dict[str, sp.Basic | None] = {}
        for a, b in self._split(lo, hi, {","}):
            sides = self._split(a, b, {"="})
            key = self._key(*sides[0])
            if not _VARIABLE.fullmatch(key) or key in self.by_key or len(sides) > 2:
                return None
            out[_name(key)] = self.expression(*sides[1], indices) if len(sides) == 2 else None
        return out

    # -- masses ------------------------------------------------------------------------------------
    def rv_mass(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int] | None:
        """``p(x, y)``, ``p(y | x)``, ``\\mathbb{P}[X = a]``, ``p_\\theta(x | z)`` at token ``i``; ``p_X(a)``,
        ``P_{XY}(x, y)``, ``p_{Y|X}(y|x)`` (the variables named under the head); else ``None``."""
        text = self.tokens[i].text
        family = MASS_HEADS.get(text)
        if family is not None and self.masses and text not in self.by_key and \
                (named := self._named_mass(i, hi, family, indices)) is not None:
            return named
        opening = self._model_subscript(i, hi)
        if family is None and text in self.mass_letters:
            family = text  # g_\theta(x | z), g(x, z): a density the text writes with a letter of its own
        if family is None or self._at(opening, hi) not in ("(", "[") or text in self.by_key:
            return None
        close = self.partner[opening]
        parts = self._split(opening + 1, close, {"|"})
        if len(parts) > 2 or not self.masses or \
                self._at(opening, hi) == "[" and text in ("p", "P", "q", "Q"):
            return None
        values = self._values(*parts[0], indices)
        given = self._values(*parts[1], indices) if len(parts) == 2 else {}
        if given is None and self._parameters_only(*parts[1]):  # q(z \mid \theta), theta a model's parameter
            given = {}  # the model's density, as q_\theta(z)
        if values is None or given is None or set(values) & set(given):
            return None
        return rv.conditional(family, values, given), close + 1

    def _named_mass(self, i: int, hi: int, family: str,
                    indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int] | None:
        """``p_X(a)``, ``P_{XY}(x, y)``, ``p_{X,Y}(x, y)``, ``p_{Y|X}(y \\mid x)``: the mass of the variables the
        subscript names, at the values the argument gives them, one by one; ``None`` for any other form."""
        found = self._under(i, hi)
        if found is None:
            return None
        lo, top, after = found
        named = [[t.text for t in self.tokens[a:b] if t.text not in (",", " ")] for a, b in self._split(lo, top, {"|"})]
        opening = self._next(after, hi)
        if not named or not all(named) or not all(re.fullmatch(r"[A-Z]", v) for side in named for v in side) or \
                self._at(opening, hi) != "(":
            return None
        close = self.partner[opening]
        parts = self._split(opening + 1, close, {"|"})
        given = [self._split(*part, {","}) for part in parts]
        if len(parts) != len(named) or any(len(v) != len(a) for v, a in zip(named, given)):
            return None
        values = [{_name(v): self.expression(*arg, indices) for v, arg in zip(vs, args)} for vs, args in zip(named, given)]
        if len({name for side in values for name in side}) != sum(len(side) for side in values):
            return None
        return rv.conditional(family, values[0], values[1] if len(values) == 2 else {}), close + 1

    def _parameters_only(self, lo: int, hi: int) -> bool:
        """Tokens ``lo:hi`` list a model's parameters only (``\\theta``, ``\\phi, \\psi``): Greek letters the text
        never writes as a density's values (those are variables: :attr:`greek_values`)."""
        keys = [self._key(a, b) for a, b in self._split(lo, hi, {","})]
        return self.greek_values is not None and bool(keys) and \
            all(k in _PARAMETERS and k[1:] not in self.greek_values for k in keys)

    def _model_subscript(self, i: int, hi: int) -> int:
        r"""The token after a model's parameter written under the head at ``i`` (``p_\theta``, ``q_{\phi}``: the
        model's pmf or density, the same one whatever its parameter), else the token after the head."""
        found = self._under(i, hi)
        if found is not None and found[1] - found[0] == 1 and self.tokens[found[0]].text in _PARAMETERS:
            return self._next(found[2], hi)
        return self._next(i + 1, hi)

    def rv_expectation(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int] | None:
        r"""``\mathbb{E}_{z \sim q_\phi}[f]``, ``E_{q(z \mid x)}[f]``, ``\mathbb{E}_{p(x)}[f]``: the integral of the
        pmf (or density) times ``f`` over the values it is of; ``None`` for any other expectation.

        An integral, not a sum: whether the variables are discrete or continuous, its identities are the same,
        and :mod:`derive.verify.entropic` proves no bound for it that holds for pmfs only."""
        found = self._under(i, hi)
        if not self.masses or self.by_key:
            return None
        if found is None:
            return self._joint_expectation(i, hi, indices)
        lo, top, after = found
        opening = self._next(after, hi)
        if self._at(opening, hi) in ("[", "("):
            start, stop, end = opening + 1, self.partner[opening], self.partner[opening] + 1
        else:  # \mathbb{E}_{q(z|x)} \log q(z|x) - ...: of the term that follows, as a product is written
            start = opening
            stop = end = self._term_end(opening, hi)
            if stop <= opening or self._at(opening, hi) in ("+", "-", "="):
                return None
        parts = self._split(lo, top, {r"\sim"})
        letter = self._key(*parts[0]) if len(parts) == 2 else None
        head = self._next(parts[-1][0], parts[-1][1])
        value = _value_of(letter, self.greek_values) if letter is not None else None
        if len(parts) > 2 or letter is not None and value is None:
            return None
        if value is not None and self._model_subscript(head, parts[-1][1]) >= parts[-1][1]:  # z \sim q_\phi
            family = MASS_HEADS.get(self.tokens[head].text)
            if family is None:
                return None
            weight, over = rv.mass(family, {value[0]: value[1]}), [value[1].name]
        else:
            mass = self.rv_mass(head, parts[-1][1], indices)
            if mass is None or mass[1] != parts[-1][1]:
                return None
            weight = mass[0]
            over = [value[1].name] if value else sorted(_name(v.name) for v in rv.owners(weight)
                                                  if v not in indices.values() and _is_value_of(weight, v))
        if not over:
            return None
        bound = {x: sp.Symbol(x, real=True) for x in over}
        weight = weight.xreplace({sp.Symbol(x): bound[x] for x in over})
        body = self.expression(start, stop, {**indices, **bound})
        return sp.Integral(weight * body, *((bound[x], -sp.oo, sp.oo) for x in over)), end

    def _joint_expectation(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int] | None:
        r"""``\mathbb{E}[\log \frac{1}{p(X)}]``, no distribution written: under the joint pmf of the variables whose
        masses the body takes at their values (``p(X \mid Y)``: of ``X`` and ``Y``); ``None`` when it takes none."""
        opening = self._next(i + 1, hi)
        if self._at(opening, hi) not in ("[", "(") or opening not in self.partner:
            return None
        body = self.expression(opening + 1, self.partner[opening], indices)
        values = {v: name for v, name in rv.owners(body).items() if v not in indices.values()}
        if not values:
            return None
        bound = {v: sp.Symbol(v.name, real=True) for v in values}
        weight = rv.mass("p", {name: bound[v] for v, name in values.items()})
        limits = [(bound[v], -sp.oo, sp.oo) for v in sorted(values, key=str)]
        return sp.Integral(weight * body.xreplace(bound), *limits), self.partner[opening] + 1

    def _values(self, lo: int, hi: int, indices: Mapping[str, sp.Symbol]) -> dict[str, sp.Basic] | None:
        """``x, y`` / ``X, Y`` / ``X = x`` / ``y = 1`` as variable -> value; ``None`` for anything else."""
        out: dict[str, sp.Basic] = {}
        for a, b in self._split(lo, hi, {","}):
            sides = self._split(a, b, {"="})
            key = self._key(*sides[0])
            if len(sides) == 2 and (_VARIABLE.fullmatch(key) or _VALUE.fullmatch(key)):  # P(y = 1) is P(Y = 1)
                name, value = _name(key[0].upper() + key[1:]), self.expression(*sides[1], indices)
            elif len(sides) == 1 and _VARIABLE.fullmatch(key) and key not in self.by_key:
                name = _name(key)
                letter = name[0].lower() + name[1:]
                value = indices.get(letter) or sp.Symbol(letter)
            elif len(sides) == 1 and (found := _value_of(key, self.greek_values)) is not None:
                name, symbol = found
                name = self.supports.get(name, name) if len(key) == 1 else name  # a in A, the set X takes values in
                value = indices.get(key) or indices.get(symbol.name) or symbol
            else:
                return None
            if name in out:
                return None
            out[name] = value
        return out or None

    def rv_divergence(self, sides: list[tuple[int, int]], indices: Mapping[str, sp.Symbol]) -> sp.Basic | None:
        r"""``D(p(x, y) \| p(x) p(y))``: the sum over the free values of the first side of ``A \log(A / B)``;
        between conditionals (``D(p(y \mid x) \| q(y \mid x))``) the conditional relative entropy, the same sum
        weighted by the joint ``p(x, y)``; from a conditional to what is not conditioned on its values
        (``D(q(z \mid x) \| p(z))``) the divergence at the values given.  ``None`` unless both sides are
        expressions in the pmfs."""
        if not self.masses or len(sides) != 2:
            return None
        first, second = (self.expression(a, b, indices) for a, b in sides)
        owners = rv.owners(first)
        if not owners or not rv.owners(second):
            return None
        free = sorted((v for v in owners if v in first.free_symbols and v not in indices.values()), key=str)
        if not free:
            return None
        joint, given = sp.fraction(first)  # D(p(y|x) || q(y|x)): averaged over p(x), by the joint's weight
        fixed = set(rv.owners(given)) if given != 1 else set()
        weight = joint if fixed else first
        if fixed and not fixed <= set(rv.owners(second)):  # D(q(z|x) || p(z)): at the x given, as in a VAE
            free, weight = [v for v in free if v not in fixed], first
        limits = [(v, 1, rv.support(owners[v])) for v in free]
        return sp.Sum(weight * sp.log(first / second), *reversed(limits)) / sp.log(self.rv_base())

    # -- sums over values ---------------------------------------------------------------------------
    def rv_sum(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int] | None:
        r"""``\sum_{x \in X} body`` and the other sums over values of the module docstring; else ``None``."""
        if not self.masses:
            return None
        if (found := self._under(i, hi)) is None:
            return self._bare_rv_sum(i, hi, indices)
        lo, top, start = found
        if self._at(self._next(start, hi), hi) == "^":  # \sum_{x=1}^{n}: a range
            return None
        letters: list[tuple[str, str | None]] = []
        for a, b in self._split(lo, top, {","}):
            parts = self._split(a, b, {r"\in"})
            letter = self._key(*parts[0])
            if not (len(letter) == 1 and letter in string.ascii_lowercase) or len(parts) > 2:
                return None
            named = _SET.fullmatch(self._key(*parts[1])) if len(parts) == 2 else None
            if len(parts) == 2 and named is None:
                return None
            letters.append((letter, named and (named.group("cal") or named.group("of") or named.group("plain"))))
        written = any(s is not None for _, s in letters)
        bound = {letter: sp.Symbol(letter) for letter, _ in letters}
        body, end = self.body(start, hi, {**indices, **bound}, self.tokens[i].pos)
        limits = []
        for letter, written_set in letters:
            owner = self._owner(body, bound[letter])
            name = owner or written_set or letter.upper()
            if owner is None and not written:
                return None  # \sum_x with no pmf of x inside: not a sum over a variable's values
            whole = written_set is None or written_set == name[0] or self.supports.get(written_set) == name
            limits.append((bound[letter], 1, rv.support(name) if whole else  # x in S: some values only
                           sp.Symbol(f"N[{name} in {written_set}]", positive=True, integer=True)))
        return sp.Sum(body, *reversed(limits)), end

    def _bare_rv_sum(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int] | None:
        r"""``\sum p(x, y) \log p(x \mid y)``, a sum written without its index: over the values the term's joint
        mass is at (``x`` and ``y``), when that one mass weighs the term and its values are every value in it;
        ``None`` otherwise (``\sum p(y \mid x) \log p(y \mid x)`` leaves unsaid whether ``x`` is summed)."""
        start = self._next(i + 1, hi)
        if start >= hi or self._at(start, hi) in ("^", "_"):
            return None
        body, end = self.body(start, hi, indices, self.tokens[i].pos)
        values = {v for v in body.free_symbols if _VALUE.fullmatch(v.name) and self._owner(body, v) is not None}
        factors = sp.Mul.make_args(body)
        weights = [f for f in factors if (mass := rv.mass_of(f)) is not None and mass[0] == "p"]
        divided = any(isinstance(f, sp.Pow) and f.exp.is_negative and rv.mass_of(f.base) is not None for f in factors)
        if divided or not values or not any(set(w.args) == values and all(isinstance(a, sp.Symbol) for a in w.args)
                                 for w in weights):
            return None
        limits = [(v, 1, rv.support(self._owner(body, v))) for v in sorted(values, key=str)]
        return sp.Sum(body, *reversed(limits)), end

    @staticmethod
    def _owner(body: sp.Basic, value: sp.Symbol) -> str | None:
        """The variable whose value the masses of ``body`` put at ``value``, when there is exactly one."""
        owners = set()
        for e in sp.preorder_traversal(body):
            found = rv.mass_of(e)
            if found is not None:
                owners |= {n for n, a in zip(found[1], e.args) if a == value}
        return owners.pop() if len(owners) == 1 else None
