"""The corpus's own ground truth: every case's claim evaluated with mpmath at 50 digits, never with derive.

    python3 tests/soundness/oracle.py [--only SUBSTRING] [-v]

For a ``true`` case the claim must hold at every sampled point of its domain (random rationals, the
closed endpoints, small integers, "nice" points); for a ``false`` case the witness ``cx`` must lie in
the domain and the claim must fail there beyond rounding (or a side must be undefined / non-real).
Implications: at ``cx`` the hypothesis holds and the conclusion fails; a true one is checked at the
points ``pts`` where its hypothesis holds (and at any sampled point where it happens to).
``oracle="manual"`` cases (notation that has no numeric reading, structural proof-file edits) are
listed with their argument; ``oracle="empty"`` checks that the stated domain has no point at all.
Sums follow the empty-sum convention (no terms when the upper limit is below the lower one), never
SymPy's Karr convention; integrals are oriented.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import mpmath as mp
import sympy as sp

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import namespace, value  # noqa: E402
from corpus import Case, load  # noqa: E402

mp.mp.dps = 50
EXACT_TOL = mp.mpf(10) ** -35
QUAD_TOL = mp.mpf(10) ** -18


class Undefined(Exception):
    """The expression has no finite value at the point."""


# ---------------------------------------------------------------------------------------------- ranges

@dataclass
class Range:
    integer: bool = False
    lo: sp.Basic = -sp.oo
    hi: sp.Basic = sp.oo
    lo_closed: bool = False
    hi_closed: bool = False
    simplex: str = ""  # IndexedBase: a random positive probability vector of size env[simplex]

    def meet(self, lo=None, hi=None, lo_closed=False, hi_closed=False, integer=False) -> None:
        self.integer |= integer
        if lo is not None:
            lo = sp.sympify(lo)
            if lo > self.lo or (lo == self.lo and not lo_closed):
                self.lo, self.lo_closed = lo, lo_closed
        if hi is not None:
            hi = sp.sympify(hi)
            if hi < self.hi or (hi == self.hi and not hi_closed):
                self.hi, self.hi_closed = hi, hi_closed

    def contains(self, v) -> bool:
        v = sp.sympify(v)
        if self.integer and not v.is_integer:
            return False
        if v < self.lo or v > self.hi:
            return False
        if v == self.lo:
            return bool(self.lo_closed)
        if v == self.hi:
            return bool(self.hi_closed)
        return True

    def empty(self) -> bool:
        if self.lo > self.hi:
            return True
        if self.lo == self.hi and not (self.lo_closed and self.hi_closed):
            return True
        if self.integer:
            return not self.candidates(random.Random(0))
        return False

    def candidates(self, rng: random.Random) -> list:
        """Special points first (closed ends, 0, +-1, nice rationals), then random rationals."""
        if self.integer:
            lo = -15 if self.lo == -sp.oo else int(sp.ceiling(self.lo))
            hi = 15 if self.hi == sp.oo else int(sp.floor(self.hi))
            vals = [v for v in range(lo, hi + 1) if self.contains(v)]
            special = [v for v in (lo, hi, 0, 1, -1, 2, -2, 3, -3, 4, 5) if v in vals]
            rest = [v for v in vals if v not in special]
            rng.shuffle(rest)
            return [sp.Integer(v) for v in special + rest]
        pts: list = []
        if self.lo_closed:
            pts.append(self.lo)
        if self.hi_closed:
            pts.append(self.hi)
        nice = [sp.Integer(v) for v in (0, 1, -1, 2, -2, 3, 10, -10)] + \
            [sp.Rational(a, b) for a, b in ((1, 2), (1, 3), (2, 3), (1, 4), (3, 4), (1, 5), (-1, 2), (-1, 3))]
        pts += [v for v in nice if self.contains(v)]
        for _ in range(40):
            pts.append(self._random(rng))
        out = []
        for v in pts:
            if v is not None and self.contains(v) and v not in out:
                out.append(v)
        return out

    def _random(self, rng: random.Random):
        m = rng.choice([7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 97, 1009])
        u = sp.Rational(rng.randint(1, m - 1), m)
        lo, hi = self.lo, self.hi
        if lo.is_finite and hi.is_finite:
            return lo + (hi - lo) * u
        spread = rng.choice([sp.Integer(1), sp.Integer(5), sp.Integer(40)])
        if lo.is_finite:
            return lo + spread * u / (1 - u)
        if hi.is_finite:
            return hi - spread * u / (1 - u)
        return (2 * u - 1) * spread * 3


def _num(text: str):
    return sp.sympify(text.replace("\\infty", "oo").replace("\\frac", ""), rational=True)


_OPS = {"\\leq": "<=", "\\le": "<=", "\\geq": ">=", "\\ge": ">=", "\\lt": "<", "\\gt": ">"}


def parse_assumption(text: str, ranges: dict[str, Range], conds: list[str]) -> None:
    """The corpus's own reader of "0 <= x <= 1", "x, y > 0", "x \\in [0, 1]" (closed bounds kept)."""
    for k, v in _OPS.items():
        text = text.replace(k, v)
    text = text.strip().rstrip(".")
    m = re.fullmatch(r"\s*([A-Za-z_]\w*)\s*\\in\s*([\[\(])(.*),(.*)([\]\)])\s*", text)
    if m:
        name, lb, lo, hi, rb = m.groups()
        ranges.setdefault(name, Range()).meet(_num(lo), _num(hi), lb == "[", rb == "]")
        return
    m = re.fullmatch(r"\s*([A-Za-z_]\w*)\s*\\in\s*\\mathbb\{R\}\s*", text)
    if m:
        ranges.setdefault(m.group(1), Range())
        return
    parts = re.split(r"(<=|>=|<|>)", text)
    terms, ops = parts[0::2], parts[1::2]
    for left, op, right in zip(terms, ops, terms[1:]):
        lnames = [t.strip() for t in left.split(",")]
        rnames = [t.strip() for t in right.split(",")]
        lsym = all(re.fullmatch(r"[A-Za-z_]\w*", t) for t in lnames)
        rsym = all(re.fullmatch(r"[A-Za-z_]\w*", t) for t in rnames)
        if lsym and rsym:
            conds.append(f"({left}) {op} ({right})")
            continue
        if lsym:
            bound = _num(right)
            for name in lnames:
                r = ranges.setdefault(name, Range())
                if op in ("<", "<="):
                    r.meet(hi=bound, hi_closed=op == "<=")
                else:
                    r.meet(lo=bound, lo_closed=op == ">=")
        elif rsym:
            bound = _num(left)
            for name in rnames:
                r = ranges.setdefault(name, Range())
                if op in ("<", "<="):
                    r.meet(lo=bound, lo_closed=op == "<=")
                else:
                    r.meet(hi=bound, hi_closed=op == ">=")
        else:
            raise ValueError(f"cannot read assumption {text!r}")


