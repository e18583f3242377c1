#!/usr/bin/env python3
"""Mutation testing of the modules that guard trust: does a planted bug fail a test?

    .venv/bin/python scripts/mutation.py                      every module below
    .venv/bin/python scripts/mutation.py grounding metrics    some of them
    .venv/bin/python scripts/mutation.py --list               the modules and their tests

Two kinds of mutant, both must be killed:

1. mutmut's (``pip install -e '.[dev]'`` brings it): every operator, comparison, constant,
   string and argument inside the module's functions, one at a time. mutmut runs each
   mutant against only the tests that call the mutated function, chosen among the module's
   test files below. A module's score is killed / (mutants - equivalent ones); a mutant
   whose tests hang past mutmut's CPU limit counts as killed, one no test reaches counts as
   surviving. mutmut does not touch module-level constants or decorated functions, hence:
2. PLANTED: the bugs issue #20 planted by hand (most in constants), each applied to a copy
   of the module and the module's tests run; every one must fail a test.

Each module runs in its own scratch copy of the checkout (the tracked and untracked files
git sees, plus ``../shared`` linked beside it) under a time budget. Exit 1 when a module
scores below ``--threshold``, runs out of time, or a planted bug survives.

Surviving mutants judged equivalent (no test can tell them apart from the original) are
listed in EQUIVALENT with the reason, matched on the mutated function and mutated line;
docs/TESTING.md shows the figures. When a file moves, update its path in MODULES only.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import fnmatch
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Module:
    sources: tuple[str, ...]  # the files mutated, relative to the checkout
    tests: tuple[str, ...]  # the test files whose tests may kill its mutants
    # The functions that count, as globs on mutmut's dotted names (``pkg.mod.x_NAME``,
    # ``pkg.mod.xǁClassǁNAME``); default: every function of the sources.
    functions: tuple[str, ...] = ()
    # Tests left out of mutation runs: timing checks that mutmut's tracing slows down.
    deselect: tuple[str, ...] = ()

    def globs(self) -> tuple[str, ...]:
        return self.functions or tuple(
            s.removesuffix(".py").replace("/", ".") + ".*" for s in self.sources
        )


# The one place that says where things are. Paths relative to the checkout.
MODULES: dict[str, Module] = {
    "grounding": Module(
        ("summarizer/_grounding.py", "summarizer/_text.py"),
        (
            "tests/test_grounding.py",
            "tests/test_attribution.py",
            "tests/test_properties.py",
            "tests/test_injection.py",
            "tests/test_quote_regions.py",
        ),
        (
            "summarizer._grounding.*",
            # grounding's quotation regions (one definition, shared with the offline backend
            # and the gold check): marks in a paragraph, and quotations run on across them
            "summarizer._text.x_double_quote_regions",
            "summarizer._text.x_single_quote_regions",
            "summarizer._text.x_quote_regions",
            "summarizer._text.x__carried",
            "summarizer._text.x__drop_open",
        ),
    ),
    "metrics": Module(
        ("summarizer/eval/_metrics.py", "summarizer/eval/_names.py", "summarizer/_text.py"),
        (
            "tests/test_eval_metrics.py",
            "tests/test_eval_names.py",
            "tests/test_eval_adversarial.py",
        ),
        (
            "summarizer.eval._metrics.*",
            "summarizer.eval._names.*",
            # the name keys the eval matches names by live in the text core (#12)
            *(
                f"summarizer._text.x_{f}"
                for f in (
                    "name_key",
                    "drop_titles",
                    "_drop_initials",
                    "_unify_countries",
                    "is_lone_title",
                    "informative",
                    "fold_accents",
                )
            ),
        ),
    ),
    "cleaning": Module(
        ("summarizer/input/_cleaning.py",),
        ("tests/test_cleaning.py",),
        deselect=("tests/test_cleaning.py::test_cleaning_200_articles_is_fast",),
    ),
    # Resume and output scanning (issue #20), not the whole engine.
    "batch": Module(
        ("summarizer/_batch.py",),
        ("tests/test_batch.py",),
        tuple(
            "summarizer._batch." + f
            for f in (
                "x__line_id",
                "x__end_of_last_line",
                "x_repair_tail",
                "x_scan_output",
                "x_drop_failed",
                "x_prepare_output",
                "xǁBatchRunǁ_read",
            )
        ),
    ),
    # The cache key.
    "cache": Module(
        ("summarizer/infra/_cache.py",),
        ("tests/test_cache.py",),
        (
            "summarizer.infra._cache.x_article_digest",
            "summarizer.infra._cache.x_cache_key",
        ),
    ),
    # Retry classification: what is retried, how long to wait, when to stop.
    "retry": Module(
        ("summarizer/backends/_openai.py",),
        ("tests/test_llm.py", "tests/test_faults.py"),
        tuple(
            "summarizer.backends._openai." + f
            for f in (
                "x__is_transient",
                "x__retry_after",
                "xǁ_Waitǁ*",
                "xǁ_OutOfTimeǁ*",
            )
        ),
    ),
    # The AIMD feedback loop (issue #20), not the slot queue or the bucket arithmetic.
    "ratelimit": Module(
        ("summarizer/infra/_ratelimit.py",),
        ("tests/test_ratelimit.py",),
        tuple(
            "summarizer.infra._ratelimit." + f
            for f in (
                "xǁRateLimiterǁobserve",
                "xǁRateLimiterǁ_slow_down",
                "xǁRateLimiterǁ_speed_up",
                "xǁRateLimiterǁ_set_share",
                "xǁTokenBucketǁdrain",
                "xǁTokenBucketǁset_rate",
            )
        ),
    ),
}


@dataclass(frozen=True)
class Planted:
    module: str
    what: str
    old: str  # text in one of the module's sources, replaced wherever it occurs
    new: str


PLANTED: tuple[Planted, ...] = (
    Planted(
        "grounding",
        "evidence of exactly the minimum length rejected",
        "len(tension.evidence.split()) < _MIN_EVIDENCE_WORDS",
        "len(tension.evidence.split()) <= _MIN_EVIDENCE_WORDS",
    ),
    Planted(
        "grounding",
        "no leading word boundary on a name: 'Berg' found in 'Goldberg'",
        'before = "" if _UNSPACED.match(needle[0]) else r"(?<!\\w)"',
        'before = ""',
    ),
    Planted("retry", "408 not retried", "{408, 409, 429,", "{409, 429,"),
    Planted("retry", "409 not retried", "{408, 409, 429,", "{408, 429,"),
    Planted("cache", "schema version not in the key", '"schema": SCHEMA_VERSION,', ""),
    Planted(
        "cleaning",
        "no word cap on boilerplate rules",
        "words <= rule.max_words and rule.hint in lowered",
        "rule.hint in lowered",
    ),
    Planted(
        "batch",
        "a duplicate id within one input not de-duplicated",
        "if record.id in done or record.id in queued:",
        "if record.id in done:",
    ),
    Planted(
        "batch",
        "an ok line no longer clears an earlier failure on resume",
        "if ok:\n            state.failed.discard(record_id)\n        else:\n            state.failed.add(record_id)",
        "if not ok:\n            state.failed.add(record_id)",
    ),
    Planted(
        "metrics",
        "not-quote traps no longer removed before matching",
        "eligible = [[0.0 if i in traps else s for s in row] for i, row in enumerate(matrix)]",
        "eligible = [list(row) for row in matrix]",
    ),
    Planted(
        "metrics",
        "recall with nothing required is 0.0, not 1.0",
        "recall = found / required if required else 1.0",
        "recall = found / required if required else 0.0",
    ),
    Planted(
        "ratelimit",
        "any non-429 error counted as a success for AIMD",
        'elif record.outcome == "ok":',
        "else:",
    ),
)


@dataclass(frozen=True)
class Equivalent:
    function: str  # glob on mutmut's function name
    line: str  # the mutated line, stripped
    reason: str


_MEMO = "the memo only saves work: without it the answer is computed again, the same"
_MARK = (
    "every region starts at a quotation mark and the needle never starts with one (its "
    "marks are stripped), so no occurrence starts at a region's mark"
)
_SHARE_CAP = "the share never exceeds 1.0, and setting it to 1.0 again changes no rate"
EQUIVALENT: dict[str, tuple[Equivalent, ...]] = {
    "cache": (
        Equivalent(
            "x_article_digest",
            'return hashlib.sha256(json.dumps(meta, sort_keys=True).encode("UTF-8")).hexdigest()',
            '"UTF-8" and "utf-8" name the same codec',
        ),
        Equivalent(
            "x_cache_key",
            'return hashlib.sha256(json.dumps(parts, sort_keys=True).encode("UTF-8")).hexdigest()',
            '"UTF-8" and "utf-8" name the same codec',
        ),
        Equivalent(
            "x_cache_key",
            '"settings": {name: getattr(settings, name, ) for name in KEY_SETTINGS},',
            "every name in KEY_SETTINGS is a Settings field, so the default is never used",
        ),
    ),
    "retry": (
        Equivalent(
            "x__retry_after",
            'for name, scale in (("RETRY-AFTER-MS", 0.001), ("retry-after", 1.0)):',
            "HTTP header names are case-insensitive (httpx.Headers looks them up so)",
        ),
        Equivalent(
            "x__retry_after",
            'for name, scale in (("retry-after-ms", 0.001), ("RETRY-AFTER", 1.0)):',
            "HTTP header names are case-insensitive (httpx.Headers looks them up so)",
        ),
    ),
    "batch": (
        Equivalent(
            "x__end_of_last_line",
            "start = max(0, end - 65537)",
            "the block size is arbitrary: any positive size finds the same last newline",
        ),
        Equivalent(
            "x__end_of_last_line",
            'cut = handle.read(None).rfind(b"\\n")',
            "reading past `end` adds only bytes already searched, which hold no newline",
        ),
        Equivalent(
            "x__end_of_last_line",
            'cut = handle.read(end + start).rfind(b"\\n")',
            "reading past `end` adds only bytes already searched, which hold no newline",
        ),
    ),
    "ratelimit": (
        Equivalent("xǁRateLimiterǁ_speed_up", "if self._share <= 1.0:", _SHARE_CAP),
        Equivalent("xǁRateLimiterǁ_speed_up", "if self._share < 2.0:", _SHARE_CAP),
        Equivalent(
            "xǁRateLimiterǁ_set_share",
            "if bucket is not None or per_minute is not None:",
            "a bucket exists exactly when its per-minute limit is set",
        ),
    ),
    "grounding": (
        Equivalent("xǁArticleIndexǁmentions", "found = None", _MEMO),
        Equivalent("xǁArticleIndexǁmentions", "found = self._mentioned.get(None)", _MEMO),
        Equivalent(
            "xǁArticleIndexǁ_quoted_exact",
            "if any(a <= start and end <= b for a, b in para.regions):",
            _MARK,
        ),
        Equivalent(
            "xǁArticleIndexǁ_quoted_exact",
            "start = para.text.find(needle, start + 2)",
            "an occurrence at start + 1 passes only if a region starts at start, i.e. at a "
            "quotation mark, where the needle cannot start: " + _MARK,
        ),
    ),
}

# mutmut's exit codes (mutmut.stats.status_by_exit_code), folded into three verdicts.
KILLED_CODES = {
    1,
    3,
    37,
    -24,
    24,
    152,
    255,
    36,
}  # test failed, pytest error, CPU timeout
SURVIVED_CODES = {0, 5, 33}  # tests passed, or no test reached the mutant


@dataclass
class Result:
    name: str
    mutants: int = 0
    killed: int = 0
    equivalent: list[tuple[str, str]] = field(default_factory=list)  # (mutant, reason)
    survivors: list[tuple[str, str]] = field(default_factory=list)  # (mutant, diff)
    planted: list[tuple[str, bool]] = field(default_factory=list)  # (what, killed)
    seconds: float = 0.0
    complete: bool = True
    error: str = ""

    @property
    def score(self) -> float:
        judged = self.mutants - len(self.equivalent)
        return 100.0 * self.killed / judged if judged else 100.0


def scratch_copy(dest: Path) -> None:
    """The checkout as git sees it (tracked and untracked, not ignored), ../shared beside it."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout.split(b"\0")
    for raw in listed:
        if not raw:
            continue
        rel = raw.decode()
        src = ROOT / rel
        if not src.is_file():  # deleted but not yet committed
            continue
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dest / rel)
    shared = ROOT.parent / "shared"
    if shared.is_dir():
        # The tests find it as <checkout>/../shared; mutmut runs them from <copy>/mutants.
        (dest / "shared").symlink_to(shared)


