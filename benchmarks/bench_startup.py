"""Cold start: from a new Python process to the main window shown on the demo office, beside its floor,
a bare PySide6 window (QApplication, a QMainWindow shown) started the same way, as a ratio.

Each run is a fresh interpreter (imports included, as a user pays them), the two alternating so the
machine's load falls on both alike. Prints the medians of N runs, in wall-clock time and in the CPU time
of the process (which a loaded machine distorts least). Goal (issue 16): within 1.3×.

Both start with the bytecode of their modules cached, as an installed program has it (pip compiles
it on install): a cache in the run's own folder (``PYTHONPYCACHEPREFIX``), filled by one run of each
that is not counted, whatever ``PYTHONDONTWRITEBYTECODE`` says in the calling environment (it is set
on this machine, and without a cache every start compiles the window's modules from source, 30–70 ms).
``PMO_BENCH_NO_BYTECODE=1`` measures that case instead.

``PMO_BENCH_REAL=1`` measures instead the program as a user starts it (``pmo_desktop.cli.main``, which
opens what it was given once the window is up) to its **first paint** — the main window on screen — in
three situations: a first start (no office opened before: the demo office is made and opened), a start
with an office opened before (the start screen lists it), and a start with a file named on the command
line; and, after it, to the office opened and shown (the recent list, for the start screen). The bare
window is timed the same way (to its first paint, seen by a paint handler of its own, as the main window's).
With ``PMO_BENCH_INSTRUCTIONS=1`` each process ends at that first paint under callgrind (no teardown counted).

``PMO_BENCH_FLOORS=1`` counts instead (callgrind, to the first paint, as ``PMO_BENCH_REAL=1`` does) the floor of a
start screen in PySide: the bare window, and plain PySide windows with what the start screen shows — a title, four
menus, a toolbar, the page list, a heading, three buttons, the recent list, a status-bar label — with no shortcut and
no icon, with the menus' shortcuts, with the toolbar's icons from the style beside its words, and with both: what any
program showing that screen pays, whatever its own code does (round startup55).

``PMO_BENCH_INSTRUCTIONS=1`` adds one run of each under valgrind's callgrind and prints the instructions
each executed (the part of ``Ir`` in user space): a count the machine's load does not change, to weigh a
change on a shared machine where the times move by ±30 % from run to run (slow: a minute or two).

    PYTHONPATH=. .venv/bin/python benchmarks/bench_startup.py
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHILD = r"""
import sys, time
t0 = float(sys.argv[1])
from pmo_desktop.views.app import make_application
app = make_application()
from pmo_desktop.views.main_window import MainWindow
from PySide6.QtCore import QTimer
w = MainWindow()
w.show()
app.processEvents()
shown = time.time() - t0
cpu = time.process_time()
def load():
    w.open_path(sys.argv[2])
    app.processEvents()
    print(f"{shown:.3f} {time.time() - t0:.3f} {cpu:.3f}")
    app.quit()
QTimer.singleShot(0, load)   # as run_gui does: the file opens once the window is up
app.exec()
"""
BARE = r"""
import sys, time
t0 = float(sys.argv[1])
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow()
w.resize(1280, 720)
w.show()
app.processEvents()
print(f"{time.time() - t0:.3f} {time.process_time():.3f}")
"""
# The program as a user starts it: its own entry point, its first paint seen by a paint handler on the main window
# (the bare window has the same), ``QApplication.exec`` replaced by a loop that runs until what was asked for is shown
# (the office open, or the start screen's list), printing the time and CPU time of both. With
# ``PMO_BENCH_STOP_AT_PAINT`` the process ends at the first paint (for callgrind: nothing after it is counted, in
# either). A loop asking ``isExposed()`` is not the moment: one ``processEvents`` both paints the window and runs
# what was queued after the paint.
REAL = r"""
import os, sys, time
t0 = float(sys.argv[1])
from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QMainWindow
painted = []
def first_paint(self, event):
    QMainWindow.paintEvent(self, event)
    if not painted:
        if os.environ.get("PMO_BENCH_STOP_AT_PAINT"):
            print("shown", flush=True)
            os._exit(0)
        painted.append((time.time() - t0, time.process_time()))