def parse_over(spec: str, r: Range) -> None:
    spec = spec.strip()
    if spec == "R":
        return
    if spec == "Z":
        r.integer = True
        return
    if spec.startswith("simplex:"):
        r.simplex = spec.split(":", 1)[1]
        return
    if spec.startswith("Z"):
        r.integer = True
        spec = spec[1:]
    m = re.fullmatch(r"([\[\(])(.*),(.*)([\]\)])", spec)
    if not m:
        raise ValueError(f"bad range {spec!r}")
    lb, lo, hi, rb = m.groups()
    r.meet(_num(lo), _num(hi), lb == "[", rb == "]")


def _from_assumptions(obj) -> Range:
    r = Range()
    if not isinstance(obj, sp.Symbol):
        return r
    a = obj.assumptions0
    if a.get("integer"):
        r.integer = True
    if a.get("positive"):
        r.meet(lo=0, lo_closed=False)
    if a.get("nonnegative"):
        r.meet(lo=0, lo_closed=True)
    if a.get("negative"):
        r.meet(hi=0, hi_closed=False)
    if a.get("nonpositive"):
        r.meet(hi=0, hi_closed=True)
    return r


def truth_domain(case: Case, ns: dict, names: set[str]) -> tuple[dict[str, Range], list[str]]:
    ranges: dict[str, Range] = {}
    conds: list[str] = []
    for name in sorted(names):
        ranges[name] = _from_assumptions(ns.get(name))
        obj = ns.get(name)
        if isinstance(obj, sp.Symbol) and obj.assumptions0.get("even"):
            conds.append(f"Eq(Mod({name}, 2), 0)")
        if isinstance(obj, sp.Symbol) and obj.assumptions0.get("odd"):
            conds.append(f"Eq(Mod({name}, 2), 1)")
    for name, (lo, hi) in case.domain:
        ranges.setdefault(name, _from_assumptions(ns.get(name))).meet(_num(str(lo)), _num(str(hi)))
    for text in case.assume:
        if isinstance(text, str) and not text.startswith("py:"):  # py: relations are restated in ``over``
            parse_assumption(text, ranges, conds)
    for name, spec in case.over:
        if name == "cond":
            conds.append(spec)
        else:
            parse_over(spec, ranges.setdefault(name, _from_assumptions(ns.get(name))))
    return ranges, conds