def mutmut_config(module: Module) -> str:
    copied = [p for p in ("examples", "evals", "prompts", "scripts") if (ROOT / p).exists()]
    lines = [
        "",
        "[tool.mutmut]",
        f"source_paths = {json.dumps(sorted({s.split('/')[0] for s in module.sources}))}",
        f"only_mutate = {json.dumps(list(module.sources))}",
        f"also_copy = {json.dumps(copied)}",
        f"pytest_add_cli_args_test_selection = {json.dumps(list(module.tests))}",
        "pytest_add_cli_args = "
        + json.dumps(["-p", "no:cacheprovider", "-q", "-x", *deselected(module)]),
        # A mutant that loops forever is killed after (tests' CPU seconds + 1) x 3 x 2.
        "timeout_multiplier = 3.0",
        "",
    ]
    return "\n".join(lines)


def deselected(module: Module) -> list[str]:
    return [arg for test in module.deselect for arg in ("--deselect", test)]


def mutmut_bin() -> str:
    here = Path(sys.executable).parent / "mutmut"
    return str(here) if here.exists() else "mutmut"


def function_of(mutant: str) -> str:
    # summarizer._grounding.x__tension_problem__mutmut_1 -> x__tension_problem
    return mutant.rsplit(".", 1)[-1].rsplit("__mutmut_", 1)[0]


