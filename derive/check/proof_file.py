r"""Re-checking a proof file from the file alone (``derive verify``): every step, then the statement.

The file is read strictly (:mod:`derive.render.proof_schema`), and every field
is parsed before anything is checked (:mod:`derive.check.proof_reading`): a
malformed file is a :class:`ProofFileError` that says where.  Recorded
verdicts are ignored.  Each step is then checked, chain by chain
(:mod:`derive.check.proof_steps`), and the statement is concluded from the
facts of the chains whose steps are all proved
(:mod:`derive.check.proof_statement`).  A ``null`` statement concludes
nothing: the steps are checked and that is all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from derive.check.proof_reading import one_line, read_proof
from derive.check.proof_statement import Conclusion, conclude
from derive.check.proof_steps import StepCheck, check_steps
from derive.render.proof_schema import MAX_BYTES, ProofFileError, read_document
from derive.verify.limits import seconds_of

__all__ = ["MAX_BYTES", "ProofFileError", "ProofReport", "check_proof_text"]


@dataclass(frozen=True)
class ProofReport:
    """Each step's check, the statement as the file writes it (or ``None``), and whether it is concluded."""

    steps: tuple[StepCheck, ...]
    statement: str | None
    conclusion: Conclusion

    @property
    def all_proved(self) -> bool:
        """Every step is proved."""
        return all(c.verdict.proved for c in self.steps)

    @property
    def ok(self) -> bool:
        """Every step proved, and the statement with them (a proof without a statement concludes nothing)."""
        return self.all_proved and (self.statement is None or self.conclusion.proved)


def check_proof_text(text: str, source: str = "proof", timeout: float | None = None) -> ProofReport:
    """Check a proof file's text: every step (each in at most ``timeout`` seconds, default
    :data:`derive.verify.limits.DEFAULT_SECONDS`), then its statement; raises :class:`ProofFileError` when malformed."""
    document = read_document(text, source)
    proof = read_proof(document, source)
    checks, facts = check_steps(proof, seconds_of(timeout))
    if proof.statement is None:
        conclusion = Conclusion(False, "no statement: steps checked, nothing concluded")
    else:
        conclusion = _guarded_conclusion(lambda: conclude(proof.statement, facts, proof.domain))
    return ProofReport(tuple(checks), document.statement, conclusion)


def _guarded_conclusion(decide: Callable[[], Conclusion]) -> Conclusion:
    """``decide()``; a failure while comparing the statement with the facts leaves it not proved (one line)."""
    try:
        return decide()
    except RecursionError:
        return Conclusion(False, "the statement could not be compared with the facts: nested too deeply")
    except Exception as exc:  # never a traceback, never proved
        return Conclusion(False, f"the statement could not be compared with the facts: {type(exc).__name__}: "
                                 f"{one_line(exc)}")
