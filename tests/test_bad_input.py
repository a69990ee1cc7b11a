"""Bad input, clear answers: a catalogue of what users (and adversaries) feed derive, each with its message and exit code.

Every entry is a row of a table: the input, where it goes in (the API, ``derive verify``, ``derive check``,
``derive article``), and a fragment the one-line message must contain.  The command line answers with one line
on standard error naming the problem and where, exit status 2, and no traceback; the API raises a subclass of
:class:`derive.DeriveError`.  Nothing is half-written: outputs go to temporary files that are moved into place.

The last section bounds resources: inputs that would blow up (megabytes of LaTeX, braces nested thousands deep,
a categorical with a million outcomes, ``p^{10^{10}}``) run in a subprocess under a 20-second timeout and a
2 GiB address-space limit (``resource.setrlimit``), and must fail fast with a clear message or finish.

Entries already covered elsewhere are not repeated: malformed LaTeX read directly (``tests/parse/test_adapter.py``),
bad command-line options and an output folder whose parent is a file (``tests/test_cli.py``), malformed proof
files and a missing proof file (``tests/check/test_proof_file.py``), and ``derive check``'s hostile documents
(``tests/check/test_cli.py``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
import sympy as sp

import derive
from derive import Bernoulli, Categorical, DeriveError, Normal
from derive.api import Options, article_documents
from derive.cli import main
from derive.core import Chain
from derive.core.terms import add, quotient
from derive.distributions.measures import KL, Entropy
from derive.errors import InvalidParameter, OutputError, RuleError
from derive.outputs import write_all
from derive.parse import ParseError, parse_latex
from derive.rules import distribute, log_quotient_split, substitute

p, q = sp.symbols("p q")
ROOT = Path(__file__).resolve().parents[1]


def cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "derive.cli", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT)


def one_line_error(code: int, err: str, fragment: str) -> None:
    """Exit status 2, one line on standard error that contains ``fragment``, no traceback."""
    assert code == 2, err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert fragment in lines[0], lines[0]


# -- 1. LaTeX read directly (what tests/parse does not already try) ------------------------------------------------

LATEX = [
    ("nul-bytes", "\x00\x01\x02", "unexpected character '\\x00' at offset 0"),
    ("replacement-characters", "p \ufffd q", "unexpected character"),
    ("bytes", b"\x89PNG\r\n", "expected a LaTeX string, got bytes"),
    ("none", None, "expected a LaTeX string, got NoneType"),
    ("frac-without-arguments", r"\frac{}{}", "cannot read the LaTeX at offset"),
    ("two-equals", "p = = q", "an expression is missing at offset 3"),
    ("bare-sum", r"\sum", "has no limits and no one index"),
    ("integral-without-differential", r"\int_0^1 x", "has no differential"),
    ("huge-exponent", r"p^{10^{10}}", "exponent 10**10 is too large"),
    ("huge-negative-exponent", r"p^{-10^{10}}", "is too large"),
    ("power-tower", r"2^{2^{2^{2^{2^{2}}}}}", "is too large"),
    ("huge-factorial", r"(10^{6})!", "argument of factorial 10**6 is too large"),
]


@pytest.mark.parametrize("text, fragment", [row[1:] for row in LATEX], ids=[row[0] for row in LATEX])
def test_malformed_latex_is_a_parse_error(text: object, fragment: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_latex(text)  # type: ignore[arg-type]
    assert isinstance(caught.value, DeriveError)
    assert fragment in str(caught.value) and "\n" not in str(caught.value)


# -- 2. Proof files for `derive verify`: bad LaTeX in each kind of field, bad files ----------------------------------

def proof() -> dict:
    documents, _ = article_documents(("json",), Options(), "coin")
    return json.loads(next(iter(documents.values())))


def in_step(k: int, field: str, text: str) -> Callable[[dict], dict]:
    def edit(d: dict) -> dict:
        d["steps"][k][field] = text
        return d
    return edit


def in_distribution(field: str, value: object) -> Callable[[dict], dict]:
    def edit(d: dict) -> dict:
        d["distributions"][0][field] = value
        return d
    return edit


PROOF_FILES = [
    ("unbalanced-braces-in-before", in_step(2, "before", r"p \log\left(\frac{p}{q}\right) + {"),
     "steps[2].before: unbalanced braces"),
    ("unknown-command-in-after", in_step(3, "after", r"\foo(p)"), r"steps[3].after: unknown command \foo"),
    ("empty-subject", in_step(1, "subject", ""), "steps[1].subject: empty input"),
    ("binary-in-after", in_step(0, "after", "\x00\x7f\x1b[2J"), "steps[0].after: unexpected character"),
    ("huge-exponent-in-after", in_step(4, "after", r"p^{10^{10}}"), "steps[4].after: the exponent 10**10 is too large"),
    ("unbalanced-parameter", in_distribution("parameters", [r"\frac{1}{"]),
     "distributions[0].parameters[0]: unbalanced braces"),
    ("parameter-outside-its-domain", in_distribution("parameters", [r"\frac{3}{2}"]),
     "Bernoulli parameter must lie in [0, 1], got 3/2"),
    ("bad-distribution-name", in_distribution("name", "1P"), "distribution name must be a letter"),
    ("outcomes-not-a-list", in_distribution("outcomes", "HT"), "distributions[0].outcomes: expected list"),
    ("top-level-list", lambda d: [d], "top level: expected dict"),
    ("nul-bytes-before-the-json", lambda d: "\x00" + json.dumps(d), "not valid JSON"),
    ("empty-file", lambda d: "", "1:1: not valid JSON"),
    ("invalid-utf8", lambda d: b"\xff\xfe\x00{", "cannot read"),
    ("over-five-megabytes", lambda d: " " * 5_000_001, "file is larger than 5000000 bytes"),
]


@pytest.mark.parametrize("edit, fragment", [row[1:] for row in PROOF_FILES], ids=[row[0] for row in PROOF_FILES])
def test_bad_proof_files_exit_2_saying_where(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            edit: Callable[[dict], object], fragment: str) -> None:
    content = edit(proof())
    path = tmp_path / "proof.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    code = main(["verify", str(path)])
    one_line_error(code, capsys.readouterr().err, fragment)


# -- 3. Files that cannot be read -----------------------------------------------------------------------------------

UNREADABLE = [
    ("verify-a-folder", ["verify", "{dir}"], "cannot read {dir}: Is a directory"),
    ("check-a-folder-of-no-document", ["check", "{dir}/void"], "no .md or .tex document in {dir}/void"),
    ("check-binary-data", ["check", "{dir}/binary.md"], "is not a text file"),
    ("check-empty-document", ["check", "{dir}/empty.md"], "no math found"),
    ("verify-a-dangling-link", ["verify", "{dir}/dangling.json"], "cannot read {dir}/dangling.json: No such file"),
    ("check-unreadable", ["check", "{dir}/locked.md"], "Permission denied"),
]


@pytest.mark.parametrize("args, fragment", [row[1:] for row in UNREADABLE], ids=[row[0] for row in UNREADABLE])
def test_files_that_cannot_be_read(tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str],
                                   fragment: str) -> None:
    if "check" in args:
        pytest.importorskip("derive.check")
    if "locked" in " ".join(args) and os.geteuid() == 0:
        pytest.skip("root reads files whatever their permissions")
    (tmp_path / "binary.md").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "empty.md").write_text("")
    (tmp_path / "locked.md").write_text("$$x = x$$\n")
    (tmp_path / "locked.md").chmod(0)
    (tmp_path / "dangling.json").symlink_to(tmp_path / "nowhere.json")
    (tmp_path / "void").mkdir()
    code = main([a.replace("{dir}", str(tmp_path)) for a in args])
    one_line_error(code, capsys.readouterr().err, fragment.replace("{dir}", str(tmp_path)))


def test_a_proof_file_that_may_not_be_read(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Permission denied (simulated: the tests may run as root, who reads every file)."""
    path = tmp_path / "locked.json"
    path.write_text("{}")
    real = Path.read_text

    def denied(self: Path, *args: object, **kwargs: object) -> str:
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", denied)
    one_line_error(main(["verify", str(path)]), capsys.readouterr().err, f"cannot read {path}: Permission denied")


