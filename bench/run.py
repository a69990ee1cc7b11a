"""Is derive fast at every size?  Benchmarks against plain SymPy, written to a table and a plot.

    python bench/run.py [--quick] [--out DIR]

Writes ``DIR/results.md`` (the targets, met or missed, and every measurement)
and ``DIR/scaling.png`` (time against the number of outcomes k, log-log).  Sections
of an existing ``DIR/results.md`` from a ``## Before and after`` heading on (each
session's record of its changes) are kept, after the new tables.

Every number is the median of several runs (fewer than three only when a run
takes more than ``SLOW`` seconds, and the table says so) and is reported as a ratio against a baseline
measured in the same process, except where a baseline has to run in its own
process (cold start, ``simplify`` under a timeout); the notes say so.
Before each timed run SymPy's cache and derive's own ``lru_cache`` tables
are cleared, so no run is helped by an earlier one.

The explicit-k cases run in a fresh worker process per run (this script with
``--worker``), which also gives each run's peak memory.
"""

from __future__ import annotations

import argparse
import atexit
import functools
import gc
import json
import os
import platform
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere: import this checkout's derive
    sys.path.insert(0, str(ROOT))

SLOW = 20.0  # seconds: a case stops repeating after a run slower than this
MEDIUM = 2.0  # seconds: a case whose median of three runs is slower than this gets no more runs
SIMPLIFY_TIMEOUT = 60.0  # seconds per sympy.simplify run
WORKER_TIMEOUT = 1200.0  # seconds: backstop for any worker process
SIZES = (2, 10, 30, 100, 300, 1000)
QUICK_SIZES = (2, 10)
REPEATS = 5  # small cases
MEMORY_LIMIT_MB = 400.0


# -- measurements --------------------------------------------------------------------------------------------

@dataclass
class Timing:
    """Wall times of the runs of one case, in seconds; or a timeout after ``timed_out`` seconds."""

    runs: list[float] = field(default_factory=list)
    timed_out: float | None = None
    note: str = ""

    @property
    def median(self) -> float | None:
        return statistics.median(self.runs) if self.runs and self.timed_out is None else None

    @property
    def lower_bound(self) -> float | None:
        """The median, or the timeout when the case timed out (a lower bound of its time)."""
        return self.timed_out if self.timed_out is not None else self.median

    def cell(self) -> str:
        if self.timed_out is not None:
            return f"> {self.timed_out:.0f} s, timed out"
        if not self.runs:
            return "not run"
        return f"{_seconds(self.median)} ({len(self.runs)} run{'s' if len(self.runs) > 1 else ''})"


@dataclass
class Comparison:
    """derive against a baseline: the ratio ``derive / baseline`` is the result."""

    name: str
    derive: Timing
    baseline: Timing
    baseline_name: str
    note: str = ""

    @property
    def ratio(self) -> float | None:
        return _ratio(self.derive.median, self.baseline.median)


@dataclass
class ScalingPoint:
    """Proving KL - CE + H = 0 for two categoricals with k explicit outcomes."""

    k: int
    derive: Timing
    floor: Timing
    simplify: Timing
    simplify_zero: bool | None = None
    proved: bool = True
    summary: str = ""
    peak_mb: float | None = None

    @property
    def over_floor(self) -> float | None:
        return _ratio(self.derive.median, self.floor.median)

    @property
    def simplify_speedup(self) -> float | None:
        """``simplify / derive``; a lower bound when simplify timed out."""
        return _ratio(self.simplify.lower_bound, self.derive.median)


@dataclass
class ClosedFormPoint:
    """One family's KL closed form (derived symbolically, evaluated at a point) against SciPy numerics."""

    family: str
    derive: Timing
    numeric: Timing
    value: float | None = None
    reference: float | None = None
    error: str = ""

    @property
    def ratio(self) -> float | None:
        return _ratio(self.derive.median, self.numeric.median)


@dataclass
class Target:
    name: str
    measured: str
    goal: str
    met: bool | None  # None: not measured

    @property
    def status(self) -> str:
        return {True: "met", False: "**missed**", None: "not measured"}[self.met]


@dataclass
class Results:
    quick: bool
    cold: Comparison | None = None
    article: Comparison | None = None
    article_simplified: str = ""
    scaling: list[ScalingPoint] = field(default_factory=list)
    symbolic_n: Comparison | None = None
    check_cold: Comparison | None = None
    folder: Comparison | None = None
    corpus: Comparison | None = None
    closed_forms: list[ClosedFormPoint] = field(default_factory=list)
    closed_forms_note: str = ""
    peer: tuple[Any, Any] | None = None  # (derive, peer) tallies of bench/peer.py
    wall: float = 0.0
    load: tuple[tuple[float, ...], tuple[float, ...]] = ((), ())


@dataclass(frozen=True)
class Config:
    sizes: tuple[int, ...]
    repeats: int
    simplify_max_k: int
    out: Path

    @property
    def quick(self) -> bool:
        return self.repeats == 1


# -- timing helpers ------------------------------------------------------------------------------------------

