"""Contradictory or empty domains: derive must say so (DeriveError / exit 2) and never PROVED.
Every claim here is false at every point of the real line, so a PROVED can only come from reasoning
over a domain with no point in it."""

from . import C


def ident(id, claim, assume, syms="x", empty_why="", **kw):
    lhs, rhs = claim
    return C(id, "identity", "false", "assert_identity", syms=syms, lhs=lhs, rhs=rhs, assume=assume,
             oracle="empty", cx={"x": "0"} if "z" not in syms else {"z": "1"}, why=empty_why, **kw)


def doc(id, text, args=(), assume=(), why="", cx=None, over=None, rel="="):
    """``over`` restates the document's own assumptions (Let / front matter) for the oracle."""
    return C(id, "document", "false", "check", text=text, assume=list(assume), args=list(args), syms="x",
             o_lhs="x", o_rhs="x + 1", o_rel=rel, oracle="empty", over=over or {}, cx=cx or {"x": "0"}, why=why)


CLAIM = ("x", "x + 1")

CASES = [
    ident("cd-open-zero-width", CLAIM, ["0 < x < 0"], empty_why="0 < x < 0 has no point"),
    ident("cd-above-one-below-zero", CLAIM, ["x > 1", "x < 0"], empty_why="x > 1 and x < 0"),
    ident("cd-reversed-interval", CLAIM, ["1 < x < 0"], empty_why="1 < x < 0 has no point"),
    ident("cd-closed-then-open-same-point", CLAIM, ["x >= 1", "x < 1"], empty_why="x >= 1 and x < 1"),
    ident("cd-interval-notation-reversed", CLAIM, ["x \\in (1, 0)"], empty_why="(1, 0) is empty"),
    ident("cd-equal-bounds-open", CLAIM, ["1 < x < 1"], empty_why="1 < x < 1 is empty"),
    C("cd-positive-symbol-assumed-negative", "identity", "false", "assert_identity", syms="z:positive",
      lhs="z", rhs="z + 1", assume=["z < 0"], oracle="empty", cx={"z": "1"},
      why="z is declared positive and assumed negative"),
    C("cd-positive-symbol-negative-domain", "identity", "false", "check_equal", syms="z:positive",
      lhs="z", rhs="z + 1", domain={"z": ("-2", "-1")}, oracle="empty", cx={"z": "1"},
      why="z positive, domain (-2, -1)"),
    C("cd-negative-symbol-positive-domain", "relation", "false", "check_relation", syms="z:negative",
      lhs="z", rhs="z + 1", rel=">", domain={"z": ("0", "1")}, oracle="empty", cx={"z": "1"},
      why="z negative, domain (0, 1); z > z + 1 is false everywhere"),
    C("cd-integer-in-open-unit-interval", "identity", "false", "check_equal", syms="z:integer",
      lhs="z", rhs="z + 1", domain={"z": ("0", "1")}, oracle="empty", cx={"z": "1"},
      why="no integer lies in (0, 1)"),
    C("cd-integer-assumed-in-unit-interval", "identity", "false", "assert_identity", syms="z:integer",
      lhs="z", rhs="z + 1", assume=["0 < z < 1"], oracle="empty", cx={"z": "1"},
      why="no integer lies in (0, 1)"),
    C("cd-relation-assumption-sympy", "identity", "false", "assert_identity", syms="x",
      lhs="x", rhs="x + 1", assume=["py:x > 1", "py:x < 0"], oracle="empty", over={"x": "(1, 0)"},
      cx={"x": "0"}, why="x > 1 and x < 0 (SymPy relations)"),
    C("cd-relation-chain-log", "relation", "false", "check_relation", syms="x",
      lhs="log(x)", rhs="log(x) + 1", rel=">", domain={"x": ("1", "1")}, oracle="empty", cx={"x": "2"},
      o_lhs="log(x)", o_rhs="log(x) + 1", why="the interval (1, 1) is empty"),
    doc("cd-doc-cli-empty", "$$\nx = x + 1\n$$\n", assume=["0 < x < 0"], why="--assume 0 < x < 0"),
    doc("cd-doc-cli-two-contradicting", "$$\nx = x + 1\n$$\n", assume=["x > 1", "x < 1"], why="x > 1 and x < 1"),
    doc("cd-doc-let-contradiction", "Let $x > 1$ and $x < 0$.\n\n$$\nx = x + 1\n$$\n", why="x > 1 and x < 0",
        over={"x": "(1, 0)"}),
    doc("cd-doc-front-matter-contradiction", '---\nderive:\n  assume: ["x > 2", "x < 1"]\n---\n\n$$\nx = x + 1\n$$\n',
        why="x > 2 and x < 1", over={"x": "(2, 1)"}),
    doc("cd-doc-relation-under-empty", "Let $x > 1$ and $x < 0$.\n\n$$\nx > x + 1\n$$\n",
        why="x > 1 and x < 0; x > x + 1 is false everywhere", over={"x": "(1, 0)"}, rel=">"),
]
