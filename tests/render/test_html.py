"""derive.render.html: one self-contained page per derivation, checked as markup and in a real browser.

The unit tests parse the page (balanced tags, escaped prose and TeX, no reference to the network, KaTeX's
fonts inlined). The browser tests open the coin's page in headless Chromium with the network off and look
at what KaTeX made of it: the DOM, then a screenshot. Chromium is not a Python package: without it they
skip, except under CI (``CI`` set), where they fail (``.ci/run`` installs Debian's ``chromium``).
"""

from __future__ import annotations

import base64
import html
import json
import re
import shutil
import subprocess
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path

import matplotlib.image
import numpy as np
import pytest

from derive import cli
from derive.api import derivations
from derive.core import Derivation, Report
from derive.errors import RenderError
from derive.render.formats import RENDERERS, in_all
from derive.render.html import display, inline, katex_assets, prose, render_html
from derive.render.printer import DEFAULT, Notation, to_latex
from derive.render.text import display_lines

from .conftest import ROOT, tool_missing

VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
#: The only URLs the page may hold: the XML namespaces inside KaTeX's script, which nothing fetches.
NAMESPACES = {"http://www.w3.org/1998/Math/MathML", "http://www.w3.org/2000/svg"}
KATEX = ROOT / "derive" / "render" / "katex"


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    def walk(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.walk()

    def text(self, skip: frozenset[str] = frozenset()) -> str:
        """The text below this node, leaving out the subtrees whose class is in ``skip``."""
        if skip.intersection(self.classes):
            return ""
        return "".join(c if isinstance(c, str) else c.text(skip) for c in self.children)


class Tree(HTMLParser):
    """A strict tree builder: every element but a void one must be closed, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]
        self.doctype = ""

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        assert tag not in VOID, f"</{tag}> closes a void element"
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(page: str) -> Tree:
    tree = Tree()
    tree.feed(page)
    tree.close()
    assert len(tree.stack) == 1, f"unclosed: {[n.tag for n in tree.stack[1:]]}"
    return tree


def maths(root: Node) -> list[Node]:
    return [n for n in root.walk() if "math" in n.classes]


@pytest.fixture(scope="module")
def coin() -> tuple[Derivation, Report]:
    d = derivations("relation", "coin")[0]
    return d, d.verify()


@pytest.fixture(scope="module")
def coin_page(coin) -> str:
    return render_html(*coin)


# --- the page as markup --------------------------------------------------------------------------------------

@pytest.mark.parametrize("style", ["article", "compact"])
@pytest.mark.parametrize("with_report", [True, False], ids=["report", "no-report"])
def test_the_page_is_well_formed_with_a_charset_and_a_title(coin, style: str, with_report: bool) -> None:
    d, report = coin
    page = render_html(d, report if with_report else None, DEFAULT, style)
    tree = parse(page)
    assert tree.doctype.lower() == "doctype html" and page.startswith("<!DOCTYPE html>")
    [top] = [c for c in tree.root.children if isinstance(c, Node)]
    assert top.tag == "html" and [c.tag for c in top.children if isinstance(c, Node)] == ["head", "body"]
    assert [n.attrs.get("charset") for n in top.walk() if n.tag == "meta"][0] == "utf-8"  # first in the head
    tags = {n.tag: n for n in top.walk()}
    assert tags["title"].text() == d.title == tags["h1"].text()
    assert ("table" in tags) == (with_report and style == "article")
    assert ("Verification" in page) == with_report


def test_every_step_is_displayed_once_in_order_with_its_rule(coin, coin_page: str) -> None:
    d, _ = coin
    steps = [n for n in parse(coin_page).root.walk() if "step" in n.classes]
    lines = display_lines(d)
    assert len(steps) == len(lines) == 21
    for node, (_, _, _, step) in zip(steps, lines):
        [shown] = maths(node)[:1]
        assert "display" in shown.classes and to_latex(step.after, DEFAULT) in shown.text()
        assert [c.text() for c in node.walk() if c.tag == "code"] == [step.rule]
    assert html.escape(to_latex(d.statement, DEFAULT)) in coin_page


def test_tex_is_escaped_text_that_parses_back_unchanged(coin) -> None:
    d, _ = coin
    page = render_html(d, None, DEFAULT, "compact")
    [block] = maths(parse(page).root)
    assert block.text().startswith("\\begin{aligned}") and "&&" in block.text()  # the parsed text is the TeX
    assert "&amp;&amp; \\text{" in page and "&& \\text{" not in page  # the markup holds it escaped


def test_the_verification_table_lists_every_step_with_its_verdict(coin, coin_page: str) -> None:
    _, report = coin
    [table] = [n for n in parse(coin_page).root.walk() if n.tag == "table"]
    rows = [[td.text() for td in tr.walk() if td.tag in ("td", "th")] for tr in table.walk() if tr.tag == "tr"]
    assert rows[0] == ["#", "rule", "verdict"]
    assert rows[1:] == [[str(k), s.rule, v.status.value] for k, (s, v) in enumerate(report.results, 1)]
    assert "every step is proved" in coin_page


def test_the_notation_reaches_every_formula(coin) -> None:
    page = render_html(coin[0], None, Notation(log=r"\ln"), "article")
    assert "\\ln(1 - q)" in page and "\\log" not in " ".join(n.text() for n in maths(parse(page).root))


HOSTILE = '<b>&</b> "quoted" <script>alert(1)</script>'


def with_prose(d: Derivation, text: str) -> Derivation:
    """``d`` with ``text`` as its title, intro, first section's title and first step's note."""
    section = d.sections[0]
    chain = section.chains[0]
    chain = replace(chain, steps=(replace(chain.steps[0], note=text), *chain.steps[1:]))
    section = replace(section, title=text, chains=(chain, *section.chains[1:]))
    return replace(d, title=text, intro=text, sections=(section, *d.sections[1:]))


def test_prose_is_shown_as_text_never_as_markup(coin) -> None:
    page = render_html(with_prose(coin[0], HOSTILE), None)
    root = parse(page).root
    assert [n.tag for n in root.walk()].count("script") == 2  # KaTeX and the call to it; none from the prose
    assert not any(n.tag == "b" for n in root.walk())
    shown = [n for n in root.walk() if n.tag in ("title", "h1", "h2", "p") and n.text() == HOSTILE]
    assert [n.tag for n in shown] == ["title", "h1", "p", "h2", "p"]  # title, heading, intro, section, note
    assert html.escape(HOSTILE) in page


@pytest.mark.parametrize(("text", "expected"), [
    ("plain & <simple>", "plain &amp; &lt;simple&gt;"),
    ("with $x < 1$ inside", 'with <span class="math inline">x &lt; 1</span> inside'),
    ("$a$, $b$", '<span class="math inline">a</span>, <span class="math inline">b</span>'),
    ("costs $5, no math", "costs $5, no math"),  # a lone dollar is text
    ("$$", "$$"),  # nothing between: not math
])
def test_prose_escapes_text_and_makes_dollar_spans_inline_math(text: str, expected: str) -> None:
    assert prose(text) == expected


def test_display_and_inline_math_hold_escaped_tex() -> None:
    assert display("a < b & c") == '<div class="math display">a &lt; b &amp; c</div>'
    assert inline("\\frac{1}{2}") == '<span class="math inline">\\frac{1}{2}</span>'


# --- self-contained: no network ------------------------------------------------------------------------------

def test_nothing_in_the_page_points_to_the_network(coin_page: str) -> None:
    elements = list(parse(coin_page).root.walk())
    assert not [n.tag for n in elements if n.tag in ("link", "img", "iframe", "object", "embed")]
    assert not [(n.tag, a) for n in elements for a in n.attrs if a in ("src", "href", "srcset", "action")]
    urls = set(re.findall(r"https?://[^\s\"'<>)]*", coin_page, flags=re.IGNORECASE))
    assert urls <= NAMESPACES
    scripts = "".join(n.text() for n in elements if n.tag == "script")
    assert all(url in scripts for url in urls)  # only inside KaTeX's own script
    assert re.findall(r"url\((?!data:)", coin_page) == [] and "@import" not in coin_page


def test_every_font_is_inlined_as_woff2(coin_page: str) -> None:
    css, js = katex_assets()
    faces = re.findall(r"@font-face\{[^}]*\}", css)
    fonts = sorted((KATEX / "fonts").glob("*.woff2"))
    assert len(faces) == len(fonts) == 20
    uris = re.findall(r'url\(data:font/woff2;base64,([A-Za-z0-9+/=]+)\) format\("woff2"\)', css)
    assert len(uris) == len(faces) and ".woff)" not in css and ".ttf)" not in css
    assert sorted(base64.b64decode(u) for u in uris) == sorted(f.read_bytes() for f in fonts)
    assert css in coin_page and js in coin_page and katex_assets() is katex_assets()  # read once


def vendored_copy(root: Path, css: str | None = None, js: str | None = None) -> Path:
    """A copy of the vendored KaTeX under ``root/katex``, its style sheet or script replaced when given."""
    shutil.copytree(KATEX, root / "katex")
    for name, text in (("katex.min.css", css), ("katex.min.js", js)):
        if text is not None:
            (root / "katex" / name).write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize(("damage", "message"), [
    (lambda root: root / "absent", "KaTeX is missing from derive's package data"),
    (lambda root: (shutil.rmtree(vendored_copy(root) / "katex" / "fonts"), root)[1], "is missing"),
    (lambda root: vendored_copy(root, css='@font-face{src:url(fonts/X.woff) format("woff")}'), "cannot be inlined"),
    (lambda root: vendored_copy(root, js='var s = "</script>";'), "cannot be inlined"),
], ids=["no-package-data", "no-fonts", "font-not-woff2", "closing-tag-in-script"])
def test_broken_package_data_is_refused_with_a_reason(monkeypatch, tmp_path: Path, damage, message: str) -> None:
    root = damage(tmp_path)
    monkeypatch.setattr("derive.render.html.resources.files", lambda package: root)
    katex_assets.cache_clear()
    try:
        with pytest.raises(RenderError, match=message):
            katex_assets()
    finally:
        katex_assets.cache_clear()


def test_the_vendored_katex_is_the_pinned_version() -> None:
    lock = json.loads((ROOT / "tools" / "katex" / "package-lock.json").read_text(encoding="utf-8"))
    pinned = lock["packages"]["node_modules/katex"]["version"]
    assert pinned == (KATEX / "VERSION").read_text(encoding="utf-8").strip() == "0.18.4"
    assert f'version:"{pinned}"' in katex_assets()[1]
    assert "MIT License" in (KATEX / "LICENSE").read_text(encoding="utf-8")


# --- the format in the table and on the command line ---------------------------------------------------------

def test_html_is_a_format_but_not_part_of_all() -> None:
    entry = RENDERERS["html"]
    assert entry.suffix == ".html" and entry.render is render_html and not entry.in_all
    assert "html" not in in_all() and in_all() == tuple(n for n in RENDERERS if n != "html")


@pytest.mark.parametrize(("fmt", "suffixes"), [("html", [".html"]), ("all", [".json", ".md", ".tex"])])
def test_the_command_writes_html_only_when_asked(tmp_path: Path, fmt: str, suffixes: list[str]) -> None:
    assert cli.main(["article", "--format", fmt, "--out", str(tmp_path)]) == 0
    assert sorted(f.suffix for f in tmp_path.iterdir()) == suffixes


# --- in a real browser, offline ------------------------------------------------------------------------------

def chromium() -> str:
    """Debian's ``chromium``; fails or skips when it is absent."""
    found = shutil.which("chromium")
    if found is None:
        tool_missing("chromium is not installed (Debian: apt-get install chromium)")
    return found


def run_chromium(page: Path, profile: Path, *args: str) -> str:
    """Open ``page`` in headless Chromium with every network request failing; its standard output."""
    offline = ["--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND", "--disable-quic",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]
    command = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", *offline,
               f"--user-data-dir={profile}", "--virtual-time-budget=5000", *args, page.as_uri()]
    proc = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=180,
                          check=False)
    assert proc.returncode == 0, f"chromium exited with {proc.returncode}:\n{proc.stderr[-2000:]}"
    return proc.stdout


