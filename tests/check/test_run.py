"""derive check on whole documents: the article, single planted errors, the fixtures, the definition rule, options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from derive.check import CheckError, Options, check_file, check_text
from tests.article_source import article_text

FIXTURES = Path(__file__).parent / "fixtures"


def _statuses(result) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for entry in result.entries:
        out.setdefault(entry.line, []).append(entry.status)
    return out


# -- the founding article -------------------------------------------------------------------
def test_article_every_derivation_link_is_proved() -> None:
    result = check_text(article_text(), "article.md")
    displays = [e for e in result.entries if e.kind == "claim" and e.status != "skipped" and e.lhs != r"\log(a/b)"]
    assert displays and all(e.status == "proved" for e in displays), result.text()
    assert result.count("refuted") == 0 and result.count("not parsed") == 0
    assert result.count("skipped") == 2  # the two prose displays
    assert result.exit_code == 0


def test_article_says_which_is_a_definition() -> None:
    result = check_text(article_text(), "article.md")
    definitions = {e.lhs: e for e in result.entries if e.kind == "definition"}
    assert set(definitions) == {"P(H)", "P(T)", "Q(H)", "Q(T)", "KL(P || Q)", "H(P, Q)", "H(P)"}
    assert all(e.status == "definition" for e in definitions.values())
    assert all(definitions[name].checked for name in ("P(T)", "Q(T)", "KL(P || Q)", "H(P, Q)", "H(P)"))
    assert "Bernoulli(p) on H, T" in definitions["P(H)"].reason


def test_article_log_rule_is_unknown_until_its_logarithms_are_said_positive() -> None:
    """No symbol is positive unless something says so: the rule holds where a, b > 0, and the report says that."""
    rule = [e for e in check_text(article_text(), "a.md").entries if e.lhs == r"\log(a/b)"]
    assert [e.status for e in rule] == ["unknown"] and "a, b > 0" in rule[0].reason
    assert "argument of a logarithm" in rule[0].reason and "which nothing states" in rule[0].reason
    bounded = check_text(article_text(), "a.md", options=Options(assume=("a, b > 0",)))
    assert [e.status for e in bounded.entries if e.lhs == r"\log(a/b)"] == ["proved"]


def test_a_symbol_outside_any_logarithm_is_not_taken_positive() -> None:
    entries = check_text("$$\\sqrt{a^2} = a$$\n", "s.md").entries
    assert [e.status for e in entries] == ["unknown"] and "proved only if a > 0" in entries[0].reason


#: (a fragment of one line of the article, what it becomes): one sign flipped, or p and q swapped, in one place
PLANTED = [
    (r"\right) + P(T) \log\left(\frac{P(T)}{Q(T)}", r"\right) - P(T) \log\left(\frac{P(T)}{Q(T)}"),
    (r"= p \log\left(\frac{p}{q}\right)", r"= q \log\left(\frac{p}{q}\right)"),
    (r"p [\log(p) - \log(q)]", r"p [\log(p) + \log(q)]"),
    (r"\left[ -p \log(q) - (1-p) \log(1-q) \right]}_{\text{Term 1}}",
     r"\left[ -p \log(q) + (1-p) \log(1-q) \right]}_{\text{Term 1}}"),
    (r"\sum_{i \in \{H, T\}} -P(i) \log(Q(i))", r"\sum_{i \in \{H, T\}} P(i) \log(Q(i))"),
    (r"-P(H) \log(Q(H)) - P(T) \log(Q(T))", r"-P(H) \log(Q(H)) + P(T) \log(Q(T))"),
    (r"H(P, Q) = -p \log(q) - (1-p) \log(1-q)", r"H(P, Q) = -q \log(p) - (1-p) \log(1-q)"),
    (r"H(P) = -p \log(p) - (1-p) \log(1-p)", r"H(P) = p \log(p) - (1-p) \log(1-p)"),
    (r"}_{\text{Cross-Entropy (H(P, Q))}} - \underbrace", r"}_{\text{Cross-Entropy (H(P, Q))}} + \underbrace"),
    ("KL(P || Q) = H(P, Q) - H(P)", "KL(P || Q) = H(P, Q) + H(P)"),
    ("H(P, Q) = KL(P || Q) + H(P)", "H(P, Q) = KL(P || Q) - H(P)"),
    ("$P(T) = 1 - p$", "$P(T) = 1 + p$"),
    ("$Q(T) = 1 - q$", "$Q(T) = 1 - p$"),
    (r"KL(P || Q) = \sum_{i \in \{H, T\}} P(i) \cdot", r"KL(P || Q) = \sum_{i \in \{H, T\}} Q(i) \cdot"),
]


@pytest.mark.parametrize(("before", "after"), PLANTED, ids=[a for _, a in PLANTED])
def test_a_single_planted_error_refutes_exactly_its_link(before: str, after: str) -> None:
    lines = article_text().splitlines(keepends=True)
    (number,) = [k for k, line in enumerate(lines, 1) if before in line]
    lines[number - 1] = lines[number - 1].replace(before, after, 1)
    result = check_text("".join(lines), "planted.md")
    refuted = [e for e in result.entries if e.status == "refuted"]
    assert [e.line for e in refuted] == [number], result.text()
    assert refuted[0].counterexample and result.exit_code == 1
    assert f"planted.md:{number}: refuted: " in result.text()


# -- other people's derivations, in the usual notation --------------------------------------
@pytest.mark.parametrize("name", ["categorical.md", "gaussian.tex"])
def test_fixture_is_proved(name: str) -> None:
    result = check_file(FIXTURES / name)
    assert result.exit_code == 0
    assert {e.status for e in result.entries} <= {"proved", "definition"}, result.text()
    assert result.count("proved") >= 5


@pytest.mark.parametrize(("name", "before", "after"), [
    ("categorical.md", r"&= H(P, Q) - H(P)", r"&= H(P, Q) + H(P)"),
    ("categorical.md", r"H(P, Q) = -\sum_{i=1}^{k} p_i \log q_i", r"H(P, Q) = \sum_{i=1}^{k} p_i \log q_i"),
    ("gaussian.tex", r"- \frac{1}{2}", r"+ \frac{1}{2}"),
    ("gaussian.tex", r"\mathbb{E}_{P}\left[(x - \mu_2)^2\right] = \sigma_1^2 +",
     r"\mathbb{E}_{P}\left[(x - \mu_2)^2\right] = \sigma_2^2 +"),
])
def test_fixture_with_a_planted_error(tmp_path: Path, name: str, before: str, after: str) -> None:
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines(keepends=True)
    (number,) = [k for k, line in enumerate(lines, 1) if before in line]
    lines[number - 1] = lines[number - 1].replace(before, after, 1)
    copy = tmp_path / name
    copy.write_text("".join(lines), encoding="utf-8")
    result = check_file(copy)
    assert [e.line for e in result.entries if e.status == "refuted"] == [number], result.text()


# -- the rule for definitions and claims ----------------------------------------------------
COIN = "$P(H) = p$, $Q(H) = q$, $P(T) = 1 - p$.\n\n"

#: (document, [(kind, status) per entry])
RULE = [
    (COIN + r"$$H(P, Q) = -\sum_{i \in \{H, T\}} P(i) \log Q(i)$$",
     [("definition", "definition")] * 3 + [("definition", "definition")]),
    (COIN + r"$$H(P, Q) = \sum_{i \in \{H, T\}} P(i) \log Q(i)$$",  # the minus sign is missing
     [("definition", "definition")] * 3 + [("definition", "refuted")]),
    (COIN + r"$$H(P, Q) = KL(P \Vert Q) + H(P)$$", [("definition", "definition")] * 3 + [("claim", "proved")]),
    (COIN + r"$$H(P) := -p \log p - (1 - p) \log(1 - p)$$" "\n\n" r"$$H(P) = -p \log p - (1 - p) \log(1 - p)$$",
     [("definition", "definition")] * 4 + [("claim", "proved")]),
    (COIN + "$$L = -p \\log q$$\n\n$$L + 1 = 1 - p \\log q$$",
     [("definition", "definition")] * 4 + [("claim", "proved")]),
    (COIN + "$$c := 2$$\n\n$$c p = 2 p$$", [("definition", "definition")] * 4 + [("claim", "proved")]),
    (COIN + "$$p = q$$", [("definition", "definition")] * 3 + [("claim", "refuted")]),
    (COIN + "where $0 < p < 1/2$ and $$D_{KL}(P \\| Q) \\ge 0$$",  # an inequality is checked too
     [("definition", "definition")] * 3 + [("assumption", "assumption"), ("claim", "proved")]),
    (COIN + "where $0 < p < 1/2$ and $$D_{KL}(P \\| Q) \\approx 0$$",
     [("definition", "definition")] * 3 + [("assumption", "assumption"), ("claim", "skipped")]),
    (COIN + "Suppose\n\n$$p = q$$", [("definition", "definition")] * 3 + [("supposition", "supposed")]),
    (COIN + "If $p = q$ then ...", [("definition", "definition")] * 3 + [("supposition", "supposed")]),
    (COIN + "Suppose\n\n$$p = q$$\n\n$$\\iff q = p$$",
     [("definition", "definition")] * 3 + [("supposition", "supposed"), ("implication", "proved")]),
    (COIN + "Let\n\n$$c = 2$$\n\n$$c p = 2 p$$",  # after "Let", a new symbol is still defined
     [("definition", "definition")] * 4 + [("claim", "proved")]),
    (COIN + "Suppose\n\n$$c = 2$$\n\n$$c p = 2 p$$",  # after "Suppose" c = 2 holds for what follows next
     [("definition", "definition")] * 3 + [("supposition", "supposed"), ("claim", "proved")]),
    (COIN + "Suppose\n\n$$c = 2$$\n\nThen\n\n$$c q = 2 q$$\n\nIn general, though,\n\n$$c p = 2 p$$",  # no further
     [("definition", "definition")] * 3 + [("supposition", "supposed"), ("claim", "proved"), ("claim", "refuted")]),
    (COIN + "$$p q = q p \\quad \\text{if} \\quad p = q$$",
     [("definition", "definition")] * 3 + [("claim", "skipped"), ("supposition", "supposed")]),
]


@pytest.mark.parametrize(("document", "expected"), RULE, ids=[r[0][len(COIN):] for r in RULE])
def test_definition_or_claim(document: str, expected: list[tuple[str, str]]) -> None:
    result = check_text(document, "rule.md")
    assert [(e.kind, e.status) for e in result.entries] == expected, result.text()


def test_a_wrong_definition_says_what_derive_means() -> None:
    result = check_text(COIN + r"$$H(P, Q) = \sum_{i \in \{H, T\}} P(i) \log Q(i)$$", "ce.md")
    (wrong,) = [e for e in result.entries if e.status == "refuted"]
    assert wrong.kind == "definition" and "derive's cross-entropy is" in wrong.reason
    assert "ce.md:3: refuted: H(P, Q) != " in result.text()


# -- where definitions and assumptions come from --------------------------------------------
BARE = r"$$KL(P \Vert Q) = H(P, Q) - H(P)$$"


def test_definitions_from_options() -> None:
    result = check_text(BARE, "bare.md", options=Options(define=("P(H) = p", "Q(H) = q")))
    assert [(e.file, e.line, e.status) for e in result.entries] == [
        ("--define", 1, "definition"), ("--define", 2, "definition"), ("bare.md", 1, "proved")]


def test_definitions_and_assumptions_from_front_matter() -> None:
    front = '---\ntitle: t\nderive:\n  define: ["P(H) = p", "Q(H) = q"]\n  assume:\n    - "0 < p < 1/2"\n---\n'
    result = check_text(front + BARE, "front.md")
    assert [(e.line, e.status) for e in result.entries] == [(4, "definition"), (4, "definition"), (8, "proved")]


def test_without_definitions_the_link_is_not_parsed_and_nothing_is_checked() -> None:
    result = check_text(BARE, "bare.md")
    assert result.count("not parsed") == 1 and "unknown distribution name 'P'" in result.entries[0].reason
    assert result.exit_code == 2


def test_units_bits_are_base_two() -> None:
    doc = COIN + r"$$H(P) = -p \log_2 p - (1 - p) \log_2(1 - p)$$"
    assert check_text(doc, "bits.md", options=Options(units="bits")).count("refuted") == 0
    assert check_text(doc, "written.md").count("refuted") == 0  # the display writes \log_2: bits
    assert check_text(doc, "nats.md", options=Options(units="nats")).count("refuted") == 1  # nats, said


def test_a_bad_define_or_assume_is_an_error() -> None:
    with pytest.raises(CheckError, match="is not a definition"):
        check_text(BARE, "x.md", options=Options(define=("p = q + 1 = 2",)))
    with pytest.raises(CheckError, match="--assume: assumption '0 < p <' has an empty side"):
        check_text(BARE, "x.md", options=Options(assume=("0 < p <",)))
    with pytest.raises(CheckError, match="bounds go in --assume"):
        check_text(BARE, "x.md", options=Options(define=("0 < p < 1",)))


# -- strictness, the report, and exit codes -------------------------------------------------
def test_strict_makes_unknown_fail() -> None:
    doc = COIN + r"$$\sqrt{a^{2}} = a$$"
    assert check_text(doc, "s.md").exit_code == 0
    strict = check_text(doc, "s.md", options=Options(strict=True))
    assert strict.exit_code == 1 and [e.status for e in strict.failures()] == ["unknown"]


def test_json_report() -> None:
    data = json.loads(check_text(COIN + "$$p + q = q + 2 p$$", "j.md").json())
    assert data["file"] == "j.md" and data["exit"] == 1
    last = data["links"][-1]
    assert {k: last[k] for k in ("file", "line", "kind", "status", "lhs", "rhs")} == {
        "file": "j.md", "line": 3, "kind": "claim", "status": "refuted", "lhs": "p + q", "rhs": "q + 2 p"}
    assert last["counterexample"] == {"p": "1/3", "q": "2/7"}
    assert last["reason"] == "the sides are 0.61904762 and 0.95238095"
    assert data["summary"]["refuted"] == 1 and data["summary"]["definition"] == 3


def test_text_report_lines() -> None:
    text = check_text(COIN + "$$p + q = q + p = 2 p + q$$", "t.md").text().splitlines()
    assert text[3:] == ["t.md:3: proved",
                        "t.md:3: refuted: q + p != 2 p + q at p=1/3, q=2/7 (the sides are 0.61904762 and 0.95238095)",
                        "t.md: 1 proved, 1 refuted, 0 unknown, 0 not parsed, 0 skipped; 3 definitions (1 checked), "
                        "0 assumptions"]


def test_a_link_out_of_time_is_unknown(monkeypatch) -> None:
    """A check that runs past --timeout is stopped (in whatever thread it runs) and reported unknown."""
    import time

    import derive.verify

    def slow(*args: object, **kwargs: object):
        while True:  # Python work the time limit can interrupt between two bytecodes
            time.sleep(0.01)

    monkeypatch.setattr(derive.verify, "check_equal", slow)
    start = time.monotonic()
    result = check_text(COIN + r"$$p (1 - p) = p - p^2$$", "slow.md", options=Options(timeout=0.3))
    assert time.monotonic() - start < 10
    assert any("gave up after" in e.reason for e in result.entries), result.text()
    assert all(e.status != "proved" for e in result.entries)


# -- unusable input ---------------------------------------------------------------------------
@pytest.mark.parametrize(("content", "fragment"), [
    (b"", "no math found"),
    (b"just prose", "no math found"),
    (b"$x$ and $y$", "no equation or relation"),
    (b"\x00\x01binary", "is not a text file"),
    (b"\xff\xfe$x = 1$", "is not UTF-8 text"),
    (b"$$x = x$$\n" * 1200, "more than 1000 equations"),
], ids=["empty", "prose", "no-equation", "binary", "latin", "too-many"])
def test_unusable_documents(tmp_path: Path, content: bytes, fragment: str) -> None:
    path = tmp_path / "doc.md"
    path.write_bytes(content)
    with pytest.raises(CheckError, match=fragment) as caught:
        check_file(path)
    assert "\n" not in str(caught.value)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(CheckError, match="cannot read"):
        check_file(tmp_path / "absent.md")
    with pytest.raises(CheckError, match="is a folder"):
        check_file(tmp_path)



# -- suppositions, implications and inequalities ------------------------------------------------
#: (document after the coin, [(kind, status, relation)] of the entries after the coin's three definitions)
LOGIC = [
    ("Suppose\n\n$$q - p = 0$$\n\n$$\\iff q = p$$\n\n$$\\implies q^2 = p^2$$",
     [("supposition", "supposed", "="), ("implication", "proved", "⇔"), ("implication", "proved", "⇒")]),
    ("Suppose\n\n$$q - p = 0$$\n\n$$\\iff q = 1 - p$$",
     [("supposition", "supposed", "="), ("implication", "refuted", "⇔")]),
    ("Suppose\n\n$$q^2 = p^2$$\n\n$$\\iff q = p$$",  # q = -p is outside (0, 1): the two say the same there
     [("supposition", "supposed", "="), ("implication", "proved", "⇔")]),
    ("Suppose\n\n$$q = p$$\n\n$$\\impliedby q - p = 0$$", [("supposition", "supposed", "="),
                                                           ("implication", "proved", "⇐")]),
    ("Suppose\n\n$$\\begin{cases} q = p \\\\ \\lambda = 1 \\end{cases}$$\n\n"
     "$$\\iff \\begin{cases} q - p = 0 \\\\ \\lambda - 1 = 0 \\end{cases}$$",
     [("supposition", "supposed", ""), ("implication", "proved", "⇔")]),
    ("$$\\iff q = p$$", [("implication", "not parsed", "⇔")]),
    ("$$\\begin{cases} q = p \\\\ \\lambda = 1 \\end{cases}$$", [("claim", "skipped", "")]),
    ("$$p (1 - p) > 0$$", [("claim", "proved", ">")]),
    ("$$p (1 - p) < 0$$", [("claim", "refuted", "<")]),
    ("$$p - 1 = -(1 - p) \\leq 0 < 1$$",
     [("claim", "proved", "="), ("claim", "proved", "<="), ("claim", "proved", "<")]),
    ("$$-\\log(p) \\geq 1 - p$$", [("claim", "proved", ">=")]),
    ("$$p q \\geq \\mystery(x)$$", [("claim", "skipped", ">=")]),
    ("$$p = q \\quad \\text{if} \\quad q = p$$", [("claim", "skipped", "="), ("supposition", "supposed", "=")]),
    ("where $0 < p < 1$ and $p > 0$", [("assumption", "assumption", ""), ("assumption", "assumption", "")]),
]


@pytest.mark.parametrize(("document", "expected"), LOGIC, ids=[r[0][:50] for r in LOGIC])
def test_suppositions_implications_and_inequalities(document: str, expected: list) -> None:
    result = check_text(COIN + document, "logic.md")
    assert [(e.kind, e.status, e.relation) for e in result.entries[3:]] == expected, result.text()


def test_report_lines_of_an_implication_and_an_inequality() -> None:
    text = check_text(COIN + "Suppose\n\n$$q - p = 0$$\n\n$$\\iff q = 1 - p$$\n\n$$p (1 - p) < 0$$", "r.md").text()
    lines = text.splitlines()
    assert lines[3] == ('r.md:5: supposed: q - p = 0 (after "suppose"; the rest of this sentence and the next '
                        "statement's are checked as its consequences)")
    assert lines[4].startswith("r.md:7: refuted: q - p = 0 \\iff q = 1 - p fails at p=1/3 (the first implies")
    assert lines[5].startswith("r.md:9: refuted: p (1 - p) < 0 fails at p=2/7, q=2/7 (under the supposition "
                               "-p + q = 0: with p = q")
    assert lines[6].endswith("3 definitions (1 checked), 0 assumptions, 1 supposition")
    data = json.loads(check_text(COIN + "$$p (1 - p) > 0$$", "j.md").json())
    assert data["links"][-1]["relation"] == ">" and data["summary"]["supposed"] == 0


def test_a_discrete_variable_lies_in_the_support() -> None:
    poisson = ("$P = \\mathrm{Poisson}(\\lambda)$, $P(k) = \\frac{\\lambda^{k} e^{-\\lambda}}{k!}$, "
               "with $0 < \\lambda < 5$.\n\n")
    result = check_text(poisson + "$$P(k) > 0$$", "k.md")  # at k = -18/11 the mass formula is negative
    assert [(e.kind, e.status) for e in result.entries] == [
        ("definition", "definition"), ("definition", "definition"), ("assumption", "assumption"),
        ("claim", "proved")], result.text()
    wrong = check_text(poisson.replace("{k!}", "{(k + 1)!}"), "w.md")
    (refuted,) = [e for e in wrong.entries if e.status == "refuted"]
    assert dict(refuted.counterexample)["k"] in {str(n) for n in range(11)}


# -- notation: lower-case distributions, sums to a number, \mathcal{L} --------------------------
NORMALS = r"Let $p(x) = \mathcal{N}(x \mid \mu_1, \sigma_1^2)$ and $q(x) = \mathcal{N}(x; \mu_2, \sigma_2^2)$." "\n\n"
VECTORS = "Let $p = (p_1, \\ldots, p_k)$ and $q = (q_1, \\ldots, q_k)$.\n\n"
THREE = "Let $P = (p_1, p_2, p_3)$ and $Q = (q_1, q_2, q_3)$.\n\n"
LAGRANGE = "$P(H) = p$, $Q(H) = q$, with $0 < p < 1$, $0 < q < 1$.\n\n$$\\mathcal{L} = H(P, Q) + \\lambda (q - 1)$$\n\n"

#: (document, the statuses of its checked links: claims and checked definitions, in order)
NOTATION = [
    (NORMALS + "$$KL(p \\Vert q) = \\int p(x) \\log \\frac{p(x)}{q(x)} \\, dx$$\n\n$$H(p, q) = KL(p \\Vert q) + H(p)$$",
     ["definition", "proved"]),
    (NORMALS + "$$H(p, q) = KL(p \\Vert q) - H(p)$$", ["refuted"]),
    (VECTORS + "$$KL(p \\Vert q) = \\sum_{i=1}^{k} p_i \\log \\frac{p_i}{q_i} = H(p, q) - H(p)$$",
     ["definition", "proved"]),
    (THREE + "$$KL(P \\Vert Q) = \\sum_{i=1}^{3} p_i \\log \\frac{p_i}{q_i} = \\sum_{i=1}^{3} P(i) \\log "
             "\\frac{P(i)}{Q(i)} = H(P, Q) - H(P)$$", ["definition", "proved", "proved"]),
    (THREE + "$$H(P, Q) = -\\sum_{i=1}^{3} p_i \\log q_i$$", ["definition"]),
    (THREE + "$$H(P, Q) = \\sum_{i=1}^{3} p_i \\log q_i$$", ["refuted"]),
    (THREE + "$$\\sum_{i=1}^{3} p_i = 1$$", ["proved"]),
    (LAGRANGE + "$$\\frac{\\partial}{\\partial q} \\mathcal{L} = -\\frac{p}{q} + \\frac{1 - p}{1 - q} + \\lambda$$",
     ["proved"]),
    (LAGRANGE + "$$\\frac{\\partial}{\\partial q} \\mathcal{L} = -\\frac{p}{q} + \\lambda$$", ["refuted"]),
]


@pytest.mark.parametrize(("document", "expected"), NOTATION, ids=[n[0][-60:] for n in NOTATION])
def test_notation_of_other_authors(document: str, expected: list[str]) -> None:
    result = check_text(document, "n.md")
    checked = [e.status if e.kind != "definition" or e.status == "refuted" else "definition"
               for e in result.entries if e.status in ("proved", "refuted", "unknown") or e.checked]
    assert checked == expected, result.text()
    assert result.count("not parsed") == 0, result.text()


def test_a_lower_case_distribution_is_declared() -> None:
    result = check_text(NORMALS + "$$H(p) = \\frac{1}{2} \\log(2 \\pi e \\sigma_1^2)$$", "n.md")
    assert [e.reason for e in result.entries if e.kind == "definition"][:2] == [
        "p is Normal(mu_1, sigma_1)", "q is Normal(mu_2, sigma_2)"]


def test_an_index_bounded_by_the_number_of_outcomes_is_one_of_them() -> None:
    document = ("$P(i) = p_{i}$ and $Q(i) = q_{i}$, with $n \\geq 1$, $\\sum_{i=1}^{n} p_{i} = 1$ and "
                "$1 \\leq j \\leq n$.\n\n"
                "$$\\sum_{i=1}^{n} -\\frac{p_{i} \\delta_{i j}}{q_{i}} + "
                "\\lambda \\left[\\sum_{i=1}^{n} \\delta_{i j}\\right]"
                " = -\\frac{p_{j}}{q_{j}} + \\lambda$$\n\nvalid since $j \\leq n$.\n")
    result = check_text(document, "j.md")
    assert [(e.kind, e.status) for e in result.entries] == [
        ("definition", "definition"), ("definition", "definition"), ("assumption", "assumption"),
        ("claim", "proved"), ("assumption", "assumption"), ("claim", "proved"), ("claim", "proved")], \
        result.text()
    assert "j is one of the n outcomes" in result.entries[4].reason
    assert "(stated above)" in result.entries[6].reason  # "valid since $j \\leq n$": a claim, and it holds
    wrong = check_text(document.replace("= -\\frac{p_{j}}{q_{j}}", "= -\\frac{p_{j}}{q_{1}}"), "w.md")
    assert wrong.count("refuted") == 1, wrong.text()


# -- several equations supposed together; a restated display claims what it shows; e made a variable ---------------
@pytest.mark.parametrize("document, expected", [
    ("Suppose $x = 2$ and $y = 3$. Then\n\n$$x + y = 5$$\n", [("supposition", "supposed")] * 2 + [("claim", "proved")]),
    ("Suppose that $x + y = 2$ and $x - y = 0$. Then\n\n$$x = 1$$\n",
     [("supposition", "supposed")] * 2 + [("claim", "proved")]),
    ("Suppose that $x + y = 2$ and $x - y = 0$. Then\n\n$$x = 2$$\n",
     [("supposition", "supposed")] * 2 + [("claim", "refuted")]),
    ("Suppose\n\n$$x + y = 2, \\quad x - y = 0.$$\n\n$$\\implies x = 1$$\n",
     [("supposition", "supposed")] * 2 + [("implication", "proved")]),
    ("Suppose $x + y = 2$. Then\n\n$$2 x + 2 y \\ge 4$$\n", [("supposition", "supposed"), ("claim", "proved")]),
    # "then" makes what follows a claim: only the first equation is supposed
    ("If $x = 2$ then $x^2 = 5$.\n", [("supposition", "supposed"), ("claim", "refuted")]),
    # two displays after "Suppose": the second follows from the first, it is not supposed too
    ("Suppose\n\n$$c = 2$$\n\n$$c x = 2 x$$\n", [("supposition", "supposed"), ("claim", "proved")]),
])
def test_equations_supposed_together(document: str, expected: list) -> None:
    result = check_text(document, "s.md")
    assert [(e.kind, e.status) for e in result.entries] == expected, result.text()


def test_a_supposition_never_reaches_a_later_display_that_restates_the_subject() -> None:
    text = (COIN + "Suppose $q = p$.\n\n$$KL(P \\| Q) = 0$$\n\nRemove the supposition; for every $q$,\n\n"
            "$$KL(P \\| Q) \\geq 0$$\n\n$$KL(P \\| Q) = 0.$$\n")
    result = check_text(text, "l.md")
    claims = [(e.status, e.relation) for e in result.entries if e.kind == "claim"]
    assert claims == [("proved", "="), ("proved", ">="), ("refuted", "=")], result.text()


@pytest.mark.parametrize("document, status", [
    ("Let $e := 3$.\n\n$$e^2 = 9$$\n", "proved"),
    ("Let $e := 3$.\n\n$$e^2 = \\exp(2)$$\n", "refuted"),
    ("Let $x > 0$.\n\n$$e^{\\log x} = x$$\n", "proved"),  # e not declared: Euler's number
])
def test_a_document_that_names_e_a_variable_means_it_everywhere(document: str, status: str) -> None:
    result = check_text(document, "e.md")
    assert [e.status for e in result.entries if e.kind == "claim"] == [status], result.text()


def test_a_sum_over_its_own_limit_is_no_count() -> None:
    r"""``\sum_n p_n`` runs over ``n`` itself (no limits written): ``n`` is bound there, never a count to cover."""
    result = check_text("Let $0 < p_n, q_n < 1$.\n\n$$\\sum_n p_n \\log \\frac{q_n}{p_n} \\leq 0$$\n", "g.md")
    (claim,) = [e for e in result.entries if e.kind == "claim"]
    assert "error" not in claim.reason, claim.text()


@pytest.mark.parametrize(("tex", "units"), [
    (r"H = -\sum_x p(x) \log_2 p(x)", "bits"),
    (r"H = -\sum_x p(x) \log_b p(x) + \log_{b} 2", "any"),  # a base left open: above 1
    (r"H = -\sum_x p(x) \log_b p(x) + \ln 2", None),  # mixed: the document's
    (r"H = -\sum_x p(x) \log p(x)", None),
    (r"x + 1", None),
])
def test_each_display_in_the_base_its_logarithms_are_written_in(tex: str, units: str | None) -> None:
    from derive.check.run import written_units

    assert written_units(tex) == units
