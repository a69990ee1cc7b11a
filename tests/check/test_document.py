"""Math spans: where ``derive check`` finds math in Markdown and LaTeX, and on which line."""

from __future__ import annotations

import pytest

from derive.check.document import continued, front_matter, kind_of, spans

#: (source, kind, [(math with spaces collapsed, line, display)])
SPANS = [
    ("a $x = 1$ b", "md", [("x = 1", 1, False)]),
    ("$$\nx = 1\n$$", "md", [("x = 1", 1, True)]),
    ("one\ntwo\n$$\nx = 1\n$$\n$y$", "md", [("x = 1", 3, True), ("y", 6, False)]),
    ("costs $5 and $10 today", "md", []),
    (r"a \$ sign and $y$", "md", [("y", 1, False)]),
    ("$ x$ is math to MathJax and KaTeX", "md", [("x", 1, False)]),
    ("Assume $ P(X=k) = p $ with $ k \\in Z $.", "md", [("P(X=k) = p", 1, False), ("k \\in Z", 1, False)]),
    ("costs $ 5 and $ 10 today", "md", []),  # money, with spaces
    ("a $\n$ b", "md", []),
    ("$a\n\nb$", "md", []),
    ("```\n$x = 1$\n```\n$y$", "md", [("y", 4, False)]),
    ("~~~python\n$x$\n~~~\n$y$", "md", [("y", 4, False)]),
    ("`$x$` and $y$", "md", [("y", 1, False)]),
    ("---\ntitle: $x$\n---\n$y$", "md", [("y", 4, False)]),
    ("\\begin{align}\na &= b\n\\end{align}", "md", [("a &= b", 1, True)]),
    ("\\begin{align*}a\\end{align*} \\begin{equation}b\\end{equation}", "md", [("a", 1, True), ("b", 1, True)]),
    ("\\begin{itemize}x\\end{itemize}", "md", []),
    ("\\[ x = 1 \\] and \\( y \\)", "md", [("x = 1", 1, True), ("y", 1, False)]),
    # Markdown escapes the backslash (Jekyll, kramdown): \\( y \\) is \( y \), and \\{ a brace
    ("when \\\\(k = i\\\\) and \\\\(1\\\\{k = i\\\\}\\\\) or \\\\[ a = b \\\\]", "md",
     [("k = i", 1, False), ("1\\{k = i\\}", 1, False), ("a = b", 1, True)]),
    ("\\\\( y \\\\)", "tex", []),  # in LaTeX, a line break and a bracket
    ("$$\\begin{aligned} a &= b \\label{e1} \\nonumber \\end{aligned}$$", "md", [("a &= b", 1, True)]),
    ("% $x$ in a comment\n$y$", "tex", [("y", 2, False)]),
    # an equation's written label set apart by space is no factor; a group that is one is kept
    ("$$\\text{(A)}\\;\\; a = b, \\qquad \\text{(B)}\\; c = d$$", "md", [("a = b, \\qquad c = d", 1, True)]),
    ("$$(B1)\\qquad b = c$$", "md", [("b = c", 1, True)]),
    ("$$(\\star)\\quad a = 1$$", "md", [("a = 1", 1, True)]),
    ("$$(x)\\qquad = 1$$", "md", [("(x)\\qquad = 1", 1, True)]),
    ("$$f(A)\\qquad a = \\text{(A)} b$$", "md", [("f(A)\\qquad a = \\text{(A)} b", 1, True)]),
    # in Markdown, inline math that is a paragraph of its own is laid out as a display (in LaTeX never)
    ("a\n\n$= x + 1$.\n\nb", "md", [("= x + 1", 3, True)]),
    ("$x$\n", "md", [("x", 1, True)]),
    ("a\n\n$x$ is one\n\nb", "md", [("x", 3, False)]),
    ("a\n$x$\n\nb", "md", [("x", 2, False)]),
    ("a\n\n$x$\n\nb", "tex", [("x", 3, False)]),
    ("50\\% $y$", "tex", [("y", 1, False)]),
    ("\\begin{verbatim}$x$\\end{verbatim} $y$", "tex", [("y", 1, False)]),
    ("\\begin{equation}\n  a = b % why\n\\end{equation}", "tex", [("a = b", 1, True)]),
    ("$$ never closed", "md", []),
    # a doubled $ closing inline math at the end of its line is a slip for one, unless a later $$ closes it
    ("a $E(X) = b$$\n$y = 1$ c", "md", [("E(X) = b", 1, False), ("y = 1", 2, False)]),
    ("a $x = 1$$\ny = 2$$ c", "md", [("y = 2", 1, True)]),
    ("\\[ never closed", "md", []),
]


@pytest.mark.parametrize(("source", "kind", "expected"), SPANS, ids=[s[0][:30] for s in SPANS])
def test_spans(source: str, kind: str, expected: list[tuple[str, int, bool]]) -> None:
    found = [(" ".join(s.tex.split()), s.line, s.display) for s in spans(source, kind)]
    assert found == expected


@pytest.mark.parametrize(("name", "kind"), [("a.md", "md"), ("a.tex", "tex"), ("A.LaTeX", "tex"), ("notes", "md")])
def test_kind_of(name: str, kind: str) -> None:
    assert kind_of(name) == kind


def test_front_matter() -> None:
    assert front_matter("---\na: 1\n---\nbody") == ("a: 1\n", 12)
    assert front_matter("no front matter") == ("", 0)
    assert front_matter("---\nnever closed") == ("", 0)


