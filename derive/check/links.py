"""The links of a chain, classified: definitions (of a distribution, a measure, a symbol, a function),
suppositions, equations set to be solved, and claims (judged in :mod:`derive.check.claims`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

import sympy as sp
from sympy.core.function import AppliedUndef

from derive.distributions import randomvars
from derive.check.chains import IMPLICATION, SUPPOSITION, SYSTEM, Chain, Link
from derive.check.nesting import nested_relations
from derive.check.statements import EQUALITIES, INEQUALITIES, SET, Piece
from derive.check.errors import CheckError
from derive.check.leibniz import dependence, functions_of
from derive.check.reading import evaluation_point
from derive.check.rounding import ROUNDED_INSIDE, rounded_entry, within_rounding
from derive.check.report import (CLAIM, DEFINITION, IMPLICATION as IMPLIES, NOT_PARSED, PROVED, REFUTED, SKIPPED,
                                 SUPPOSED, SUPPOSITION as SUPPOSES, UNKNOWN, Entry, point)
from derive.check.shared import (Failed, OfSquares, Source, arguments_placed, link_entry, put_values, relation_reason,
                                 squared)
from derive.parse.derivatives import ALSO_ALONE, leibniz
from derive.parse.names import written_name
from derive.verify.limits import OutOfTime, settle, time_limit


#: Supposing words after which a statement may still be a definition (a new symbol, a measure).
_DEFINING_WORDS = frozenset({"let", "set", "define", "given"})


def written_link(link: Link) -> str:
    return f"{link.lhs.tex} {link.relation} {link.rhs.tex}"


#: A derivative written in Leibniz's notation or as an operator.
_DIFFERENTIATES = re.compile(r"\\partial|\\frac\s*\{\s*(?:\\mathrm\s*\{\s*)?d|\\nabla|\\dfrac\s*\{\s*d")

#: Names of measures of a distribution: ``H(p) = \frac12 \log 2 + ...`` is a value, never a function's definition.
_MEASURE_NAMES = frozenset({"H", "D", "I", "h", "KL", "CE"})


def _inner(origin: str, piece: Piece, value: sp.Basic | Failed) -> list[Entry]:
    """An entry for each relation nested in a piece that was not read (a matrix of cases, a bracket a comment
    left open), on its own line: none is dropped unseen."""
    if not isinstance(value, Failed) or value.status not in (SKIPPED, NOT_PARSED):
        return []
    return [Entry(origin, line, CLAIM, value.status, reason=f"a relation inside a side that was not read: "
                                                             f"{value.reason}") for line in nested_relations(piece)]


def _supposed(origin: str, link: Link, chain: Chain) -> tuple[Entry, bool]:
    """A link of a supposition, taken as supposed (it may anchor later links)."""
    return link_entry(origin, link, SUPPOSES, SUPPOSED, f"after \"{chain.supposed}\""), True


class Links:
    """Chains and their links, mixed into :class:`~derive.check.checker.Checker`."""

    # -- chains ---------------------------------------------------------------------------
    def _chain(self, source: Source, key: tuple[int, int], chain: Chain) -> list[tuple[int, Entry]]:
        """The entries of a chain's links, each with the rank of its statement."""
        origin, piece = source.origin, chain.subject
        if chain.kind == SYSTEM:
            return [(piece.rank, Entry(origin, piece.line, CLAIM, SKIPPED, piece.tex, "",
                                       "a system of equations on its own is not checked (it may start an "
                                       "implication)"))]
        if chain.kind == SUPPOSITION and len(chain.expressions) == 1:
            return [(piece.rank, Entry(origin, piece.line, SUPPOSES, SUPPOSED, piece.tex, "",
                                       f"after \"{chain.supposed}\""))]
        self.wrong.clear()
        self.context = " ".join(p.tex for p in chain.expressions)
        self.point = evaluation_point(chain.subject.tex)
        model = self._leibnizian(chain)
        self.chain_functions = model
        try:
            with leibniz(bool(model)):
                return self._links(origin, source, key, chain)
        finally:
            self.chain_functions = {}

    def _leibnizian(self, chain: Chain) -> dict[sp.Symbol, sp.Basic]:
        r"""For a chain that differentiates a name alone that it also writes alone (``\frac{\partial L}{\partial
        z} \frac{\partial z}{\partial w}``): each such name as the function it is read as in Leibniz's way
        (:mod:`derive.check.leibniz`); empty for any other chain."""
        if chain.kind == IMPLICATION or not any(_DIFFERENTIATES.search(e.tex) for e in chain.expressions):
            return {}
        try:
            with time_limit(self.timeout):
                if not any(isinstance(read, Failed) and ALSO_ALONE in read.reason for read in self._each(chain)):
                    return {}
                with leibniz():
                    values = [v for v in self._each(chain) if not isinstance(v, Failed)]
                edges = dependence(values, ())
                valued = set(self.symbols) | set(self.defined)  # z = 3: no function of w, no variable either
                if edges is None or set(edges) & (valued | set(self.domain.symbols)) or \
                        {v for targets in edges.values() for v in targets} & valued:
                    return {}
                return functions_of(edges)
        except OutOfTime as exc:
            settle(exc)
        except Exception:  # noqa: BLE001 (the links themselves report what fails)
            pass
        return {}

    def _each(self, chain: Chain) -> Iterator[sp.Basic | Failed]:
        for piece in chain.expressions:
            self._at(piece.rank)
            yield self._read(piece)

    def _links(self, origin: str, source: Source, key: tuple[int, int], chain: Chain) -> list[tuple[int, Entry]]:
        """The entries of the links of a chain, read in turn."""
        out: list[tuple[int, Entry]] = []
        anchor: int | None = None  # the last expression not refuted
        values: list[sp.Basic | Failed] = []
        for link in chain.links(key[1]):
            k = link.position
            self._at(link.rhs.rank)
            try:
                with time_limit(self.timeout):
                    read = self._proposition if chain.kind == IMPLICATION else self._read
                    if k == 1:
                        values.append(read(chain.subject))
                        anchor = 0 if not isinstance(values[0], Failed) else None
                    values.append(read(link.rhs))
                    if self._solving(chain, values) and self._release(values[k - 1:k + 1]):
                        self._at(link.rhs.rank)
                    entry, good = self._link(origin, key, link, values, anchor, chain)
            except OutOfTime as exc:
                settle(exc)
                entry, good = link_entry(origin, link, CLAIM, UNKNOWN, f"gave up after {self.timeout:g} s"), False
            except Exception as exc:  # one link's failure is reported on its line, never as a traceback
                reason = f"the check failed: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
                kind = IMPLIES if chain.kind == IMPLICATION else CLAIM
                entry, good = link_entry(origin, link, kind, UNKNOWN, reason), False
            while len(values) <= k:
                values.append(Failed(UNKNOWN, "not read"))
            self.seen |= {s.name for v in values[k - 1:k + 1] if isinstance(v, sp.Basic)
                          for s in v.free_symbols if isinstance(s, sp.Symbol)}
            if source.defines and entry.kind == CLAIM:
                raise CheckError(f"{origin}:{link.line}: {written_link(link)!r} is not a definition: a definition "
                                 "gives a probability (P(H) = p), a distribution (P = ...), a measure (H(P) = ...) "
                                 "or a new symbol")
            entry = self._restrained(entry, link.rhs.rank)
            out.append((link.rhs.rank, entry))
            read = (((chain.subject, values[0]),) if k == 1 else ()) + ((link.rhs, values[k]),)
            out.extend((piece.rank, inner) for piece, value in read for inner in _inner(origin, piece, value))
            if entry.status == REFUTED:
                self.wrong.add(k)
            if good:
                anchor = k
        return out

    @staticmethod
    def _solving(chain: Chain, values: list) -> bool:
        """The chain sets an equation to be solved (``= 0``, ``\\overset{set}{=}``, an implication): a name
        differentiated in it is solved for.  Elsewhere (the chain rule, ``\\frac{\\partial L}{\\partial \\hat y}``
        with ``\\hat y = \\sigma(z)``) the derivative is taken with the name a variable, and the name keeps its
        definition."""
        return chain.kind == IMPLICATION or SET in chain.relations or \
            any(isinstance(v, sp.Basic) and v == 0 for v in values)

    def _release(self, values: list) -> bool:
        r"""A symbol defined as an expression (``\hat p = \bar x/5``) and differentiated in here is a variable from
        here on (``\frac{\partial \log L}{\partial \hat p} = 0`` solves for it): its definition is dropped.
        Whether one was."""
        if not self.defined:
            return False
        varied = {v for e in values if isinstance(e, sp.Basic) for d in e.atoms(sp.Derivative) for v in d.variables}
        released = [x for x in varied if x in self.defined and not getattr(self.defined[x], "is_number", False)]
        for x in released:
            del self.defined[x]
        return bool(released)

    def _link(self, origin: str, key: tuple[int, int], link: Link, values: list, anchor: int | None,
              chain: Chain) -> tuple[Entry, bool]:
        """The entry for one link, and whether its right side may anchor later links."""
        if chain.kind == IMPLICATION:
            return self._implication(origin, link, chain, values, anchor)
        if chain.conditional:
            reason = "a claim under the condition after it (if, for all, ...) is not checked"
            return link_entry(origin, link, CLAIM, SKIPPED, reason), False
        found = self._not_an_equation(origin, key, link, values, anchor, chain)
        if found is not None:
            return found
        return self._equation(origin, key, link, values, anchor, chain)

    def _not_an_equation(self, origin: str, key: tuple[int, int], link: Link, values: list, anchor: int | None,
                         chain: Chain) -> tuple[Entry, bool] | None:
        """The entry for a link that is no equation to judge (an equation set, a bound, an interval or a law
        declared, distinct indices, a proportion, an inequation, a relation not checked, a pmf given in full, a
        declaration with a problem), or ``None``."""
        k = link.position
        if link.relation == SET:
            if not isinstance(values[k - 1], Failed) and not isinstance(values[k], Failed):
                self._set(link, values[k - 1], values[k])
            return link_entry(origin, link, SUPPOSES, SUPPOSED, "an equation set to be solved: what follows is "
                                                            "checked as its consequence"), True
        if link.relation in INEQUALITIES:
            return _supposed(origin, link, chain) if chain.kind == SUPPOSITION else \
                self._claim(origin, link, chain, values, anchor)
        if k == 1 and link.lhs.tex.strip() in self.sets and link.relation in EQUALITIES:  # I = (0, 1), x \in I
            return link_entry(origin, link, DEFINITION, DEFINITION, f"{link.lhs.tex.strip()} is this interval"), True
        if k == 1 and key in self.declared.made:  # P = \mathcal{N}(...), X \sim \mathrm{Laplace}(\mu, b)
            return link_entry(origin, link, DEFINITION, DEFINITION, self.declared.made[key]), True
        if link.relation == "!=" and chain.kind == SUPPOSITION and len(chain.expressions) == 2 and \
                all(isinstance(v, sp.Symbol) and v.name.isalpha() and len(v.name) == 1 for v in values[:2]):
            self.distinct.append((link.lhs.rank, self._scope(link.lhs.rank), values[0], values[1]))
            said = f"after \"{chain.supposed}\"; the rest of this sentence and the next statement's are checked " \
                   "with the two indices different"
            return link_entry(origin, link, SUPPOSES, SUPPOSED, said), True
        if link.relation == "∝" and chain.kind != SUPPOSITION:
            return self._proportion(origin, link, chain, values)
        if link.relation == "!=" and chain.kind != SUPPOSITION and not _condition(values[k - 1:k + 1]):
            return self._inequation(origin, link, values)
        if link.relation not in EQUALITIES:
            if link.relation == "≈" and (rounded := self._rounding(values, link)) is not None:
                return self._rounded(origin, link, chain, rounded)
            return link_entry(origin, link, CLAIM, SKIPPED, f"{relation_reason(link.relation)} is not checked"), False
        if k == 1 and (link.lhs.tex.strip(), link.rhs.tex.strip()) in self.table_links:
            return link_entry(origin, link, DEFINITION, DEFINITION, "a value of a pmf the text gives in full"), True
        if k == 1 and key in self.declared.problems:
            return link_entry(origin, link, DEFINITION, NOT_PARSED, self.declared.problems[key]), False
        return None

    def _equation(self, origin: str, key: tuple[int, int], link: Link, values: list, anchor: int | None,
                  chain: Chain) -> tuple[Entry, bool]:
        """The entry for an equation: a supposition, a side that was not read, a definition, or a claim."""
        k = link.position
        left, right = values[k - 1], values[k]
        defining = chain.kind != SUPPOSITION or chain.supposed in _DEFINING_WORDS
        if chain.kind == SUPPOSITION and (k > 1 or not defining or isinstance(left, Failed) or
                                          isinstance(right, Failed)):
            if k == 1 and len(chain.expressions) == 2 and not isinstance(left, Failed) and \
                    not isinstance(right, Failed) and link.relation == "=":
                note = self._suppose(link, left, right)
                return link_entry(origin, link, SUPPOSES, SUPPOSED, f"after \"{chain.supposed}\"{note}"), True
            return _supposed(origin, link, chain)
        if k == 1 and isinstance(left, Failed):
            return link_entry(origin, link, CLAIM, left.status, left.reason), False
        if isinstance(right, Failed):
            if isinstance(values[0], sp.Symbol) and values[0] in self.defined:  # S = [unreadable]: which S now?
                self.doubted.add(values[0])
            return link_entry(origin, link, CLAIM, right.status, right.reason), False
        if k == 1 or not isinstance(values[0], Failed) and all(isinstance(v, Failed) for v in values[1:k]):
            special = self._defining(origin, key, link, values, chain)
            if special is not None:
                return special
        if chain.kind == SUPPOSITION:
            if len(chain.expressions) == 2 and link.relation == "=":
                note = self._suppose(link, left, right)
                return link_entry(origin, link, SUPPOSES, SUPPOSED, f"after \"{chain.supposed}\"{note}"), True
            return _supposed(origin, link, chain)
        entry, kept = self._claim(origin, link, chain, values, anchor)
        subject = values[0]
        if entry.status == REFUTED and k == 2 and isinstance(subject, AppliedUndef) and \
                subject.func in self.functions:  # B(a, b) = [its definition] = [refuted]: which B does it mean?
            self.doubted.add(subject.func)
        return entry, kept

    def _defining(self, origin: str, key: tuple[int, int], link: Link, values: list,
                  chain: Chain) -> tuple[Entry, bool] | None:
        """The first link, or one after steps derive could not read, as a definition of the chain's subject
        (``f(x) = [unreadable] = RHS`` defines ``f`` by ``RHS``, as ``f(x) = RHS`` would), or ``None``."""
        k = link.position
        subject = link if k == 1 else replace(link, lhs=chain.expressions[0])
        special = self._definition(origin, subject, values[0], values[k], key, chain.kind == SUPPOSITION)
        if special is not None:
            name = values[0].func if isinstance(values[0], AppliedUndef) else values[0]
            if special[0].status == DEFINITION and k > 1:  # defined across a step derive could not read
                self.unverified[name] = link.line
                special = (replace(special[0], reason=f"{special[0].reason}, taken across the step before it, "
                                                      "which derive could not read"), special[1])
            elif special[0].status == DEFINITION:
                self.unverified.pop(name, None)
        return special

    def _definition(self, origin: str, link: Link, left: sp.Basic, right: sp.Basic,
                    key: object, supposed: bool = False) -> tuple[Entry, bool] | None:
        """Rules 1, 3 and 4 of the module docstring; ``None`` for a claim."""
        from derive.distributions.measures import Measure
        from derive.render.printer import to_latex

        if key in self.declarations:  # P(T) = 1 - p, given after P(H) = p set the coin
            described = self.described.get(self.declarations[key].name, "")
            return self._checked_definition(origin, link, left, right, f"agrees with: {described}", described)
        supposing = any(x in self.symbols for _, _, x, _ in self.supposed)
        if isinstance(left, Measure) and left not in self.measures and not supposing and \
                (link.relation == ":=" or not right.has(Measure)):
            self.measures.add(left)
            title = left.title if left.title.startswith("KL") else left.title.lower()
            derive_says = f"derive's {title} is {to_latex(left)} = {to_latex(left.definition())}"
            return self._checked_definition(origin, link, left, right, f"agrees with derive's {title}", derive_says)
        if link.relation == "=" and (solved := self._solution(left, right)) is not None:
            if solved.proved:
                return link_entry(origin, link, CLAIM, PROVED, ""), True
            status = REFUTED if solved.status.value == REFUTED else UNKNOWN
            return Entry(origin, link.line, CLAIM, status, link.lhs.tex, link.rhs.tex, solved.reason,
                         point(solved.counterexample), relation="="), status != REFUTED
        if (made := self._function_definition(left, right, link.line)) is not None:
            self.functions[left.func], self.function_lines[left.func] = made, link.line
            self.function_domains[left.func] = self._argument_intervals(left.args, right)
            self.doubted.discard(left.func)  # defined anew: this is what it means from here on
            return link_entry(origin, link, DEFINITION, DEFINITION,
                          f"{link.lhs.tex} defines {written_name(left.func)} from here on"), True
        if (logged := self._log_definition(link, left, right)) is not None:
            return link_entry(origin, link, DEFINITION, DEFINITION, logged), True
        value = isinstance(right, sp.Expr) and right.is_number and \
            not re.search(r"\\(?:sum|prod)", link.rhs.tex)  # x = 2: a claim, unless "Let" or := says otherwise
        named = isinstance(left, sp.Symbol) and not randomvars.involved(left)  # H[X] is a measure, no name
        if named and right.has(left):  # c = c^2, \theta := \theta - \alpha g: an equation or an update, no name
            return self._in_itself(origin, link, left, right) if self._is_new(left) else None
        if named and (link.relation == ":=" or (self._is_new(left) and (supposed or not value))):
            self.defined[left] = self.symbols[left] = right  # as written: put_values reads what names it uses
            self.doubted.discard(left)
            said = f"{link.lhs.tex} stands for this from here on"
            return link_entry(origin, link, DEFINITION, DEFINITION, said), True
        return None

    def _argument_intervals(self, args: tuple, body: sp.Basic) -> tuple:
        """Where each variable of a function being defined lies: the interval the domain gives it here ("for any
        x in I let g(x) = ..."), else the one it has as the variable of a function the body applies to it."""
        stated = dict(self.domain.intervals)
        inherited = arguments_placed(body, self.function_domains)
        return tuple(stated.get(a, inherited.get(a)) if isinstance(a, sp.Symbol) else None for a in args)

    def _log_definition(self, link: Link, left: sp.Basic, right: sp.Basic) -> str | None:
        r"""``\ln L = ...`` (``\log L(\theta) = ...``) of a name nothing defined: the name is the exponential of the
        right side from here on (its one real value), so that ``\frac{\partial \ln L}{\partial \sigma}`` can be
        taken.  What to report, or ``None`` when the link is no such definition."""
        if not isinstance(left, sp.log) or link.relation not in ("=", ":=") or not isinstance(right, sp.Expr):
            return None
        inner = left.args[0]
        if right.has(inner) or (isinstance(inner, AppliedUndef) and right.has(inner.func)) or \
                randomvars.involved(inner, right):  # \log p(x) = \log \int p(x|z) p(z) dz: a density's own
            return None
        said = f"{link.lhs.tex.strip()} defines {sp.latex(inner)} as the exponential of its right side from here on"
        if isinstance(inner, sp.Symbol) and self._is_new(inner) and inner not in self.defined:
            self.defined[inner] = self.symbols[inner] = put_values(sp.exp(right), self.symbols)
            return said
        if isinstance(inner, AppliedUndef) and \
                (made := self._function_definition(inner, sp.exp(right), link.line)) is not None:
            self.functions[inner.func], self.function_lines[inner.func] = made, link.line
            self.doubted.discard(inner.func)
            return said
        return None

    def _in_itself(self, origin: str, link: Link, left: sp.Symbol, right: sp.Basic) -> tuple[Entry, bool]:
        """``x = f(x)`` of a name nothing placed: proved when it holds for every ``x``; an update (``:=``) or an
        equation in ``x`` to solve otherwise, which is not refuted for failing at some ``x``."""
        if link.relation == ":=":
            return link_entry(origin, link, CLAIM, SKIPPED, f"an update of {link.lhs.tex.strip()} (it stands on both "
                                                            "sides) is not checked"), False
        verdict = self._verdict(left, right)
        if verdict.proved:
            return link_entry(origin, link, CLAIM, PROVED, ""), True
        return link_entry(origin, link, CLAIM, UNKNOWN, f"an equation in {link.lhs.tex.strip()}, which nothing "
                                                        "places: not an identity, and what solves it is not "
                                                        "checked"), False

    def _function_definition(self, left: sp.Basic, right: sp.Basic, line: int) -> sp.Lambda | None:
        r"""``f(x) = x^2`` (``H(p) = ...``, ``\ell(\lambda) = ...``) on ``line``: a function not defined yet (or
        defined in an earlier section: each section of a text may give ``f`` its own meaning), applied to distinct
        plain symbols, equal to an expression that does not use it: ``Lambda((x,), x**2)``; else ``None``."""
        if not isinstance(left, AppliedUndef) or right.has(left.func):
            return None
        if randomvars.owners(left) and randomvars.owners(right):  # p(x) = \int p(x, z) dz: of the pmfs, a claim
            return None
        if left.func in self.functions and not (self._rests_on_unknown(self.functions[left.func].expr)
                                                and not self._rests_on_unknown(right)) and \
                not self._other_parameters(left) and not self._anew(left, right, line):
            return None  # defined, and not merely through a function nothing defines: a claim
        args = left.args
        if args and len(set(args)) == len(args) and any(isinstance(a, AppliedUndef) for a in args):
            return _at_applications(args, put_values(right, self.symbols))
        if not args or len(set(args)) != len(args) or not all(isinstance(a, sp.Symbol) or squared(a) for a in args):
            return None
        if str(left.func) in _MEASURE_NAMES and not right.free_symbols & set(args):  # H(p) = 1.5: a value of p's
            return None
        body = put_values(right, self.symbols)
        if not any(squared(a) for a in args):
            return sp.Lambda(args, body)
        slots = tuple(sp.Dummy(a.base.name) if squared(a) else a for a in args)
        for a, slot in zip(args, slots):
            if slot is not a:  # l(\mu, \sigma^2): a function of the variance; sigma = sqrt of the slot
                body = body.xreplace({a: slot}).xreplace({a.base: sp.sqrt(slot)})
        return OfSquares(sp.Lambda(slots, body), tuple((k, a.base) for k, a in enumerate(args) if squared(a)))

    def _anew(self, left: AppliedUndef, right: sp.Basic, line: int) -> bool:
        """``left = right`` on ``line`` gives a function defined before a section heading another meaning: it does
        not follow from that definition (a restatement that does is a claim, and proved)."""
        before = self.function_lines.get(left.func)
        return before is not None and any(before < h < line for h in self.headings) and \
            not self._verdict(left, right).proved

    def _other_parameters(self, left: AppliedUndef) -> bool:
        r"""``f(x; \lambda) = ...`` after ``f(x, p) = ...``: the name defined again with a parameter the first
        definition did not have (another family, in another section), not a claim about the first."""
        made = self.functions[left.func]
        before = {v.name for v in getattr(made, "variables", ())}
        now = {a.name for a in left.args if isinstance(a, sp.Symbol)}
        return len(now) == len(left.args) > 1 and bool(before) and now != before and bool(now & before)

    def _rests_on_unknown(self, expr: sp.Basic) -> bool:
        r"""``expr`` applies a function nothing defines (``\prod_i f(x_i, \theta)`` before ``f`` is given)."""
        return any(f.func not in self.functions for f in expr.atoms(AppliedUndef) if randomvars.mass_of(f) is None)

    def _is_new(self, symbol: sp.Symbol) -> bool:
        names = {s.name for s in self.domain.symbols if isinstance(s, sp.Symbol)}
        names |= {s.name for d in self.dists for s in d.free_symbols if isinstance(s, sp.Symbol)}
        names |= {d.variable.name for d in self.dists} | self.seen
        return symbol.name not in names and symbol not in self.symbols

    def _checked_definition(self, origin: str, link: Link, left: sp.Basic, right: sp.Basic, agrees: str,
                            otherwise: str) -> tuple[Entry, bool]:
        from derive.verify import check_equal

        a, b = self._unify(left, put_values(right, self.symbols))
        verdict = check_equal(a, b, self._dom(a, b))
        if verdict.proved:
            return link_entry(origin, link, DEFINITION, DEFINITION, agrees, checked=True), True
        if verdict.status.value == REFUTED and (rounded := self._rounding([a, b], replace(link, position=1))) and \
                rounded[0] is not False:  # H(P) = 0.881291, its value rounded: a value given, not a definition
            return rounded_entry(origin, link, rounded)
        if verdict.status.value == REFUTED and within_rounding((link.lhs.tex, link.rhs.tex),
                                                               lambda t: self._tabled(self._parse(t))):
            return link_entry(origin, link, CLAIM, PROVED, ROUNDED_INSIDE), True  # D = 0.155675 - 0.124511
        if verdict.status.value == REFUTED and isinstance(b, sp.Basic) and not b.free_symbols and a.free_symbols:
            names = ", ".join(sorted(sp.latex(x) for x in a.free_symbols))  # D(p || q) = 0.2 with p's parameter r
            return link_entry(origin, link, CLAIM, UNKNOWN, self._holds_in_case(a, b) or
                              f"a number for a value that depends on {names}: a case the text considers, not a "
                              "definition (it gives no values of them here)"), True
        if verdict.status.value == REFUTED:
            reason = "a wrong definition" + (f": {otherwise}" if otherwise else "")
            return link_entry(origin, link, DEFINITION, REFUTED, reason, point(verdict.counterexample)), False
        return link_entry(origin, link, DEFINITION, UNKNOWN, verdict.reason), True

    def _as_displayed(self, link: Link, chain: Chain, values: list):
        """For a link that starts a later display of the chain (``KL(P || Q) >= ...`` after ``KL(P || Q) = ...``):
        the verdict on what that display shows, the subject against the right side, under what holds there
        (a supposition or a condition of the earlier display may not); ``None`` for any other link."""
        k = link.position
        if k not in chain.restated or isinstance(values[k], Failed):
            return None
        subject = self._read(replace(chain.subject, rank=link.rhs.rank))  # in that display's units
        if isinstance(subject, Failed):
            return None
        return self._verdict(subject, values[k], link.relation)  # what it shows: subject R right side


