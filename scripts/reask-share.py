"""Share of a grounded run's tokens spent on validation re-asks, from recorded runs only.

Usage: .venv/bin/python scripts/reask-share.py evals/runs/GROUNDED evals/runs/UNGROUNDED

The briefings record total tokens and re-asks per article, not tokens per call. The
ungrounded run of the same code, model, prompt and settings sends the same first
request, and at temperature 0 llama.cpp answers it the same way, so its tokens are the
grounded run's first call; the rest of the grounded article's tokens are its re-asks.
Articles that failed in either run are left out.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def _usage(run: Path) -> dict[str, dict[str, int]]:
    found = {}
    for path in sorted((run / "outputs").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if "usage" in data:
            found[path.stem] = data["usage"]
    return found


def main(grounded: Path, ungrounded: Path) -> int:
    with_reasks, without = _usage(grounded), _usage(ungrounded)
    print("| article | re-asks | tokens, grounded | first call | re-asks' share |")
    print("|---|---|---|---|---|")
    total = reask_tokens = 0
    for case in sorted(with_reasks.keys() & without.keys()):
        g, u = with_reasks[case], without[case]
        extra = g["total_tokens"] - u["total_tokens"] if g.get("reasks") else 0
        total += g["total_tokens"]
        reask_tokens += extra
        share = extra / g["total_tokens"] if g["total_tokens"] else 0.0
        print(
            f"| {case} | {g.get('reasks', 0)} | {g['total_tokens']} | "
            f"{g['total_tokens'] - extra} | {share:.0%} |"
        )
    print(f"\nre-asks: {reask_tokens} of {total} tokens ({reask_tokens / max(total, 1):.0%})")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    raise SystemExit(main(Path(sys.argv[1]), Path(sys.argv[2])))
