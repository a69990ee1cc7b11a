"""The LaTeX grammar's prediction cache, kept between runs.

ANTLR parses by building, as it goes, a DFA of the grammar's decisions; in a fresh process that
warm-up is most of the time of ``derive check`` on a short document. :func:`load` installs the DFA
a previous run left in the cache folder, and :func:`save` (registered at exit by :func:`load`)
writes it back when the run added states, the way Python keeps bytecode in ``__pycache__``.

The DFA is only a cache of what the grammar predicts: a state it lacks is computed again, so a
stale, partial or unreadable file costs time, never a different parse. The file is keyed by the
versions of the ANTLR runtime, the grammar package, Python and this format, and references the
grammar's ATN states by number (the ATN itself is rebuilt by the grammar module as usual). A parser
state's configurations (most of the file) are unpickled only when the parser extends that state, so
loading costs little more than reading the file.

The folder is ``$DERIVE_CACHE`` (``off`` turns the cache off), else ``$XDG_CACHE_HOME/derive``,
else ``~/.cache/derive``. The file is a pickle, read by an unpickler that admits ANTLR's own classes only (a
file naming any other class or function is refused, and is no cache).
"""

from __future__ import annotations

import atexit
import copy
import functools
import io
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

FORMAT = 2
#: Environment variable naming the cache folder, or ``off``.
ENV = "DERIVE_CACHE"


@dataclass(frozen=True)
class _Grammar:
    """The two recognizers whose class-level DFAs are cached, and the runtime's shared singletons."""

    parser: Any
    lexer: Any
    singletons: tuple[tuple[str, Any], ...]

    def size(self) -> int:
        return sum(len(dfa._states) for dfa in (*self.parser.decisionsToDFA, *self.lexer.decisionsToDFA))


#: Prediction contexts in the order of the loaded file; a lazy state's configurations refer to them by index.
_CONTEXTS: list = []


def folder() -> Path | None:
    """Where the cache lives, or None when ``$DERIVE_CACHE`` is ``off``."""
    named = os.environ.get(ENV)
    if named is not None:
        return None if named.strip().lower() in {"off", "0", "no", ""} else Path(named)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "derive"


def path() -> Path | None:
    """The cache file for the installed grammar and runtime, or None when caching is off."""
    where = folder()
    if where is None:
        return None
    versions = [_version("antlr4-python3-runtime"), _version("latex2sympy2_extended"),
                f"py{sys.version_info[0]}{sys.version_info[1]}", f"f{FORMAT}"]
    return where / f"grammar-dfa-{'-'.join(versions)}.pickle"


def load() -> bool:
    """Install the cached DFA, if any, and save it at exit when this run grew it; True if one was loaded."""
    file = path()
    if file is None:
        return False
    grammar = _grammar()
    loaded = _install(grammar, file)
    start = grammar.size()
    atexit.register(lambda: grammar.size() > start and save(file))
    return loaded


def save(file: Path) -> bool:
    """Write the grammar's DFA to ``file`` atomically; False (and nothing written) if that fails."""
    grammar = _grammar()
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        out = tempfile.NamedTemporaryFile("wb", dir=file.parent, prefix=file.name, suffix=".tmp", delete=False)
    except OSError:
        return False
    try:
        with out:
            _pickler(out, grammar, {}).dump(_flat(grammar))
        os.replace(out.name, file)
    except Exception:  # noqa: BLE001 -- a cache that cannot be written is left as it was
        Path(out.name).unlink(missing_ok=True)
        return False
    return True


def _install(grammar: _Grammar, file: Path) -> bool:
    parser_dfas, lexer_dfas = grammar.parser.decisionsToDFA, grammar.lexer.decisionsToDFA
    try:
        with file.open("rb") as source:
            contexts, parsers, lexers = _unpickler(source, grammar, []).load()
        if len(parsers) != len(parser_dfas) or len(lexers) != len(lexer_dfas):
            return False
        lazy = _lazy_class()
        rebuilt = [_rebuilt([lazy.of(*fields) for fields in states], *rest, fresh)
                   for (states, *rest), fresh in zip(parsers, parser_dfas)]
        rebuilt += [_rebuilt(*saved, fresh) for saved, fresh in zip(lexers, lexer_dfas)]
    except Exception:  # noqa: BLE001 -- an unreadable cache is no cache: the grammar rebuilds its DFA
        return False
    _CONTEXTS[:] = contexts
    parser_dfas[:] = rebuilt[:len(parser_dfas)]
    lexer_dfas[:] = rebuilt[len(parser_dfas):]
    grammar.parser.sharedContextCache.cache.update((context, context) for context in contexts)
    return True


def _flat(grammar: _Grammar) -> tuple[list, list, list]:
    """``(contexts, parser DFAs, lexer DFAs)``, each DFA as ``(states, start, count, edges)`` with edges by index.

    Pickling never follows a path of edges, and a parser state's configurations are a separate pickle.
    """
    known = {id(context) for context in _CONTEXTS}
    contexts = _CONTEXTS + [c for c in grammar.parser.sharedContextCache.cache.values() if id(c) not in known]
    index = {id(context): i for i, context in enumerate(contexts)}
    parsers = []
    for dfa in grammar.parser.decisionsToDFA:
        nodes, *rest = _nodes(dfa)
        parsers.append(([_fields(node, grammar, index) for node in nodes], *rest))
    lexers = [_nodes(dfa) for dfa in grammar.lexer.decisionsToDFA]
    lexers = [([_bare(node) for node in nodes], *rest) for nodes, *rest in lexers]
    return contexts, parsers, lexers


