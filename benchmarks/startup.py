"""Startup cost of the command: CPU seconds (user + sys) of a whole process, several runs.

    .venv/bin/python benchmarks/startup.py                 # 7 runs of each command
    .venv/bin/python benchmarks/startup.py --runs 15 --importtime
    .venv/bin/python benchmarks/startup.py --checkout DIR  # another checkout's code, same way

Runs each command as a fresh process (what the console script runs) and reads the
child's CPU time from `os.wait4`, so a busy machine slows the wall clock but hardly the
figure. Prints min, median and max per command; the goal for `--help` is under 0.5 s.
``--importtime`` adds the ten slowest imports of `--help` (``python -X importtime``,
cumulative microseconds).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "reuters-2025-10-08-putin-tajikistan.txt"
# What the `summarizer` console script runs (`from summarizer.cli import run; run()`).
CLI = ["-c", "import sys; from summarizer.cli import main; sys.exit(main(sys.argv[1:]))"]
COMMANDS: dict[str, list[str]] = {
    "python -c pass (the interpreter alone)": ["-c", "pass"],
    "summarizer --help": [*CLI, "--help"],
    "summarizer brief --model offline EXAMPLE": [*CLI, "brief", "--model", "offline", str(EXAMPLE)],
}


def cpu_seconds(args: list[str], env: dict[str, str], cwd: Path) -> float:
    """User + system CPU seconds of one child process running ``python ARGS``."""
    with open(os.devnull, "wb") as devnull:
        child = subprocess.Popen(
            [sys.executable, *args], stdout=devnull, stderr=devnull, env=env, cwd=cwd
        )
        _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"python {' '.join(args)} exited {child.returncode}")
    return usage.ru_utime + usage.ru_stime


def slowest_imports(env: dict[str, str], cwd: Path, top: int = 10) -> list[tuple[int, str]]:
    """The ``top`` imports of `--help` with the largest cumulative time (microseconds)."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *CLI, "--help"],
        capture_output=True, text=True, env=env, cwd=cwd, check=True,
    )  # fmt: skip
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = (part.strip() for part in line.split("|"))
        rows.append((int(cumulative), name))
    return sorted(rows, reverse=True)[:top]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="processes per command")
    parser.add_argument("--importtime", action="store_true", help="also list slow imports")
    parser.add_argument(
        "--checkout",
        type=Path,
        default=ROOT,
        help="measure this checkout's code (default: this one)",
    )
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        # No user key or endpoint: the offline backend; a throwaway home for cache and log.
        env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
        env["SUMMARIZER_HOME"] = home
        checkout = opts.checkout.resolve()  # run there: its package, not the installed one
        env["PYTHONPATH"] = str(checkout)
        print(
            f"CPU seconds (user + sys) per process, {opts.runs} runs, python {sys.version.split()[0]}"
        )
        print(f"{'command':45} {'min':>6} {'median':>7} {'max':>6}")
        for label, args in COMMANDS.items():
            cpu_seconds(args, env, checkout)  # warm the file cache and the .pyc files
            times = [cpu_seconds(args, env, checkout) for _ in range(opts.runs)]
            print(f"{label:45} {min(times):6.2f} {statistics.median(times):7.2f} {max(times):6.2f}")
        if opts.importtime:
            print("\nslowest imports of `summarizer --help` (cumulative µs, one run):")
            for micros, name in slowest_imports(env, checkout):
                print(f"{micros:>9,}  {name}")


if __name__ == "__main__":
    main()
