"""`fiscal report` (issue 18): the HTML report of the bundled sample, rendered by a real headless
Chromium (Debian's package, which .ci/run installs): the charts have bars, the findings table has
the document's findings with their page and line, every link resolves, nothing is fetched."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest
from PIL import Image

from conftest import PUTUO_ID
from ingest.report import write_report

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# as the machine's notes advise: no sandbox as root, no background connections to a closed network
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def report(tmp_path_factory, sample_warehouse) -> Path:
    folder = tmp_path_factory.mktemp("report") / "site"
    assert write_report(sample_warehouse, folder) == 4
    return folder


def _chromium(tmp_path: Path, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *arguments],
                          capture_output=True, text=True, timeout=120, check=True)


def test_the_page_renders_with_its_charts_and_findings(report, tmp_path, sample_warehouse):
    page = report / f"{PUTUO_ID}.html"
    dom = _chromium(tmp_path, "--dump-dom", page.as_uri()).stdout
    chart = re.search(r'<svg class="chart" id="spending-by-class".*?</svg>', dom, re.S).group(0)
    widths = [float(width) for width in re.findall(r'<rect class="bar"[^>]* width="([\d.]+)"', chart)]
    shown = re.findall(r'</rect><text[^>]*>([\d,.]+)</text>', chart)
    with duckdb.connect(str(sample_warehouse), read_only=True) as con:
        by_class = con.execute("select sum(total_amount_yuan) / 10000 from marts.mart_spending_by_function "
                               "where document_id = ? and fund_scope = 'all_funds' group by class_code order by 1 desc",
                               [PUTUO_ID]).fetchall()
        findings = con.execute("select rule_id, source_line from audit.fct_findings where document_id = ? "
                               "order by form, source_line, rule_id", [PUTUO_ID]).fetchall()
    # Putuo's four 类 with spending, largest first, as 03's leaves add them up (万元)
    assert shown == [f"{total:,.2f}" for total, in by_class] and len(shown) == 4
    assert widths[0] == 420.0 and all(width > 0 for width in widths)
    table = re.search(r'<table id="findings">.*?</table>', dom, re.S).group(0)
    rows = re.findall(r"<tr><td><a href=\"rules.html#([\w]+)\">.*?</td><td>[^<]*</td><td class=\"n\">(\d*)</td>"
                      r"<td class=\"n\">(\d*)</td>", table)
    assert [(rule, int(line)) for rule, _, line in rows] == findings and len(findings) == 2
    assert all(page_number for _, page_number, _ in rows)                      # printed on a PDF page
    # the screenshot shows the bars: the chart's blue covers a real part of the page
    shot = tmp_path / "page.png"
    _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1200,1400", page.as_uri())
    image = Image.open(shot).convert("RGB")
    blue = sum(1 for pixel in image.get_flattened_data() if pixel == (0x3B, 0x6E, 0xA5))
    assert blue > 5_000, blue


def test_every_link_resolves_and_nothing_is_fetched(report):
    pages = {path.name: path.read_text(encoding="utf-8") for path in report.glob("*.html")}
    assert len(pages) == 4 + 2                                                 # the disclosures, index, rules
    for name, html in pages.items():
        assert not re.search(r'(src|href)="(https?:)?//', html), name          # no CDN, no remote anything
        for target in re.findall(r'href="([^"]+)"', html):
            file, _, anchor = target.partition("#")
            assert (file or name) in pages, (name, target)
            if anchor:
                assert f'id="{anchor}"' in pages[file or name], (name, target)
