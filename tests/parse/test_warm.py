"""The grammar's prediction cache: it makes a fresh process fast and never changes a parse."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from derive.parse import parse_latex, warm
from derive.parse.adapter import _parser

#: Texts whose parse warms the DFA, and texts first met after the cache is loaded (they extend lazy states).
WARMING = [r"p \log \frac{p}{q} + (1-p) \log \frac{1-p}{1-q}", r"\sum_{i=1}^{n} x_i^2 - n \bar{x}^2",
           r"\frac{\partial}{\partial \mu} \left( -\frac{(x-\mu)^2}{2\sigma^2} \right)", r"e^{-\lambda} \lambda^k / k!"]
FRESH = [r"\int_0^1 \log(1 + x) \, dx", r"\sqrt{2 \pi \sigma^2} \cdot \exp(-z)", r"a_{ij} b^{k} \geq 0",
         r"\frac{n!}{k! (n-k)!} p^k \cdot (1-p)^{n-k}", r"\frac{1}{n} \sum_i (x_i - \mu)^2 \leq \max(a, b)"]


def _reset() -> None:
    """Give the grammar an empty DFA, as in a fresh process."""
    from antlr4.dfa.DFA import DFA

    grammar = warm._grammar()
    for recognizer in (grammar.parser, grammar.lexer):
        recognizer.decisionsToDFA[:] = [DFA(state, i) for i, state in enumerate(recognizer.atn.decisionToState)]
    grammar.parser.sharedContextCache.cache.clear()
    warm._CONTEXTS.clear()


def _parses(texts: list[str]) -> list:
    _parser()  # loads the parser's modules
    return [parse_latex(text) for text in texts]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(warm.ENV, str(tmp_path))
    yield warm.path()
    _reset()


def test_a_loaded_cache_is_used_and_never_changes_a_parse(cache: Path) -> None:
    _reset()
    expected = _parses(WARMING + FRESH)
    _reset()
    warmed = _parses(WARMING)
    assert warm.save(cache) and cache.exists()
    _reset()
    assert warm.load()
    size = warm._grammar().size()
    assert _parses(WARMING) == warmed == expected[:len(WARMING)]
    assert warm._grammar().size() == size, "the warmed texts needed no new DFA state: the cache was used"
    assert _lazy_loaded() == 0
    assert _parses(FRESH) == expected[len(WARMING):]
    assert warm._grammar().size() > size and _lazy_loaded() > 0, "new texts extend the loaded DFA's lazy states"


def _lazy_loaded() -> int:
    """How many loaded parser states have had their configurations unpickled."""
    from antlr4.dfa.DFAState import DFAState

    lazy = [s for dfa in warm._grammar().parser.decisionsToDFA for s in dfa._states if hasattr(s, "_blob")]
    assert lazy
    return sum(1 for s in lazy if _has_configs(s, DFAState))


def _has_configs(state, cls) -> bool:
    try:
        cls.configs.__get__(state)
    except AttributeError:
        return False
    return True


def test_a_saved_cache_saves_again_with_its_lazy_states(cache: Path) -> None:
    _reset()
    expected = _parses(WARMING + FRESH)
    _reset()
    _parses(WARMING)
    warm.save(cache)
    _reset()
    warm.load()
    _parses(FRESH[:2])  # some lazy states unpickled, others not
    assert warm.save(cache)
    _reset()
    assert warm.load()
    assert _parses(WARMING + FRESH) == expected


@pytest.mark.parametrize("content", [b"", b"not a pickle", b"\x80\x05K\x01."])
def test_an_unreadable_cache_is_no_cache(cache: Path, content: bytes) -> None:
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(content)
    _reset()
    assert not warm.load()
    assert _parses(WARMING[:1]) == [parse_latex(WARMING[0])]


@pytest.mark.parametrize("value", ["off", "0", ""])
def test_the_cache_can_be_turned_off(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(warm.ENV, value)
    assert warm.path() is None and not warm.load()


def test_an_unwritable_folder_writes_nothing(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("")
    assert not warm.save(blocked / "cache.pickle")
    assert list(tmp_path.iterdir()) == [blocked]


def test_the_cache_file_names_the_versions(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(warm.ENV, str(tmp_path))
    name = warm.path().name
    assert name.startswith("grammar-dfa-") and f"py{sys.version_info[0]}{sys.version_info[1]}" in name
    monkeypatch.delenv(warm.ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert warm.folder() == tmp_path / "derive"


def test_a_second_process_reads_the_cache_the_first_wrote(tmp_path: Path) -> None:
    document = tmp_path / "coin.md"
    document.write_text("$$\\log \\frac{a}{b} = \\log a - \\log b \\quad (a, b > 0)$$\n"
                        "$$p \\log \\frac{p}{q} + (1 - p) \\log \\frac{1 - p}{1 - q} \\geq 0$$\n"
                        "$$\\sqrt{4} = 2$$\n", encoding="utf-8")  # a root: past the direct reader, so the grammar runs
    env = dict(os.environ, **{warm.ENV: str(tmp_path / "cache")})
    runs = [subprocess.run([sys.executable, "-m", "derive.cli", "check", str(document)], capture_output=True,
                           text=True, env=env, timeout=300) for _ in range(2)]
    assert [run.stderr for run in runs] == ["", ""]
    assert runs[0].stdout == runs[1].stdout and "proved" in runs[0].stdout
    written = [p.name for p in (tmp_path / "cache").iterdir()]
    assert len(written) == 1 and written[0].startswith("grammar-dfa-") and written[0].endswith(".pickle")


class _Payload:
    """What a hostile cache file would hold: an object whose unpickling calls a function the file names."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_a_cache_that_names_anything_but_antlr_classes_is_refused_not_run(cache: Path, tmp_path: Path) -> None:
    import pickle

    marker = tmp_path / "ran"
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps(([_Payload(marker)], [], [])))
    _reset()
    assert not warm.load()
    assert not marker.exists()
    assert _parses(WARMING[:1]) == [parse_latex(WARMING[0])]
