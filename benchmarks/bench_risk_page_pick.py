"""CPU of a quick-filter pick on the Risks page as a user makes it (the Level drop-down, the register's tab shown,
the heat map's hidden behind it) among the risks of FILE, median of 12 picks. Run it on two checkouts
alternately for a before and after (the heat map counted every risk at each pick before it counted only when
shown):

    PYTHONPATH=. .venv/bin/python benchmarks/bench_risk_page_pick.py FILE LABEL

FILE: an office with many risks, e.g. the one bench_table_actions.py builds (it is copied first)."""
import os
import shutil
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtWidgets import QApplication  # noqa: E402

from pmo_desktop.models.store import Store  # noqa: E402
from pmo_desktop.views.document import Document  # noqa: E402
from pmo_desktop.views.risks.page import RisksPage  # noqa: E402

src = sys.argv[1]
dst = src + ".pick-copy.pmo"
shutil.copy(src, dst)
for side in ("-wal", "-shm"):
    if os.path.exists(dst + side):
        os.remove(dst + side)
app = QApplication.instance() or QApplication([])
page = RisksPage(Document(Store.open(dst)))
page.resize(1400, 850)
page.show()
app.processEvents()
time.sleep(3)  # the indexes built ahead and numpy's import, on workers, as a user looks at the page
app.processEvents()
times = []
for _round in range(6):
    for level in ("Program", "Project"):
        t = time.process_time()
        page.filters.choose("levels", level)
        app.processEvents()
        times.append((time.process_time() - t) * 1000)
print(sys.argv[2], "pick ms CPU: median %.1f  (all %s)" % (statistics.median(times), " ".join(f"{x:.0f}" for x in times)))
