"""An adversarial corpus for derive's verifier, written without reference to derive's verdicts.

Each module of this package holds one class of cases, ``CASES``: a list of :class:`Case`.
``truth`` is established by ``tests/soundness/oracle.py`` (mpmath, 50 digits), never by derive:

* ``"true"``  -- the claim holds at every point of its stated domain (derive must never refute it);
* ``"false"`` -- the claim fails somewhere (``cx`` is a witness); derive must never say PROVED;
* ``"crash-probe"`` -- any verdict is fine, but no traceback, no hang, CLI exit code 0, 1 or 2.

Conventions of the oracle (the meaning the corpus gives to a claim):

* a symbol with no SymPy assumption ranges over the real numbers; ``integer=True`` over the integers;
* a claim ``a = b`` holds at a point only if both sides are defined (finite) there and agree; a bound
  ``a <= b`` only if both sides are real there; undefined at one point of the domain = false;
* a sum whose upper limit is below its lower limit has no terms (empty sum = 0, empty product = 1);
* integrals are oriented (``int_1^0 = -int_0^1``);
* closed bounds in ``assume`` (``0 <= x <= 1``) include the endpoints.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field

KINDS = ("identity", "relation", "implication", "document", "proof-file", "crash")
TRUTHS = ("true", "false", "crash-probe")
VIAS = ("check_equal", "check_relation", "assert_identity", "check", "verify", "python")

MODULES = ("covering", "nonreal", "empty_sums", "lemmas", "one_index", "closed_bounds", "documents",
           "contradictory", "integers", "notation", "proof_files", "crash", "implications", "misc",
           "r2_holes", "r2_branches", "r2_aggregates", "r2_infotheory", "r2_inequalities", "r2_implications",
           "r2_documents", "r2_notation", "r2_proof_files", "r2_crash", "r3_witness", "r3_capture", "r4_readings")


@dataclass(frozen=True)
class Case:
    """One probe.  Only the fields its ``via`` reads need be set.

    Inputs to derive:
      via        check_equal | check_relation | assert_identity | check (derive check FILE) |
                 verify (derive verify FILE.json) | python (``code`` run in the worker)
      lhs, rhs   SymPy source (evaluated with ``from sympy import *`` and the symbols of ``syms``), or
                 LaTeX strings when ``latex`` is set (assert_identity only)
      rel        = <= >= < > iff implies
      syms       "x y:real n:integer k:integer,nonnegative p:IndexedBase f:Function"
      domain     ((name, lo, hi), ...): open intervals for ``derive.Domain`` (check_equal / check_relation)
      setup      SymPy/derive source run before lhs/rhs; may bind ``domain`` (a derive.Domain)
      assume, define   for assert_identity, or --assume / --define for the CLI
      text, ext, target   a document, its extension, a substring of the line whose links are judged
      make       Python expression building the file content (huge or binary inputs)
      args       extra CLI arguments
      proof, edit   a shipped proof file (outputs/NAME.json) and Python statements editing ``d``
      code       Python statements for via=python; bind ``result`` to a derive.Verdict or raise
    Oracle (tests/soundness/oracle.py):
      over       ((name, range), ...): "R", "Z", "[0, 1]", "(0, oo)", "Z[0, oo)", "simplex:n", "cond:<expr>"
      cx         ((name, value), ...): a witness of falsity (values in SymPy source)
      o_lhs, o_rhs, o_rel   the claim in SymPy source when lhs/rhs are not (LaTeX, documents)
      pts        points where the hypothesis of a true implication holds, (((name, value), ...), ...)
      oracle     "" (numeric), "manual" (argued in ``why``), "empty" (the domain has no point)
    """

    id: str
    kind: str
    truth: str
    via: str
    why: str = ""
    lhs: str = ""
    rhs: str = ""
    rel: str = "="
    latex: bool = False
    syms: str = ""
    domain: tuple = ()
    setup: str = ""
    assume: tuple = ()
    define: tuple = ()
    text: str = ""
    ext: str = "md"
    target: str = ""
    make: str = ""
    args: tuple = ()
    proof: str = ""
    edit: str = ""
    code: str = ""
    over: tuple = ()
    cx: tuple = ()
    o_lhs: str = ""
    o_rhs: str = ""
    o_rel: str = ""
    pts: tuple = ()
    oracle: str = ""
    cls: str = field(default="", compare=False)


def load(only: str = "") -> list[Case]:
    """Every case of every module (``only``: a substring of the id or of the class name)."""
    out: list[Case] = []
    seen: set[str] = set()
    for name in MODULES:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            continue
        for case in module.CASES:
            case = Case(**{**case.__dict__, "cls": name})
            if case.id in seen:
                raise ValueError(f"duplicate case id {case.id}")
            if case.kind not in KINDS or case.truth not in TRUTHS or case.via not in VIAS:
                raise ValueError(f"{case.id}: bad kind/truth/via")
            if case.truth == "false" and not case.why:
                raise ValueError(f"{case.id}: a false case needs a why")
            seen.add(case.id)
            if not only or only in case.id or only in name:
                out.append(case)
    return out


def C(id: str, kind: str, truth: str, via: str, **kw) -> Case:
    """Shorthand constructor used by the data modules."""
    for key in ("domain", "assume", "define", "args", "over", "cx", "pts"):
        if key in kw and isinstance(kw[key], list):
            kw[key] = tuple(kw[key])
        if key in kw and isinstance(kw[key], dict):
            kw[key] = tuple(kw[key].items())
    if "pts" in kw:
        kw["pts"] = tuple(tuple(p.items()) if isinstance(p, dict) else tuple(p) for p in kw["pts"])
    return Case(id=id, kind=kind, truth=truth, via=via, **kw)
