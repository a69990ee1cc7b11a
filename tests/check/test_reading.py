"""derive.check.reading: which names are vectors or matrices where, as the text says."""

import pytest

from derive.check.reading import dimension_marks, matrices_at, matrix_names

STATEMENTS = [(1, r"\theta \in \mathbb{R}^d"), (5, r"\theta \in \mathbb{R}"), (8, r"W \in \mathbb{R}^{n \times m}")]


def test_marks_say_vector_or_number() -> None:
    names = matrix_names([text for _, text in STATEMENTS])
    assert names == {r"\theta", "W"}
    assert dimension_marks(STATEMENTS, names) == ((1, r"\theta", True), (5, r"\theta", False), (8, "W", True))


@pytest.mark.parametrize("text, vector", [
    (r"x \in \mathbb{R}^d", True),
    (r"x \in \mathbb{R}^{n}", True),
    (r"x \in \mathbb{R}", False),
    (r"x \in \mathbb{R}^{1}", False),
    (r"x \in \mathbb{R}^+", False),
    (r"x \in \mathbb{R}_{>0}", False),
    (r"x \in \mathbb{R}^{d \times d}", True),
])
def test_a_membership_says_which(text: str, vector: bool) -> None:
    assert dimension_marks([(1, text)], frozenset({"x"})) == ((1, "x", vector),)


@pytest.mark.parametrize("rank, expected", [
    (0, {r"\theta", "W"}),  # before anything is said: as the first statement says (W is declared after its use)
    (1, {r"\theta", "W"}),
    (4, {r"\theta", "W"}),
    (5, {"W"}),  # theta is one number from here on
    (9, {"W"}),
])
def test_matrices_at(rank: int, expected: set[str]) -> None:
    names = frozenset({r"\theta", "W"})
    assert matrices_at(names, dimension_marks(STATEMENTS, names), rank) == expected


def test_a_name_never_said_a_number_is_a_matrix_throughout() -> None:
    assert matrices_at(frozenset({"X"}), (), 3) == {"X"}  # X = \begin{bmatrix} ...
