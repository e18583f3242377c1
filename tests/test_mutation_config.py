"""The mutation script's table stays true to the code it mutates.

`scripts/mutation.py` names files, functions and test files by path and plants bugs by
exact text. When code moves or is reworded, the script would find out only in CI's
mutation step, after the fast suite; these checks make the fast suite say it first.
"""

from __future__ import annotations

import ast
import importlib.util
import sys
from fnmatch import fnmatch
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("mutation_script", ROOT / "scripts/mutation.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


MUTATION = _script()


def _mutmut_names(source: str) -> set[str]:
    """The dotted names mutmut gives the functions of a file: ``pkg.mod.x_f``, ``pkg.mod.xǁCǁm``."""
    dotted = source.removesuffix(".py").replace("/", ".")
    tree = ast.parse((ROOT / source).read_text(encoding="utf-8"))
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            names.add(f"{dotted}.x_{node.name}")
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    names.add(f"{dotted}.xǁ{node.name}ǁ{item.name}")
    return names


@pytest.mark.parametrize("name", sorted(MUTATION.MODULES))
def test_every_mutated_file_and_test_file_exists(name: str) -> None:
    module = MUTATION.MODULES[name]
    missing = [p for p in (*module.sources, *module.tests) if not (ROOT / p).is_file()]
    assert not missing, f"scripts/mutation.py MODULES[{name!r}] names missing files: {missing}"


@pytest.mark.parametrize("name", sorted(MUTATION.MODULES))
def test_every_function_glob_matches_a_function_of_the_module(name: str) -> None:
    module = MUTATION.MODULES[name]
    functions = set().union(*(_mutmut_names(s) for s in module.sources))
    unmatched = [g for g in module.globs() if not any(fnmatch(f, g) for f in functions)]
    assert not unmatched, f"MODULES[{name!r}] globs that match no function: {unmatched}"


@pytest.mark.parametrize("bug", MUTATION.PLANTED, ids=lambda bug: f"{bug.module}: {bug.what}")
def test_every_planted_bug_still_applies_to_its_module(bug: Any) -> None:
    module = MUTATION.MODULES[bug.module]
    texts = [(ROOT / s).read_text(encoding="utf-8") for s in module.sources]
    assert any(bug.old in text for text in texts), (
        f"planted bug {bug.what!r} no longer finds its text in {module.sources}: "
        "the code changed; update PLANTED in scripts/mutation.py"
    )


@pytest.mark.parametrize("name", sorted(MUTATION.EQUIVALENT))
def test_every_equivalent_mutant_names_a_function_that_is_mutated(name: str) -> None:
    module = MUTATION.MODULES[name]
    functions = set().union(*(_mutmut_names(s) for s in module.sources))
    counted = {f for f in functions if any(fnmatch(f, g) for g in module.globs())}
    short = {f.rsplit(".", 1)[-1] for f in counted}
    stale = [
        e.function
        for e in MUTATION.EQUIVALENT[name]
        if not any(fnmatch(s, e.function) for s in short)
    ]
    assert not stale, (
        f"EQUIVALENT[{name!r}] excuses mutants of functions no longer mutated: {sorted(set(stale))}"
    )
