"""The article fixture is the published article's mathematics, line for line, and nothing of its prose."""

from __future__ import annotations

import hashlib
import re

from tests.article_source import ARTICLE, FIXTURE_SHA256, PUBLISHED, article_text, display_equations, mathematics_only


def test_fixture_is_unchanged_since_it_was_made() -> None:
    assert hashlib.sha256(ARTICLE.read_bytes()).hexdigest() == FIXTURE_SHA256


def test_fixture_matches_the_published_article_where_it_is_present() -> None:
    """Next to a checkout the article sits at ../shared; there the fixture must be exactly its mathematics."""
    if PUBLISHED.exists():
        published = PUBLISHED.read_text(encoding="utf-8")
        assert mathematics_only(published) == article_text()
        assert len(published.splitlines()) == len(article_text().splitlines())
    assert len(display_equations(article_text())) == 15


def test_fixture_holds_no_prose() -> None:
    inside = False
    for line in article_text().splitlines():
        if line.strip() == "$$":
            inside = not inside
        elif not inside:
            assert re.sub(r"\$[^$]+\$", "", line).strip() == "", line


def test_mathematics_only_keeps_lines_and_drops_words() -> None:
    text = "Let $p$ be given and $q = 1 - p$.\n\n$$\nx = y\n$$\nplain words\n"
    assert mathematics_only(text) == "$p$ $q = 1 - p$\n\n$$\nx = y\n$$\n\n"
