"""The error ``derive check`` raises for input it cannot use: a one-line message naming the place, a
:class:`~derive.errors.DeriveError` and a ``ValueError``, shown by the command as one line with exit status 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from derive.check import CheckError, Options, check_file, check_text
from derive.cli import main
from derive.errors import DeriveError

GOOD = "Let $x > 0$.\n\n$$x + x = 2 x$$\n"


def test_a_check_error_is_a_derive_error_and_a_value_error_carrying_its_message() -> None:
    error = CheckError("doc.md: no math found")
    assert isinstance(error, DeriveError) and isinstance(error, ValueError)
    assert str(error) == "doc.md: no math found" and error.args == ("doc.md: no math found",)
    with pytest.raises(ValueError, match="no math found"):
        raise error


#: (text, options, the start of the message): documents and options check_text refuses.
REFUSED = [
    ("no mathematics at all\n", Options(), "doc.md: no math found"),
    ("$x$ and $y$.\n", Options(), "doc.md: no equation or relation in its 2 math spans"),
    ("$$x = 1$$\x00\n", Options(), "doc.md is not a text file"),
    ("$$x = 1$$" + " " * 1_000_000, Options(), "doc.md has 1000009 characters, more than derive check reads"),
    ("Let $x > 1$.\n\nAssume $x < 0$.\n", Options(),
     "doc.md:3: contradictory assumption: the assumption x < 0 leaves no value for x"),
    (GOOD, Options(assume=("0 < p <",)), "--assume: assumption '0 < p <' has an empty side"),
    (GOOD, Options(assume=(3,)), "--assume: an assumption must be a string or a SymPy relation"),
    (GOOD, Options(assume=("p < q",)), "--assume: assumption 'p < q' relates two symbols"),
    (GOOD, Options(assume=("x > 1", "x < 0")), "contradictory assumptions: the assumption x < 0 leaves no value"),
    (GOOD, Options(define=("p + 1 = q",)), "--define:1: 'p + 1 = q' is not a definition"),
]


@pytest.mark.parametrize(("text", "options", "message"), REFUSED,
                         ids=["no-math", "no-relation", "nul", "too-long", "contradiction", "assume-syntax",
                              "assume-type", "assume-symbols", "two-assumptions", "define"])
def test_unusable_input_is_refused_with_one_line(text: str, options: Options, message: str) -> None:
    with pytest.raises(CheckError) as caught:
        check_text(text, "doc.md", options=options)
    assert str(caught.value).startswith(message) and "\n" not in str(caught.value)


@pytest.mark.parametrize(("name", "content", "message"), [
    ("absent.md", None, "cannot read {path}: No such file or directory"),
    ("folder", "", "{path} is a folder, not a document"),
    ("binary.md", b"$$x = 1$$\x00", "{path} is not a text file"),
    ("latin.md", "$$x = \u00e9$$".encode("latin-1"), "{path} is not UTF-8 text (byte 6)"),
])
def test_an_unusable_file_is_refused(tmp_path: Path, name: str, content: bytes | str | None, message: str) -> None:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.mkdir()
    with pytest.raises(CheckError) as caught:
        check_file(path)
    assert str(caught.value) == message.format(path=path)


def test_the_command_shows_a_check_error_as_one_line_and_exits_2(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "prose.md").write_text("no mathematics at all\n")
    assert main(["check", str(tmp_path / "prose.md")]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err == f"derive check: error: {tmp_path / 'prose.md'}: no math found " \
                                "(no $...$, $$...$$, \\[...\\] or equation environment)\n"


def test_among_several_documents_an_unusable_one_is_one_line_and_the_rest_are_checked(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.md").write_text(GOOD)
    (tmp_path / "b.md").write_text("Let $x > 1$.\n\nAssume $x < 0$.\n")
    assert main(["check", str(tmp_path)]) == 2
    out, err = capsys.readouterr()
    assert out.splitlines()[-1].startswith(f"{tmp_path / 'a.md'}: 1 proved, 0 refuted")
    assert err.splitlines() == [f"derive check: error: {tmp_path / 'b.md'}:3: contradictory assumption: the assumption "
                                "x < 0 leaves no value for x (it was already x > 1)"]


def test_the_command_s_exit_status_is_2_with_no_traceback(tmp_path: Path) -> None:
    document = tmp_path / "contra.md"
    document.write_text("Let $x > 1$.\n\nAssume $x < 0$.\n")
    result = subprocess.run([sys.executable, "-m", "derive.cli", "check", str(document), "--assume", "y > 0"],
                            capture_output=True, text=True, timeout=120)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [f"derive check: error: {document}:3: contradictory assumption: the "
                                          "assumption x < 0 leaves no value for x (it was already x > 1)"]


@pytest.mark.parametrize(("text", "options", "message"), REFUSED,
                         ids=["no-math", "no-relation", "nul", "too-long", "contradiction", "assume-syntax",
                              "assume-type", "assume-symbols", "two-assumptions", "define"])
def test_only_a_document_with_no_relation_is_nothing_to_check(text: str, options: Options, message: str) -> None:
    """``NothingToCheck`` (what ``derive check --allow-empty`` lets pass) is a ``CheckError`` raised for no math
    or no relation, and for nothing else refused."""
    from derive.check.errors import NothingToCheck

    with pytest.raises(CheckError) as caught:
        check_text(text, "doc.md", options=options)
    assert isinstance(caught.value, NothingToCheck) == (message.endswith(("no math found", "math spans")))
