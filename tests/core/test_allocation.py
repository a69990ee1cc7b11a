"""derive.core.allocation: the collector's thresholds inside and after fewer_collections (also after an error)."""

from __future__ import annotations

import gc

import pytest

from derive.core.allocation import THRESHOLDS, fewer_collections


@pytest.fixture(autouse=True)
def thresholds():
    """Each test sets the thresholds it starts from; the process's own come back afterwards."""
    before = gc.get_threshold()
    yield
    gc.set_threshold(*before)


#: (thresholds before the block, inside it)
CASES = [
    ((700, 10, 10), THRESHOLDS),
    ((1, 1, 1), THRESHOLDS),
    ((0, 10, 10), THRESHOLDS),
    ((49_999, 5, 5), THRESHOLDS),
    ((50_000, 1, 1), (50_000, 1, 1)),
    ((100_000, 30, 30), (100_000, 30, 30)),
]
IDS = ["defaults", "tiny", "zero", "just-below", "already-there", "higher"]


@pytest.mark.parametrize("before, inside", CASES, ids=IDS)
def test_thresholds_inside_and_after(before, inside):
    gc.set_threshold(*before)
    with fewer_collections():
        assert gc.get_threshold() == inside
    assert gc.get_threshold() == before


@pytest.mark.parametrize("before, inside", CASES, ids=IDS)
def test_thresholds_come_back_after_an_exception(before, inside):
    gc.set_threshold(*before)
    with pytest.raises(ZeroDivisionError):
        with fewer_collections():
            assert gc.get_threshold() == inside
            1 / 0
    assert gc.get_threshold() == before


def test_a_nested_block_keeps_the_outer_setting():
    gc.set_threshold(700, 10, 10)
    with fewer_collections():
        with fewer_collections():
            assert gc.get_threshold() == THRESHOLDS
        assert gc.get_threshold() == THRESHOLDS, "leaving the inner block does not end the outer one"
        with pytest.raises(KeyError):
            with fewer_collections():
                raise KeyError("inner")
        assert gc.get_threshold() == THRESHOLDS
    assert gc.get_threshold() == (700, 10, 10)


def test_the_collector_still_runs_inside():
    assert THRESHOLDS[0] > 700 and all(t > 0 for t in THRESHOLDS), "raised, never 0 (which turns it off)"
