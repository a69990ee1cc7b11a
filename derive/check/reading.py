"""Reading the pieces of a link: LaTeX to SymPy with the document's distributions, numbers and units,
cached per piece; a piece that cannot be read is reported, never guessed."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

import sympy as sp
from sympy.core.function import AppliedUndef

from derive.check.statements import Piece
from derive.check.data import put_sample
from derive.check.leibniz import taken
from derive.check.report import NOT_PARSED, SKIPPED
from derive.check.shared import UNIT_WORD, Failed
from derive.distributions.base import Distribution
from derive.parse.derivatives import in_leibniz
from derive.parse.ellipsis import as_sums
from derive.parse.names import written_name


_ELIDED = (r"\ldots", r"\dots", r"\cdots", r"\vdots", "...")
#: A remark in words closing an expression (``\mbox{ (because of the LOTUS)}``, ``\quad \text{by linearity}``): text
#: with a space or a bracket in it, after no operator (``+ \text{const}`` is a term).
_REMARK = re.compile(r"(?<![-+=*/]\s)(?<![-+=*/])(?:\s|\\[,;:! ]|\\q?quad)*\\(?:text|mbox|textrm|mathrm)\s*"
                     r"\{[^{}]*[ ()][^{}]*\}\s*\Z")

#: The reason for an expression that is only an ellipsis (``a = \ldots = b``): steps left out.
ELIDED_STEPS = "steps left out (...): the expressions around them are compared"

#: A matrix written out, or a name the text gives one (``X = \begin{bmatrix}``, ``W \in \mathbb{R}^{n \times m}``,
#: ``x \in \mathbb{R}^d``).
MATRIX = re.compile(r"\\begin\s*\{\s*[bBpvV]?matrix\s*\}")
_MATRIX_NAME = re.compile(r"((?:\\[A-Za-z]+|[A-Za-z])(?:_\{?[A-Za-z0-9]+\}?)?)\s*"
                          r"(?:=\s*\\begin\s*\{\s*[bBpvV]?matrix\s*\}|"
                          r"\\in\s*\\mathbb\s*\{?\s*R\s*\}?\s*\^\s*(?:\{(?!\s*1\s*\})[^{}]+\}|[a-zA-Z2-9]))")


#: A name said to be one number: ``\theta \in \mathbb{R}`` (``\mathbb{R}^+``, ``\mathbb{R}_{>0}``), no dimension.
_SCALAR_NAME = re.compile(r"((?:\\[A-Za-z]+|[A-Za-z])(?:_\{?[A-Za-z0-9]+\}?)?)\s*\\in\s*"
                          r"\\mathbb\s*(?:\{\s*R\s*\}|R(?![A-Za-z]))(?!\s*\^\s*(?:\{(?!\s*1\s*\})|[a-zA-Z2-9]))")


def matrix_names(texts: Sequence[str]) -> frozenset[str]:
    """The names the texts give a matrix or a vector (each as written, ``X``, ``\\theta``, ``W_1``)."""
    return frozenset(m.group(1).replace(" ", "") for text in texts for m in _MATRIX_NAME.finditer(text))


def dimension_marks(statements: Iterable[tuple[int, str]],
                    names: frozenset[str]) -> tuple[tuple[int, str, bool], ...]:
    """(rank, name, a matrix or vector?) for each statement, given as (rank, text), that says what one of ``names``
    is: ``\\theta \\in \\mathbb{R}^d`` (a vector) or ``\\theta \\in \\mathbb{R}`` (a number)."""
    out = []
    for rank, text in statements:
        out += [(rank, m.group(1).replace(" ", ""), True) for m in _MATRIX_NAME.finditer(text)]
        scalars = (m.group(1).replace(" ", "") for m in _SCALAR_NAME.finditer(text))
        out += [(rank, name, False) for name in scalars if name in names]
    return tuple(sorted(out, key=lambda mark: mark[0]))


def matrices_at(names: frozenset[str], marks: Sequence[tuple[int, str, bool]], rank: int) -> frozenset[str]:
    """The names that are a matrix or a vector at ``rank``: as the last statement of what each is before it says
    (``\\theta \\in \\mathbb{R}^d``, later ``\\theta \\in \\mathbb{R}``), or, before any, as the first one does."""
    out = set()
    for name in names:
        said = [(r, matrix) for r, n, matrix in marks if n == name]
        before = [matrix for r, matrix in said if r <= rank]
        if (before[-1] if before else said[0][1] if said else True):
            out.add(name)
    return frozenset(out)


def uses_name(tex: str, names: frozenset[str]) -> str | None:
    """The first of ``names`` that ``tex`` uses as a whole (``X`` in ``X\\theta``, not in ``X_i``, an entry)."""
    for name in sorted(names):
        if re.search(rf"(?<![\\A-Za-z]){re.escape(name)}(?![A-Za-z])(?!\s*_)", tex):
            return name
    return None


#: ``\mathcal{L}`` (not a family such as ``\mathcal{N}(...)``): a named symbol, or a function where it is applied
#: (``\mathcal{L}(p)``, a likelihood, never the product of a symbol and ``p``).
_CALLIGRAPHIC = re.compile(r"(?<!\\in)(?<!\\in )\\mathcal\s*\{\s*([A-MO-TV-Z])\s*\}")  # not x \in \mathcal{X}


#: A function (or its derivative) written at a point by its variable: ``g'(t=0)``, ``M_X(t = 0)``.
_EVALUATED = re.compile(r"^\s*(?P<name>(?:\\[A-Za-z]+|[A-Za-z])(?:_\{?\w+\}?)?(?:'+|\^\{?\(\d\)\}?)?)\s*"
                        r"(?:\\left)?\(\s*"
                        r"(?P<variable>\\?[A-Za-z]+(?:_\{?\w+\}?)?)\s*=\s*(?P<value>[^()=]+?)\s*(?:\\right)?\)\s*$")


def evaluation_point(subject: str) -> tuple[str, str] | None:
    """The variable and the value a chain's subject is written at (``g'(t=0)``: ``("t", "0")``), or ``None``."""
    match = _EVALUATED.match(subject)
    if match is None or match.group("name")[0] in "pPqQ" or not match.group("variable")[-1].islower():
        return None  # P(Y = 0), p(x = 1): an event, not a point
    return match.group("variable"), match.group("value")


#: A density's values, before any bar (``p(D, \theta \mid x)``: ``D, \theta``), or a value drawn (``\theta \sim q``).
_DENSITY_VALUES = re.compile(r"(?<![A-Za-z\\])[pqPQ](?:_\{?[^{}()$]*\}?)?\s*\((?P<values>[^()|$]*?)(?:\||\\mid|\))"
                             r"|(?P<drawn>\\[a-z]+)\s*\\sim")
_GREEK_LETTER = re.compile(r"\\((?:var)?[a-z]+)(?![A-Za-z])")
#: A conditional density written with a letter other than p or q: ``g_\theta(x \mid z)``, ``f(y|x)``.
_CONDITIONAL = re.compile(r"(?<![A-Za-z\\])([abcf-or-z])(?:_\{?\\?[A-Za-z]+\}?)?\s*\(\s*[a-z]\s*(?:\||\\mid)\s*"
                          r"[a-z]\s*\)")
#: An expectation under a pmf or density named by its letter alone (``\mathbb{E}_q``, ``E_{q_\phi}``), not applied.
_BARE_EXPECTATION = re.compile(r"(?P<operator>\\mathbb\s*\{\s*E\s*\}|\\mathbb\s*E|\\mathrm\s*\{\s*E\s*\}|"
                               r"(?<![A-Za-z\\])E)\s*_\s*(?:\{\s*(?P<head>[pq](?:_\{?\\?[A-Za-z]+\}?)?)\s*\}|"
                               r"(?P<bare>[pq]))(?!\s*\()")
#: An expression led by a differential of a function: ``d \sigma(x)``, ``\mathrm{d} f(x)`` (never d times it).
_DIFFERENTIAL_LEAD = re.compile(r"\s*(?:d|\\mathrm\s*\{\s*d\s*\})\s*(?:\\[A-Za-z]+|[A-Za-z])\s*(?:_\{?\w+\}?)?\s*\(")
#: A bold lower-case letter: ``\mathbf{z}``, ``\boldsymbol{x}``, ``\bm{y}``, ``\boldsymbol x``.
_BOLD = re.compile(r"\\(?:mathbf|boldsymbol|bm)\s*(?:\{\s*([a-z])\s*\}|\s([a-z])(?![A-Za-z]))")


def unbold(tex: str) -> str:
    """``tex`` with each bold lower-case letter written plain: where densities are applied, ``p(\\mathbf{z} \\mid
    \\mathbf{x})`` is the density of the variable ``Z`` at ``z`` given ``x``, bold or not."""
    return _BOLD.sub(lambda m: f" {m.group(1) or m.group(2)} ", tex) if "\\" in tex else tex


#: A measure of pmfs named by their letters alone: ``H(p)``, ``H(p, q)``, ``D_{\mathrm{KL}}(p \| q)``, ``KL[q||p]``.
_MASS_MEASURE = re.compile(r"(?P<head>(?<![A-Za-z\\])(?:H|D|KL|CE)|\\math(?:rm|bb)\s*\{\s*(?:H|KL|D)\s*\}|"
                           r"\\operatorname\s*\{\s*(?:H|KL|D)\s*\})(?P<open>\s*(?:_\s*(?:\{(?:[^{}]|\{[^{}]*\})*\}|\w))?"
                           r"\s*(?:\\left\s*)?[(\[])"
                           r"(?P<args>\s*[pqPQ]\s*(?:(?:,|;|\|\||\\\||\\parallel|\\Vert)\s*[pqPQ]\s*)?)"
                           r"(?=(?:\\right\s*)?[)\]])")
_BARE_LETTER = re.compile(r"(?<![A-Za-z\\])([pqPQ])(?![A-Za-z])")
#: A pmf's argument that is a point, not its variable: ``y=1``, ``X = 0``, ``0.3``, ``H``, a data point ``x_i``.
_AT_POINT = re.compile(r"\s*(?:(?:[A-Za-z](?:_\{?\w+\}?)?\s*=\s*)?(?:-?\d+(?:\.\d+)?|[A-Z])"
                       r"|[a-z]\s*(?:_\s*\{?\s*[i-n]\s*\}?|\^\s*\{\s*\(\s*[i-n]\s*\)\s*\}))\s*")
#: The text defines a function ``D`` of its own (``D(t) = t^2``): no derivative operator then.
_OWN_D = re.compile(r"(?<![\\A-Za-z])D\s*\(\s*\\?[A-Za-z]+\s*\)\s*(?:=|:=|\\coloneqq|\\equiv)")
#: The text defines ``\\psi`` or ``\\Gamma`` itself, at the start of a formula or row: ``\\psi(x) = ...``.
_OWN_SPECIAL = re.compile(r"(?:^|\\\\|&|\n)\s*\\(psi|Gamma)\s*\(\s*\\?[A-Za-z]+\s*\)\s*(?:=|:=|\\coloneqq|\\equiv|"
                          r"\\triangleq)")
_INTEGRAL_AFTER = re.compile(r"\s*\\int")
_UNSCRIPTED = frozenset({"E", "V"})  # an expectation, a variance, read as functions where no distribution is named


class Reading:
    """Reading pieces, mixed into :class:`~derive.check.checker.Checker`."""

    # -- reading pieces -------------------------------------------------------------------
    def _read(self, piece: Piece) -> sp.Basic | Failed:
        units = self.written_units.get(piece.rank, self.units)  # a display written in \log_2 is in bits
        key = piece.tex if units == self.units else f"\0{units}\0{piece.tex}"
        key = self._in_context(key)
        if self.point is not None:
            return self._at_point(piece, units, key)
        if key not in self.cache:
            self.cache[key] = self._on_the_sample(self._parse(piece.tex, units=units))
        read = self.cache[key]
        if in_leibniz() and self.chain_functions and not isinstance(read, Failed):
            return taken(read, self.chain_functions)  # each name the function the chain takes it as
        return read

    def _in_context(self, key: str) -> str:
        """The cache key of a reading: the text, and what reads it otherwise here (the laws in force, the names
        that are vectors at this point of the text where that changes)."""
        key = f"\0under {self.laws_now}\0{key}" if self.laws_now else key
        if self.masses and (_MASS_MEASURE.search(key) or "_" in key and _BARE_EXPECTATION.search(key)):
            key = f"\0applied {self.context}\0{key}"  # H(P, Q) as the chain applies P and Q
        key = f"\0leibniz\0{key}" if in_leibniz() else key  # names differentiated alone left as they are
        if self.matrices != getattr(self, "all_matrices", self.matrices):
            key = f"\0vectors {sorted(self.matrices)}\0{key}"
        return key

    def _at_point(self, piece: Piece, units: str, key: str) -> sp.Basic | Failed:
        """``piece`` of a chain whose subject is evaluated at a point (``g'(t=0) = n p e^t (...) = n p``): read
        at that point, the subject as ``g'(0)``."""
        key = f"\0at {self.point}\0{key}"
        if key not in self.cache:
            variable, value = (self._parse(tex) for tex in self.point)
            tex = _EVALUATED.sub(lambda m: f"{m.group('name')}({self.point[1]})", piece.tex)
            read = self._on_the_sample(self._parse(tex, units=units))
            if not isinstance(variable, sp.Symbol) or isinstance(value, Failed) or isinstance(read, Failed):
                self.cache[key] = read
            else:
                self.cache[key] = read.subs(variable, value)
        return self.cache[key]

    def _under_law(self, read: Callable[[Sequence[Distribution]], sp.Basic]) -> sp.Basic:
        """Read under the laws an implication supposes here (``x \\sim \\mathrm{Gam}(a, b) \\Rightarrow ...``,
        :mod:`derive.check.laws`): their variables' expectations over them alone, else beside the text's own."""
        from derive.parse import ParseError

        try:
            return read(self.laws_now)
        except ParseError:
            names = {d.name for d in self.laws_now}
            return read((*self.laws_now, *(d for d in self.dists if d.name not in names)))

    def _proposition(self, piece: Piece) -> sp.Basic | Failed:
        """An equation or a ``cases`` system, as written (cached apart from expressions)."""
        key = self._in_context("\0proposition\0" + piece.tex)
        if key not in self.cache:
            self.cache[key] = self._on_the_sample(self._parse(piece.tex, proposition=True))
        return self.cache[key]

    def _inverse(self, tex: str) -> str | None:
        """The name of a function the text defines that ``tex`` writes inverted and applied (``g^{-1}(x)``)."""
        for name in {written_name(f) for f in self.functions} if "-" in tex else ():
            head = re.escape(name) if len(name) == 1 else rf"\\{re.escape(name)}"  # g, or \sigma
            if re.search(rf"(?<![\\A-Za-z]){head}(?![A-Za-z])\s*\^\s*(?:\{{\s*-\s*1\s*\}}|-\s*1)\s*"
                         r"(?:\\left\s*)?\(", tex):
                return name
        return None

    def _own_d(self) -> bool:
        """The text defines a function ``D`` of its own (``D(t) = t^2``), once per document."""
        if "own D" not in self.cache:
            self.cache["own D"] = any(_OWN_D.search(text) for text in self.texts)
        return self.cache["own D"]

    def _own_special(self) -> bool:
        """The text gives ``\\psi`` or ``\\Gamma`` a meaning of its own (``\\psi(x) = x^2``, not an integral that
        defines the gamma function): they are then its functions, never digamma and gamma."""
        if "own special" not in self.cache:
            self.cache["own special"] = any(m.group(1) != "Gamma" or not _INTEGRAL_AFTER.match(text, m.end())
                                            for text in self.texts for m in _OWN_SPECIAL.finditer(text))
        return self.cache["own special"]

    def _mass_letters(self) -> frozenset[str]:
        """The letters besides ``p`` and ``q`` the text writes a conditional density with (``g_\\theta(x \\mid
        z)``): each names a pmf or density of its variables wherever it is applied."""
        if not self.masses:
            return frozenset()
        if "mass_letters" not in self.cache:
            self.cache["mass_letters"] = frozenset(m.group(1) for text in self.texts
                                                   for m in _CONDITIONAL.finditer(text))
        return self.cache["mass_letters"]

    def _greek_values(self) -> frozenset[str]:
        """The Greek letters the text writes as values of a density (``p(\\theta)``, ``p(D, \\theta)``,
        ``\\theta \\sim q``): variables of their own; any other Greek letter is a model's parameter
        (``q(z \\mid \\theta)``: ``q_\\theta(z)``)."""
        if "greek" not in self.cache:
            self.cache["greek"] = frozenset(g for text in self.texts for m in _DENSITY_VALUES.finditer(text)
                                            for g in _GREEK_LETTER.findall(m.group("values") or m.group("drawn")))
        return self.cache["greek"]

    def _applied_mass(self, match: re.Match) -> str:
        """``\\mathbb{E}_{q}`` written as ``\\mathbb{E}_{q(z | x)}`` when the chain (or else the text) applies ``q``
        to one argument only; as it was otherwise."""
        head = match.group("head") or match.group("bare")
        applied = self._applied_form(head)
        return match.group() if applied is None else f"{match.group('operator')}_{{{applied}}}"

    def _applied_form(self, head: str) -> str | None:
        """``q(z|x)`` for ``q`` when the chain (or else the text) applies it to one argument only, else ``None``;
        its values at a point (``P(y=1)``, ``P(0)``) are of the same pmf, and no other argument."""
        found = self._applied_forms(head)
        bare = {f for f in found if re.fullmatch(r"[a-z]", f)}  # p(x) beside p(x_3): the pmf, and one value of it
        if len(bare) == 1 and all(f in bare or f[:2] == f"{min(bare)}_" for f in found):
            found = bare
        return f"{head}({found.pop()})" if len(found) == 1 else None

    def _applied_forms(self, head: str) -> set[str]:
        """The arguments the chain (or else the text) applies ``head`` to, but points (:meth:`_applied_form`)."""
        pattern = re.compile(rf"(?<![A-Za-z\\]){re.escape(head)}\s*\(([^()]*)\)")
        for texts in ([self.context], self.texts):
            found = {re.sub(r"\s+", "", unbold(m.group(1))) for text in texts for m in pattern.finditer(text)
                     if not _AT_POINT.fullmatch(m.group(1))}
            if found:
                return found
        return set()

    def _measured_masses(self, match: re.Match) -> str:
        """``H(p, q)``, ``D_{KL}(p \\| q)`` with each bare pmf letter applied as the text applies it: ``H(p(x),
        q(x))``; as it was when a letter is applied to several arguments, or to none.  A capital the text never
        applies is the law whose density is its lower case (``D(P \\| Q)`` of ``p(x)`` and ``q(x)``)."""
        letters = _BARE_LETTER.findall(match.group("args"))
        if any(written_name(f) == match.group("head").strip() for f in self.functions):
            return match.group()  # H(p) := -p \log p - ...: the text's own function of a number p
        applied = {letter: self._applied_form(letter) if letter.islower() or self._applied_forms(letter)
                   else self._applied_form(letter.lower()) for letter in letters}  # D(P || Q) of p(x), q(x)
        if not letters or None in applied.values():
            return match.group()
        args = _BARE_LETTER.sub(lambda m: applied[m.group(1)], match.group("args"))
        return f"{match.group('head')}{match.group('open')}{args}"

    def _on_the_sample(self, value: sp.Basic | Failed) -> sp.Basic | Failed:
        """``value`` with the text's own sample put in (:func:`derive.check.variables.given_sample`): each sum or
        product over exactly its entries written out, each entry ``x_k`` its value."""
        if self.sample is None or isinstance(value, Failed) or not value.has(sp.Indexed):
            return value
        return put_sample(value, *self.sample)

    def _applied_in_context(self) -> Distribution | None:
        """The one declared distribution the chain being read applies (``P(x)``, ``p(x)``), if only one: an
        expectation or variance written without a subscript there is under it."""
        applied = [d for d in self.dists if re.search(rf"(?<![A-Za-z\\]){re.escape(d.name)}\s*\(", self.context,
                                                      re.I if len(d.name) == 1 else 0)]
        return applied[0] if len(applied) == 1 else None

    def _reading(self, tex: str, units: str) -> sp.Basic:
        """``tex`` read with what the text has declared so far (``ParseError`` when it cannot be read).

        The document's numbers are passed as such, so ``p(1 - p)`` is a product; an expectation or variance
        without a subscript among several distributions is read under the one the chain applies.
        """
        from derive.parse import ParseError, parse_latex
        from derive.parse.derivatives import operator_derivatives

        numbers = tuple(s for s in self.domain.symbols if isinstance(s, sp.Symbol))  # p(1 - p): a product
        numbers += tuple(s for s in self.letters if s not in numbers)
        numbers += self._family_members(tex)  # p_k (1 - p_k) after p_i = ...: a product
        named = {getattr(f, "__name__", str(f)) for f in self.functions}
        numbers += tuple(dict.fromkeys(v for made in self.functions.values()  # g(x) = ...: x(1 - x) a product
                                       for v in getattr(made, "variables", ()) if isinstance(v, sp.Symbol) and
                                       v.name not in named and v not in numbers and _applied_alone(v.name, tex)))
        numbers += tuple(sp.Symbol(top) for top in sorted(set(self.ranges.values()))  # n(n - 1), n the count of a
                         if sp.Symbol(top) not in numbers and _applied_alone(top, tex))  # sample the text sums over
        names = {d.name for d in self.dists}  # p = 0.3 defined beside a declared P: p is that number, not P's
        numbers += tuple(x for x in self.defined if isinstance(x, sp.Symbol) and x.name.upper() in names
                         and x.name.islower() and x not in numbers)
        numbers += tuple(x for x in self.defined if isinstance(x, sp.Symbol) and x not in numbers and
                         _times_bracket(x.name, tex))  # after a name is defined as a sum, name times a bracket

        def read(dists: Sequence[Distribution]) -> sp.Basic:
            return parse_latex(tex, dists, units, numbers, masses=self.masses, supports=self.supports,
                               ranges=self.ranges, families=self._mass_letters(), special=not self._own_special(),
                               greek=self._greek_values() if self.masses else None)

        try:
            value = self._under_law(read) if self.laws_now else read(self.dists)
        except ParseError as exc:  # an expectation without a subscript
            if "must name its distribution" not in str(exc) or (one := self._applied_in_context()) is None:
                raise
            return read((one,))
        if "D" not in named and all(d.name != "D" for d in self.dists) and \
                not self._own_d():  # D(e^{-x}): Euler's derivative operator
            value = operator_derivatives(value, "D", numbers)
        unscripted = _UNSCRIPTED.intersection(e.func.__name__ for e in value.atoms(AppliedUndef))
        if unscripted and len(self.dists) > 1 and (one := self._applied_in_context()) is not None:
            return read((one,))  # E(x^2) beside \int x^2 P(x) dx: under P
        return value

    def _parse(self, tex: str, proposition: bool = False, units: str | None = None,
               base_two: bool | None = None) -> sp.Basic | Failed:
        if not tex.strip():
            if proposition:
                return Failed(NOT_PARSED, "nothing before it to relate it to: an implication needs an equation "
                                           "or a system before it")
            return Failed(NOT_PARSED, "an empty side: nothing before it to continue")
        if re.fullmatch(r"(?:\s|\\[,;:! ]|\\q?quad|\.|\\[lcv]?dots|\\dotsc|\\dotsb)*", tex):  # a = ... = b
            return Failed(SKIPPED, ELIDED_STEPS)
        if _DIFFERENTIAL_LEAD.match(tex):
            return Failed(NOT_PARSED, "a differential (d f(x)) is not derive notation: write \\frac{d}{dx} f(x)")
        if any(dots in tex for dots in _ELIDED) and \
                (tex := as_sums(tex, frozenset(map(str, self.domain.symbol_set)))) and \
                any(dots in tex for dots in _ELIDED):  # p_1 + ... + p_n beside a p placed: p each time?
            return Failed(SKIPPED, "an elided expression (\\ldots) is not checked")
        if (inverse := self._inverse(tex)) is not None:  # g^{-1}(x) after g(t) = e^t: never (1/g) x
            return Failed(NOT_PARSED, f"{inverse}^{{-1}}(...): the inverse of the function {inverse} the text "
                                      "defines is not read")
        matrix = "a matrix written out" if MATRIX.search(tex) else uses_name(tex, self.matrices)
        if matrix:
            return Failed(SKIPPED, f"{matrix if ' ' in matrix else matrix + ' is a matrix or a vector'}: vector and "
                                   "matrix algebra is not checked (derive reads numbers)")
        tex, named = self._rewritten(tex, base_two)
        return self._value(tex, named, proposition, units)

    def _rewritten(self, tex: str, base_two: bool | None) -> tuple[str, dict[sp.Symbol, sp.Symbol]]:
        """``tex`` as the text means it, each ``\\mathcal{L}`` a placeholder; the symbol of each placeholder."""
        tex = UNIT_WORD.sub("", tex)  # 1.5 \mathrm{bits}: the unit, no factor
        tex = _REMARK.sub("", tex)  # ... - \lambda^2 \mbox{ (because of the LOTUS)}: a remark, no factor
        if self.base_two if base_two is None else base_two:  # "the logarithms are base 2": \log is \log_2
            tex = re.sub(r"\\log(?![A-Za-z])(?!\s*_)", r"\\log_2 ", tex)
        if self.t_number:  # N - T elsewhere: p^H (1-p)^T is a power
            from derive.parse.transposes import t_as_power

            tex = t_as_power(tex)
        if self.masses:  # p(\mathbf{z}): a density's value is its variable's, bold or not
            tex = unbold(tex)
        if self.masses and "_" in tex:  # \mathbb{E}_q[...]: under q as the text applies it (q(z | x))
            tex = _BARE_EXPECTATION.sub(self._applied_mass, tex)
        if self.masses:  # H(p, q), D_{KL}(p \| q): of the pmfs as the text applies them (p(x), q(x))
            tex = _MASS_MEASURE.sub(self._measured_masses, tex)
        named = {}
        if r"\mathcal" in tex:  # \mathcal{L}, a Lagrangian: one symbol (the parser reads \mathcal{N}(...) only)
            def placeholder(match: re.Match) -> str:
                named[sp.Symbol(f"{match.group(1)}_{{mathcal}}")] = sp.Symbol(f"\\mathcal{{{match.group(1)}}}")
                return f" {match.group(1)}_{{mathcal}} "
            tex = _CALLIGRAPHIC.sub(placeholder, tex)
        return tex, named

    def _value(self, tex: str, named: dict[sp.Symbol, sp.Symbol], proposition: bool,
               units: str | None) -> sp.Basic | Failed:
        """``tex`` read (an equation or a system when ``proposition``, else an expression), or why not."""
        from derive.parse import ParseError

        try:
            value = self._reading(tex, units or self.units)
            if named:  # the symbol, and the function of \frac{\partial \mathcal{L}}{\partial q}
                value = value.xreplace(named).replace(
                    lambda e: isinstance(e, AppliedUndef) and sp.Symbol(written_name(e.func)) in named,
                    lambda e: sp.Function(named[sp.Symbol(written_name(e.func))].name +  # and its bar's position
                                          e.func.__name__[len(written_name(e.func)):])(*e.args))
        except ParseError as exc:
            message = str(exc)
            if message.startswith("a transpose"):
                return Failed(SKIPPED, "a transpose: vector and matrix algebra is not checked (derive reads numbers)")
            if "is prose" in message:
                return Failed(SKIPPED, f"prose: {message.split(' at offset')[0].removeprefix('text ')}")
            if "unknown distribution name" in message and not self.dists:
                message += " (declare it: $P(H) = p$ in the document, or --define \"P(H) = p\")"
            return Failed(NOT_PARSED, message)
        if proposition:
            from derive.core.system import System

            if isinstance(value, (sp.Equality, System)):
                return value
            if isinstance(value, sp.core.relational.Relational):
                return Failed(SKIPPED, "an implication between inequalities is not checked")
            return Failed(NOT_PARSED, f"{tex[:40]!r} is not an equation or a system of equations")
        if isinstance(value, sp.Equality) or not isinstance(value, sp.Expr):
            return Failed(NOT_PARSED, f"{tex[:40]!r} is not an expression")
        return self._entries_in_sums(value)

    def _entries_in_sums(self, value: sp.Basic) -> sp.Basic:
        """Finite categoricals written by their entries: ``\\sum_{i=1}^{3}`` over the outcomes 1, 2, 3 of a
        declared categorical is the sum over its outcomes, and in a sum over ``i``, ``p_i`` is ``P(i)`` when
        ``P = (p_1, p_2, p_3)`` (its probabilities are the symbols ``p_1``, ... named by its outcomes)."""
        from derive.core.functions import entry_family
        from derive.distributions.measures import OutcomeSum, Prob

        if not value.has(sp.Sum, OutcomeSum):
            return value
        by_outcomes, entries = {}, {}
        for dist in self.dists:
            try:
                labels = tuple(o.name for o in dist.outcomes)
                params = dist.params
            except (NotImplementedError, AttributeError):
                continue
            if not labels:
                continue
            by_outcomes.setdefault(labels, dist)
            if len(params) == len(labels) and all(isinstance(v, sp.Symbol) for v in params):
                bases = {v.name[:-len(label) - 1] for v, label in zip(params, labels)
                         if v.name.endswith(f"_{label}")}
                if len(bases) == 1 and all(v.name.endswith(f"_{label}") for v, label in zip(params, labels)):
                    entries.setdefault(bases.pop(), dist)
        if not by_outcomes:
            return value

        def entries_of(body: sp.Basic, index: sp.Symbol) -> sp.Basic:
            body = body.replace(lambda e: entry_family(e) in entries and e.args[0] == index,
                                lambda e: Prob(entries[entry_family(e)], index))
            return body.xreplace({sp.Symbol(f"{base}_{index.name}"): Prob(dist, index)
                                  for base, dist in entries.items()})

        def rewrite(e: sp.Basic) -> sp.Basic:
            if isinstance(e, OutcomeSum):
                return OutcomeSum(entries_of(e.body, e.index), e.index, e.outcomes)
            index, low, high = e.limits[0]
            labels = tuple(str(n) for n in range(1, int(high) + 1)) if high.is_Integer and low == 1 else ()
            if len(e.limits) != 1 or labels not in by_outcomes:
                return e
            return OutcomeSum(entries_of(e.function, index), index, tuple(by_outcomes[labels].outcomes))

        return value.replace(lambda e: isinstance(e, OutcomeSum) or (isinstance(e, sp.Sum) and len(e.limits) == 1
                                                                      and e.limits[0][2].is_Integer), rewrite)


def _times_bracket(name: str, tex: str) -> bool:
    """``S (1 - p)``: the letter ``name`` before a bracket holding more than one symbol (``L(\\theta)`` would be
    an application)."""
    letter = rf"(?<![\\A-Za-z]){re.escape(name)}\s*\(([^()]*)\)"
    return any(not re.fullmatch(r"\s*(?:\\?[A-Za-z]+(?:_\{?\w+\}?)?\s*,?\s*)+", m.group(1))
               for m in re.finditer(letter, tex))


def _applied_alone(name: str, tex: str) -> bool:
    """``x(1 - x)``: the letter ``name`` is written before a bracket in ``tex``, and never with a subscript (an
    entry ``x_i`` of data is another matter); before a bracket that holds one letter only (``p(x)`` beside the
    functional ``J(p)``), it is a function applied."""
    letter = rf"(?<![\\A-Za-z]){re.escape(name)}"
    brackets = [m.end() for m in re.finditer(letter + r"\s*\(", tex)]
    return any(not _ONE_LETTER.match(tex, k) for k in brackets) and re.search(letter + r"\s*_", tex) is None


_ONE_LETTER = re.compile(r"\s*(?:[A-Za-z]|\\[A-Za-z]+)\s*\)")
