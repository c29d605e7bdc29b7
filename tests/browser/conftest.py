"""A real browser (Debian's Chromium through Playwright) against the hotline served by uvicorn on a free port.

Only on SQLite, to save time. Without /usr/bin/chromium the tests fail, loudly: CI installs it (.ci/run).
"""

import os
from pathlib import Path
import socket
import threading
import time

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
DOCS_SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def database_url(sqlite_url) -> str:
    """The browser tests run on SQLite only."""
    return sqlite_url


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def live_server(hotline_env):
    """The app under uvicorn in a thread, on the test database and Redis; its base URL."""
    import uvicorn

    from hotline.app import create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning",
                                           timeout_graceful_shutdown=2))
    thread = threading.Thread(target=server.run, name="hotline-live-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=15)


@pytest.fixture
def browser():
    """Headless Chromium; a missing Chromium is a failure, not a skip."""
    assert CHROMIUM.exists(), f"{CHROMIUM} is missing: install Debian's chromium package (apt-get install -y chromium)"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def screenshot(tmp_path):
    """Save a page's screenshot: under docs/screenshots/ (shown in the README) when HOTLINE_SCREENSHOTS=docs,
    else in the test's own folder, so a test run leaves the checkout as it found it."""
    folder = DOCS_SCREENSHOTS if os.environ.get("HOTLINE_SCREENSHOTS") == "docs" else tmp_path
    folder.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> Path:
        path = folder / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
