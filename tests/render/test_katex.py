"""Every math span in derive's Markdown renders with KaTeX.

The spans are found the way Markdown-with-math renderers (pandoc, GitHub, markdown-it-texmath)
find them: ``$$ ... $$`` is display math, possibly over several lines; ``$...$`` is inline math
when the opening ``$`` is followed by a non-space, the closing one preceded by a non-space and
not followed by a digit, and no other unescaped ``$`` or blank line comes between them;
``\\$`` is a literal dollar; nothing inside a backtick code span, a fenced code block or the
YAML front matter is math. All spans of all files go to one ``node`` process
(``tools/katex/check.js``), which renders them with ``throwOnError`` and ``strict: "error"``.
"""

from __future__ import annotations

import bisect
import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .conftest import ROOT, output_files, shown, tool_missing

KATEX_DIR = ROOT / "tools" / "katex"
CHECK_JS = KATEX_DIR / "check.js"


@dataclass(frozen=True)
class Span:
    line: int  # 1-based line where the TeX starts
    tex: str
    display: bool


@dataclass(frozen=True)
class Extraction:
    spans: list[Span]
    problems: list[tuple[int, str]]  # (line, message): Markdown that no renderer can make math of


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_BACKTICKS = re.compile(r"`+")


def _mask(text: str) -> str:
    """``text`` with front matter and fenced code blocks blanked out, line numbers kept."""
    lines = text.split("\n")
    masked = list(lines)
    body = 0  # first line after the front matter
    if lines and lines[0].rstrip() == "---":
        for end in range(1, len(lines)):
            if lines[end].rstrip() in ("---", "..."):
                masked[: end + 1] = [""] * (end + 1)
                body = end + 1
                break
    fence: str | None = None
    for k in range(body, len(lines)):
        if fence is None:
            m = _FENCE.match(lines[k])
            if m:
                fence = m[1]
                masked[k] = ""
        else:
            m = _FENCE.match(lines[k])
            masked[k] = ""
            if m and m[1][0] == fence[0] and len(m[1]) >= len(fence) and not lines[k][m.end():].strip():
                fence = None
    return "\n".join(masked)


def extract_math(text: str) -> Extraction:
    """The math spans of a Markdown document, in order, each with the line it starts on."""
    s = _mask(text)
    newlines = [i for i, c in enumerate(s) if c == "\n"]

    def line_of(i: int) -> int:
        return bisect.bisect_right(newlines, i - 1) + 1

    def paragraph_end(i: int) -> int:
        m = _BLANK_LINE.search(s, i)
        return m.start() if m else len(s)

    spans: list[Span] = []
    problems: list[tuple[int, str]] = []
    n, i = len(s), 0
    while i < n:
        c = s[i]
        if c == "\\":
            i += 2  # an escaped character: \$ and \` are literal
        elif c == "`":
            run = _BACKTICKS.match(s, i).end() - i
            closing = re.compile(rf"(?<!`)`{{{run}}}(?!`)").search(s, i + run, paragraph_end(i))
            i = closing.end() if closing else i + run  # a code span, or literal backticks
        elif s.startswith("$$", i):
            j = i + 2
            while j < n and not s.startswith("$$", j):
                j += 2 if s[j] == "\\" else 1
            if j >= n:
                problems.append((line_of(i), "unclosed $$ display block"))
                break
            body = s[i + 2 : j]
            start = i + 2 + (len(body) - len(body.lstrip()))
            spans.append(Span(line_of(min(start, j)), body.strip(), True))
            i = j + 2
        elif c == "$":
            closed = _inline_end(s, i, paragraph_end(i))
            if closed is None:
                i += 1  # a literal dollar, as in "$5"
            else:
                spans.append(Span(line_of(i), s[i + 1 : closed], False))
                i = closed + 1
        else:
            i += 1
    return Extraction(spans, problems)


def _inline_end(s: str, i: int, limit: int) -> int | None:
    """Index of the ``$`` closing inline math opened at ``i``, or None when ``s[i]`` is literal."""
    if i + 1 >= limit or s[i + 1].isspace():
        return None
    j = i + 1
    while j < limit:
        if s[j] == "\\":
            j += 2
        elif s[j] == "$":
            ok = not s[j - 1].isspace() and not (j + 1 < len(s) and s[j + 1].isdigit())
            return j if ok else None
        else:
            j += 1
    return None


# --- running KaTeX -----------------------------------------------------------------------


