"""Shared fixtures. Tests run with no display: Qt uses the offscreen platform."""

import os

import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep QSettings (recent files, geometry) and the demo office out of the user's real folders.
_sandbox = tempfile.mkdtemp(prefix="pmo-tests-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_sandbox, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_sandbox, "data")

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


@pytest.fixture
def document(qtbot, tmp_path: Path):
    """A GUI document (store + undo stack) on a new file."""
    from pmo_desktop.views.document import Document

    doc = Document(Store.create(tmp_path / "gui.pmo"))
    yield doc
    doc.close()