@pytest.fixture(scope="module")
def coin_file(coin_page: str, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("html") / "kl-cross-entropy-coin.html"
    path.write_text(coin_page, encoding="utf-8")
    return path


def test_katex_typesets_every_formula_offline(coin_page: str, coin_file: Path, tmp_path: Path) -> None:
    dom = parse(run_chromium(coin_file, tmp_path / "profile", "--dump-dom")).root
    elements = maths(dom)
    assert len(elements) == len(maths(parse(coin_page).root)) > 21 + 1  # steps, statement, inline math
    assert not [n for n in dom.walk() if "katex-error" in n.classes]
    for element in elements:
        assert [n for n in element.walk() if n.classes == ["katex"]], f"not typeset: {element.text()[:80]}"
        left = element.text(skip=frozenset({"katex-mathml"}))  # the typeset glyphs, not MathML's copy of the TeX
        assert not re.search(r"\\[A-Za-z]|[_^]\{", left), f"raw TeX left: {left[:80]}"
    assert sum(n.classes == ["katex"] for n in dom.walk()) == len(elements)
    assert sum("katex-display" in n.classes for n in dom.walk()) == 21 + 1  # the steps and the statement


def test_the_page_paints_typeset_content(coin_file: Path, tmp_path: Path) -> None:
    shot = tmp_path / "coin.png"
    run_chromium(coin_file, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1000,2000",
                 "--hide-scrollbars")
    pixels = matplotlib.image.imread(shot)[..., :3]
    assert pixels.shape[:2] == (2000, 1000)
    inked = np.any(pixels < 0.99, axis=-1).mean()  # the coin's first 2000 px: about 4.5% (black on white)
    assert 0.02 < inked < 0.5, f"{inked:.1%} of the pixels are not white"
    assert np.any(pixels[:150] < 0.5) and np.any(pixels[1500:] < 0.5)  # the title, and formulas further down
    assert len(np.unique(pixels.reshape(-1, 3), axis=0)) > 16  # text and formulas, not a flat fill
