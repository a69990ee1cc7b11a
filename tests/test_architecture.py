"""The layers the README draws are the code's: every import (inside functions too) points down or within a layer,
no module imports itself back through others, no private name crosses a module, every module has its test file, no module is over 500 lines and no function over 60 (derivation scripts
excepted)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
MAX_LINES = 500


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted((ROOT / "derive").rglob("*.py"))}


def imports(path: Path) -> list[tuple[str, tuple[str, ...], int]]:
    """``(module imported, names taken from it, line)`` for every ``derive`` import of the file, at any depth."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(a.name, (), node.lineno) for a in node.names if a.name.split(".")[0] == "derive"]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").split(".")[0] == "derive":
            for alias in node.names:  # ``from derive.core import domain`` imports the module derive.core.domain
                full = f"{node.module}.{alias.name}"
                found.append((full, (), node.lineno) if full in MODULES else (node.module, (alias.name,), node.lineno))
    return found


def readme_layers() -> list[tuple[str, tuple[str, ...]]]:
    """The diagram of ``## Architecture``: ``(layer, its folders and modules)``, top layer first."""
    section = README.split("## Architecture", 1)[1]
    diagram = re.search(r"```\n(.*?)```", section, flags=re.S).group(1)
    layers = []
    for line in diagram.splitlines():
        words = line.split()
        places = tuple(w for w in words if w.startswith("derive/") or w.endswith((".py", "/")))
        if places:
            layers.append((words[0], places))
    return layers


def layer_of(module: str, layers: list[tuple[str, tuple[str, ...]]]) -> int:
    """The rank of the layer holding ``module`` (0 = top); a bare name in the diagram is under ``derive/``."""
    path = MODULES[module].relative_to(ROOT).as_posix()
    for rank, (_, places) in enumerate(layers):
        for place in places:
            place = place if place.startswith("derive/") else f"derive/{place}"
            if path == place or (place.endswith("/") and path.startswith(place)):
                return rank
    raise AssertionError(f"{path} is in no layer of the README's diagram")


def test_the_diagram_names_every_module_once():
    layers = readme_layers()
    assert len(layers) >= 6
    places = [p for _, ps in layers for p in ps]
    assert len(places) == len(set(places))
    for module in MODULES:
        layer_of(module, layers)


def test_every_import_points_down_or_within_its_layer():
    layers = readme_layers()
    upward = [f"{MODULES[m].relative_to(ROOT)}:{line} imports {target} ({layers[layer_of(target, layers)][0]}, "
              f"above {layers[layer_of(m, layers)][0]})"
              for m, path in MODULES.items() for target, _, line in imports(path)
              if target in MODULES and layer_of(target, layers) < layer_of(m, layers)]
    assert not upward, "\n".join(upward)


def test_no_import_loop():
    graph = {m: {t for t, _, _ in imports(p) if t in MODULES and t != m} for m, p in MODULES.items()}
    loops = [component for component in strongly_connected(graph) if len(component) > 1]
    assert not loops, loops


def test_no_private_name_crosses_a_module():
    crossing = [f"{MODULES[m].relative_to(ROOT)}:{line} takes {name} from {target}"
                for m, path in MODULES.items() for target, names, line in imports(path)
                for name in names if name.startswith("_") and not name.endswith("__") and target != m]
    assert not crossing, "\n".join(crossing)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_is_over_500_lines(module: str):
    lines = len(MODULES[module].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{MODULES[module].relative_to(ROOT)} has {lines} lines"


def mirror(module: str) -> Path:
    """The test file of ``derive.a.b``: ``tests/a/test_b.py`` (``tests/test_b.py`` for a top-level module)."""
    *folders, name = module.split(".")[1:]
    return ROOT.joinpath("tests", *folders, f"test_{name}.py")


@pytest.mark.parametrize("module", sorted(m for m, p in MODULES.items() if p.name != "__init__.py"))
def test_every_module_has_its_test_file(module: str):
    assert mirror(module).is_file(), f"{module} has no {mirror(module).relative_to(ROOT)}"


#: Derivation scripts read as the proof itself, one step a line, and may be longer.
SCRIPTS = "derive/derivations/"
MAX_FUNCTION_LINES = 60


@pytest.mark.parametrize("module", sorted(m for m, p in MODULES.items() if not p.relative_to(ROOT).as_posix()
                                          .startswith(SCRIPTS)))
def test_no_function_is_over_60_lines(module: str):
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    long = [f"{node.name} ({node.end_lineno - node.lineno + 1} lines)" for node in ast.walk(tree)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES]
    assert not long, f"{MODULES[module].relative_to(ROOT)}: {', '.join(long)}"


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components, iteratively (no recursion limit on a long chain of imports)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components = []
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(component)
    return components


def test_strongly_connected_finds_a_loop_and_only_a_loop():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert sorted(sorted(c) for c in strongly_connected(graph) if len(c) > 1) == [["a", "b", "c"]]