def _nodes(dfa: Any) -> tuple[list, int | None, int, list]:
    states = list(dfa._states)
    nodes = states + ([dfa.s0] if dfa.s0 is not None and dfa.s0 not in dfa._states else [])
    number = {id(node): i for i, node in enumerate(nodes)}
    edges = [None if node.edges is None else [_number(e, number) for e in node.edges] for node in nodes]
    return nodes, None if dfa.s0 is None else number[id(dfa.s0)], len(states), edges


def _number(state: Any, number: dict[int, int]) -> int | str | None:
    return None if state is None else number.get(id(state), "error")


def _bare(state: Any) -> Any:
    bare = copy.copy(state)  # DFAState has __slots__
    bare.edges = None
    return bare


def _fields(state: Any, grammar: _Grammar, index: dict[int, int]) -> tuple:
    """A parser state's own fields, its hash, and its configurations pickled apart (contexts by index)."""
    blob = getattr(state, "_blob", None)  # a lazy state's configurations never change (they are read-only)
    if blob is None:
        out = io.BytesIO()
        _pickler(out, grammar, index).dump(state.configs)
        blob = out.getvalue()
    return (state.stateNumber, state.isAcceptState, state.prediction, state.requiresFullContext,
            state.predicates, state.lexerActionExecutor, hash(state), blob)


def _rebuilt(nodes: list, start: int | None, count: int, edges: list, fresh: Any) -> Any:
    """A DFA for ``fresh``'s decision holding the saved states and edges (``fresh`` is left as it was)."""
    from antlr4.atn.ATNSimulator import ATNSimulator
    from antlr4.dfa.DFA import DFA

    for node, targets in zip(nodes, edges, strict=True):
        node.edges = None if targets is None else [
            None if t is None else ATNSimulator.ERROR if t == "error" else nodes[t] for t in targets]
    dfa = DFA(fresh.atnStartState, fresh.decision)
    dfa._states = {node: node for node in nodes[:count]}
    dfa.s0 = None if start is None else nodes[start]
    return dfa


@functools.cache
def _lazy_class() -> type:
    """A ``DFAState`` whose configurations are unpickled the first time the parser reads them."""
    from antlr4.dfa.DFAState import DFAState

    slot = DFAState.configs

    class LazyState(DFAState):
        __slots__ = ("_blob", "_hash")

        @classmethod
        def of(cls, number, accept, prediction, full, predicates, executor, hashed, blob) -> "LazyState":
            state = cls.__new__(cls)
            state.stateNumber, state.isAcceptState, state.prediction = number, accept, prediction
            state.requiresFullContext, state.predicates, state.lexerActionExecutor = full, predicates, executor
            state.edges, state._hash, state._blob = None, hashed, blob
            return state

        @property
        def configs(self) -> Any:
            try:
                return slot.__get__(self)
            except AttributeError:
                value = _unpickler(io.BytesIO(self._blob), _grammar(), _CONTEXTS).load()
                slot.__set__(self, value)
                return value

        @configs.setter
        def configs(self, value: Any) -> None:
            slot.__set__(self, value)

        def __hash__(self) -> int:
            return self._hash

    return LazyState


def _pickler(out: Any, grammar: _Grammar, contexts: dict[int, int]) -> pickle.Pickler:
    by_object = {id(obj): name for name, obj in grammar.singletons}
    parser_atn, lexer_atn = grammar.parser.atn, grammar.lexer.atn

    class Pickler(pickle.Pickler):
        def persistent_id(self, obj: Any) -> Any:
            if id(obj) in by_object:
                return ("singleton", by_object[id(obj)])
            if id(obj) in contexts:
                return ("context", contexts[id(obj)])
            atn = getattr(obj, "atn", None)
            if atn is not None and hasattr(obj, "stateNumber") and atn in (parser_atn, lexer_atn):
                return ("state", atn is parser_atn, obj.stateNumber)
            return None

    return Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)


def _unpickler(source: Any, grammar: _Grammar, contexts: list) -> pickle.Unpickler:
    by_name = dict(grammar.singletons)

    class Unpickler(pickle.Unpickler):
        def find_class(self, module: str, name: str) -> type:
            """Only ANTLR's own classes: a file that names anything else is refused, so unpickling builds the DFA's
            data objects and never calls a function the file names."""
            found = _antlr_class(module, name)
            if found is None:
                raise pickle.UnpicklingError(f"{module}.{name} is not part of a grammar cache")
            return found

        def persistent_load(self, pid: Any) -> Any:
            if pid[0] == "singleton":
                return by_name[pid[1]]
            if pid[0] == "context":
                return contexts[pid[1]]
            atn = grammar.parser.atn if pid[1] else grammar.lexer.atn
            return atn.states[pid[2]]

    return Unpickler(source)


def _antlr_class(module: str, name: str) -> type | None:
    """The class ``module.name`` when the module is ANTLR's runtime's and already imported, else ``None``."""
    if module != "antlr4" and not module.startswith("antlr4."):
        return None
    found = getattr(sys.modules.get(module), name, None)
    return found if isinstance(found, type) and found.__module__ == module else None


@functools.cache
def _grammar() -> _Grammar:
    from antlr4.atn.ATNSimulator import ATNSimulator
    from antlr4.atn.SemanticContext import SemanticContext
    from antlr4.PredictionContext import PredictionContext
    from latex2sympy2_extended.antlr_parser import PSLexer, PSParser

    singletons = (("semantic-none", SemanticContext.NONE), ("context-empty", PredictionContext.EMPTY),
                  ("dfa-error", ATNSimulator.ERROR))
    return _Grammar(PSParser, PSLexer, singletons)


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "unknown"