# -- tags, boxes and intertext in derive's own LaTeX ------------------------------------------
TEX_ALIGN = (
    "Suppose\n"
    "\\begin{align*}\n"
    "&f = 0 \\tag*{\\footnotesize\\texttt{given}} \\\\\n"
    "\\intertext{Solve it. (rule \\texttt{solve-for}; valid since $q > 0$).}\n"
    "&\\iff \\resizebox{0.8\\linewidth}{!}{$\\displaystyle q = p$} \\tag*{\\footnotesize\\texttt{solve-for}}\n"
    "\\end{align*}\n"
)


def test_intertext_cuts_a_display_and_leads_the_rows_after_it() -> None:
    found = spans(TEX_ALIGN, "tex")
    assert [(" ".join(s.tex.split()), s.line, s.display) for s in found] == [
        ("&f = 0 \\\\", 2, True), ("q > 0", 4, False), ("&\\iff q = p", 4, True)]
    assert [s.lead for s in found] == [
        "Suppose", "Solve it. (rule \\texttt{solve-for}; valid since", "Solve it. (rule \\texttt{solve-for}; valid "
        "since $q > 0$)."]


@pytest.mark.parametrize(("source", "lead"), [
    ("Some text.\n\nSuppose\n\n$$x = 1$$", "Suppose"),
    ("Suppose that\n$$x = 1$$", "Suppose that"),
    ("$$a = b$$\n\n$$x = 1$$", ""),
    ("If $x$ is one,\n\n$$x = 1$$", "is one,"),
    ("First paragraph.\n\nLet $x = 1$", "Let"),
])
def test_the_lead_is_the_prose_just_before(source: str, lead: str) -> None:
    assert spans(source)[-1].lead == lead


def test_tags_with_nested_braces_are_blanked() -> None:
    (span,) = spans("$$a = b \\tag*{\\footnotesize\\texttt{rule}}$$")
    assert " ".join(span.tex.split()) == "a = b" and len(span.tex) == len("a = b \\tag*{\\footnotesize\\texttt{rule}}")


@pytest.mark.parametrize(("source", "joined"), [
    ("$a$ and $b$", [False, True]),
    ("$a$ and\n\n$b$", [False, False]),  # inline math in a new paragraph
    ("$a$ is one,\n\n$$b = 1$$", [False, True]),  # a display keeps the paragraph just before it
    ("$a$ is one.\n\nAnother paragraph.\n\n$$b = 1$$", [False, False]),
    ("$$a = 1$$\n\nNow consider\n\n$$b = 1$$", [False, False]),  # prose that opens a paragraph of its own
    ("$$a = 1$$\n\n$$b = 1$$", [False, True]),
    ("Text first, $a$", [False]),
])
def test_a_lead_is_joined_when_it_is_all_the_prose_since_the_math_before(source: str, joined: list[bool]) -> None:
    assert [s.joined for s in spans(source)] == joined


def test_html_comments_hold_no_math() -> None:
    text = "<!-- source: a page; the $$ around displays were restored, $x$ -->\n\nThen $a = b$.\n"
    (span,) = spans(text)
    assert span.tex == "a = b" and span.line == 3


#: (document, the (line, LaTeX without spaces) of each display once continuations are joined).
CONTINUED = [
    # a long formula split over two displays: the second goes on from the first, its lines kept
    ("$$C = \\int a\\,\n$$\n\n$$+ b \\, dx.$$\n", [(1, "C=\\inta\\,+b\\,dx.")]),
    ("$$C = a$$\n$$- \\sum_{i=1}^n b_i$$\n", [(1, "C=a-\\sum_{i=1}^nb_i")]),  # a relation inside braces
    ("$$C = a$$\n$$-\\log p = b$$\n", [(1, "C=a"), (2, "-\\logp=b")]),  # a relation of its own: a new one
    ("$$C = a$$\n\nand\n\n$$+ b$$\n", [(1, "C=a"), (5, "+b")]),  # prose between
    ("$$C = a$$\n$$= b$$\n", [(1, "C=a"), (2, "=b")]),  # a chain goes on by its relation, not joined
]


@pytest.mark.parametrize(("document", "expected"), CONTINUED, ids=[d for d, _ in CONTINUED])
def test_continued_displays(document: str, expected: list[tuple[int, str]]) -> None:
    joined = continued(spans(document))
    assert [(s.line, "".join(s.tex.split())) for s in joined if s.display] == expected


def test_a_joined_display_keeps_its_lines() -> None:
    joined = continued(spans("$$C = \\int a\\,\n$$\n\n$$+ b \\, dx.$$\n"))
    assert joined[0].line_at(joined[0].tex.index("+")) == 4


@pytest.mark.parametrize(("written", "read"), [
    ("$p(x) = \\mathcal N(x; \\mu, \\sigma^2)$", "p(x) = \\mathcal{N}(x; \\mu, \\sigma^2)"),
    ("$\\mathbb E[x] + \\int f \\, \\mathrm dx$", "\\mathbb{E}[x] + \\int f \\, \\mathrm{d}x"),  # TeX takes one letter
    ("$\\mathcal{N}(0, 1)$", "\\mathcal{N}(0, 1)"),
])
def test_a_font_letter_without_braces_is_braced(written: str, read: str) -> None:
    assert spans(written)[0].tex == read


def test_mathjax_script_tags_are_math() -> None:
    text = ('Intro.\n<script type="math/tex; mode=display">\na = b\n</script>\n'
            'and <script type="math/tex">c = d</script> inline.\n')
    found = spans(text)
    assert [(s.line, s.display, s.tex.strip()) for s in found] == [(2, True, "a = b"), (5, False, "c = d")]