# -- 4. Command-line arguments ----------------------------------------------------------------------------------------

ARGUMENTS = [
    ("unknown-distribution", ["article", "--dist", "nope"], "argument --dist: invalid choice: 'nope'"),
    ("unknown-units", ["article", "--units", "furlongs"], "argument --units: invalid choice: 'furlongs'"),
    ("unknown-topic", ["article", "--topic", "ethics"], "argument --topic: invalid choice: 'ethics'"),
    ("unknown-style", ["article", "--style", "baroque"], "argument --style: invalid choice: 'baroque'"),
    ("unknown-log", ["article", "--log", "lg"], "argument --log: invalid choice: 'lg'"),
    ("same-names", ["article", "--names", "P,P"], "expected two different names like A,B, got 'P,P'"),
    ("three-outcomes", ["article", "--outcomes", "H,T,E"], "argument --outcomes: expected two different labels"),
    ("a-name-that-is-code", ["article", "--params", "p,q;rm"], "argument --params: expected two different names"),
    ("verify-without-a-file", ["verify"], "the following arguments are required: file"),
    ("check-negative-timeout", ["check", "doc.md", "--timeout", "-1"], "expected a positive number of seconds"),
    ("check-zero-timeout", ["check", "doc.md", "--timeout", "0"], "expected a positive number of seconds"),
    ("check-timeout-not-a-number", ["check", "doc.md", "--timeout", "soon"], "expected a number of seconds"),
    ("check-unknown-units", ["check", "doc.md", "--units", "furlongs"], "argument --units: invalid choice"),
]


