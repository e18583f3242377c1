"""Check a page's layout in headless Chromium: no two labelled elements overlap, nothing
overflows horizontally, at a given window width.

Usage: python scripts/layout_check.py PAGE.html [WIDTH ...]   (default widths 1300 390)
       python scripts/layout_check.py --frame PAGE.html WIDTH HEIGHT   (print the page
       framed at that size, for a screenshot: see scripts/screenshot-report.sh)

It copies the page, opens every <details>, appends a small script that reads the boxes
of the labelled elements (``[data-label]``, headings, table cells, list items, SVG
charts, run facts) with getBoundingClientRect, and writes what it finds into the DOM;
`chromium --headless --dump-dom` prints that DOM. Exit 1 when a problem is found, 3 when
no chromium binary is found. Needs only the Chromium Debian package (no Python package).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

WIDTHS = (1300, 390)
BINARIES = ("chromium", "chromium-browser", "google-chrome", "chrome")

# Elements whose boxes must not overlap one another (ancestors and descendants aside).
_SELECTOR = "[data-label], h1, h2, h3, h4, h5, td, th, li, dt, dd, svg, label, summary, p"

_PROBE = """
<script id="layout-probe">
(function () {
  document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  var vw = document.documentElement.clientWidth;
  var problems = [];
  var doc = document.documentElement.scrollWidth;
  if (doc > vw + 1) problems.push("page overflows horizontally: " + doc + " px wide in a " + vw + " px window");
  function name(el) {
    var label = el.getAttribute("data-label");
    var text = (el.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 40);
    return el.tagName.toLowerCase() + (label ? "[" + label + "]" : "") + " '" + text + "'";
  }
  var boxes = [];
  document.querySelectorAll(%SELECTOR%).forEach(function (el) {
    if (el.closest("#layout-result")) return;
    var r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return;
    var x = r.left + window.scrollX, y = r.top + window.scrollY;
    boxes.push({el: el, l: x, t: y, r: x + r.width, b: y + r.height});
    if (x + r.width > vw + 1 && problems.length < 20) problems.push(name(el) + " runs past the right edge (" + Math.round(x + r.width) + " > " + vw + ")");
    if (x < -1 && problems.length < 20) problems.push(name(el) + " starts left of the page (" + Math.round(x) + ")");
  });
  boxes.sort(function (a, b) { return a.t - b.t; });
  var overlaps = 0;
  for (var i = 0; i < boxes.length && overlaps < 200; i++) {
    var a = boxes[i];
    for (var j = i + 1; j < boxes.length; j++) {
      var b = boxes[j];
      if (b.t >= a.b - 1) break;
      if (b.l >= a.r - 1 || a.l >= b.r - 1 || b.t >= a.b - 1 || a.t >= b.b - 1) continue;
      if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
      problems.push(name(a.el) + " overlaps " + name(b.el));
      if (++overlaps >= 200) break;
    }
  }
  var host = window.parent.document;
  var out = host.createElement("pre");
  out.id = "layout-result";
  out.textContent = JSON.stringify({width: vw, checked: boxes.length, problems: problems});
  host.body.appendChild(out);
})();
</script>
""".replace("%SELECTOR%", json.dumps(_SELECTOR))


def find_chromium() -> str | None:
    """The Chromium (or Chrome) binary on PATH, or $CHROMIUM."""
    if os.environ.get("CHROMIUM"):
        return os.environ["CHROMIUM"]
    return next((found for b in BINARIES if (found := shutil.which(b))), None)


def framed(html: str, width: int, height: int) -> str:
    """``html`` inside an iframe ``width`` px wide: headless Chromium will not make a
    window narrower than 500 px, a frame can be as narrow as a phone."""
    from html import escape

    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head>'
        '<body style="margin:0">'
        f'<iframe style="border:0;display:block;width:{width}px;height:{height}px" '
        f'srcdoc="{escape(html, quote=True)}"></iframe></body></html>'
    )


def check(page: Path, width: int, chromium: str, height: int = 1000) -> dict:
    """Open ``page`` at ``width`` px and return ``{"width", "checked", "problems"}``."""
    html = page.read_text(encoding="utf-8")
    probed = html.replace("</body>", _PROBE + "</body>") if "</body>" in html else html + _PROBE
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "page.html"
        copy.write_text(framed(probed, width, height), encoding="utf-8")
        result = subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--hide-scrollbars",
                f"--user-data-dir={tmp}/profile",
                f"--window-size={max(width, 500)},{height}",
                "--virtual-time-budget=3000",
                "--dump-dom",
                copy.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
    found = re.search(r'<pre id="layout-result">(.*?)</pre>', result.stdout, re.S)
    if not found:
        raise RuntimeError(
            f"chromium gave no layout result (exit {result.returncode}): {result.stderr[-500:]}"
        )
    import html as htmllib

    return json.loads(htmllib.unescape(found[1]))


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    if argv[0] == "--frame":  # print PAGE framed at WIDTH x HEIGHT (for screenshots)
        page, width, height = Path(argv[1]), int(argv[2]), int(argv[3])
        print(framed(page.read_text(encoding="utf-8"), width, height))
        return 0
    chromium = find_chromium()
    if chromium is None:
        print("chromium not found: apt-get install -y chromium", file=sys.stderr)
        return 3
    widths = [int(w) for w in argv[1:]] or list(WIDTHS)
    bad = 0
    for width in widths:
        result = check(Path(argv[0]), width, chromium)
        print(
            f"{argv[0]} at {result['width']} px: {result['checked']} elements, "
            f"{len(result['problems'])} problem(s)"
        )
        for problem in result["problems"]:
            print(f"  {problem}")
        bad += bool(result["problems"])
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
