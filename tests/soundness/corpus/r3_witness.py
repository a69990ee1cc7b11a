"""Third batch: implications derive cannot solve for every value of the other symbols, where a point at which
the hypothesis holds and the conclusion fails refutes them (derive.verify.witness): roots outside the interval
(vacuous there), a leading coefficient that may vanish, a second root inside the interval."""

from .r2_implications import P, R, imp


CASES = [
    imp("wi3-cubic-root-one-inside", "true", "Eq(x**3 - x, 0)", "Eq(x, 1)", syms=P, domain={"x": ("0", "oo")},
        pts=[{"x": "1"}], why="0 and -1 are the other roots, both outside (0, oo)"),
    imp("wi3-quadratic-second-root-inside", "false", "Eq(x**2 - 3*x + 2, 0)", "Eq(x, 1)",
        syms=P, domain={"x": ("0", "oo")}, cx={"x": "2"}, why="x = 2 solves it too"),
    imp("wi3-root-outside-interval", "true", "Eq(x - 2, 0)", "Eq(x, 3)", syms=P, domain={"x": ("0", "1")}, pts=[],
        oracle="manual", why="the only root, 2, is outside (0, 1): the hypothesis never holds there"),
    imp("wi3-scaled-by-a-positive", "true", "Eq(a*x - a, 0)", "Eq(x, 1)", syms=P, domain={"a": ("0", "oo")},
        pts=[{"a": "2", "x": "1"}]),
    imp("wi3-scaled-by-anything", "false", "Eq(a*x - a, 0)", "Eq(x, 1)", syms=R, cx={"a": "0", "x": "5"},
        why="a = 0: every x solves it"),
    imp("wi3-rational-wrong-solution", "false", "Eq(a/x - (b - a)/(1 - x), 0)", "Eq(x, b/a)",
        syms=P, domain={"x": ("0", "1"), "a": ("0", "oo"), "b": ("0", "oo")}, cx={"a": "1", "b": "4", "x": "1/4"},
        why="the root is a/b, not b/a"),
    imp("wi3-rational-right-solution", "true", "Eq(a/x - (b - a)/(1 - x), 0)", "Eq(x, a/b)",
        syms=P, domain={"x": ("0", "1"), "a": ("0", "oo"), "b": ("0", "oo")}, pts=[{"a": "1", "b": "4", "x": "1/4"}]),
    imp("wi3-no-real-root", "true", "Eq(x**2 + 1, 0)", "Eq(x, 7)", syms=R, pts=[], oracle="manual",
        why="x^2 + 1 > 0 for real x: the hypothesis never holds"),
]