@pytest.mark.parametrize("args, fragment", [row[1:] for row in ARGUMENTS], ids=[row[0] for row in ARGUMENTS])
def test_bad_arguments(capsys: pytest.CaptureFixture[str], args: list[str], fragment: str) -> None:
    if args[0] == "check":
        pytest.importorskip("derive.check")
    code = main(args + (["--out", "-"] if args[0] == "article" else []))
    one_line_error(code, capsys.readouterr().err, fragment)


def test_the_real_command_has_no_traceback_either() -> None:
    result = cli("article", "--dist", "nope", "--out", "-")
    one_line_error(result.returncode, result.stderr, "invalid choice: 'nope'")
    assert result.stdout == ""


# -- 5. Invalid parameters, through the API ---------------------------------------------------------------------------

PARAMETERS: list[tuple[str, Callable[[], object], str]] = [
    ("bernoulli-above-one", lambda: Bernoulli(1.5), "Bernoulli parameter must lie in [0, 1], got 1.5"),
    ("bernoulli-below-zero", lambda: Bernoulli(sp.Rational(-1, 10)), "must lie in [0, 1], got -1/10"),
    ("bernoulli-nan", lambda: Bernoulli(float("nan")), "must be a finite number"),
    ("bernoulli-text", lambda: Bernoulli("p"), "must be a SymPy symbol or a number, got str"),
    ("bernoulli-complex", lambda: Bernoulli(sp.I), "must be a SymPy symbol or a number"),
    ("bernoulli-negative-symbol", lambda: Bernoulli(sp.Symbol("p", negative=True)),
     "declared with assumptions that put it outside"),
    ("bernoulli-symbol-above-one", lambda: Bernoulli(sp.Symbol("p", positive=True) + 1),
     "declared with assumptions that put it outside"),
    ("normal-negative-sigma", lambda: Normal(0, -1), "Normal scale sigma must lie in (0, oo), got -1"),
    ("normal-zero-sigma", lambda: Normal(0, 0), "Normal scale sigma must lie in (0, oo), got 0"),
    ("normal-negative-symbol-sigma", lambda: Normal(0, sp.Symbol("s", negative=True)),
     "Normal scale sigma s is declared with assumptions"),
    ("normal-infinite-mean", lambda: Normal(sp.oo, 1), "Normal mean mu must be a SymPy symbol or a number"),
    ("exponential-zero-rate", lambda: derive.Exponential(0), "Exponential rate must lie in (0, oo)"),
    ("geometric-certain-success", lambda: derive.Geometric(1), "must lie in (0, 1), got 1"),
    ("uniform-reversed", lambda: derive.Uniform(2, 1), "Uniform needs low < high"),
    ("binomial-fractional-trials", lambda: derive.Binomial(sp.Rational(3, 2), sp.Rational(1, 2)), "positive integer"),
    ("categorical-negative", lambda: Categorical([sp.Rational(-1, 2), sp.Rational(3, 2)]),
     "probability 1 must lie in [0, 1], got -1/2"),
    ("categorical-not-normalised", lambda: Categorical([sp.Rational(1, 2), sp.Rational(1, 3)]),
     "must sum to 1, they sum to 5/6"),
    ("categorical-floats-not-normalised", lambda: Categorical([0.5, 0.6]), "they sum to 11/10"),
    ("categorical-one-outcome", lambda: Categorical([1]), "at least two probabilities"),
    ("categorical-negative-symbol", lambda: Categorical([sp.Symbol("a", negative=True), sp.Symbol("b")]),
     "probability a is declared with assumptions"),
    ("categorical-repeated-symbol", lambda: Categorical([sp.Symbol("a"), sp.Symbol("a")]), "distinct symbols"),
    ("categorical-over-the-limit", lambda: Categorical([sp.Rational(1, 10_001)] * 10_001),
     "10001 explicit outcomes is more than the limit of 10000; use Categorical(n=...)"),
    ("categorical-n-a-number", lambda: Categorical(n=3), "n must be a SymPy symbol"),
    ("categorical-n-negative", lambda: Categorical(n=sp.Symbol("n", negative=True)), "no positive integer"),
    ("repeated-outcomes", lambda: Bernoulli(p, outcomes=("H", "H")), "outcomes must be distinct"),
    ("name-with-a-space", lambda: Bernoulli(p, name="P Q"), "distribution name must be a letter"),
    ("measure-of-a-number", lambda: Entropy(3), "Entropy takes distributions, got int"),
    ("kl-of-different-outcomes", lambda: KL(Bernoulli(p), Normal(0, 1, name="Q")), "different outcomes"),
    ("units-in-furlongs", lambda: derive.entropy(Bernoulli(p), units="furlongs"), "units must be one of nats, bits"),
]


