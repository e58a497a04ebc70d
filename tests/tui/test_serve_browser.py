"""`flexdash serve` in a real browser (issue 14): headless Chromium (Debian's
package) driven by Playwright opens the page, the Balances pane appears,
a key switches to Expirations, and the screenshot shows the sample firm's
teams. textual-serve draws the terminal on a canvas, so the text is read
back from the screenshot with tesseract. Skipped, saying why, only where no
browser (or no OCR) can be installed; .ci/run installs both."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.tui.helpers import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
TESSERACT = shutil.which("tesseract")


def _missing() -> str | None:
    if CHROMIUM is None:
        return "no Chromium on this machine (Debian: apt-get install chromium)"
    if TESSERACT is None:
        return "no tesseract on this machine (Debian: apt-get install tesseract-ocr)"
    try:
        import playwright.sync_api  # noqa: F401
        import pytesseract  # noqa: F401
    except ImportError as exc:
        return f"{exc.name} is not installed (pip install -e '.[test]')"
    return None


pytestmark = pytest.mark.skipif(_missing() is not None, reason=_missing() or "")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _text(page, path: Path) -> str:
    import pytesseract
    from PIL import Image, ImageOps

    page.screenshot(path=str(path))
    shot = Image.open(path)
    # read as is (coloured titles) and in contrast-stretched grey at twice the size (the highlighted rows)
    grey = ImageOps.autocontrast(shot.convert("L")).resize((shot.width * 2, shot.height * 2))
    return pytesseract.image_to_string(shot) + "\n" + pytesseract.image_to_string(grey)


def _wait_for(page, path: Path, words: list[str], attempts: int = 40) -> str:
    """Screenshots read by OCR until every word shows (bounded: the app
    starts in its own process, a few seconds on a loaded machine)."""
    text = ""
    for _ in range(attempts):
        text = _text(page, path)
        if all(w.lower() in text.lower() for w in words):
            return text
        page.wait_for_timeout(500)
    raise AssertionError(f"never saw {words} in the page; last read:\n{text}")


def test_the_dashboard_in_a_browser(sample_store, tmp_path):
    from playwright.sync_api import sync_playwright

    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "app",
            "serve",
            "--db",
            str(sample_store),
            "--port",
            str(port),
            "--as-of",
            "2026-11-21T00:00:00Z",
            "--theme",
            "textual-light",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert f"http://127.0.0.1:{port}" in server.stdout.readline()  # it says where, once listening
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            for _ in range(40):  # the server binds its port just after saying so
                try:
                    page.goto(f"http://127.0.0.1:{port}/")
                    break
                except Exception:
                    page.wait_for_timeout(250)
            # the Balances pane and the sample firm's teams (sample_logs/packs.csv)
            _wait_for(page, tmp_path / "balances.png", ["Balances", "architecture", "civil", "survey"])
            page.mouse.click(800, 500)  # the terminal takes the keys
            page.keyboard.press("2")
            text = _wait_for(page, tmp_path / "expirations.png", ["Expirations", "HCE-2025-024"])
            assert "visualisation" in text.lower()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
