"""Shared fixtures. Tests run with no display: Qt uses the offscreen platform."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from pmo_desktop.models.demo import create_demo  # noqa: E402
from pmo_desktop.models.store import Store  # noqa: E402


@pytest.fixture
def store(tmp_path: Path):
    """A new, empty program office file in a temp dir."""
    s = Store.create(tmp_path / "office.pmo")
    yield s
    s.close()


@pytest.fixture
def demo_store(tmp_path: Path):
    """The demo program office in a temp dir."""
    s = create_demo(tmp_path / "demo.pmo")
    yield s
    s.close()
