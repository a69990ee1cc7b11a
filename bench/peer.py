"""The peer row: what latex2sympy2-extended with ``sympy.simplify`` proves of the real corpus's relations.

Each equality of each document of ``tests/check/real`` that its sidecar judges (true, or the author's error)
is given to the peer as derive splits it (the same two sides, so the peer is spared reading documents):
``latex2sympy`` reads each side (real symbols, capitals kept, ``\\log`` taken as the natural logarithm, as a
user would configure it), and the relation counts as proved when ``simplify(lhs - rhs) == 0`` within
:data:`TIMEOUT` seconds.  derive's row is ``derive check`` on the same documents in the same process.

    python3 bench/peer.py        # prints the two rows
"""

from __future__ import annotations

import signal
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 10.0  # seconds for one relation (reading both sides and simplifying)


@dataclass
class Tally:
    """Judged relations proved (and the author's errors proved, which is wrong), and the time taken."""

    proved: Counter[str] = field(default_factory=Counter)
    judged: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    timeouts: int = 0
    unread: int = 0


class _Late(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Late


def peer_proves(lhs: str, rhs: str) -> bool | None:
    """``simplify(lhs - rhs) == 0`` on latex2sympy2-extended's reading; ``None`` when it cannot read a side."""
    import sympy as sp
    from latex2sympy2_extended.latex2sympy2 import ConversionConfig, latex2sympy

    config = ConversionConfig(interpret_as_mixed_fractions=False, lowercase_symbols=False)
    try:
        sides = [latex2sympy(tex, is_real=True, conversion_config=config) for tex in (lhs, rhs)]
    except _Late:
        raise
    except Exception:  # noqa: BLE001 -- the peer's own errors: it read nothing
        return None
    if not all(isinstance(side, sp.Expr) for side in sides):
        return None
    natural = {f: sp.log(f.args[0]) for side in sides for f in side.atoms(sp.log) if len(f.args) == 2
               and f.args[1] == 10}
    left, right = (side.xreplace(natural) for side in sides)
    try:
        return sp.simplify(left - right) == 0
    except _Late:
        raise
    except Exception:  # noqa: BLE001 -- simplify's own errors (sum_simplify on a Zero): it proved nothing
        return False


def measure() -> tuple[Tally, Tally]:
    """``(derive, peer)`` over the judged equalities of the real corpus."""
    sys.path.insert(0, str(ROOT))
    from derive.check import check_file
    from tests.check.real.judge import _JUDGED_KINDS, _said, documents, judgments

    ours, peer = Tally(), Tally()
    signal.signal(signal.SIGALRM, _alarm)
    for path in documents():
        start = time.perf_counter()
        result = check_file(path)
        ours.seconds += time.perf_counter() - start
        by_line: dict[int, list] = {}
        for entry in result.entries:
            if entry.kind in _JUDGED_KINDS:
                by_line.setdefault(entry.line, []).append(entry)
        for line, verdicts in judgments(path).items():
            for verdict, entry in zip(verdicts, by_line.get(line, [])):
                if verdict == "def" or entry.relation not in ("=", "") or not entry.rhs:
                    continue
                for tally in (ours, peer):
                    tally.judged[verdict] += 1
                ours.proved[verdict] += _said(entry) == "proved"
                start = time.perf_counter()
                signal.setitimer(signal.ITIMER_REAL, TIMEOUT)
                try:
                    found = peer_proves(entry.lhs, entry.rhs)
                except _Late:
                    found = False
                    peer.timeouts += 1
                finally:
                    signal.setitimer(signal.ITIMER_REAL, 0)
                peer.seconds += time.perf_counter() - start
                peer.unread += found is None
                peer.proved[verdict] += bool(found)
    return ours, peer


def main() -> int:
    ours, peer = measure()
    for name, t in (("derive check", ours), ("latex2sympy2-extended + simplify", peer)):
        print(f"{name}: true {t.proved['true']}/{t.judged['true']} proved, false {t.proved['false']}/"
              f"{t.judged['false']} proved, {t.seconds:.1f} s, {t.timeouts} timeouts, {t.unread} unread")
    return 0


if __name__ == "__main__":
    sys.exit(main())
