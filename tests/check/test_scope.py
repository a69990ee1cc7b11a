"""Where a condition written after a claim applies: the claims it restricts and the rank it applies from."""

from __future__ import annotations

from dataclasses import replace

from derive.check.statements import Piece, Statement
from derive.check.scope import Restriction, restrictions


def _statement(rank: int, restricted: str = "", trailing: bool = False) -> Statement:
    return Statement((Piece("a", 1, rank), Piece("b", 1, rank)), ("=",), False, restricted=restricted,
                     trailing=trailing)


def test_a_trailing_condition_restricts_the_claims_just_before_it() -> None:
    found = [_statement(1), _statement(2, "for $x > 0$"), _statement(3, "for $x > 0$"), _statement(4, trailing=True),
             _statement(5)]
    restricted, back = restrictions(found)
    assert restricted == {2: Restriction("for $x > 0$", {4}, set()), 3: Restriction("for $x > 0$", {4}, set())}
    assert back == {4: 2}  # applies from the first claim it restricts


def test_words_restrict_with_nothing_to_apply() -> None:
    restricted, back = restrictions([_statement(1, "if X is constant"), _statement(2)])
    assert restricted == {1: Restriction("if X is constant", set(), set())} and back == {}
    assert not restricted[1].in_force  # a refutation under words is never kept


def test_a_restriction_is_in_force_once_every_part_is_applied() -> None:
    restriction = Restriction("for $x > 0$", {4}, set())
    assert not restriction.in_force
    applied = replace(restriction, pending=set(), applied={4})
    assert applied.in_force