def until_shown(app):
    window = next(w for w in QApplication.topLevelWidgets() if w.isVisible() and hasattr(w, "welcome"))
    deadline = time.time() + 120
    while not painted or (window.document is None and not (window.welcome.recent and window.welcome.recent.isVisible())):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        assert time.time() < deadline, "nothing opened"
    app.processEvents()
    (shown, cpu), = painted
    print(f"{shown:.3f} {cpu:.3f} {time.time() - t0:.3f} {time.process_time():.3f}")
    return 0
QApplication.exec = until_shown
from pmo_desktop.views.main_window import MainWindow
MainWindow.paintEvent = first_paint
from pmo_desktop.cli import main
sys.exit(main(sys.argv[2:]))
"""
BARE_PAINTED = r"""
import os, sys, time
t0 = float(sys.argv[1])
from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QMainWindow
painted = []
class Window(QMainWindow):
    def paintEvent(self, event):
        QMainWindow.paintEvent(self, event)
        if not painted:
            if os.environ.get("PMO_BENCH_STOP_AT_PAINT"):
                print("shown", flush=True)
                os._exit(0)
            painted.append((time.time() - t0, time.process_time()))
app = QApplication(sys.argv[:1])
w = Window()
w.resize(1280, 720)
w.show()
while not painted:
    app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
print("%.3f %.3f" % painted[0])
"""
# The floor windows (``PMO_BENCH_FLOORS=1``): argv[2] "keys" gives the menus' actions shortcuts (the platform's standard
# keys where there is one, else text: converting either to a QKeySequence makes the Qt namespace's 93 enums, which
# its constructors take), "icons" gives the toolbar the style's icons beside its words (Qt.ToolButtonStyle,
# QStyle.StandardPixmap); nothing else names an enum (centred by stretches and rich text).
FLOOR = BARE_PAINTED.split("app = QApplication")[0] + r"""
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget
keys, icons = "keys" in sys.argv[2], "icons" in sys.argv[2]
app = QApplication(sys.argv[:1])
w = Window()
w.resize(1280, 720)
w.setWindowTitle("PMO Desktop")
if keys:
    from PySide6.QtGui import QKeySequence
    standard = [QKeySequence.StandardKey.New, QKeySequence.StandardKey.Open, QKeySequence.StandardKey.SaveAs,
                QKeySequence.StandardKey.Close, QKeySequence.StandardKey.Quit, QKeySequence.StandardKey.Undo,
                QKeySequence.StandardKey.Redo, QKeySequence.StandardKey.Find]
for m, title in enumerate(("&File", "&Edit", "&View", "&Help")):
    menu = w.menuBar().addMenu(title)
    for i in range(8 if m < 3 else 2):
        action = QAction(f"Action &{i}", w)
        if keys:
            if m < 2 and i < 4:
                action.setShortcuts(standard[4 * m + i])
            else:
                action.setShortcut(f"Ctrl+Shift+{i}" if m else f"Ctrl+{i}")
        menu.addAction(action)
bar = w.addToolBar("Main toolbar")
if icons:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QStyle
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
for i in range(10):
    action = bar.addAction(f"Tool {i}")
    if icons and i < 6:
        action.setIcon(w.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon))
central = QWidget(w)
row = QHBoxLayout(central)
pages = QListWidget(central)
pages.addItems(["Program overview", "Projects", "Stakeholders", "Risks", "Benefits", "People", "RAID", "Status"])
pages.setMaximumWidth(180)
row.addWidget(pages)
column = QVBoxLayout()
row.addLayout(column, 1)
column.addStretch(1)
column.addWidget(QLabel("<h1 align=center>PMO Desktop</h1><p align=center>Open a program office file, create a new "
                        "one, or explore the demo.</p>", central))
for text in ("Open…", "New…", "Open the demo office"):
    button = QPushButton(central)
    button.setText(text)
    button.setMinimumWidth(240)
    line = QHBoxLayout()
    line.addStretch(1)
    line.addWidget(button)
    line.addStretch(1)
    column.addLayout(line)
recent = QListWidget(central)
recent.addItems(["demo.pmo\n/home/me/offices"])
recent.setCurrentRow(0)
column.addWidget(recent)
column.addStretch(2)
w.setCentralWidget(central)
w.statusBar().addPermanentWidget(QLabel("No file open", w))
recent.setFocus()
w.show()
while not painted:
    app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
