"""The report in a real browser (headless Chromium): our script runs under the CSP, nothing
else does, the console stays silent, and a screenshot for the README lands in reports/.

Chromium prints every console message, errors and CSP violations included, as a
``CONSOLE`` line on stderr with ``--enable-logging=stderr``; the report logs nothing of its
own, so any such line is a failure. ``--dump-dom`` gives the DOM after the scripts ran: the
report's script marks ``<html data-ready="1">``, an injected one would mark ``data-pwned``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from dedup.html_report import write_report
from dedup.store import Store
from dedup.summary import gather
from tests.conftest import ROOT
from tests.test_html_report import hostile_report

SCREENSHOT = ROOT / "reports" / "report.png"
FLAGS = (
    "--headless",
    "--no-sandbox",  # CI runs as root, where the sandbox refuses to start
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
    "--window-size=1400,1200",
)


@pytest.fixture(scope="module")
def chromium() -> str:
    """Debian's chromium; missing, the test skips on a workstation and fails in CI."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("chromium is not installed but CI is set: .ci/run must install it")
    pytest.skip("chromium not installed (apt-get install chromium; .ci/run does)")


def run(chromium: str, page: Path, profile: Path, *extra: str) -> tuple[str, list[str]]:
    """Load ``page``; returns stdout and the console lines of stderr."""
    done = subprocess.run(
        [chromium, *FLAGS, f"--user-data-dir={profile}", *extra, page.resolve().as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout, [line for line in done.stderr.splitlines() if ":CONSOLE" in line]


@pytest.fixture(scope="module")
def sample_report(samples_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    with Store(samples_db) as store:
        write_report(gather(store), path)
    return path


def test_sample_report_renders_with_graph_and_no_console_errors(
    chromium: str, sample_report: Path, tmp_path: Path
) -> None:
    dom, console = run(chromium, sample_report, tmp_path / "profile", "--dump-dom")
    assert console == []
    assert 'data-ready="1"' in dom  # our script ran: the CSP hash admits it
    for section in ("summary", "graph-view", "reposts", "statements", "sources"):
        assert f'<section id="{section}">' in dom
    assert '<svg id="graph"' in dom and dom.count('<g class="node"') >= 10
    assert "大而不强" in dom


def test_screenshot_for_the_readme(chromium: str, sample_report: Path, tmp_path: Path) -> None:
    """The report renders to a PNG; ``UPDATE_SCREENSHOT=1`` writes it over the README's
    ``reports/report.png`` (a plain run leaves the committed file alone)."""
    shot = SCREENSHOT if os.environ.get("UPDATE_SCREENSHOT") else tmp_path / "report.png"
    shot.unlink(missing_ok=True)
    _, console = run(chromium, sample_report, tmp_path / "profile", f"--screenshot={shot}")
    assert console == []
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_hostile_page_runs_no_script_in_the_browser(chromium: str, tmp_path: Path) -> None:
    page = hostile_report(tmp_path)
    dom, console = run(chromium, page, tmp_path / "profile", "--dump-dom")
    assert "data-pwned" not in dom
    assert 'data-ready="1"' in dom and "<title>dedup report</title>" in dom
    assert console == []  # not even a script the CSP had to block
    assert "script&gt;document.document" in dom.replace("Element", "element")  # shown, as text
