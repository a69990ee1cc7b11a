"""``derive check``: read a document's equations and check each link with derive's verifier.

>>> from derive.check import check_text
>>> check_text("$P(H) = p$ and $$H(P) = -p \\log(p) - (1 - p) \\log(1 - p)$$",
...            options=Options(define=("P(T) = 1 - p",))).exit_code
0

The pieces.  Reading a document: :mod:`~derive.check.document` (math spans and their lines; the one-pass
:mod:`~derive.check.scanner`, :mod:`~derive.check.delimiters` where math opens and closes,
:mod:`~derive.check.layout` what is only layout), :mod:`~derive.check.depth_tokens` (a span's tokens and
bracket depths), :mod:`~derive.check.rows` (rows and statements), :mod:`~derive.check.statements` (relations
as written), :mod:`~derive.check.pieces`, :mod:`~derive.check.nesting` (relations inside brackets),
:mod:`~derive.check.row_conditions`, :mod:`~derive.check.leads` (what the prose before a span does to it),
:mod:`~derive.check.chains` (chains of relations), :mod:`~derive.check.assume` (bounds such as
``0 < p < 1``), :mod:`~derive.check.prose` (which bounds the prose makes hypotheses),
:mod:`~derive.check.definitions` (definitions that declare distributions), :mod:`~derive.check.frontmatter`
(the ``derive:`` block), :mod:`~derive.check.run` (reading a document, and the rule for definitions and
claims).  Judging it: :mod:`~derive.check.checker`, whose stages are its mixins:
:mod:`~derive.check.scope` where assumptions apply, :mod:`~derive.check.bounds` bounds,
:mod:`~derive.check.links` classifying links, :mod:`~derive.check.claims` judging a claim against the
expression before it, :mod:`~derive.check.verdicts` the verdict on its two sides,
:mod:`~derive.check.judging` the readings it is judged by, :mod:`~derive.check.implied` implications,
:mod:`~derive.check.domains` and :mod:`~derive.check.data` the domain and data,
:mod:`~derive.check.reading` reading the pieces.  Reporting: :mod:`~derive.check.report` (text and JSON).
``derive verify``: :mod:`~derive.check.proof_file` (re-checking a proof file: :mod:`~derive.check.proof_reading`,
:mod:`~derive.check.proof_steps`, :mod:`~derive.check.proof_statement`).
"""

from derive.check.errors import CheckError
from derive.check.report import Entry, Result
from derive.check.run import Options, check_file, check_text

__all__ = ["CheckError", "Entry", "Options", "Result", "check_file", "check_text"]
