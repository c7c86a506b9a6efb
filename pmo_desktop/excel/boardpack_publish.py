"""Publishing a board pack: write it (PDF or workbook, by the file's extension), then keep the data it
showed as a board snapshot inside the office, so the next pack can say what changed since this one.

The snapshot is the very state the pack read (one consistent read), and it is kept only once the
pack was written: a pack that failed leaves no snapshot behind.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Callable

from ..models import disk, snapshots
from ..models.errors import ConnectionLost, StoreError
from ..models.office import Office
from ..models.paper import check_paper, locale_paper
from ..models.settings import BOARD_PACK_PAPER
from ..models.store import Store
from .boardpack_data import read_board_pack
from .export_errors import ExportError, SnapshotNotKept


def publish_board_pack(store: Store, out_path: str | os.PathLike[str], today: date | None = None, *,
                       label: str = "", progress: Callable[[int, int], None] | None = None,
                       cancelled: Callable[[], bool] | None = None,
                       keep_snapshot: bool = True, paper_size: str | None = None) -> tuple[Path, int | None]:
    """Write the pack; returns its path and the id of the snapshot kept (None when not kept, and always
    for an office open read only: the pack is written, the office is left as it is).
    ``paper_size``: "A4" or "Letter"; None: the office's own (``BOARD_PACK_PAPER``), else the locale's."""
    if Path(out_path).suffix.lower() not in (".pdf", ".xlsx"):
        # Said before the office is read; check_target alone named only the workbook (".xlsx") as the way out.
        raise ExportError(f"“{Path(out_path).name}” must end in .pdf (a print-ready PDF) or .xlsx (a workbook "
                          "set up to print).")
    keep_snapshot = keep_snapshot and not store.read_only
    if paper_size is None:
        paper_size = Office(store).read(BOARD_PACK_PAPER.read) or locale_paper()
    paper_size = check_paper(paper_size)
    data = read_board_pack(store, today, freeze=keep_snapshot)
    if str(out_path).lower().endswith(".pdf"):
        from .boardpack_pdf import write_board_pack_pdf

        out = write_board_pack_pdf(store, out_path, today, data=data, paper_size=paper_size, progress=progress,
                                   cancelled=cancelled)
    else:
        from .boardpack import write_board_pack

        out = write_board_pack(store, out_path, today, progress=progress, data=data, paper_size=paper_size,
                               cancelled=cancelled)
    if not keep_snapshot or data.frozen is None:
        return out, None
    try:
        snapshot_id, _ = Office(store).write(snapshots.take, label or snapshots.default_label(data.today),
                                             data.frozen)
    except StoreError as e:
        # The pack is written by now (over last month's): "not saved", the store's words for an edit,
        # read as if the pack had failed while it had replaced the one the user kept.
        folder = None if store.path is None else Path(store.path).parent
        why = disk.failure_cause(e, folder) or ("the connection to it was lost" if isinstance(e, ConnectionLost)
                                                else " ".join(str(e).split()).rstrip("."))
        raise SnapshotNotKept(out, store.display_name, why) from e
    return out, snapshot_id
