"""Sums, products and integrals as people write them: over outcomes, a range, a sample, the support of
a density, with or without limits."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping

import sympy as sp

from derive.distributions.measures import OutcomeSum
from derive.distributions.parametric import Parametric
from derive.parse.adapter import ParseError
from derive.parse.lexicon import BRACES, MAX_CHAIN
from derive.parse.output import Out
from derive.parse.tokens import after_space_back, bare_name, scripts_after


_WORD = {sp.Sum: "sum", sp.Product: "product"}


#: A set named by one letter, as the support of a distribution (``\mathcal{X}``, ``\Omega``, ``S``).
_SET_NAME = re.compile(r"\\(?:mathcal|mathscr|mathfrak)\{[A-Z]\}|\\Omega|[A-Z]")


_HEAD = {sp.Sum: r"\sum", sp.Product: r"\prod"}


#: The upper limit of a formula's first ``\sum_{i=1}^{N}``: the size of the sample its other sums run over.
_SAMPLE_SIZE = re.compile(r"\\sum(?:\\limits)?_\{?\s*[a-z]\s*=\s*1\s*\}?\s*\^\s*\{?\s*([A-Za-z])\s*\}?")


#: ``\sum_{j=1}^{N}``, ``\prod_{i=1}^{5}``, ``\sum_{j=1}^{j=N}``: the index and the top of a sum or product from 1.
_FROM_ONE = re.compile(r"\\(?:sum|prod)(?:\\limits)?_\{?\s*([a-z])\s*=\s*1\s*\}?\s*\^\s*\{?\s*(?:\1\s*=\s*)?(\w+)\s*\}?")


def from_one(text: str) -> list[tuple[str, str]]:
    r"""``(index, top)`` of each sum or product from 1 that ``text`` writes, in order (``("j", "N")``,
    ``("i", "5")``)."""
    return _FROM_ONE.findall(text)


def sample_ranges(texts: Iterable[str]) -> dict[str, str]:
    r"""What a text's sums written without limits run to, from the first ``\sum_{j=1}^{N}`` it writes: ``N`` by
    the index ``j``, and by ``""`` for any other index; ``n`` when it writes none."""
    out: dict[str, str] = {}
    for text in texts:
        for index, top in from_one(text):
            if len(top) == 1 and top.isalpha() and top != index:
                out.setdefault(index, top)
                out.setdefault("", top)
    return out


#: The relations a region under an integral sign bounds its variable with: ``a \le x``, ``x \ge a``.
_BELOW = frozenset({"<", r"\le", r"\leq", r"\leqslant", r"\lt"})
_ABOVE = frozenset({">", r"\ge", r"\geq", r"\geqslant", r"\gt"})


class Aggregates:
    """Sums, products and integrals, mixed into :class:`~derive.parse.reader.Reader`."""

    ranges: Mapping[str, str] = {}  # j -> N: what a sum without limits runs to (sample_ranges)

    def outcome_sum(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[OutcomeSum, int] | None:
        r"""``\sum_{i \in \{H, T\}} body``; ``None`` for other sums, which latex2sympy2_extended reads."""
        pos = self.tokens[i].pos
        found = self._index_with(i, hi, r"\in")
        if found is None:
            return None
        close, member, name = found
        opening = self._next(member + 1, close)
        whole = self._next(opening + 1, close) == close and self.outcomes and \
            _SET_NAME.fullmatch(self.tokens[opening].text) is not None
        if len(name) == 1 and name in string.ascii_letters and whole:  # \sum_{x \in \mathcal{X}}: every outcome
            symbol = sp.Symbol(name)
            body, end = self.body(close + 1, hi, {**indices, name: symbol}, pos)
            return OutcomeSum(body, symbol, tuple(dict.fromkeys(self.outcomes.values()))), end
        if len(name) != 1 or name not in string.ascii_letters or self._at(opening, close) != r"\{" or \
                self._next(self.partner[opening] + 1, close) != close:
            raise ParseError(rf"the sum at offset {pos} must be written \sum_{{i \in \{{H, T\}}}}")
        outcomes = []
        for a, b in self._split(opening + 1, self.partner[opening], {","}):
            label = self._key(a, b)
            if label not in self.outcomes:
                raise ParseError(f"unknown outcome {label!r} in the sum at offset {pos}")
            outcomes.append(self.outcomes[label])
        symbol = sp.Symbol(name)
        body, end = self.body(close + 1, hi, {**indices, name: symbol}, pos)
        return OutcomeSum(body, symbol, tuple(outcomes)), end

    def range_sum(self, i: int, hi: int, indices: Mapping[str, sp.Symbol],
                  kind: type = sp.Sum) -> tuple[sp.Sum | sp.Product, int] | None:
        r"""``\sum_{i=a}^{b} body`` as ``Sum`` (``\prod`` as ``Product``); a declared distribution's index
        (``i``) is its own variable."""
        pos = self.tokens[i].pos
        found = self._index_with(i, hi, "=")
        if found is None:
            return None
        close, equals, name = found
        caret = self._next(close + 1, hi)
        top = self._next(caret + 1, hi)
        if len(name) != 1 or name not in string.ascii_letters or self._at(caret, hi) != "^" or top >= hi:
            raise ParseError(f"the {_WORD[kind]} at offset {pos} must be written {_HEAD[kind]}_{{i=a}}^{{b}}")
        limits = (self.expression(equals + 1, close, indices),
                  self.expression(top + 1, self.partner[top], indices) if top in self.partner
                  else self.expression(top, top + 1, indices))
        variable = self.variables.get(name, sp.Symbol(name))
        start = self.partner.get(top, top) + 1
        body, end = self.body(start, hi, {**indices, name: variable}, pos)
        if kind is sp.Product:
            self._one_bracket(start, end, body, variable, {**indices, name: variable}, pos)
        return kind(body, (variable, *limits)), end

    def _one_bracket(self, lo: int, hi: int, body: sp.Basic, variable: sp.Symbol, indices: Mapping[str, sp.Symbol],
                     pos: int) -> None:
        r"""Refuse ``\prod_{i=1}^{n} (x_i) \cdot c``: a bracket with the index, then factors without it, which the
        author may mean outside the product (``c`` once) or inside (``c^n``)."""
        first = self._next(lo, hi)
        if self._at(first, hi) not in ("(", "[") or first not in self.partner or self.partner[first] + 1 >= hi or \
                self._next(self.partner[first] + 1, hi) >= hi:
            return
        rest = sp.cancel(body / self.expression(first + 1, self.partner[first], indices))
        if rest != 1 and not rest.has(variable):
            raise ParseError(f"ambiguous product at offset {pos}: does it take more than its bracket "
                             f"({self._fragment(self.tokens[first].pos, self.tokens[self.partner[first]].pos + 1)})? "
                             r"write \prod_{i=1}^{n} \left(...\right) with all it takes inside")

    def integral(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Integral, int]:
        r"""``\int_{a}^{b} body \, dx`` as ``Integral(body, (x, a, b))``; the body ends at the differential.

        ``x`` is a declared density's own variable when one is named so, else a
        real symbol; inside the body ``P(x)`` is the density of ``P`` at ``x``.  Without
        limits (or with only its variable below, ``\int_x``) it runs over the support of the declared
        density inside, else over the whole real line (``\int e^{-x^2} dx = \sqrt{\pi}``).
        """
        pos = self.tokens[i].pos
        form = r"\int_{a}^{b} f \, dx"
        if i not in self.integrals or self.integrals[i][1] >= hi:
            raise ParseError(f"the integral at offset {pos} has no differential (dx) before the end of its "
                             f"expression; write {form}")
        d, var = self.integrals[i]
        scripts, start = scripts_after(self.tokens, self.partner, i)
        name = self.tokens[var].text
        if set(scripts) == {"_"} and bare_name(self._key(*scripts["_"])) == bare_name(name):
            scripts = {}  # \int_{x} f(x) \, dx: over all of x, as without limits
        region = self._region(*scripts["_"], name, indices) if set(scripts) == {"_"} else None
        density = self._density_in(start, d, name) if not scripts else None
        if region is not None:  # \int_{x \ge 0}: over the region the script bounds
            lower, upper = region
        elif density is not None:  # \int P(x) ... dx: over the support of P
            lower, upper = density.bounds
        elif not scripts and start <= d:  # \int f(x) dx, no density declared inside: over the whole real line
            lower, upper = -sp.oo, sp.oo
        elif set(scripts) != {"_", "^"} or start > d:
            raise ParseError(f"the integral at offset {pos} must be written {form}, with both limits")
        else:
            lower, upper = (self.expression(*scripts[s], indices) for s in ("_", "^"))
            if lower == upper and lower in (sp.oo, -sp.oo):  # \int_{\infty}^{\infty}: a slip for the whole line?
                raise ParseError(f"the integral at offset {pos} runs from {sp.latex(lower)} to {sp.latex(upper)}, "
                                 r"which is 0 whatever it integrates: is a limit's sign missing (\int_{-\infty}^"
                                 r"{\infty})? write the limits meant")
        variable = self.real_variables.get(name) or sp.Symbol(name.lstrip("\\"), real=True)
        last = d - 1
        while last >= start and self.tokens[last].text in (" ", r"\cdot", r"\times"):
            last -= 1  # e^{-x^2} \cdot dx: the dot joins the differential, no factor
        if self._next(start, last + 1) > last:
            return sp.Integral(sp.Integer(1), (variable, lower, upper)), var + 1
        body, _ = self.body(start, last + 1, {**indices, name: variable}, pos, "integral", end=last + 1)
        return sp.Integral(body, (variable, lower, upper)), var + 1

    def _region(self, lo: int, hi: int, name: str, indices: Mapping[str, sp.Symbol]) -> tuple | None:
        r"""The ends of the region a lone lower script bounds the variable ``name`` to: ``x \ge 0`` (``>``),
        ``x \le b``, ``a \le x \le b`` (``<``); ``None`` for any other script."""
        cut = [k for k in range(lo, hi) if self.tokens[k].text in _BELOW | _ABOVE]
        pieces = [(a, b) for a, b in zip([lo] + [k + 1 for k in cut], cut + [hi])]
        words = [self._key(a, b) for a, b in pieces]
        names = [bare_name(w) for w in words]
        if not cut or len(cut) > 2 or bare_name(name) not in names:
            return None
        at = names.index(bare_name(name))
        if len(cut) == 2 and at != 1:  # x \le a \le b: the variable must stand between its two ends
            return None
        ends = [-sp.oo, sp.oo]
        for k, (a, b) in enumerate(pieces):
            if k == at:
                continue
            relation = self.tokens[cut[min(k, at)]].text  # the relation between this piece and the variable
            below = (relation in _BELOW) == (k < at)  # a \le x, or x \ge a
            ends[0 if below else 1] = self.expression(a, b, indices)
        return tuple(ends)

    def _density_in(self, lo: int, hi: int, name: str) -> Parametric | None:
        """The first declared density ``P`` whose ``P(x)`` (``x`` the variable ``name``) is in tokens ``lo:hi``."""
        for k in range(lo, hi):
            density = self._density_of_variable(k, hi)
            if density is not None and getattr(density[0].outcome, "name", None) == name and \
                    not density[0].dist.discrete:
                return density[0].dist  # \int z^2 p(z) dz of a declared Z: over Z's support
        if name not in self.real_variables:
            return None
        for k in range(lo, hi):
            for head, dist in self.names:
                if isinstance(dist, Parametric) and dist.variable.name == name and \
                        (paren := self._call(k, hi, head)) is not None and self._key(paren[0] + 1, paren[1]) == name:
                    return dist
        return None

    def plain_sum(self, i: int, hi: int, indices: Mapping[str, sp.Symbol]) -> tuple[sp.Basic, int] | None:
        r"""``\sum_{i} body`` or ``\sum_i body``: over every outcome of the first declared distribution.

        The index as written (``i``, ``j``, ``x``) stands for that distribution's own;
        ``None`` without a declared distribution with outcomes, or with an upper limit.
        """
        dist = next(iter(self.by_key.values()), None)
        under = self._next(i + 1, hi)
        script = self._next(under + 1, hi)
        if dist is not None and self._at(under, hi) not in ("_", "^", "") and \
                (name := self._one_index(under, hi, indices)):  # \sum \phi(p_i): over the index under its terms
            end = under
        elif dist is None or self._at(under, hi) != "_" or script >= hi:
            return None
        elif self.tokens[script].text == "{":
            inside = [k for k in range(script + 1, self.partner[script]) if self.tokens[k].text != " "]
            name, end = (self.tokens[inside[0]].text if len(inside) == 1 else ""), self.partner[script] + 1
        else:
            name, end = self.tokens[script].text, script + 1
        if len(name) != 1 or name not in string.ascii_letters or (end != under and
                                                                  self._at(self._next(end, hi), hi) == "^"):
            return None
        if isinstance(dist, Parametric) and not dist.discrete:
            raise ParseError(rf"the sum at offset {self.tokens[i].pos} is over a density's values; write an integral")
        body, stop = self.body(end, hi, {**indices, name: dist.variable}, self.tokens[i].pos)
        return dist.sum_over(body, dist.variable), stop

    def sample_sum(self, i: int, hi: int, indices: Mapping[str, sp.Symbol],
                   kind: type = sp.Sum) -> tuple[sp.Basic, int] | None:
        r"""``\sum_i x_i``, ``\sum x_i``, with no distribution declared: the sum over a sample, ``i`` from 1 to the
        upper limit of the formula's first ``\sum_{i=1}^{N}`` (else ``n``, or ``N`` over an index ``n``).  Without
        a written index it is the one letter the body puts under a ``_``; ``None`` when there is none or several."""
        if self.by_key:
            return None
        under = self._next(i + 1, hi)
        if self._at(under, hi) == "^":
            return None
        left_out = None  # \sum_{i \neq k}: every term but the k-th
        bound = None  # its upper limit, when written (\sum_{i \neq k}^{K})
        if self._at(under, hi) == "_":
            script = self._next(under + 1, hi)
            name = self._key(script + 1, self.partner[script]) if script in self.partner else self._at(script, hi)
            start = self.partner.get(script, script) + 1
            parts = self._split(script + 1, self.partner[script], {r"\neq", r"\ne"}) if script in self.partner else []
            if len(parts) == 2 and kind is sp.Sum:
                name, left_out = self._key(*parts[0]), self.expression(*parts[1], indices)
            caret = self._next(start, hi)
            if left_out is not None and self._at(caret, hi) == "^" and (above := self._next(caret + 1, hi)) < hi:
                written = self.partner.get(above, above)  # \sum_{j \neq i}^{K}: every term of 1..K but the i-th
                bound = self.expression(above + 1, written, indices) if above in self.partner else \
                    self.expression(above, above + 1, indices)
                start = written + 1
        else:
            start = under
            name = self._one_index(start, hi, indices)
            if not name:
                raise ParseError(f"the {_WORD[kind]} at offset {self.tokens[i].pos} has no limits and no one index "
                                 rf"under its terms (x_i): write {_HEAD[kind]}_{{i=1}}^{{n}}")
        if len(name) != 1 or name not in string.ascii_letters:
            return None
        size = _SAMPLE_SIZE.search(self.source)
        top = sp.Symbol(size.group(1).lstrip("\\") if size else self.ranges.get(name, self.ranges.get("", "n")))
        if top.name == name:  # \sum_n p_n: n counts the terms, so their number is N
            top = sp.Symbol(name.upper() if name.islower() else f"{name}_{{max}}")
        top = top if bound is None else bound
        variable = sp.Symbol(name)
        body, stop = self.body(start, hi, {**indices, name: variable}, self.tokens[i].pos)
        if bound is None and variable in body.free_symbols and \
                not any(variable in x.indices for x in body.atoms(sp.Indexed)):
            raise ParseError(f"the {_WORD[kind]} at offset {self.tokens[i].pos} has no limits, and {name} in it is "
                             "a value, not the index of a sample's entries: write "
                             rf"{_HEAD[kind]}_{{{name}=0}}^{{\infty}}")
        if left_out is not None:
            return kind(body, (variable, 1, top)) - body.xreplace({variable: left_out}), stop
        return kind(body, (variable, 1, top)), stop

    def _one_index(self, start: int, hi: int, indices: Mapping[str, sp.Symbol]) -> str:
        """The one lower-case letter the term from token ``start`` puts under a ``_`` (``x_i``, ``\\phi(p_i)``), not
        an index already bound; empty when there is none or several."""
        end = self._term_end(start, hi)
        found = {self._subscript_letter(k, end) for k in range(start, end)
                 if self.tokens[k].text == "_" and after_space_back(self.tokens, k) not in (r"\sum", r"\prod")}
        found = {f for f in found if len(f) == 1 and f.isalpha() and f.islower() and f not in indices}
        return next(iter(found)) if len(found) == 1 else ""

    def _subscript_letter(self, k: int, hi: int) -> str:
        """What the ``_`` at token ``k`` puts below: ``x_i`` and ``x_{i}`` alike give ``i``."""
        found = self._under(k - 1, hi)
        return self._key(*found[:2]) if found else ""

    def _under(self, i: int, hi: int) -> tuple[int, int, int] | None:
        """The subscript right after token ``i`` (``\\log_{b}``, ``\\sum_x``): its tokens ``lo:top`` (a group's
        inside, or one token) and the token after it; ``None`` without one."""
        under = self._next(i + 1, hi)
        script = self._next(under + 1, hi)
        if self._at(under, hi) != "_" or script >= hi:
            return None
        if script in self.partner:
            return script + 1, self.partner[script], self.partner[script] + 1
        return script, script + 1, script + 1

    def body(self, lo: int, hi: int, indices: Mapping[str, sp.Symbol], pos: int, what: str = "sum",
             end: int | None = None) -> tuple[sp.Basic, int]:
        """The body of the sum (or the integral, up to ``end``) at ``pos`` from token ``lo``, and the token after it."""
        end = self._term_end(lo, hi) if end is None else end
        if not self._key(lo, end):
            raise ParseError(f"the {what} at offset {pos} has no body")
        if self.sums >= MAX_CHAIN:
            raise ParseError(f"sums and integrals nested more than {MAX_CHAIN} deep at offset {pos}")
        self.sums += 1
        try:
            return self.expression(lo, end, indices), end
        finally:
            self.sums -= 1

    def underbrace(self, i: int, hi: int, indices: Mapping[str, sp.Symbol], out: Out) -> int:
        r"""``\underbrace{X}_{label}`` (``\overbrace{X}^{label}``) written as ``(X)``; returns the token after the
        label."""
        pos, command = self.tokens[i].pos, self.tokens[i].text
        group = self._next(i + 1, hi)
        if group >= hi or self.tokens[group].text != "{":
            raise ParseError(rf"{command} at offset {pos} must be followed by {{...}}")
        close = self.partner[group]
        out.add(" (", pos)
        self.rewrite(group + 1, close, indices, out)
        out.add(") ", self.tokens[close].pos)
        under = self._next(close + 1, hi)
        if under >= hi or self.tokens[under].text != BRACES[command]:
            return close + 1
        label = self._next(under + 1, hi)
        if label >= hi:
            raise ParseError(rf"the {command} at offset {pos} has a '{BRACES[command]}' but no label")
        return self.partner.get(label, label) + 1


def sum_scopes(expr: sp.Basic) -> sp.Basic:
    r"""``\sum_{n=1}^N x_n \log p + (1 - x_n) \log(1 - p)``: the terms right after a sum that use its index (``n``,
    ``x_n``), which has no meaning outside it, are in it, as the author means (``\sum_n [x_n \log p + (1 - x_n)
    \log(1 - p)]``)."""
    return expr.replace(lambda e: isinstance(e, sp.Add) and any(isinstance(a, sp.Sum) for a in e.args), _scoped)


def _scoped(add: sp.Add) -> sp.Basic:
    args, out, k = list(add.args), [], 0
    while k < len(args):
        term, k = args[k], k + 1
        if isinstance(term, sp.Sum) and len(term.limits) == 1:
            index = term.limits[0][0]
            bases = {str(ix.base.label): ix.base for ix in term.function.atoms(sp.Indexed)}
            inside = []
            while k < len(args) and (put := _with_index(args[k], index, bases)) is not None:
                inside.append(put)
                k += 1
            if inside:
                term = sp.Sum(sp.Add(term.function, *inside, evaluate=False), *term.limits)
        out.append(term)
    return sp.Add(*out, evaluate=False) if len(out) > 1 else out[0]


def _with_index(term: sp.Basic, index: sp.Symbol, bases: Mapping[str, sp.IndexedBase]) -> sp.Basic | None:
    """``term`` with the sum's index and its entries (``x_n``) put in, when it uses them; else ``None``."""
    found = {}
    for s in term.free_symbols:
        if not isinstance(s, sp.Symbol):
            continue
        if s.name == index.name:
            found[s] = index
            continue
        head, _, sub = s.name.partition("_")
        if head in bases and sub.strip("{}") == index.name:
            found[s] = bases[head][index]
    return term.xreplace(found) if found else None