def _at_applications(args: tuple, body: sp.Basic) -> sp.Lambda | None:
    r"""``\text{Cost}(h_\theta(x), y) = -y \log h_\theta(x) - ...``: a function whose arguments are plain names and
    applications of other functions, a function of one variable per argument, when the body uses what is free
    inside those applications, and only through them; else ``None``."""
    if not all(isinstance(a, (sp.Symbol, AppliedUndef)) for a in args):
        return None
    slots = tuple(a if isinstance(a, sp.Symbol) else sp.Dummy(written_name(a.func)) for a in args)
    made = body.xreplace({a: s for a, s in zip(args, slots) if a is not s})
    inside = set().union(*(a.free_symbols for a in args if isinstance(a, AppliedUndef))) - set(slots)
    if not inside <= body.free_symbols:  # H(p(x)) = -\sum_x p(x) \log p(x): x is the sum's, not the argument's
        return None
    return sp.Lambda(slots, made) if not made.free_symbols & inside else None


def _condition(sides: list) -> bool:
    """``x \\neq 0``, ``k \\neq i``: a condition on names (a bound), no claim about two expressions."""
    return all(isinstance(side, sp.Basic) and (side.is_Symbol or side.is_number) for side in sides) and \
        any(isinstance(side, sp.Basic) and side.is_Symbol for side in sides)