def fresh_caches() -> None:
    """Forget everything memoised: SymPy's cache and every ``lru_cache`` in derive's modules."""
    from sympy.core.cache import clear_cache

    clear_cache()
    for name, module in list(sys.modules.items()):
        if name != "derive" and not name.startswith("derive."):
            continue
        for obj in list(vars(module).values()):
            if callable(getattr(obj, "cache_clear", None)) and str(getattr(obj, "__module__", "")).startswith("derive"):
                obj.cache_clear()
    gc.collect()


def time_runs(fn: Callable[[], Any], repeats: int, warm: bool = True) -> tuple[Timing, Any]:
    """Run ``fn`` on fresh caches until :func:`enough` runs; the value of the last call.

    With ``warm``, an untimed first call loads whatever ``fn`` imports lazily, so that no run pays for an import.
    """
    timing, value = Timing(), None
    if warm:
        fresh_caches()
        value = fn()
    for _ in range(repeats):
        fresh_caches()
        start = time.perf_counter()
        value = fn()
        timing.runs.append(time.perf_counter() - start)
        if enough(timing, repeats):
            break
    return timing, value


def enough(timing: Timing, repeats: int) -> bool:
    """Stop repeating: ``repeats`` runs, three slow-ish runs, or one run slower than SLOW (noted in the table)."""
    runs = timing.runs
    if runs and runs[-1] > SLOW and len(runs) < min(3, repeats):
        timing.note = f"{len(runs)} run{'s' if len(runs) > 1 else ''} only: a run took more than {SLOW:.0f} s"
        return True
    return len(runs) >= repeats or (len(runs) >= 3 and statistics.median(runs) > MEDIUM)


def run_worker(args: Sequence[str], timeout: float = WORKER_TIMEOUT) -> dict | None:
    """This script as a worker in a fresh process; its last line of output is JSON.  None on a timeout."""
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", *args]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=ROOT, env=_env())
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        raise RuntimeError(f"worker {' '.join(args)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _env(bytecode: bool = False) -> dict[str, str]:
    """The environment of a child process; with ``bytecode``, one that may write ``.pyc`` files.

    The cold start compares ``derive article`` with ``import sympy``.  SymPy's bytecode was compiled when it
    was installed; derive's is written by the untimed first run, as after any install, which an inherited
    ``PYTHONDONTWRITEBYTECODE`` would prevent (every timed run would then compile derive from source).
    Likewise the grammar's prediction cache (``derive.parse.warm``) is written by the untimed first run, in a
    folder of the benchmark's own, so that neither the user's cache nor an earlier benchmark counts.
    """
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["DERIVE_CACHE"] = _grammar_cache()
    return env


@functools.cache
def _grammar_cache() -> str:
    folder = tempfile.mkdtemp(prefix="derive-bench-cache-")
    atexit.register(shutil.rmtree, folder, True)
    return folder


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


# -- the expressions -----------------------------------------------------------------------------------------

def categorical_pair(k: int):
    """``Categorical([p_1..p_k])`` and ``Categorical([q_1..q_k], name="Q")``."""
    import sympy as sp
    from derive.distributions.categorical import Categorical

    return (Categorical([sp.Symbol(f"p_{j}") for j in range(1, k + 1)]),
            Categorical([sp.Symbol(f"q_{j}") for j in range(1, k + 1)], name="Q"))


def plain_identity(k: int):
    """``KL - CE + H`` in plain SymPy for k outcomes, every probability a positive symbol."""
    import sympy as sp

    ps = sp.symbols(f"p_1:{k + 1}", positive=True)
    qs = sp.symbols(f"q_1:{k + 1}", positive=True)
    kl = sp.Add(*(p * sp.log(p / q) for p, q in zip(ps, qs)))
    ce = -sp.Add(*(p * sp.log(q) for p, q in zip(ps, qs)))
    h = -sp.Add(*(p * sp.log(p) for p in ps))
    return kl - ce + h


def plain_coin_identity():
    """The coin's ``KL - CE + H`` in plain SymPy, ``p, q`` positive (SymPy cannot know ``1 - p > 0``)."""
    import sympy as sp

    p, q = sp.symbols("p q", positive=True)
    kl = p * sp.log(p / q) + (1 - p) * sp.log((1 - p) / (1 - q))
    ce = -p * sp.log(q) - (1 - p) * sp.log(1 - q)
    h = -p * sp.log(p) - (1 - p) * sp.log(1 - p)
    return kl - ce + h


def derive_and_verify(P, Q):
    from derive.derivations import kl_cross_entropy

    return kl_cross_entropy(P, Q).verify()


def expand_log_floor(expr):
    import sympy as sp

    return sp.expand(sp.expand_log(expr, force=True))


# -- workers (each in its own process) -----------------------------------------------------------------------

class _Timeout(BaseException):
    """Raised by SIGALRM; a BaseException so that no ``except Exception`` inside SymPy swallows it."""


def worker_scaling(k: int, floor_repeats: int) -> dict:
    """One run at size k: derive's derivation + verification, its peak memory, then the expand_log floor.

    Both are first called untimed at k = 2, so that neither pays for imports or SymPy's first-call set-up.
    When derive is slow (it will not be run again) the floor is timed ``floor_repeats`` times.
    """
    derive_and_verify(*categorical_pair(2))
    expand_log_floor(plain_identity(2))
    fresh_caches()
    start = time.perf_counter()
    report = derive_and_verify(*categorical_pair(k))
    derive_time = time.perf_counter() - start
    peak = _peak_mb()  # the high-water mark after derive, before the floor runs
    expr = plain_identity(k)
    floor, zero = time_runs(lambda: expand_log_floor(expr) == 0, floor_repeats if derive_time > SLOW else 1,
                            warm=False)
    return {"derive": derive_time, "proved": report.ok, "summary": report.summary(), "peak_mb": peak,
            "floor": floor.runs, "floor_zero": zero}


def worker_simplify(k: int, timeout: float) -> dict:
    """One ``sympy.simplify`` of the plain identity at size k, stopped after ``timeout`` seconds."""
    import sympy as sp

    expr = plain_identity(k)

    def alarm(signum, frame):
        raise _Timeout

    signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    start = time.perf_counter()
    try:
        value = sp.simplify(expr)
    except _Timeout:
        return {"timed_out": True}
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return {"time": time.perf_counter() - start, "zero": value == 0}


# -- 1. cold start -------------------------------------------------------------------------------------------

def measure_cold_start(repeats: int) -> Comparison:
    """``derive article`` in a fresh process against ``import sympy`` in a fresh process, runs interleaved."""
    derive, sympy = Timing(), Timing()
    with tempfile.TemporaryDirectory() as out:  # untimed: compiles any stale .pyc, warms the file cache
        _wall([sys.executable, "-m", "derive.cli", "article", "--out", out])
    for _ in range(max(repeats, 3) if repeats > 1 else 1):
        sympy.runs.append(_wall([sys.executable, "-c", "import sympy"]))
        with tempfile.TemporaryDirectory() as out:
            derive.runs.append(_wall([sys.executable, "-m", "derive.cli", "article", "--out", out]))
    return Comparison("cold start: `derive article` (coin, md + tex + json)", derive, sympy,
                      "`python -c \"import sympy\"`", "both in fresh processes, runs interleaved, after one "
                      "untimed `derive article` (which writes derive's bytecode, as an install would)")


def _wall(command: list[str], verdicts: bool = False) -> float:
    """Wall time of ``command`` in a fresh process.  With ``verdicts`` a ``derive check`` exit status of 1 (a
    link refuted) or 2 (a document with no link derive could check) is no failure, only a traceback is."""
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=_env(bytecode=True),
                          timeout=WORKER_TIMEOUT * (10 if verdicts else 1))
    elapsed = time.perf_counter() - start
    if done.returncode not in ((0, 1, 2) if verdicts else (0,)) or "Traceback" in done.stderr:
        raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}): {done.stderr[-2000:]}")
    return elapsed