# ------------------------------------------------------------------------------------------ evaluation

SPECIAL = (sp.Sum, sp.Integral, sp.Product, sp.Derivative, sp.Indexed)


def to_sympy(v):
    if isinstance(v, (int, sp.Basic)):
        return sp.sympify(v)
    v = mp.mpmathify(v)
    if isinstance(v, mp.mpc):
        return sp.Float(v.real, 50) + sp.I * sp.Float(v.imag, 50)
    if mp.isint(v):
        return sp.Integer(int(v))
    return sp.Float(v, 50)


def to_mp(v):
    if isinstance(v, sp.Integer):
        return mp.mpf(int(v))
    if isinstance(v, sp.Basic):
        w = sp.N(v, 60)
        re_, im_ = w.as_real_imag()
        if im_ == 0:
            return mp.mpf(sp.Float(re_, 60)._mpf_) if re_ != 0 else mp.mpf(0)
        return mp.mpc(mp.mpf(sp.Float(re_, 60)._mpf_), mp.mpf(sp.Float(im_, 60)._mpf_))
    return v


@lru_cache(maxsize=4096)
def _lambda(expr: sp.Basic, free: tuple):
    return sp.lambdify(free, expr, modules="mpmath")


def _finite(v):
    try:
        v = mp.mpmathify(v)
    except (TypeError, ValueError) as exc:
        raise Undefined(str(exc)) from exc
    if isinstance(v, mp.mpc):
        if not (mp.isfinite(v.real) and mp.isfinite(v.imag)):
            raise Undefined("infinite")
        if v.imag == 0:
            return v.real
        return v
    if not mp.isfinite(v):
        raise Undefined("infinite")
    return v


def plain(e: sp.Basic, env: dict):
    free = tuple(sorted(e.free_symbols, key=str))
    missing = [s for s in free if s not in env]
    if missing:
        raise KeyError(f"no value for {missing}")
    if not free:
        return _sympy_eval(e, env)
    try:
        f = _lambda(e, free)
        return _finite(f(*[env[s] for s in free]))  # at the caller's precision (nsum raises it)
    except (Undefined, ZeroDivisionError, ValueError, OverflowError, NameError, TypeError, AttributeError):
        # a pole, or a rewriting of lambdify's (binomial via gamma): SymPy decides on exact integers
        return _sympy_eval(e, env)


def _sympy_eval(e: sp.Basic, env: dict):
    w = e.xreplace({s: to_sympy(v) for s, v in env.items() if isinstance(s, sp.Symbol)})
    if w.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
        raise Undefined("infinite")
    w = sp.N(w, 50)
    if w.has(sp.zoo, sp.nan, sp.oo, -sp.oo) or not w.is_number:
        raise Undefined(f"no value: {w}")
    return _finite(to_mp(w))


def _int(v) -> int | float:
    if isinstance(v, int):
        return v
    v = mp.mpmathify(v)
    if isinstance(v, mp.mpc):
        raise Undefined("complex limit")
    if mp.isinf(v):
        return float(v)
    if v != mp.nint(v):
        raise Undefined(f"non-integer limit {v}")
    return int(mp.nint(v))


def ev(e, env: dict):
    e = sp.sympify(e)
    if not e.has(*SPECIAL):
        return plain(e, env)
    if isinstance(e, (sp.Sum, sp.Product, sp.Integral)):
        return _iterated(e, e.function, list(e.limits), env)
    if isinstance(e, sp.Derivative):
        return ev(e.doit(), env)
    if isinstance(e, sp.Indexed):
        idx = _int(ev(e.indices[0], env))
        vec = env[e.base]
        if not 1 <= idx <= len(vec):
            raise Undefined(f"index {idx} outside 1..{len(vec)}")
        return vec[idx - 1]
    args = [to_sympy(ev(a, env)) for a in e.args]
    return plain(e.func(*args), env)