"""
FLOORS = (("the bare window", BARE_PAINTED, ""), ("words only, no shortcut, no icon", FLOOR, "-"),
          ("the menus' shortcuts", FLOOR, "keys"), ("the toolbar's icons beside its words", FLOOR, "icons"),
          ("both", FLOOR, "keys,icons"))


def floors(env: dict[str, str]) -> None:
    """``PMO_BENCH_FLOORS=1``: each floor window once under callgrind, to its first paint."""
    if shutil.which("valgrind") is None:
        print("floors: valgrind is not installed")
        return
    counts = []
    for _label, code, what in FLOORS:
        args = [what] if what else []
        run_env = dict(env, PYTHONHASHSEED="0", PMO_BENCH_STOP_AT_PAINT="1")
        subprocess.run([sys.executable, "-c", code, repr(time.time()), *args], env=run_env, capture_output=True,
                       check=True)  # fills the bytecode cache, not counted
        out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c",
                              code, repr(time.time()), *args], env=run_env, capture_output=True, text=True, check=True)
        counts.append(int(re.findall(r"Collected : (\d+)", out.stderr)[-1]))
    print("instructions to the first paint of a plain PySide start screen (callgrind, user space): "
          + "; ".join(f"{label} {count / 1e6:.0f} M (×{count / counts[0]:.2f})"
                      for (label, _code, _what), count in zip(FLOORS, counts)))


SITUATIONS = ("first start (the demo made and opened)", "an office opened before (the start screen)",
              "a file named on the command line")


def real_start(env: dict[str, str], tmp: Path, demo: Path, runs: int) -> None:
    """``PMO_BENCH_REAL=1``: the program's own start in each situation, alternated with the bare window."""
    def situation_env(number: int, run: int) -> dict[str, str]:
        home = tmp / f"home-{number}-{run}"  # a home of its own each time: a first start has none
        shutil.rmtree(home, ignore_errors=True)
        (home / "config" / ORG).mkdir(parents=True)
        if number == 1:  # the office opened before: the demo file, as the settings name it
            (home / "config" / ORG / f"{APP}.conf").write_text(f"[General]\nrecent_files={demo}\n")
        return dict(env, XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"))

    from pmo_desktop import APP_NAME as APP
    from pmo_desktop import ORG_NAME as ORG

    bare, bare_cpu = [], []
    painted: list[list[float]] = [[] for _ in SITUATIONS]
    painted_cpu: list[list[float]] = [[] for _ in SITUATIONS]
    content: list[list[float]] = [[] for _ in SITUATIONS]
    content_cpu: list[list[float]] = [[] for _ in SITUATIONS]
    for run in range(runs + 1):  # the first of each fills the bytecode cache, and is not counted
        out = subprocess.run([sys.executable, "-c", BARE_PAINTED, repr(time.time())], env=env,
                             capture_output=True, text=True, check=True)
        wall, cpu = out.stdout.strip().splitlines()[-1].split()
        if run:
            bare.append(float(wall))
            bare_cpu.append(float(cpu))
        for number in range(len(SITUATIONS)):
            args = [str(demo)] if number == 2 else []
            out = subprocess.run([sys.executable, "-c", REAL, repr(time.time()), *args],
                                 env=situation_env(number, run), capture_output=True, text=True, check=True)
            a, b, c, d = (float(x) for x in out.stdout.strip().splitlines()[-1].split())
            if run:
                painted[number].append(a)
                painted_cpu[number].append(b)
                content[number].append(c)
                content_cpu[number].append(d)
    floor, cpu_floor = statistics.median(bare), statistics.median(bare_cpu)
    print(f"bare PySide6 window painted (floor): median {floor:.3f} s, CPU {cpu_floor:.3f} s over {runs} runs")
    for number, situation in enumerate(SITUATIONS):
        wall, cpu = statistics.median(painted[number]), statistics.median(painted_cpu[number])
        print(f"{situation}: first paint median {wall:.3f} s (×{wall / floor:.2f}), CPU {cpu:.3f} s "
              f"(×{cpu / cpu_floor:.2f}); shown with what was asked for {statistics.median(content[number]):.3f} s, "
              f"CPU {statistics.median(content_cpu[number]):.3f} s")
    if os.environ.get("PMO_BENCH_INSTRUCTIONS") and shutil.which("valgrind"):
        counts = []
        for code, args, number in ((BARE_PAINTED, [], 0), (REAL, [], 0), (REAL, [], 1), (REAL, [str(demo)], 2)):
            out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                                  sys.executable, "-c", code, repr(time.time()), *args],
                                 env=dict(situation_env(number, runs + 1), PYTHONHASHSEED="0", PMO_BENCH_STOP_AT_PAINT="1"),
                                 capture_output=True, text=True, check=True)
            counts.append(int(re.findall(r"Collected : (\d+)", out.stderr)[-1]))
        print(f"instructions to the first paint (callgrind, user space): bare window {counts[0] / 1e6:.0f} M; "
              + "; ".join(f"{situation} {count / 1e6:.0f} M (×{count / counts[0]:.2f})"
                          for situation, count in zip(SITUATIONS, counts[1:])))