#: The seed article (outside the repository: the measurement is skipped without it).
SEED_ARTICLE = ROOT.parent / "shared" / "article.md"
FOLDER_SIZE = 25


def measure_check_cold_start(repeats: int) -> Comparison | None:
    """``derive check`` on the seed article in a fresh process against ``import sympy`` in a fresh process."""
    if not SEED_ARTICLE.exists():
        return None
    command = [sys.executable, "-m", "derive.cli", "check", str(SEED_ARTICLE)]
    _wall(command)  # untimed: bytecode, file cache, grammar cache
    derive, sympy = Timing(), Timing()
    for _ in range(max(repeats, 3) if repeats > 1 else 1):
        sympy.runs.append(_wall([sys.executable, "-c", "import sympy"]))
        derive.runs.append(_wall(command))
    return Comparison("cold start: `derive check` on the seed article", derive, sympy,
                      "`python -c \"import sympy\"`", "both in fresh processes, runs interleaved")


def _writing_documents(folder: Path) -> list[Path]:
    """The first :data:`FOLDER_SIZE` documents of ``tests/check/test_writing.py`` (short derivations written as
    people write them), each a file of ``folder``."""
    sys.path.insert(0, str(ROOT))
    try:
        from tests.check.test_writing import DOCUMENTS
    finally:
        sys.path.remove(str(ROOT))
    paths = []
    for n, (text, _) in enumerate(DOCUMENTS[:FOLDER_SIZE]):
        path = folder / f"doc{n:02d}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def measure_folder(repeats: int, corpus: bool = False) -> Comparison:
    """``derive check FOLDER`` (one process) against ``derive check FILE`` once per file (a process each):
    :data:`FOLDER_SIZE` short documents, or (``corpus``) the first ones of the real corpus."""
    with tempfile.TemporaryDirectory() as out:
        folder = Path(out)
        if corpus:
            paths = sorted((ROOT / "tests" / "check" / "real").glob("*.md"))[:FOLDER_SIZE]
            for path in paths:
                (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
            paths = sorted(folder.glob("*.md"))
        else:
            paths = _writing_documents(folder)
        one, each = Timing(), Timing()
        command = [sys.executable, "-m", "derive.cli", "check"]
        _wall(command + [str(folder)], verdicts=True)  # untimed: bytecode, file cache, grammar cache
        for _ in range(1 if corpus or repeats == 1 else 3):
            one.runs.append(_wall(command + [str(folder)], verdicts=True))
            each.runs.append(sum(_wall(command + [str(p)], verdicts=True) for p in paths))
    which = "the first 25 documents of the real corpus (tests/check/real)" if corpus else \
        "the first 25 documents of tests/check/test_writing.py"
    return Comparison(f"`derive check` on a folder of {len(paths)} documents, one process", one, each,
                      "one process per document", which)


# -- 2. the article ------------------------------------------------------------------------------------------

def measure_article(repeats: int) -> tuple[Comparison, str]:
    """The coin derivation, verified and rendered, against ``simplify`` of the same identity (which fails)."""
    import sympy as sp

    def article() -> bool:
        from derive.api import article_coins, render
        from derive.derivations import kl_cross_entropy

        derivation = kl_cross_entropy(*article_coins())
        report = derivation.verify()
        render(derivation, "md", report)
        render(derivation, "tex", report)
        return report.ok

    expr = plain_coin_identity()
    derive, proved = time_runs(article, repeats)
    baseline, simplified = time_runs(lambda: sp.simplify(expr), repeats)
    reached = "reaches 0" if simplified == 0 else "does NOT reach 0"
    note = f"derive proves every step: {proved}; simplify {reached}"
    return (Comparison("the article: coin derivation + verify + Markdown + LaTeX", derive, baseline,
                       "`sympy.simplify(KL - CE + H)`, p, q positive", note),
            sp.sstr(simplified))


# -- 3. scaling with k ---------------------------------------------------------------------------------------

def measure_scaling(config: Config, log: Callable[[str], None]) -> list[ScalingPoint]:
    points: list[ScalingPoint] = []
    simplify_gave_up: int | None = None  # the k at which simplify timed out
    for k in config.sizes:
        point = _scaling_point(k, config.repeats)
        if k > config.simplify_max_k:
            point.simplify.note = "not run (--quick)"
        elif simplify_gave_up is not None:
            point.simplify.timed_out = SIMPLIFY_TIMEOUT
            point.simplify.note = f"not run: timed out already at k = {simplify_gave_up}"
        else:
            point.simplify, point.simplify_zero = _simplify_timing(k, config.repeats)
            if point.simplify.timed_out is not None:
                simplify_gave_up = k
        log(f"k = {k}: derive {point.derive.cell()}, floor {point.floor.cell()}, simplify {point.simplify.cell()}")
        points.append(point)
    return points


def _scaling_point(k: int, repeats: int) -> ScalingPoint:
    derive, floor = Timing(), Timing()
    point = ScalingPoint(k, derive, floor, Timing())
    while True:
        run = run_worker(["scaling", str(k), str(max(repeats, 3) if repeats > 1 else 1)])
        if run is None:
            derive.timed_out = WORKER_TIMEOUT
            break
        derive.runs.append(run["derive"])
        floor.runs.extend(run["floor"])
        point.proved = point.proved and run["proved"] and run["floor_zero"]
        point.summary = run["summary"]
        point.peak_mb = max(point.peak_mb or 0.0, run["peak_mb"])
        if enough(derive, repeats):
            break
    return point


def _simplify_timing(k: int, repeats: int) -> tuple[Timing, bool | None]:
    timing, zero = Timing(), None
    while True:
        run = run_worker(["simplify", str(k), str(SIMPLIFY_TIMEOUT)], timeout=SIMPLIFY_TIMEOUT + 60)
        if run is None or run.get("timed_out"):
            timing.timed_out = SIMPLIFY_TIMEOUT
            break
        timing.runs.append(run["time"])
        zero = run["zero"] if zero is None else zero and run["zero"]
        if enough(timing, repeats):
            break
    return timing, zero


# -- 4. symbolic n -------------------------------------------------------------------------------------------

def measure_symbolic_n(repeats: int) -> Comparison:
    """``Categorical(n=n)`` pair against the explicit k = 10 pair, both derived and verified in this process."""
    import sympy as sp
    from derive.distributions.categorical import Categorical

    def symbolic() -> bool:
        n = sp.Symbol("n")
        return derive_and_verify(Categorical(n=n), Categorical(n=n, name="Q")).ok

    def explicit() -> bool:
        return derive_and_verify(*categorical_pair(10)).ok

    derive, proved = time_runs(symbolic, repeats)
    baseline, _ = time_runs(explicit, repeats)
    return Comparison("symbolic n: `Categorical(n=n)` pair, derivation + verify", derive, baseline,
                      "derive on the explicit k = 10 pair (derivation + verify)",
                      f"every step proved: {proved}; n is a symbol, so the time cannot depend on its value")


# -- 5. closed forms -----------------------------------------------------------------------------------------

#: One parameter point (P's, Q's) per family; Q's support contains P's, Binomial's n is shared.
POINTS: dict[str, tuple[tuple, tuple]] = {
    "normal": ((0.3, 1.2), (-0.5, 2.0)),
    "exponential": ((1.5,), (0.7,)),
    "laplace": ((0.2, 1.1), (-0.4, 1.7)),
    "uniform": ((0.0, 1.0), (-0.5, 2.0)),
    "gamma": ((2.5, 1.3), (1.7, 0.8)),
    "beta": ((2.0, 3.0), (1.5, 2.5)),
    "poisson": ((3.5,), (5.0,)),
    "geometric": ((0.3,), (0.45,)),
    "binomial": ((12, 0.3), (12, 0.55)),
}


def scipy_distribution(family: str, params: tuple):
    """The same distribution in SciPy (derive's parametrisation: rates, failures before the first success)."""
    from scipy import stats

    return {
        "normal": lambda mu, sigma: stats.norm(mu, sigma),
        "exponential": lambda rate: stats.expon(scale=1 / rate),
        "laplace": lambda loc, scale: stats.laplace(loc, scale),
        "uniform": lambda low, high: stats.uniform(low, high - low),
        "gamma": lambda a, rate: stats.gamma(a, scale=1 / rate),
        "beta": lambda a, b: stats.beta(a, b),
        "poisson": lambda rate: stats.poisson(rate),
        "geometric": lambda p: stats.geom(p, loc=-1),
        "binomial": lambda n, p: stats.binom(n, p),
    }[family](*params)


def numeric_kl(family: str, p_params: tuple, q_params: tuple) -> float:
    """KL(P || Q) at one point by SciPy: ``quad`` of ``p log(p/q)``, or a sum over the support (discrete)."""
    import math

    from scipy import integrate

    P, Q = scipy_distribution(family, p_params), scipy_distribution(family, q_params)

    def term(lp: float, lq: float) -> float:
        return 0.0 if lp == -math.inf else math.exp(lp) * (lp - lq)

    lo, hi = P.support()
    if hasattr(P.dist, "pmf"):
        last = int(min(hi, P.mean() + 40 * P.std() + 50))
        return sum(term(P.logpmf(j), Q.logpmf(j)) for j in range(int(lo), last + 1))
    lo, hi = max(lo, P.ppf(1e-15)), min(hi, P.isf(1e-15))
    kinks = [float(x) for x in (*p_params, *q_params) if lo < x < hi] if family == "laplace" else None
    value, _ = integrate.quad(lambda x: term(P.logpdf(x), Q.logpdf(x)), lo, hi, points=kinks, limit=200)
    return value


def measure_closed_forms(repeats: int) -> tuple[list[ClosedFormPoint], str]:
    try:
        from derive import closed_forms
        from derive.distributions.families import FAMILIES
    except Exception as exc:  # another session is building the module
        return [], f"skipped: derive.closed_forms is not importable ({type(exc).__name__}: {exc})"
    return [_closed_form_point(closed_forms, cls, repeats) for cls in FAMILIES], ""


def _closed_form_point(closed_forms, cls, repeats: int) -> ClosedFormPoint:
    import sympy as sp

    family = cls.family
    point = ClosedFormPoint(family, Timing(), Timing())
    if family not in POINTS:
        point.error = "no parameter point in bench/run.py for this family"
        return point
    p_params, q_params = POINTS[family]

    def derived() -> float:
        P, Q = _symbolic_pair(cls)
        value = closed_forms.kl_form(P, Q).value
        at = {s: sp.nsimplify(v) for d, vs in ((P, p_params), (Q, q_params))
              for s, v in zip(d.params, vs) if isinstance(s, sp.Symbol)}
        return float(sp.N(value.xreplace(at), 20))

    try:
        point.derive, point.value = time_runs(derived, repeats)
        point.numeric, point.reference = time_runs(lambda: numeric_kl(family, p_params, q_params), repeats)
    except Exception as exc:
        point.error = f"{type(exc).__name__}: {exc}"
    return point


def _symbolic_pair(cls):
    """P and Q of the family with symbolic parameters (Binomial: n = 12 for both)."""
    import sympy as sp

    names = [attribute for attribute, _, _ in cls.parameters]
    if cls.family == "binomial":
        return cls(12, sp.Symbol("p1")), cls(12, sp.Symbol("p2"), name="Q")
    return (cls(*(sp.Symbol(f"{a}1") for a in names)),
            cls(*(sp.Symbol(f"{a}2") for a in names), name="Q"))


# -- targets -------------------------------------------------------------------------------------------------

def targets(results: Results) -> list[Target]:
    by_k = {point.k: point for point in results.scaling}
    rows = []
    cold = results.cold.ratio if results.cold else None
    rows.append(Target("cold start: `derive article` / `import sympy`", _times(cold), "≤ 1.5x",
                       None if cold is None else cold <= 1.5))
    for k in (100, 1000):
        point = by_k.get(k)
        speedup = point.simplify_speedup if point else None
        bound = point is not None and point.simplify.timed_out is not None
        measured = ("≥ " if bound else "") + _times(speedup)
        rows.append(Target(f"k = {k}: derive faster than simplify (simplify / derive)", measured, "≥ 10x",
                           None if speedup is None else speedup >= 10))
    for k in (100, 1000):
        over = by_k[k].over_floor if k in by_k else None
        rows.append(Target(f"k = {k}: derive within 3x of the expand_log floor (derive / floor)", _times(over),
                           "≤ 3x", None if over is None else over <= 3))
    growth = (_ratio(by_k[1000].derive.median, by_k[100].derive.median)
              if 100 in by_k and 1000 in by_k else None)
    rows.append(Target("growth of derive's time from k = 100 to k = 1000", _times(growth), "≤ 12x",
                       None if growth is None else growth <= 12))
    largest = results.scaling[-1] if results.scaling else None
    peak = largest.peak_mb if largest else None
    rows.append(Target(f"peak memory (max RSS) of the largest case, k = {largest.k if largest else '?'}",
                       "n/a" if peak is None else f"{peak:.0f} MB", f"< {MEMORY_LIMIT_MB:.0f} MB",
                       None if peak is None else peak < MEMORY_LIMIT_MB))
    check = results.check_cold.ratio if results.check_cold else None
    rows.append(Target("cold start: `derive check` on the seed article / `import sympy`", _times(check), "≤ 2x",
                       None if check is None else check <= 2))
    folder = _ratio(results.folder.baseline.median, results.folder.derive.median) if results.folder else None
    rows.append(Target(f"a folder of {FOLDER_SIZE} documents: one process per document / one process",
                       _times(folder), "≥ 3x", None if folder is None else folder >= 3))
    every = all(point.proved for point in results.scaling)
    rows.append(Target("every step proved at every k (and the floor reaches 0)", "yes" if every else "NO", "yes",
                       every if results.scaling else None))
    return rows


# -- the report ----------------------------------------------------------------------------------------------

def render_markdown(results: Results, config: Config) -> str:
    import sympy

    lines = ["# derive benchmark: fast at every size?", ""]
    lines += [f"`python bench/run.py{' --quick' if results.quick else ''}`: Python {platform.python_version()}, "
              f"SymPy {sympy.__version__}, {os.cpu_count()} CPUs ({platform.machine()}), "
              f"load average {_load(results.load[0])} at the start and {_load(results.load[1])} at the end; "
              f"the whole benchmark took {results.wall:.0f} s.", ""]
    lines += ["## Targets", "", "| target | measured | goal | status |", "|---|---|---|---|"]
    lines += [f"| {t.name} | {t.measured} | {t.goal} | {t.status} |" for t in targets(results)]
    lines += ["", "## Against a baseline", "",
              "| measurement | derive | baseline | baseline time | ratio (derive / baseline) | notes |",
              "|---|---|---|---|---|---|"]
    for c in (results.cold, results.check_cold, results.folder, results.corpus, results.article, results.symbolic_n):
        if c is not None:
            notes = "; ".join(filter(None, [c.note, c.derive.note]))
            lines.append(f"| {c.name} | {c.derive.cell()} | {c.baseline_name} | {c.baseline.cell()} | "
                         f"{_times(c.ratio)} | {notes} |")
    if results.article_simplified:
        lines += ["", f"On the coin, `sympy.simplify(KL - CE + H)` returns `{results.article_simplified}`"
                      + (", not 0: with p, q merely positive SymPy cannot know that 1 - p and 1 - q are positive."
                         if results.article_simplified != "0" else ".")]
    lines += ["", "## Proving KL - CE + H = 0 for two categoricals with k explicit outcomes", "",
              "| k | derive: derivation + verify | expand_log floor | derive / floor | simplify | "
              "simplify / derive | simplify reached 0 | peak RSS (derive) | verification |",
              "|---|---|---|---|---|---|---|---|---|"]
    for p in results.scaling:
        bound = "≥ " if p.simplify.timed_out is not None else ""
        zero = {True: "yes", False: "**no**", None: "n/a"}[p.simplify_zero]
        simplify = p.simplify.cell() + (f" ({p.simplify.note})" if p.simplify.note else "")
        derive = p.derive.cell() + (f" ({p.derive.note})" if p.derive.note else "")
        lines.append(f"| {p.k} | {derive} | {p.floor.cell()} | {_times(p.over_floor)} | {simplify} | "
                     f"{bound}{_times(p.simplify_speedup)} | {zero} | "
                     f"{'n/a' if p.peak_mb is None else f'{p.peak_mb:.0f} MB'} | {p.summary} |")
    lines += ["", "## KL closed forms against SciPy numerics", ""]
    if results.closed_forms_note:
        lines.append(results.closed_forms_note)
    else:
        lines += ["| family | derive: `kl(P, Q)` + evaluate at the point | SciPy quadrature (sum if discrete) | "
                  "derive / SciPy | KL by derive | KL by SciPy |", "|---|---|---|---|---|---|"]
        for c in results.closed_forms:
            if c.error:
                lines.append(f"| {c.family} | error: {c.error} | | | | |")
                continue
            lines.append(f"| {c.family} | {c.derive.cell()} | {c.numeric.cell()} | {_times(c.ratio)} | "
                         f"{c.value:.10g} | {c.reference:.10g} |")
    if results.peer is not None:
        lines += ["", "## `derive check` against a peer on the real corpus", "",
                  "| checker | true equalities proved | the authors' wrong equalities proved | time | notes |",
                  "|---|---|---|---|---|"]
        for name, t, note in (("`derive check`", results.peer[0], "whole documents, inequalities and "
                               "definitions included in the time"),
                              ("latex2sympy2-extended + `simplify(lhs - rhs) == 0`", results.peer[1],
                               f"{results.peer[1].unread} relations it could not read, {results.peer[1].timeouts} "
                               "past the 10 s limit")):
            share = t.proved["true"] / max(1, t.judged["true"])
            lines.append(f"| {name} | {t.proved['true']} of {t.judged['true']} ({share:.0%}) | {t.proved['false']} "
                         f"of {t.judged['false']} | {t.seconds:.1f} s | {note} |")
    lines += ["", "## Notes", ""] + [f"- {note}" for note in notes_for(results, config)]
    return "\n".join(lines) + "\n"


def notes_for(results: Results, config: Config) -> list[str]:
    repeats = "1 run per case (--quick)" if config.quick else (
        f"median of {config.repeats} runs per case, or of 3 when their median exceeds {MEDIUM:.0f} s; "
        f"fewer than 3 only when a run took more than {SLOW:.0f} s (said beside the time). In-process cases "
        "get one untimed warm-up call first, and each worker process warms up at k = 2")
    notes = [
        f"Timing: {repeats}. SymPy's cache and derive's `lru_cache` tables are cleared before every timed run.",
        "The ratio is the result, absolute times are for orientation: cold start compares two fresh processes; "
        "the article, symbolic n and closed forms compare with a baseline in the same process; each explicit-k "
        "run is a fresh worker process that times derive and then the expand_log floor, so those two share a "
        "process, while `simplify` runs in its own process under a "
        f"{SIMPLIFY_TIMEOUT:.0f} s timeout (a timeout is a lower bound of its time, and of simplify / derive).",
        "derive's time at size k covers building the two `Categorical`s, the whole derivation "
        "(`kl_cross_entropy`) and `verify()` of every step (one identity check per step, numerically at "
        "sample points with 50 digits and then symbolically); the baselines time only the one SymPy call on "
        "prebuilt expressions with positive symbols.",
        "The expand_log floor is `sympy.expand(sympy.expand_log(KL - CE + H, force=True))`: one "
        "expansion of the final identity with every logarithm split, which any symbolic check must at least do.",
        "Peak RSS is `ru_maxrss` of the worker process read right after derive finished (before the floor "
        "ran); it includes the interpreter, SymPy and derive themselves.",
        "`derive check` in a fresh process reads the grammar's prediction cache (`derive/parse/warm.py`, as "
        "Python reads bytecode): here a folder of the benchmark's own, written by the untimed first run of each "
        "measurement, so the user's cache never counts. Without it, ANTLR rebuilds its DFA in every process "
        "(about 0.5 s on the seed article).",
    ]
    busy = max(results.load[0][:1] + results.load[1][:1], default=0.0)
    if busy > 0.5 * (os.cpu_count() or 1):
        notes.append(f"The machine was busy with other work (1-minute load average up to {busy:.1f} on "
                     f"{os.cpu_count()} CPUs): absolute times vary by tens of percent from run to run; ratios "
                     "within one process vary less.")
    if results.symbolic_n is not None:
        notes.append("Symbolic n: the baseline is derive's own derivation + verification of the explicit "
                     "k = 10 pair, measured in the same process (not the expand_log floor).")
    if not results.closed_forms_note:
        notes.append("Closed forms: derive's time is deriving KL(P || Q) symbolically (`derive.closed_forms.kl_form` "
                     "with symbolic parameters) and evaluating it at the one point; SciPy's is `quad` of "
                     "p log(p/q) from its own log-densities at that point (for discrete families, a sum "
                     "over the support up to the mean + 40 sd). The two KL columns should agree.")
    if results.scaling and any(p.simplify.timed_out for p in results.scaling):
        notes.append(f"A simplify marked 'not run' after a timeout at a smaller k is reported as "
                     f"> {SIMPLIFY_TIMEOUT:.0f} s, assuming simplify gets no faster as k grows.")
    if config.quick:
        notes.append("--quick: k = 2 and 10 only, one run each, so the targets at k = 100 and 1000 are not "
                     "measured.")
    return notes


def plot(results: Results, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7.5, 5))
    ks = [p.k for p in results.scaling]
    _series(ax, ks, [p.derive.median for p in results.scaling], "derive: derivation + verify", "o-", "C0")
    _series(ax, ks, [p.floor.median for p in results.scaling], "expand_log floor (plain SymPy)", "s--", "C2")
    _series(ax, ks, [p.simplify.median for p in results.scaling], "sympy.simplify (plain SymPy)", "^-", "C3")
    timed_out = [p.k for p in results.scaling if p.simplify.timed_out is not None]
    if timed_out:
        ax.plot(timed_out, [SIMPLIFY_TIMEOUT] * len(timed_out), "^", color="C3", markerfacecolor="none",
                markersize=10, label=f"simplify timed out (> {SIMPLIFY_TIMEOUT:.0f} s)")
    n = results.symbolic_n.derive.median if results.symbolic_n else None
    if n is not None:
        ax.axhline(n, color="C1", linestyle=":", label="derive, symbolic n (any size)")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("number of outcomes k")
    ax.set_ylabel("wall time (s), median")
    ax.set_title("Proving KL - CE + H = 0 for two categoricals with k outcomes")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def _series(ax, ks: list[int], times: list[float | None], label: str, style: str, color: str) -> None:
    xs = [k for k, t in zip(ks, times) if t is not None]
    ys = [t for t in times if t is not None]
    if xs:
        ax.plot(xs, ys, style, color=color, label=label)