def _iterated(e, body, limits: list, env: dict):
    """The innermost limit first; empty sums are 0, empty products 1; integrals oriented."""
    if not limits:
        return ev(body, env)
    *outer, (k, a, b) = limits
    # limits are listed innermost first: evaluate the outermost variable's range, recurse inwards
    inner_limits = limits[:-1]
    if isinstance(e, sp.Integral):
        lo, hi = _bound(a, env), _bound(b, env)
        f = lambda t: _iterated(e, body, inner_limits, {**env, k: t})  # noqa: E731
        nodes = [lo, hi]
        if mp.im(lo) == 0 and mp.im(hi) == 0 and min(lo, hi) < 0 < max(lo, hi):
            nodes = [lo, mp.mpf(0), hi]
        with mp.workdps(30):
            return _finite(mp.quad(f, nodes))
    add = isinstance(e, sp.Sum)
    lo, hi = _bound(a, env), _bound(b, env)
    term = lambda j: _iterated(e, body, inner_limits, {**env, k: mp.mpf(j)})  # noqa: E731
    if mp.isinf(lo) or mp.isinf(hi):
        if not add:
            raise Undefined("infinite product")
        if hi < lo:
            return mp.mpf(0)
        lo = lo if mp.isinf(lo) else _int(lo)
        hi = hi if mp.isinf(hi) else _int(hi)
        return _finite(mp.nsum(term, [lo, hi]))  # Euler-Maclaurin evaluates between integers
    lo, hi = _int(lo), _int(hi)
    if hi < lo:
        return mp.mpf(0) if add else mp.mpf(1)
    if hi - lo > 20000:
        raise Undefined("too many terms")
    acc = mp.mpf(0) if add else mp.mpf(1)
    for j in range(lo, hi + 1):
        acc = acc + term(j) if add else acc * term(j)
    return _finite(acc)


def _bound(a, env):
    if a == sp.oo:
        return mp.inf
    if a == -sp.oo:
        return -mp.inf
    return ev(a, env)


# -------------------------------------------------------------------------------------------- claims

def _scale(*vs):
    return max([mp.mpf(1)] + [abs(v) for v in vs])


def value_of(expr, env):
    try:
        return ev(expr, env)
    except Undefined:
        return None
    except (ZeroDivisionError, ValueError, OverflowError, mp.libmp.NoConvergence) as exc:  # noqa: F841
        return None


def holds(lhs, rhs, rel: str, env: dict, tol) -> tuple[bool, str]:
    """Does ``lhs rel rhs`` hold at env?  (False when a side is undefined or, for bounds, non-real.)"""
    if rel in ("implies", "iff"):
        h = all(holds(a.lhs, a.rhs, "=", env, tol)[0] for a in _eqs(lhs))
        c = all(holds(a.lhs, a.rhs, "=", env, tol)[0] for a in _eqs(rhs))
        ok = (not h or c) if rel == "implies" else h == c
        return ok, f"hypothesis {h}, conclusion {c}"
    l, r = value_of(lhs, env), value_of(rhs, env)
    if l is None or r is None:
        return False, f"undefined side (lhs={l}, rhs={r})"
    s = _scale(l, r)
    if rel == "=":
        return abs(l - r) <= tol * s, f"{mp.nstr(l, 12)} vs {mp.nstr(r, 12)}"
    if abs(mp.im(l)) > tol * s or abs(mp.im(r)) > tol * s:
        return False, f"non-real: {mp.nstr(l, 12)} vs {mp.nstr(r, 12)}"
    d = mp.re(r) - mp.re(l)  # rhs - lhs
    eps = tol * max(abs(l), abs(r))  # relative: exp(-103) > 0 must hold
    ok = {"<=": d >= -eps, "<": d > eps, ">=": -d >= -eps, ">": -d > eps}[rel]
    return bool(ok), f"{mp.nstr(mp.re(l), 12)} {rel} {mp.nstr(mp.re(r), 12)}"


