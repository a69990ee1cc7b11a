"""The founding article's mathematics, kept in ``tests/fixtures`` so a clone anywhere runs the tests that use it.

The article is someone else's text: the fixture keeps every line's mathematics (display blocks whole, inline
``$...$`` spans joined by spaces) and drops its prose, so line numbers still point at the published lines.
"""

from __future__ import annotations

import re
from pathlib import Path

#: the fixture read by the tests
ARTICLE = Path(__file__).resolve().parent / "fixtures" / "article_math.md"
#: where the published article sits next to a checkout (absent on CI)
PUBLISHED = Path(__file__).resolve().parents[1].parent / "shared" / "article.md"
#: sha256 of the fixture when it was made from the published article
FIXTURE_SHA256 = "39caf6de47c791c6310227d9a4f65be380c97d956efcea7528eb29bb3d249865"

_INLINE = re.compile(r"(?<!\$)\$[^$]+\$(?!\$)")


def mathematics_only(markdown: str) -> str:
    """Each line's mathematics and nothing else, one output line per input line."""
    out: list[str] = []
    inside = False
    for line in markdown.splitlines():
        if line.strip() == "$$":
            inside = not inside
            out.append(line)
        else:
            out.append(line if inside else " ".join(_INLINE.findall(line)))
    return "\n".join(out) + "\n"


def article_text() -> str:
    return ARTICLE.read_text(encoding="utf-8")


def display_equations(markdown: str) -> list[str]:
    """The body of every ``$$ ... $$`` block, in order."""
    return [m.strip() for m in re.findall(r"\$\$(.*?)\$\$", markdown, flags=re.S)]