#: Hand-written sections of results.md (a session's before-and-after record) start with this heading;
#: a re-run keeps them, after the tables it writes.
KEPT_HEADING = "## Before and after"


def _kept_sections(path: Path) -> str:
    """Everything from the first ``KEPT_HEADING`` of the existing ``path`` on (empty when there is none)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return ""
    start = text.find("\n" + KEPT_HEADING)
    return "" if start < 0 else text[start:].rstrip("\n") + "\n"


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def _times(x: float | None) -> str:
    if x is None:
        return "n/a"
    return f"{x:.2f}x" if x < 10 else f"{x:.0f}x"


def _seconds(x: float | None) -> str:
    if x is None:
        return "n/a"
    return f"{x * 1000:.1f} ms" if x < 1 else f"{x:.2f} s"


def _load(values: tuple[float, ...]) -> str:
    return "/".join(f"{v:.2f}" for v in values) if values else "n/a"


# -- main ----------------------------------------------------------------------------------------------------

def run(config: Config, log: Callable[[str], None]) -> Results:
    start = time.perf_counter()
    results = Results(quick=config.quick)
    load_start = os.getloadavg()
    results.cold = measure_cold_start(config.repeats)
    log(f"cold start: derive {results.cold.derive.cell()}, import sympy {results.cold.baseline.cell()}")
    results.article, results.article_simplified = measure_article(config.repeats)
    log(f"article: derive {results.article.derive.cell()}, simplify {results.article.baseline.cell()}")
    results.scaling = measure_scaling(config, log)
    results.symbolic_n = measure_symbolic_n(config.repeats)
    log(f"symbolic n: {results.symbolic_n.derive.cell()}, k = 10: {results.symbolic_n.baseline.cell()}")
    results.check_cold = measure_check_cold_start(config.repeats)
    log(f"derive check cold start: {results.check_cold.derive.cell() if results.check_cold else 'no article'}")
    results.folder = measure_folder(config.repeats)
    log(f"folder: one process {results.folder.derive.cell()}, one each {results.folder.baseline.cell()}")
    if not config.quick:
        results.corpus = measure_folder(config.repeats, corpus=True)
        log(f"corpus folder: one process {results.corpus.derive.cell()}, one each {results.corpus.baseline.cell()}")
    results.closed_forms, results.closed_forms_note = measure_closed_forms(config.repeats)
    log(f"closed forms: {len(results.closed_forms)} families {results.closed_forms_note}")
    if not config.quick:
        import peer

        results.peer = peer.measure()
        log(f"peer: derive {results.peer[0].proved['true']}, peer {results.peer[1].proved['true']} true proved")
    results.wall = time.perf_counter() - start
    results.load = (load_start, os.getloadavg())
    return results


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="k = 2, 10 only, one run each (under 30 s)")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent,
                        help="folder for results.md and scaling.png (default: bench/)")
    parser.add_argument("--sizes", type=lambda s: tuple(int(k) for k in s.split(",")), default=None,
                        help="comma-separated k (default: 2,10,30,100,300,1000)")
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.worker:
        kind, k, *rest = args.worker
        result = (worker_scaling(int(k), int(rest[0])) if kind == "scaling"
                  else worker_simplify(int(k), float(rest[0])))
        print(json.dumps(result))
        return 0
    sizes = args.sizes or (QUICK_SIZES if args.quick else SIZES)
    config = Config(sizes=sizes, repeats=1 if args.quick else REPEATS,
                    simplify_max_k=10 if args.quick else max(sizes), out=args.out)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    results = run(config, log)
    config.out.mkdir(parents=True, exist_ok=True)
    target = config.out / "results.md"
    target.write_text(render_markdown(results, config) + _kept_sections(target), encoding="utf-8")
    plot(results, config.out / "scaling.png")
    log(f"wrote {config.out / 'results.md'} and {config.out / 'scaling.png'} in {results.wall:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