def mutated_line(diff: str) -> str:
    plus = [ln[1:].strip() for ln in diff.splitlines() if ln.startswith("+ ")]
    return " / ".join(plus)


def _mutant_functions(path: Path) -> dict[str, list[str]]:
    """Every ``*__mutmut_*`` function in mutmut's copy of a file, as lines without the def."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    found: dict[str, list[str]] = {}
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and "__mutmut_" in node.name:
            # From the def line (the signature's defaults are mutated too), name left out.
            body = lines[node.lineno - 1 : node.end_lineno]
            found[node.name] = [ln.replace(node.name, "f").strip() for ln in body if ln.strip()]
    return found


_FUNCTIONS: dict[Path, dict[str, list[str]]] = {}


def mutant_diff(work: Path, module: Module, mutant: str) -> str:
    """The lines a mutant changed (- original, + mutated), read from mutmut's copy."""
    name = mutant.rsplit(".", 1)[-1]
    orig = name.rsplit("__mutmut_", 1)[0] + "__mutmut_orig"
    for source in module.sources:
        path = work / "mutants" / source
        if path not in _FUNCTIONS:
            _FUNCTIONS[path] = _mutant_functions(path) if path.exists() else {}
        funcs = _FUNCTIONS[path]
        if name in funcs and orig in funcs:
            changed = difflib.ndiff(funcs[orig], funcs[name])
            return "\n".join(ln[0] + " " + ln[2:] for ln in changed if ln[:1] in "+-")
    return "(diff not found)"