def _eqs(x):
    if isinstance(x, (list, tuple)):
        return list(x)
    if isinstance(x, sp.And):
        return list(x.args)
    return [x]


def claim_of(case: Case, ns: dict):
    if case.o_lhs or case.o_rhs:
        lhs, rhs = value(case.o_lhs, ns), value(case.o_rhs, ns)
    else:
        if case.latex:
            raise ValueError("LaTeX case without o_lhs/o_rhs")
        lhs, rhs = value(case.lhs, ns), value(case.rhs, ns)
    return lhs, rhs, case.o_rel or case.rel


def _names(*exprs) -> set[str]:
    out: set[str] = set()
    for x in exprs:
        out |= {str(s) for s in sp.sympify(x).free_symbols if not isinstance(s, sp.Indexed)}
    return out


def _env(point: dict, ns: dict, ranges: dict, rng: random.Random) -> dict:
    env = {}
    for name, v in point.items():
        obj = ns.get(name, sp.Symbol(name))
        if isinstance(v, list):
            env[obj] = [to_mp(sp.sympify(x)) for x in v]
        else:
            env[obj] = mp.mpf(int(v)) if isinstance(v, sp.Integer) else to_mp(v)
    return env


def _simplex(n: int, rng: random.Random) -> list:
    w = [sp.Rational(rng.randint(1, 20), 1) for _ in range(n)]
    s = sum(w)
    return [to_mp(x / s) for x in w]


def sample(ranges: dict[str, Range], conds: list[str], ns: dict, rng: random.Random, count: int) -> list[dict]:
    plainr = {k: r for k, r in ranges.items() if not r.simplex}
    cands = {k: r.candidates(rng) for k, r in plainr.items()}
    names = sorted(cands)
    points: list[dict] = []
    if not names and not any(r.simplex for r in ranges.values()):
        count = 1
    if any(not c for c in cands.values()):
        return []
    # every special value of each variable at least once, then random combinations
    for i in range(max([len(c) for c in cands.values()] + [1])):
        if len(points) >= count:
            break
        points.append({k: cands[k][(i + j) % len(cands[k])] for j, k in enumerate(names)})
    while len(points) < count:
        points.append({k: rng.choice(cands[k]) for k in names})
    out = []
    for p in points:
        q = dict(p)
        for k, r in ranges.items():
            if r.simplex:
                size = p.get(r.simplex)
                size = int(size) if size is not None else 3
                if size < 1:
                    break
                q[k] = _simplex(size, rng)
        else:
            if all(_cond(c, q, ns) for c in conds):
                out.append(q)
    return out


def _cond(c: str, point: dict, ns: dict) -> bool:
    local = dict(ns)
    local.update({k: v for k, v in point.items() if not isinstance(v, list)})
    return bool(eval(c, local))


def in_domain(point: dict, ranges: dict, conds: list[str], ns: dict) -> bool:
    for k, r in ranges.items():
        if r.simplex:
            vec = point.get(k)
            if vec is not None and (len(vec) != point.get(r.simplex, len(vec)) or sum(vec) != 1
                                    or any(v <= 0 for v in vec)):
                return False
            continue
        if k not in point:
            return False
        if not r.contains(point[k]):
            return False
    return all(_cond(c, point, ns) for c in conds)


@dataclass
class Finding:
    ok: bool
    text: str


