"""derive check on real derivations written by people, each relation judged by hand (tests/check/real).

The corpus: blog posts, notebooks, Q&A threads, proof wikis on entropy, KL
(coins, Gaussians, Poisson, Laplace), cross-entropy, MLE (Bernoulli, Poisson,
Gaussian, exponential), sigmoid and softmax gradients, mutual information and
the ELBO, with the authors' own errors.  The bar that never moves: no author's
error is proved, no true relation is refuted.  The floors (relations proved,
errors caught) only rise; ``python3 tests/check/real/judge.py`` prints the table.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "real"))
from judge import Score, documents, score  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("real-corpus")]  # one worker: a shared fixture

#: Floors measured on 2026-12-07: true relations proved, author errors refuted, of the whole corpus (237
#: documents: 1217 and 84 measured, a margin left for links that finish near the 30 s limit on a slower machine).
#: Twenty-four batches were judged by helpers before derive read them; on each batch, before any change made for
#: it: 40/83, 10/63, 12/96, 35/91, 17/105, 13/93, 32/61, 12/73, 27/75, 18/63, 13/93, 11/93, 11/88, 15/96, 6/92,
#: 40/104, 45/255, 14/101, 44/118, 41/146, 21/139, 21/122 and 51/111 true relations proved, 3/9, 1/6, 2/9, 2/5, 2/13,
#: 3/14, 2/8, 0/16, 5/8, 4/5, 0/3, 2/5, 1/5, 0/11, 1/25, 1/12, 0/8, 0/14, 1/8, 0/4, 1/6, 8/19 and 1/8 errors caught;
#: three author errors proved (matrix algebra read as numbers; a MAP definition taken across an unread step that
#: dropped a constant; a value that matched only cut, 0.63 for 0.639), fifty-nine true relations refuted (thirteen in
#: lecture notes in bits; eight in the last three batches: a sum's terms read outside it, an equation "required
#: to vanish" read as a claim, "should p(x_i) = 0 hold" read as a definition, independence spoken of without
#: names, a cross-entropy defined with \lg, a reason beside a row read as the chain's, "= 0 + \mu" linked to
#: a substitution in the sentence before it) and two documents that stopped with an error, all since fixed;
#: fixing the last batch's readers uncovered three more kinds, each fixed before it was committed (\partial
#: h / \partial a read as h taken at a; a Stieltjes differential de^{...} read as de; a Bernoulli section
#: read with the Poisson X a later section declares); one more true relation refuted was found in the corpus
#: itself (a VAE's KL between conditionals, read averaged over x, beside an integral at a given x), now unknown.
#: Batch 24 had two true relations refuted (N = 4 after a sum to N set to zero; g^{-1}(x) read as x / g) and five
#: dropped by the sidecar's own counting (an implication's parts counted apart), all since fixed or aligned.
#: Batch 25 had seven true relations refuted (six entropies of a pmf given in full against their rounded values;
#: a sum over "the set A that X takes values in" read as over a second variable A) and four dropped (Markdown's
#: escaped \\( \\) delimiters), all since fixed.
#: Batch 26 (24/119 proved, 2/12 caught before; 23/119 and 3/12 after) had two author errors PROVED (a rate
#: written with deltas read as a fraction whose delta cancels; sigma times dl/dsigma restated as dl/dsigma while
#: a supposition set it to 0, both sides 0 there), three true relations refuted (integrals from infinity to
#: infinity, a slip for the whole line, now refused) and a relation dropped (a doubled $ closing inline math),
#: all since fixed; a brace of cases set as a matrix still drops its rows' chains (KNOWN_DROPPED).
#: Batch 27 (eleven documents on ELBO, MLE, BCE and softmax gradients, KL, entropy and mutual information; 13/65
#: proved on its MLE/gradient/ELBO half before, 39/65 after) had no author error proved; building for it found a
#: KL step refuted (q(z | theta) with theta averaged over as a variable; theta is now a model's parameter unless
#: the text writes a density of it) and a softmax case formula refuted where the prose's "when i != k" did not
#: reach the display (a claim true in one index case is now unknown, naming it).  Its sidecars were aligned: an
#: implication's premise and a "because (...)" remark get no verdict.  One more document of the batch (binary
#: cross-entropy with rounded numbers, cross-entropy-kl-binary-mlcourse.md) was left out at first: a check in it
#: never ended (SymPy's simplify built 2**8812909 and tested it for primality, now kept from it), and two of its
#: definitions were refuted (H(P, Q) read of random variables P and Q); it joined at 30/30 once laws given by
#: a label's values (P(y=1) = 0.7) were read, with their rounded measures.
#: (Batches eight and nine were measured after readers written before they were read: 8/73 and 22/75 before
#: them.)  Sidecar lines were aligned with the scorer's conventions (a bound or a membership stated as an
#: assumption is no relation; one verdict per implication; a range x = 0, 1, 2, ... is one; an "=" left open at
#: a display's end is reported on both lines; a relation in a `code` span, typed outside the math, in a comment
#: column or in a bracketed remark is none; a relation spanning rows is reported on the row its right side
#: starts).
#: Four verdicts were changed: ce-ricojia-softmax-cross-entropy.md line 42 gives KL a wrong sign as its
#: definition, "def" (doubtful) by its judge, "false" here, as derive reports a wrong definition of a standard
#: measure; mle-bernoulli-coinflip-ach.md line 16 multiplies the text's own wrong pmf (line 12), "true" (doubtful,
#: by the pmf meant) by its judge, "false" here, as written; it-formulas-jejjohnson.md line 26 writes Q(y) for
#: Q(x), "true" (by the meaning) by its judge, "false" here, as written; kl-cross-entropy-abetusk-wiki.md line 10
#: defines D_KL with a leading minus, "def" by its judge, "false" here for the reason of ce-ricojia's line 42.
PROVED, CAUGHT = 1257, 87  # 1257 measured with the machine loaded (4 links gave up after 30 s then)
#: Relations dropped without a verdict: none.  The last ones (relations nested in a side that is not read: the
#: rows of a brace of cases set as a matrix, cases written after an unclosed \{, a row a % comment left in an open
#: \left(; several relations hidden in one unknown command or bracket) now get a verdict each, on their lines.
KNOWN_DROPPED: set[tuple[str, int]] = set()


@pytest.fixture(scope="module")
def scores() -> dict[str, Score]:
    return {path.name: score(path) for path in documents()}


def test_the_corpus_is_there() -> None:
    assert len(documents()) >= 30


def test_no_error_is_proved_and_no_true_relation_refuted(scores: dict[str, Score]) -> None:
    bad = [d for s in scores.values() for d in s.defects if "dropped" not in d]
    assert not bad, "\n".join(bad)


def test_no_relation_is_dropped_but_the_known_ones(scores: dict[str, Score]) -> None:
    dropped = {(d.split(":")[0], int(d.split(":")[1])) for s in scores.values() for d in s.defects
               if "dropped" in d}
    assert dropped <= KNOWN_DROPPED, dropped - KNOWN_DROPPED


def test_floors(scores: dict[str, Score]) -> None:
    total = Score()
    for one in scores.values():
        total.add(one)
    assert total.tally["true:proved"] >= PROVED, dict(total.tally)
    assert total.tally["false:refuted"] >= CAUGHT, dict(total.tally)