def find_node() -> str:
    """The ``node`` executable with KaTeX installed next to check.js; fails or skips if absent."""
    node = shutil.which("node")
    if node is None:
        tool_missing("node is not installed (Node.js >= 18 is needed to run KaTeX)")
    if not (KATEX_DIR / "node_modules" / "katex" / "package.json").is_file():
        tool_missing("KaTeX is not installed: run `npm ci --prefix tools/katex`")
    return node


def run_katex(node: str, items: list[dict]) -> list[dict]:
    """Render ``[{"id", "tex", "display"}]`` in one node process; ``[{"id", "ok", "error"}]``."""
    proc = subprocess.run([node, str(CHECK_JS)], input=json.dumps(items), capture_output=True,
                          text=True, encoding="utf-8", timeout=300, check=False)
    assert proc.returncode == 0, f"{shown(CHECK_JS)} exited with {proc.returncode}:\n{proc.stderr}"
    results = json.loads(proc.stdout)
    assert [r["id"] for r in results] == [item["id"] for item in items], "check.js lost or reordered items"
    return results


def katex_problems(node: str, paths: list[Path]) -> tuple[int, list[str]]:
    """(number of spans checked, ``file:line: error`` for every span or block that fails)."""
    items, where, problems = [], [], []
    for path in paths:
        found = extract_math(path.read_text(encoding="utf-8"))
        problems += [f"{shown(path)}:{line}: {message}" for line, message in found.problems]
        for span in found.spans:
            where.append(f"{shown(path)}:{span.line}")
            items.append({"id": len(items), "tex": span.tex, "display": span.display})
    if items:
        for result in run_katex(node, items):
            if not result["ok"]:
                problems.append(f"{where[result['id']]}: {result['error']}")
    return len(items), problems


# --- the tests ---------------------------------------------------------------------------


def test_every_math_span_in_the_markdown_outputs_renders_with_katex() -> None:
    node = find_node()
    paths = output_files("*.md")
    assert paths, "no outputs/*.md: run `derive article`"
    count, problems = katex_problems(node, paths)
    assert count, "no math spans found in outputs/*.md"
    assert not problems, f"{len(problems)} of {count} math spans fail in KaTeX:\n" + "\n".join(problems)


def test_extractor_finds_display_and_inline_math_but_not_code_or_prices() -> None:
    text = "\n".join([
        "---",                                                           # 1
        'title: "$x$ in front matter is not math"',                      # 2
        "---",                                                           # 3
        "Prose with $a + b$ and `code with $dollars$` and $c$.",         # 4
        "",                                                              # 5
        "$$",                                                            # 6
        r"\frac{1}{2}",                                                  # 7
        "= x",                                                           # 8
        "$$",                                                            # 9
        "",                                                              # 10
        r"A price: \$5, a $5 bill and $ 6, then $$y^2$$ and $d$.",       # 11
        "``double `ticks` with $e$`` and _(rule `r`; since $p > 0$)_",  # 12
        "```",                                                           # 13
        "$$ not math in a fence",                                        # 14
        "```",                                                           # 15
        "Split $f",                                                      # 16
        "+ g$ over two lines; $unclosed",                                # 17
        "",                                                              # 18
        "and then $g$ again.",                                           # 19
    ])
    found = extract_math(text)
    assert found.problems == []
    assert found.spans == [
        Span(4, "a + b", False),
        Span(4, "c", False),
        Span(7, "\\frac{1}{2}\n= x", True),
        Span(11, "y^2", True),
        Span(11, "d", False),
        Span(12, "p > 0", False),
        Span(16, "f\n+ g", False),
        Span(19, "g", False),
    ]


def test_extractor_reports_an_unclosed_display_block() -> None:
    found = extract_math("Fine $a$.\n\n$$\nx + 1\n")
    assert found.spans == [Span(1, "a", False)]
    assert found.problems == [(3, "unclosed $$ display block")]


def test_a_broken_span_fails_with_its_file_and_line(tmp_path: Path) -> None:
    node = find_node()
    broken = tmp_path / "broken.md"
    broken.write_text("# Broken\n\nFine $x^2$ and broken $\\frac{a}$.\n\n$$\n\\left( x\n$$\n\nAlso $é$.\n",
                      encoding="utf-8")
    count, problems = katex_problems(node, [broken])
    assert count == 4
    assert len(problems) == 3, problems
    assert problems[0].startswith(f"{broken}:3: KaTeX parse error") and "\\frac{a}" in problems[0]
    assert problems[1].startswith(f"{broken}:6: KaTeX parse error") and "\\right" in problems[1]
    assert problems[2].startswith(f"{broken}:9: ") and "unicodeTextInMathMode" in problems[2]  # strict mode
