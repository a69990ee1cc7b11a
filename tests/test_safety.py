"""Nothing a user writes is evaluated as code: a lint over the package, and payloads through every door."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "derive"
RISKY = re.compile(r"\b(eval|exec|sympify|parse_expr|S)\(")


def test_no_call_that_evaluates_strings_without_a_reviewed_marker():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if RISKY.search(code) and "# safe:" not in line:
                found.append(f"{path.relative_to(PACKAGE.parent)}:{number}: {line.strip()}")
    assert not found, "calls that can evaluate a string as code:\n" + "\n".join(found)


@pytest.mark.parametrize("args", [
    ["article", "--names", "__import__('os').system('touch {m}'),Q"],
    ["article", "--params", "p,__import__('os').system('touch {m}')"],
    ["article", "--outcomes", "H,T;touch {m}"],
    ["article", "--dist", "__import__('os').system('touch {m}')"],
    ["verify", "{m}.json"],
], ids=["names", "params", "outcomes", "dist", "verify-missing"])
def test_payloads_in_arguments_never_run(tmp_path: Path, args: list[str]):
    marker = tmp_path / "pwned"
    argv = [a.replace("{m}", str(marker)) for a in args] + ["--out", str(tmp_path / "out")] * (args[0] == "article")
    result = subprocess.run([sys.executable, "-m", "derive.cli", *argv], capture_output=True, text=True)
    assert result.returncode == 2, result.stderr
    assert not marker.exists()
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_parser_payloads_are_refused_not_run(tmp_path: Path):
    from derive.parse import ParseError, parse_latex
    marker = tmp_path / "pwned"
    for payload in (f"__import__('os').system('touch {marker}')", r"\text{" + f"__import__('os').system('touch {marker}')" + "}",
                    "lambda: 1", "().__class__"):
        with pytest.raises(ParseError):
            parse_latex(payload)
    assert not marker.exists()


# -- every door, every payload (tests/test_bad_input.py has the catalogue of merely malformed input) ----------------

#: Texts that run code if anything evaluates them; ``{m}`` is the marker file they would create.
PAYLOADS = (
    "__import__('os').system('touch {m}')",
    "eval(\"open('{m}', 'w')\")",
    "exec(\"open('{m}', 'w')\")",
    "open('{m}', 'w').close()",
    "().__class__.__base__.__subclasses__()",
    "$(touch {m})",
    "; touch {m}",
    "{{__import__('os').system('touch {m}')}}",
)
#: More risky calls: each evaluates or imports something named by text, or runs a program.
RISKY_MORE = re.compile(r"(?<![\w.])(compile|__import__)\(|\b(import_module|lambdify|unsafe_load)\(|"
                        r"\b(os\.system|os\.popen|subprocess|pickle|marshal|yaml|shelve)\.?")
#: Reviewed uses, with the reason each is safe.
REVIEWED = {
    ("derive/__init__.py", "import_module"): "imports derive's own submodules, named in the _LAZY table",
    ("derive/render/export.py", "import_module"): "imports a backend only after checking it is one of BACKENDS",
    ("derive/render/export.py", "lambdify"): "SymPy code generation from an expression, never from text",
    ("derive/verify/quadrature.py", "lambdify"): "SymPy code generation from an integrand, never from text",
    ("derive/parse/warm.py", "pickle"): "derive's own grammar cache, read by an Unpickler whose find_class admits "
                                        "ANTLR's classes only (tests/parse/test_warm.py feeds it a payload)",
}


def test_no_other_code_execution_without_a_review():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        where = str(path.relative_to(PACKAGE.parent))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            for match in RISKY_MORE.finditer(code):
                name = next(g for g in match.groups() if g)
                if (where, name) not in REVIEWED and "# safe:" not in line:
                    found.append(f"{where}:{number}: {line.strip()}")
    assert not found, "calls that can run code named by text, not reviewed:\n" + "\n".join(found)


def payloads(marker: Path) -> list[str]:
    return [p.replace("{m}", str(marker)) for p in PAYLOADS]


@pytest.mark.parametrize("option", ["--units", "--topic", "--style", "--log", "--format", "--dist"])
def test_payloads_in_every_article_option_never_run(tmp_path: Path, option: str):
    marker = tmp_path / "pwned"
    for payload in payloads(marker)[:2]:
        result = subprocess.run([sys.executable, "-m", "derive.cli", "article", option, payload, "--out",
                                 str(tmp_path / "out")], capture_output=True, text=True, cwd=tmp_path)
        assert result.returncode == 2 and "Traceback" not in result.stderr
    assert not marker.exists()


def test_a_payload_as_the_output_folder_is_only_a_name(tmp_path: Path):
    marker = tmp_path / "pwned"
    folder = f"__import__('os').system('touch {marker}')".replace("/", "_")
    result = subprocess.run([sys.executable, "-m", "derive.cli", "article", "--format", "md", "--out", folder],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / folder / "kl-cross-entropy-coin.md").is_file()
    assert not marker.exists()


def _string_fields(value: object, path: tuple = ()):
    """Every string in a JSON document, with the path to it."""
    if isinstance(value, str):
        yield path
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _string_fields(v, path + (k,))
    elif isinstance(value, list):
        for k, v in enumerate(value):
            yield from _string_fields(v, path + (k,))


def _put(document: object, path: tuple, text: str) -> None:
    for key in path[:-1]:
        document = document[key]
    document[path[-1]] = text


def test_payloads_in_every_string_field_of_a_proof_file_never_run(tmp_path: Path, capsys):
    import json

    from derive.api import Options, article_documents
    from derive.cli import main

    marker = tmp_path / "pwned"
    documents, _ = article_documents(("json",), Options(), "coin")
    original = json.loads(next(iter(documents.values())))
    original["steps"] = original["steps"][:2]  # every kind of field, and a file that verifies quickly
    fields = list(_string_fields(original))
    assert len(fields) > 25  # title, units, families, names, parameters, outcomes, domains, each step's fields
    path = tmp_path / "proof.json"
    tried = 0
    for k, field in enumerate(fields):
        document = json.loads(json.dumps(original))
        _put(document, field, payloads(marker)[k % len(PAYLOADS)])
        path.write_text(json.dumps(document))
        code = main(["verify", str(path)])
        err = capsys.readouterr().err
        assert code in (0, 1, 2) and "Traceback" not in err
        tried += 1
    assert tried == len(fields) and not marker.exists()


def test_payloads_everywhere_in_one_proof_file_through_the_command(tmp_path: Path):
    import json

    from derive.api import Options, article_documents

    marker = tmp_path / "pwned"
    documents, _ = article_documents(("json",), Options(), "coin")
    document = json.loads(next(iter(documents.values())))
    for k, field in enumerate(_string_fields(document)):
        _put(document, field, payloads(marker)[k % len(PAYLOADS)])
    path = tmp_path / "evil.json"
    path.write_text(json.dumps(document))
    result = subprocess.run([sys.executable, "-m", "derive.cli", "verify", str(path)], capture_output=True, text=True)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert not marker.exists()


# -- derive check documents and its --assume / --define (skipped until derive.check exists) -------------------------

def _documents(payload: str) -> dict[str, str]:
    coin = "$P(H) = p$, $Q(H) = q$\n\n$$KL(P \\Vert Q) = H(P, Q) - H(P)$$\n\n"
    return {
        "display.md": coin + f"$$ {payload} = 1 $$\n",
        "inline.md": coin + f"Inline ${payload}$ here.\n",
        "text.md": coin + f"$$ \\text{{{payload}}} = x $$\n",
        "operatorname.md": coin + f"$$ \\operatorname{{{payload}}}(p) = p $$\n",
        "definition.md": f"$P(H) = {payload}$\n\n$$H(P) = 0$$\n",
        "front-define.md": f"---\nderive:\n  define: [\"P(H) = {payload}\"]\n---\n" + coin,
        "front-assume.md": f"---\nderive:\n  assume: [\"0 < {payload} < 1\"]\n---\n" + coin,
        "front-units.md": f"---\nderive:\n  units: \"{payload}\"\n---\n" + coin,
        "front-title.md": f"---\ntitle: \"{payload}\"\n---\n" + coin,
        "equation.tex": "\\begin{equation}" + payload + " = 1\\end{equation}\n",
        "bracket.tex": f"\\[ P(H) = p \\] \\[ {payload} \\]\n",
    }


def test_payloads_in_documents_for_derive_check_never_run(tmp_path: Path):
    pytest.importorskip("derive.check")
    from derive.cli import main

    marker = tmp_path / "pwned"
    for payload in payloads(marker):
        for name, text in _documents(payload).items():
            doc = tmp_path / name
            doc.write_text(text)
            assert main(["check", str(doc)]) in (0, 1, 2)
    assert not marker.exists()


@pytest.mark.parametrize("option, template", [
    ("--assume", "{p}"), ("--assume", "0 < {p} < 1"), ("--assume", "{p} > 0"),
    ("--define", "{p}"), ("--define", "P(H) = {p}"), ("--define", "P = {p}"), ("--define", "{p} = p"),
])
def test_payloads_in_assume_and_define_never_run(tmp_path: Path, capsys, option: str, template: str):
    pytest.importorskip("derive.check")
    from derive.cli import main

    marker = tmp_path / "pwned"
    doc = tmp_path / "doc.md"
    doc.write_text("$P(H) = p$\n\n$$H(P) = -p \\log(p) - (1 - p) \\log(1 - p)$$\n")
    for payload in payloads(marker):
        code = main(["check", str(doc), option, template.replace("{p}", payload)])
        assert code in (0, 1, 2) and "Traceback" not in capsys.readouterr().err
    assert not marker.exists()


def test_payloads_through_assert_identity_never_run(tmp_path: Path):
    testing = pytest.importorskip("derive.testing")
    from derive import DeriveError

    marker = tmp_path / "pwned"
    for payload in payloads(marker):
        for kwargs in ({"lhs": payload, "rhs": "p"}, {"lhs": "p", "rhs": payload},
                       {"lhs": "P(H)", "rhs": "p", "define": [f"P(H) = {payload}"]},
                       {"lhs": "a", "rhs": "a", "assume": [payload]},
                       {"lhs": "a", "rhs": "a", "assume": [f"0 < {payload} < 1"]}):
            with pytest.raises((AssertionError, DeriveError, TypeError)):
                testing.assert_identity(**kwargs)
    assert not marker.exists()
