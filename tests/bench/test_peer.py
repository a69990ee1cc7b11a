"""bench/peer.py: the peer's verdict on one relation (latex2sympy2-extended read, then simplify)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location("peer", Path(__file__).parents[2] / "bench" / "peer.py")
peer = sys.modules.setdefault("peer", importlib.util.module_from_spec(_SPEC))  # dataclasses look it up
_SPEC.loader.exec_module(peer)

ROWS = [
    ("x + x", "2x", True),
    (r"\log(x^2)", r"2 \log x", False),  # simplify will not split it for a real x that may be negative
    (r"\log 100", r"2 \ln 10", True),  # \log is read as base 10, and the peer is configured to the natural log
    (r"\frac{a}{b}", "a b", False),
    (r"\notacommand{x}", "1", None),  # unread
]


@pytest.mark.parametrize(("lhs", "rhs", "expected"), ROWS, ids=[r[0] for r in ROWS])
def test_the_peer_reads_and_simplifies(lhs: str, rhs: str, expected: bool | None) -> None:
    assert peer.peer_proves(lhs, rhs) is expected