def run_mutmut(
    name: str, module: Module, work: Path, budget: float, jobs: int, res: Result
) -> None:
    pyproject = work / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    text = re.sub(r"\n\[tool\.mutmut\].*?(?=\n\[|\Z)", "\n", text, flags=re.S)
    pyproject.write_text(text + mutmut_config(module), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MUTANT")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    # Property tests run once per mutant: 40 examples each rather than 200 keeps CI's
    # bound (a mutant a property catches is caught in the first few dozen examples).
    env.setdefault("SUMMARIZER_PROPERTY_EXAMPLES", "40")
    log = work / "mutmut.log"
    with log.open("w") as out:
        try:
            proc = subprocess.run(
                [
                    mutmut_bin(),
                    "run",
                    "--max-children",
                    str(jobs),
                    *(g + "__mutmut_*" for g in module.globs()),
                ],
                cwd=work,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                timeout=budget,
            )
        except subprocess.TimeoutExpired:
            res.complete = False
            res.error = f"budget of {budget:.0f} s ran out"
            proc = None
    if proc is not None and proc.returncode != 0:
        res.error = f"mutmut exited {proc.returncode}; see {log}"
        res.complete = False
    collect(name, module, work, res)


def collect(name: str, module: Module, work: Path, res: Result) -> None:
    """Fold mutmut's verdicts (``mutants/*.meta``) into ``res``."""
    codes: dict[str, int | None] = {}
    for source in module.sources:
        meta = work / "mutants" / (source + ".meta")
        if not meta.exists():
            res.error = res.error or f"mutmut wrote no results for {source}"
            res.complete = False
            continue
        codes.update(json.loads(meta.read_text())["exit_code_by_key"])
    equivalents = EQUIVALENT.get(name, ())
    for mutant, code in sorted(codes.items()):
        func = function_of(mutant)
        if not any(
            fnmatch.fnmatchcase(mutant.rsplit("__mutmut_", 1)[0], g) for g in module.globs()
        ):
            continue
        res.mutants += 1
        if code in KILLED_CODES:
            res.killed += 1
            continue
        if code is None:
            res.complete = False
        diff = mutant_diff(work, module, mutant)
        line = mutated_line(diff)
        why = next(
            (
                e.reason
                for e in equivalents
                if fnmatch.fnmatchcase(func, e.function) and e.line == line
            ),
            None,
        )
        if why is not None and code in SURVIVED_CODES:
            res.equivalent.append((mutant, why))
        else:
            status = (
                "not checked"
                if code is None
                else ("no test reaches it" if code in (5, 33) else "survived")
            )
            res.survivors.append((mutant, f"[{status}]\n{diff}"))


def run_planted(name: str, module: Module, work: Path, res: Result) -> None:
    for bug in (p for p in PLANTED if p.module == name):
        path = next(
            (work / s for s in module.sources if bug.old in (work / s).read_text()),
            None,
        )
        if path is None:
            res.planted.append((f"{bug.what} (NOT PLANTED: source text not found)", False))
            continue
        original = path.read_text(encoding="utf-8")
        path.write_text(original.replace(bug.old, bug.new), encoding="utf-8")
        try:
            proc = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pytest",
                    "-q",
                    "-x",
                    "-p",
                    "no:cacheprovider",
                    *deselected(module),
                    *module.tests,
                ],
                cwd=work,
                capture_output=True,
                text=True,
                timeout=600,
            )
            killed = proc.returncode == 1
        except subprocess.TimeoutExpired:
            killed = True
        finally:
            path.write_text(original, encoding="utf-8")
        res.planted.append((bug.what, killed))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help=f"default: all of {', '.join(MODULES)}")
    parser.add_argument(
        "--budget", type=float, default=900, help="seconds per module (default 900)"
    )
    parser.add_argument(
        "--threshold", type=float, default=85.0, help="minimum score %% (default 85)"
    )
    parser.add_argument("--jobs", type=int, default=2, help="mutants tested at once (default 2)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch copies")
    parser.add_argument("--no-planted", action="store_true", help="skip the hand-planted bugs")
    parser.add_argument("--list", action="store_true", help="list the modules and exit")
    args = parser.parse_args()
    if args.list:
        for name, mod in MODULES.items():
            print(f"{name:10} {' '.join(mod.sources)}  <- {' '.join(mod.tests)}")
        return 0
    unknown = [m for m in args.modules if m not in MODULES]
    if unknown:
        parser.error(f"unknown module(s) {unknown}; known: {', '.join(MODULES)}")
    results: list[Result] = []
    for name in args.modules or list(MODULES):
        module = MODULES[name]
        res = Result(name)
        work = Path(tempfile.mkdtemp(prefix=f"mutation-{name}-"))
        started = time.monotonic()
        print(
            f"== {name}: {' '.join(module.sources)} (budget {args.budget:.0f} s)",
            flush=True,
        )
        try:
            scratch_copy(work)
            if not args.no_planted:
                run_planted(name, module, work, res)
            left = args.budget - (time.monotonic() - started)
            run_mutmut(name, module, work, left, args.jobs, res)
        finally:
            res.seconds = time.monotonic() - started
            if args.keep:
                print(f"   scratch copy kept: {work}")
            else:
                shutil.rmtree(work, ignore_errors=True)
        for mutant, diff in res.survivors:
            print(f"-- surviving: {mutant} {diff}")
        for mutant, why in res.equivalent:
            print(f"-- equivalent: {mutant}: {why}")
        for what, killed in res.planted:
            print(f"-- planted: {'killed' if killed else 'SURVIVED'}: {what}")
        if res.error:
            print(f"-- {name}: {res.error}")
        results.append(res)
    print()
    print(
        f"{'module':10} {'mutants':>7} {'killed':>6} {'equiv':>5} {'surv':>4} {'score':>7} {'planted':>7} {'time':>6}"
    )
    failed = False
    for r in results:
        planted = f"{sum(k for _, k in r.planted)}/{len(r.planted)}"
        ok = r.complete and r.score >= args.threshold and all(k for _, k in r.planted)
        failed |= not ok
        print(
            f"{r.name:10} {r.mutants:7d} {r.killed:6d} {len(r.equivalent):5d} {len(r.survivors):4d} "
            f"{r.score:6.1f}% {planted:>7} {r.seconds:5.0f}s{'' if ok else '  FAIL'}"
        )
    print(f"threshold {args.threshold:.0f}% per module; score = killed / (mutants - equivalent)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
