r"""derive.parse.output: the LaTeX written for the parser keeps a letter or a number before a bracket a product (never
a call, never a mixed number) and maps every column back to the source offset it came from."""

from __future__ import annotations

import pytest

from derive.parse.output import Out


def written(*pieces: tuple[str, int]) -> Out:
    out = Out()
    for text, origin in pieces:
        out.add(text, origin)
    return out


@pytest.mark.parametrize(("pieces", "text"), [
    ((("a", 0), ("(x)", 2)), r"a \cdot (x)"),  # a letter: a(x) would be a call
    ((("2", 0), (" (3)", 1)), r"2 \cdot  (3)"),  # a digit: 2(3) would be 2 3
    (((r"\alpha", 0), ("(3)", 7)), r"\alpha \cdot (3)"),
    ((("d", 0), ("(3)", 1)), r"d \cdot (3)"),
    ((("x", 0), ("  ", 1), ("(3)", 3)), r"x   \cdot (3)"),  # blank pieces are looked through
    (((r"\log", 0), ("_", 4), ("2", 5), ("(x)", 6)), r"\log_2(x)"),  # a logarithm's base: its argument follows
    ((("x", 0), ("_", 1), ("b", 2), ("(3)", 3)), "x_b(3)"),
    (((r"\log", 0), ("^", 4), ("3", 5), ("(x)", 6)), r"\log^3(x)"),  # a logarithm's power: its argument follows
    ((("x", 0), ("^", 1), ("3", 2), ("(y)", 3)), r"x^3 \cdot (y)"),  # any other power: a product
    ((("+", 0), ("(3)", 1)), "+(3)"),
    ((("(3)", 0),), "(3)"),
    ((("x", 0), ("[3]", 1)), "x[3]"),  # only a round bracket is a call
    (((r"\frac", 0), ("{", 5)), r"\frac{"),
    ((), ""),
], ids=["letter", "digit", "greek", "d", "blank", "log-base", "subscript", "log-power", "power", "sign", "first",
        "square", "frac", "empty"])
def test_text(pieces: tuple[tuple[str, int], ...], text: str) -> None:
    out = written(*pieces)
    assert out.text() == text
    assert out.size == len(text)


def test_origin_maps_each_column_to_its_piece() -> None:
    out = written(("a", 0), ("(x)", 7), ("+", 12), ("y", 14))
    text = out.text()
    assert text == r"a \cdot (x)+y"
    origins = [out.origin(column) for column in range(len(text))]
    assert origins == [0] + [7] * len(r" \cdot (x)") + [12, 14]  # an inserted \cdot counts as the bracket's


@pytest.mark.parametrize("column", [-1, 3, 100], ids=["before", "at-the-end", "far-past"])
def test_origin_outside_the_text_is_none(column: int) -> None:
    assert written(("x", 5), ("+", 6), ("1", 7)).origin(column) is None


def test_an_empty_output_has_no_origin() -> None:
    out = Out()
    assert out.text() == "" and out.size == 0 and out.origin(0) is None
