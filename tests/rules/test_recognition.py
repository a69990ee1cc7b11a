"""Recognising a measure is a proposal decided by numbers; the verifier proves the step independently."""

from __future__ import annotations

import sympy as sp

from derive import CrossEntropy, Entropy, Group, Status
from derive.core import Step
from derive.rules import definitions
from derive.rules.recognition import agree
from derive.verify import check_step
from tests.helpers import DOMAIN, P, Q, p, q


def test_agreement_by_numbers():
    assert agree(-p * sp.log(q) - (1 - p) * sp.log(1 - q), CrossEntropy(P, Q), DOMAIN)
    assert not agree(-p * sp.log(q) + (1 - p) * sp.log(1 - q), CrossEntropy(P, Q), DOMAIN)


def test_a_wrong_recognition_is_still_refuted(monkeypatch):
    """Make recognition accept anything: the step it makes is refuted by the verifier, which does not ask it."""
    monkeypatch.setattr(definitions, "agree", lambda a, b, domain: True)
    wrong = Group(-p * sp.log(p), sp.Symbol("Term"))  # only half of the entropy
    rule = definitions.fold_definition(Entropy(P))
    rewrite = rule.apply(wrong, DOMAIN)
    assert rewrite is not None and rewrite.expr == Entropy(P)
    verdict = check_step(Step(rule.name, wrong, rewrite.expr), DOMAIN)
    assert verdict.status is Status.REFUTED, verdict
