"""Reading the founding article from ../shared (it is not ours, so it is never copied here)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ARTICLE = Path(__file__).resolve().parents[1].parent / "shared" / "article.md"


def article_text() -> str:
    if not ARTICLE.exists():
        pytest.skip(f"the article is not at {ARTICLE}")
    return ARTICLE.read_text(encoding="utf-8")


def display_equations(markdown: str) -> list[str]:
    """The body of every ``$$ ... $$`` block, in order."""
    return [m.strip() for m in re.findall(r"\$\$(.*?)\$\$", markdown, flags=re.S)]
