"""Fewer garbage collections while derive builds and checks large expressions.

Applying a rule or checking a step allocates many small objects (SymPy nodes, shape
keys, expansion tables) that reference counting frees; Python's cyclic collector,
run every 700 allocations, walks them over and over, and its full passes grow with
everything alive, so for a categorical with a thousand outcomes it took up to a third of the
time.  Inside :func:`fewer_collections` the collector runs less often (it still runs,
so cyclic garbage stays bounded); the previous thresholds come back on exit.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

#: Collector thresholds inside :func:`fewer_collections` (the defaults are 700, 10, 10).
THRESHOLDS = (50_000, 20, 100)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Raise the collector's thresholds for the duration of the block (nested blocks keep the outer setting)."""
    before = gc.get_threshold()
    if before[0] >= THRESHOLDS[0]:
        yield
        return
    gc.set_threshold(*THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)