@pytest.mark.parametrize("make, fragment", [row[1:] for row in PARAMETERS], ids=[row[0] for row in PARAMETERS])
def test_invalid_parameters_raise_a_derive_error(make: Callable[[], object], fragment: str) -> None:
    with pytest.raises(DeriveError) as caught:
        make()
    assert fragment in str(caught.value)
    assert "\n" not in str(caught.value)


def test_invalid_parameter_is_also_a_value_error() -> None:
    assert issubclass(InvalidParameter, DeriveError) and issubclass(InvalidParameter, ValueError)


# -- 6. Derivation scripts that ask the impossible ---------------------------------------------------------------------

P, Q = Bernoulli(p), Bernoulli(q, name="Q")
DOMAIN = P.domain.merge(Q.domain)

SCRIPTS: list[tuple[str, Callable[[], object], type[DeriveError], str]] = [
    ("rule-that-does-not-match", lambda: Chain(Entropy(P), domain=DOMAIN).then(distribute),
     RuleError, "rule distribute does not match H(P)"),
    ("rule-that-refuses", lambda: Chain(sp.log(quotient(add(p, sp.Integer(-1)), q)), domain=DOMAIN)
     .then(log_quotient_split), RuleError, "rule log-quotient-split refused: cannot prove p - 1 > 0"),
    ("substitute-with-nothing-to-substitute", lambda: Chain(p, domain=DOMAIN).then(substitute),
     RuleError, "rule substitute does not match p"),
    ("derivation-of-a-coin-that-never-lands-heads",
     lambda: derive.derivations.kl_cross_entropy(Bernoulli(0), Q), DeriveError, "P(H) = 0: the derivation takes"),
    ("derivation-where-q-misses-an-outcome",
     lambda: derive.derivations.kl_cross_entropy(P, Bernoulli(1, name="Q")), DeriveError, "Q(T) = 0"),
    ("derivation-of-p-against-itself",
     lambda: derive.derivations.kl_cross_entropy(P, Bernoulli(p, name="Q")), DeriveError, "the same distribution"),
    ("derivation-of-two-families",
     lambda: derive.derivations.kl_cross_entropy(Normal(0, 1), derive.Exponential(1, name="Q")),
     DeriveError, "same parametric family"),
    ("derivation-in-furlongs", lambda: derive.derivations.kl_cross_entropy(P, Q, units="furlongs"),
     DeriveError, "units must be one of"),
]


@pytest.mark.parametrize("run, error, fragment", [row[1:] for row in SCRIPTS], ids=[row[0] for row in SCRIPTS])
def test_scripts_that_ask_the_impossible(run: Callable[[], object], error: type[DeriveError], fragment: str) -> None:
    with pytest.raises(error) as caught:
        run()
    assert fragment in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_rule_error_names_a_long_expression_in_one_line() -> None:
    expr = add(*(sp.Symbol(f"x_{k}") for k in range(300)))
    with pytest.raises(RuleError) as caught:
        Chain(expr).then(distribute)
    assert "\n" not in str(caught.value)


# -- 7. Outputs: nothing half-written -------------------------------------------------------------------------------------