def judge(case: Case, samples: int = 30) -> Finding:
    if case.truth == "crash-probe":
        return Finding(True, "crash probe: no truth value")
    if case.oracle == "manual":
        return Finding(True, f"manual: {case.why or 'argued in the module'}")
    ns = namespace(case.syms)
    lhs, rhs, rel = claim_of(case, ns)
    names = _names(*(_eqs(lhs) + _eqs(rhs)))
    ranges, conds = truth_domain(case, ns, names)
    rng = random.Random(case.id)
    quad = any(sp.sympify(x).has(sp.Integral) or _infinite_sum(x) for x in _eqs(lhs) + _eqs(rhs))
    tol = QUAD_TOL if quad else EXACT_TOL
    if quad:
        samples = min(samples, 6)
    if case.oracle == "empty":
        empty = [k for k, r in ranges.items() if r.empty()]
        pts = sample(ranges, conds, ns, rng, 60)
        if not empty and pts:
            return Finding(False, f"domain is not empty: {pts[0]}")
        cx = {k: sp.sympify(v) for k, v in case.cx}
        ok, info = holds(lhs, rhs, rel, _env(cx, ns, ranges, rng), tol)
        return Finding(not ok, f"empty domain ({', '.join(empty) or 'conditions'}); claim at {cx}: {info}")
    if case.truth == "false":
        if not case.cx and names:
            return Finding(False, "false case without a witness cx")
        cx = {k: sp.sympify(v) for k, v in case.cx}
        for k, r in ranges.items():
            if r.simplex and k not in cx:
                cx[k] = _simplex(int(cx.get(r.simplex, 3)), rng)
        if not in_domain(cx, ranges, conds, ns):
            return Finding(False, f"witness {cx} is outside the domain {ranges} {conds}")
        env = _env(cx, ns, ranges, rng)
        if rel in ("implies", "iff"):
            h = all(holds(a.lhs, a.rhs, "=", env, tol)[0] for a in _eqs(lhs))
            c = all(holds(a.lhs, a.rhs, "=", env, tol)[0] for a in _eqs(rhs))
            bad = (h and not c) if rel == "implies" else h != c
            return Finding(bad, f"at {case.cx}: hypothesis {h}, conclusion {c}")
        ok, info = holds(lhs, rhs, rel, env, tol)
        if ok and rel == "=" and not any(sp.sympify(x).has(*SPECIAL) for x in (lhs, rhs)):
            # a separation below 50 digits (10^-60, e^-200): decide with exact values at 400 digits
            point = {ns.get(k, sp.Symbol(k)): v for k, v in cx.items()}
            d = sp.N((sp.sympify(lhs) - sp.sympify(rhs)).xreplace(point), 400)
            if d.is_number and abs(d) > sp.Float(10) ** -350:
                return Finding(True, f"fails at {dict(case.cx)}: differs by {sp.N(d, 5)} (400 digits)")
        return Finding(not ok, f"fails at {dict(case.cx)}: {info}")
    # true
    pts = sample(ranges, conds, ns, rng, samples)
    extra = [{k: sp.sympify(v) for k, v in p} for p in case.pts]
    if not pts and not extra:
        return Finding(False, "no sample point in the domain")
    checked = 0
    for p in extra:
        if not in_domain(p, ranges, conds, ns):
            return Finding(False, f"given point {p} is outside the domain")
        env = _env(p, ns, ranges, rng)
        for k, r in ranges.items():
            if r.simplex and ns.get(k) not in env:
                env[ns[k]] = _simplex(int(p.get(r.simplex, 3)), rng)
        if rel in ("implies", "iff"):
            h = all(holds(a.lhs, a.rhs, "=", env, tol)[0] for a in _eqs(lhs))
            c = all(holds(a.lhs, a.rhs, "=", env, tol)[0] for a in _eqs(rhs))
            if not (h and c) if rel == "implies" else h != c:
                return Finding(False, f"at given point {p}: hypothesis {h}, conclusion {c}")
            checked += 1
            continue
    for p in pts:
        env = _env(p, ns, ranges, rng)
        ok, info = holds(lhs, rhs, rel, env, tol)
        if not ok:
            return Finding(False, f"fails at {p}: {info}")
        checked += 1
    if rel in ("implies", "iff") and not case.pts:
        return Finding(False, "true implication without points where its hypothesis holds")
    return Finding(True, f"holds at {checked} points")


def _infinite_sum(x) -> bool:
    x = sp.sympify(x)
    return any(any(l[1].is_infinite or l[2].is_infinite for l in s.limits) for s in x.atoms(sp.Sum))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", default="")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    bad = 0
    counts = {"true": 0, "false": 0, "crash-probe": 0}
    for case in load(args.only):
        counts[case.truth] += 1
        try:
            f = judge(case)
        except Exception as exc:  # the oracle itself failed: the case cannot be trusted
            f = Finding(False, f"oracle error {type(exc).__name__}: {exc}")
        if not f.ok:
            bad += 1
        if not f.ok or args.verbose:
            print(f"{'OK ' if f.ok else 'BAD'} {case.id:45s} {case.truth:11s} {f.text[:150]}")
    print(f"{sum(counts.values())} cases ({counts}); {bad} not confirmed by the oracle")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