def main(runs: int = 7) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), PYTHONPATH=str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        env["XDG_CONFIG_HOME"] = env["XDG_DATA_HOME"] = tmp
        sys.path.insert(0, str(ROOT))
        from pmo_desktop.models.demo import create_demo

        if not os.environ.get("PMO_BENCH_NO_BYTECODE"):
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        demo = Path(tmp) / "demo.pmo"
        create_demo(demo).close()
        if os.environ.get("PMO_BENCH_FLOORS"):
            floors(env)
            return
        if os.environ.get("PMO_BENCH_REAL"):
            real_start(env, Path(tmp), demo, runs)
            return
        shown, loaded, bare, cpu_shown, cpu_bare = [], [], [], [], []
        for run in range(runs + 1):  # the first of each fills the bytecode cache, and is not counted
            out = subprocess.run([sys.executable, "-c", BARE, repr(time.time())], env=env,
                                 capture_output=True, text=True, check=True)
            wall, cpu = out.stdout.strip().splitlines()[-1].split()
            if run:
                bare.append(float(wall))
                cpu_bare.append(float(cpu))
            out = subprocess.run([sys.executable, "-c", CHILD, repr(time.time()), str(demo)], env=env,
                                 capture_output=True, text=True, check=True)
            a, b, cpu = out.stdout.strip().splitlines()[-1].split()
            if run:
                shown.append(float(a))
                loaded.append(float(b))
                cpu_shown.append(float(cpu))
        report(runs, bare, shown, loaded, cpu_bare, cpu_shown)
        if os.environ.get("PMO_BENCH_INSTRUCTIONS"):
            instructions(env, demo)


def report(runs: int, bare: list[float], shown: list[float], loaded: list[float], cpu_bare: list[float],
           cpu_shown: list[float]) -> None:
    floor = statistics.median(bare)
    cached = "without a bytecode cache" if os.environ.get("PMO_BENCH_NO_BYTECODE") else "bytecode cached"
    print(f"bare PySide6 window shown (floor, {cached}): median {floor:.3f} s, min {min(bare):.3f} s over {runs} runs")
    for label, times in (("main window shown", shown), ("demo office loaded in it", loaded)):
        median = statistics.median(times)
        print(f"cold start to {label}: median {median:.3f} s (×{median / floor:.2f} the bare window), "
              f"min {min(times):.3f} s, max {max(times):.3f} s over {runs} runs")
    cpu_floor, cpu_main = statistics.median(cpu_bare), statistics.median(cpu_shown)
    print(f"CPU time of the process to the window shown: median {cpu_main:.3f} s against {cpu_floor:.3f} s "
          f"for the bare window (×{cpu_main / cpu_floor:.2f})")


def instructions(env: dict[str, str], demo: Path) -> None:
    """Each start once under callgrind (the file is not opened: the child stops at the window shown)."""
    if shutil.which("valgrind") is None:
        print("instructions: valgrind is not installed")
        return
    shown_only = CHILD.split("def load():")[0] + "print('shown')\n"
    counts = []
    for code, args in ((BARE, [repr(time.time())]), (shown_only, [repr(time.time()), str(demo)])):
        out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                              sys.executable, "-c", code, *args], env=dict(env, PYTHONHASHSEED="0"),
                             capture_output=True, text=True, check=True)
        counts.append(int(re.findall(r"Collected : (\d+)", out.stderr)[-1]))
    bare, shown = counts
    print(f"instructions to the window shown: {shown / 1e6:.0f} M against {bare / 1e6:.0f} M for the bare window "
          f"(×{shown / bare:.2f}; callgrind, user space, unchanged by the machine's load)")


if __name__ == "__main__":
    main()
