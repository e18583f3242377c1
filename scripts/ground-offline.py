"""Ground an ungrounded recorded run offline: what grounding with no re-ask would return.

Usage: .venv/bin/python scripts/ground-offline.py evals/runs/UNGROUNDED OUT_DIR

With ``SUMMARIZER_MAX_REASKS=0`` and grounding on, the summariser sends the same first
request as the ungrounded run (same code, model, prompt, settings; temperature 0), then
drops what fails grounding instead of asking again. This applies that drop
(`summarizer._grounding.ground`, against the cleaned article) to each recorded answer and
writes a run folder marked as derived; no model is called. Score it with
`summarizer eval score OUT_DIR`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from summarizer import clean_article
from summarizer._grounding import ground
from summarizer._schema import Briefing, Extraction
from summarizer.eval._gold import load_suite


def main(source: Path, out: Path) -> int:
    run = json.loads((source / "run.json").read_text(encoding="utf-8"))
    (out / "outputs").mkdir(parents=True, exist_ok=True)
    for case in load_suite(run["suite"]):
        name = f"{case.id}.json"
        data = json.loads((source / "outputs" / name).read_text(encoding="utf-8"))
        if "summary" in data:  # an error record stays as it is
            briefing = Briefing.model_validate(data)
            fields = briefing.model_dump(include={"summary", "actors", "quotes", "tensions"})
            kept, rejected = ground(
                Extraction.model_validate(fields), clean_article(case.article_text).text
            )
            data = {**data, **kept.model_dump(mode="json"), "grounding": True}
            data["rejected"] = [r.model_dump(mode="json") for r in rejected]
            data = Briefing.model_validate(data).model_dump(mode="json")
        (out / "outputs" / name).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    run["settings"] = {
        **run["settings"],
        "grounding": True,
        "max_reasks": 0,
        "derived": f"scripts/ground-offline.py {source}: the ungrounded answers, grounded "
        "offline (what grounding with SUMMARIZER_MAX_REASKS=0 returns); no model call",
    }
    (out / "run.json").write_text(json.dumps(run, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    raise SystemExit(main(Path(sys.argv[1]), Path(sys.argv[2])))
