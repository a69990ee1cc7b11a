"""``derive check``: read a document's equations and check each link with derive's verifier.

>>> from derive.check import check_text
>>> check_text("$P(H) = p$ and $$H(P) = -p \\log(p) - (1 - p) \\log(1 - p)$$",
...            options=Options(define=("P(T) = 1 - p",))).exit_code
0

The pieces: :mod:`~derive.check.document` (math spans and their lines),
:mod:`~derive.check.chains` (rows, relations, chains of equalities),
:mod:`~derive.check.assume` (bounds such as ``0 < p < 1``),
:mod:`~derive.check.prose` (which bounds the prose makes hypotheses),
:mod:`~derive.check.definitions` (definitions that declare distributions),
:mod:`~derive.check.frontmatter` (the ``derive:`` block),
:mod:`~derive.check.run` (reading a document, and the rule for definitions
and claims), :mod:`~derive.check.checker` (the checker, whose stages are its
mixins: :mod:`~derive.check.scope` where assumptions apply,
:mod:`~derive.check.bounds` bounds, :mod:`~derive.check.links` classifying
links, :mod:`~derive.check.claims` judging them, :mod:`~derive.check.domains`
and :mod:`~derive.check.data` the domain and the data they are judged on,
:mod:`~derive.check.reading` reading their pieces), and
:mod:`~derive.check.report` (text and JSON).
"""

from derive.check.errors import CheckError
from derive.check.report import Entry, Result
from derive.check.run import Options, check_file, check_text

__all__ = ["CheckError", "Entry", "Options", "Result", "check_file", "check_text"]