def test_an_output_path_that_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "outputs"
    target.write_text("a file, not a folder")
    code = main(["article", "--out", str(target)])
    one_line_error(code, capsys.readouterr().err, f"cannot create output folder {target}")
    assert target.read_text() == "a file, not a folder"


def test_a_failure_while_staging_leaves_earlier_files_intact(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("old a")
    with pytest.raises(OutputError, match=f"cannot write to {tmp_path}"):
        write_all(tmp_path, {"a.md": "new a", "missing/b.md": "new b"})  # the second cannot be staged
    assert (tmp_path / "a.md").read_text() == "old a"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]  # no temporary file behind


def test_a_failure_while_moving_leaves_whole_files_and_no_temporary_ones(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("a.md", "b.md", "c.md"):
        (tmp_path / name).write_text(f"old {name}")
    real_replace, calls = os.replace, []

    def failing_replace(src: str | os.PathLike, dst: str | os.PathLike) -> None:
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OutputError, match="No space left on device"):
        write_all(tmp_path, {"a.md": "new a.md", "b.md": "new b.md", "c.md": "new c.md"})
    contents = {p.name: p.read_text() for p in tmp_path.iterdir()}
    assert set(contents) == {"a.md", "b.md", "c.md"}, contents  # no temporary file behind
    assert all(text in (f"old {name}", f"new {name}") for name, text in contents.items()), contents


# -- 8. Bounded resources: a subprocess, a time limit and a memory limit --------------------------------------------------

TIME_LIMIT = 20  # seconds, for the whole subprocess (Python and SymPy start in about 2 s of it)
MEMORY_LIMIT = 2 * 1024 ** 3  # bytes of address space

BOUNDED = [
    ("megabytes-of-latex", "parse_latex('p + ' * 1_500_000 + 'p')", "longer than the limit"),
    ("braces-nested-thousands-deep", "parse_latex('{' * 5000 + 'p' + '}' * 5000)", "nested deeper than"),
    ("parentheses-nested-thousands-deep", "parse_latex('(' * 5000 + 'p' + ')' * 5000)", "nested deeper than"),
    ("a-million-outcomes", "Categorical([sp.Rational(1, 10**6)] * 10**6)", "more than the limit of"),
    ("huge-exponent", r"parse_latex(r'p^{10^{10}}', (P,))", "is too large"),
    ("power-tower", r"parse_latex(r'10^{10^{10^{10}}} + 1')", "is too large"),
    ("many-logarithms", r"parse_latex(' + '.join([r'\log(p)'] * 20_000), (P,))", "longer than the limit"),
    ("thousands-of-outcomes", "print(derive.entropy(Categorical([sp.Rational(1, 5000)] * 5000)))", "log(5000)"),
    ("a-power-at-the-limit", "print(derive.check_equal(P.p ** 1000 + 1, 1 + P.p ** 1000, P.domain).status)",
     "PROVED"),
]


@pytest.mark.parametrize("code, expected", [row[1:] for row in BOUNDED], ids=[row[0] for row in BOUNDED])
def test_inputs_that_would_blow_up_fail_fast_or_finish(code: str, expected: str) -> None:
    program = textwrap.dedent(f"""
        import resource
        resource.setrlimit(resource.RLIMIT_AS, ({MEMORY_LIMIT}, {MEMORY_LIMIT}))
        import sympy as sp
        import derive
        from derive import Bernoulli, Categorical
        from derive.parse import parse_latex
        P = Bernoulli(sp.Symbol("p"))
        try:
            {code}
        except derive.DeriveError as exc:
            print(type(exc).__name__, exc)
    """)
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=TIME_LIMIT,
                            cwd=ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    assert expected in result.stdout, result.stdout[-2000:]


def test_a_proof_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_text(json.dumps({"format": "derive-proof", "padding": "x" * 6_000_000}))
    result = cli("verify", str(big), timeout=TIME_LIMIT)
    one_line_error(result.returncode, result.stderr, "file is larger than 5000000 bytes")


def test_a_proof_file_with_a_huge_exponent_is_refused_in_time(tmp_path: Path) -> None:
    document = proof()
    document["steps"][2]["after"] = r"p^{10^{10}} \log(p)"
    path = tmp_path / "proof.json"
    path.write_text(json.dumps(document))
    result = cli("verify", str(path), timeout=TIME_LIMIT)
    one_line_error(result.returncode, result.stderr, "steps[2].after: the exponent 10**10 is too large")
