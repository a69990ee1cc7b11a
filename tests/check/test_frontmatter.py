"""The ``derive:`` block of front matter, read without a YAML library."""

from __future__ import annotations

import pytest

from derive.check.errors import CheckError
from derive.check.frontmatter import Settings, read

GOOD = [
    ("title: x\n", Settings()),
    ("derive:\n  assume: [\"0 < p < 1\", '0 < q < 1']\n",
     Settings(assume=(("0 < p < 1", 3), ("0 < q < 1", 3)))),
    ("derive:\n  define:\n    - P(H) = p\n    - 'Q(H) = q'\n",
     Settings(define=(("P(H) = p", 4), ("Q(H) = q", 5)))),
    ("derive:\n  assume: \"0 < p, q < 1\"\n  units: bits\n", Settings(assume=(("0 < p, q < 1", 3),), units="bits")),
    ("derive:\n  # a comment\n  define: [\"P = \\mathcal{N}(\\mu, \\sigma^2)\"]\ntitle: after\n",
     Settings(define=(("P = \\mathcal{N}(\\mu, \\sigma^2)", 4),))),
    ("derive:\n  assume: []\n", Settings()),
]

BAD = [
    ("derive:\n  colour: red\n", "front.md:3: unknown setting"),
    ("derive:\n  - P(H) = p\n", "front.md:3: a list item under derive: belongs to no key"),
    ("derive:\n  assume: [\"0 < p\n", "front.md:3: an inline list must end"),
    ("derive:\n  assume: [\"0 < p]\n", "front.md:3: a quote is never closed"),
    ("derive:\n  units: furlongs\n", "front.md:3: units must be nats or bits"),
]


@pytest.mark.parametrize(("block", "expected"), GOOD, ids=[g[0][:40] for g in GOOD])
def test_reads(block: str, expected: Settings) -> None:
    assert read(block, 2, "front.md") == expected


@pytest.mark.parametrize(("block", "message"), BAD, ids=[b[1] for b in BAD])
def test_refuses_with_the_line(block: str, message: str) -> None:
    with pytest.raises(CheckError, match=message):
        read(block, 2, "front.md")
