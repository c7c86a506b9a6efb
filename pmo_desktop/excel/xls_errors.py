"""The Excel errors (#N/A, #REF! …) of an old-format .xls workbook, which python-calamine reads as empty
cells: so an import can name them ("Probability: #N/A") instead of taking the cell for blank.

A .xls file is a compound document (CFB) holding a "Workbook" stream of BIFF8 records. Only what is
needed is read: the stream (through the FAT, or the mini stream for small files), the sheet names and
offsets (BOUNDSHEET), and per sheet the cells that hold an error: BOOLERR records with the error flag,
and FORMULA records whose cached result is an error. Every offset is bounds-checked and every sector
chain is capped at the file's size, so a damaged or hostile file yields no errors rather than a hang;
the values calamine read stand either way.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path

_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END = 0xFFFFFFFE
_CODES = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?", 0x24: "#NUM!",
          0x2A: "#N/A", 0x2B: "#GETTING_DATA"}
_BOUNDSHEET, _BOF, _EOF, _BOOLERR, _FORMULA = 0x0085, 0x0809, 0x000A, 0x0205, 0x0006


class _Damaged(Exception):
    pass


def _u32(data: bytes, at: int) -> int:
    if at < 0 or at + 4 > len(data):
        raise _Damaged(at)
    value: int = struct.unpack_from("<I", data, at)[0]
    return value


def _chain(table: list[int], start: int, limit: int) -> list[int]:
    out: list[int] = []
    sector = start
    while sector != _END:
        if sector >= len(table) or len(out) > limit:
            raise _Damaged(sector)
        out.append(sector)
        sector = table[sector]
    return out


def workbook_stream(data: bytes) -> bytes:
    """The BIFF "Workbook" (or old "Book") stream of a compound document."""
    if data[:8] != _MAGIC:
        raise _Damaged("not a compound document")
    size = 1 << struct.unpack_from("<H", data, 0x1E)[0]
    mini_size = 1 << struct.unpack_from("<H", data, 0x20)[0]
    if size not in (512, 4096) or mini_size != 64:
        raise _Damaged("sector size")
    count = len(data) // size

    def sector(n: int) -> bytes:
        if n >= count:
            raise _Damaged(n)
        return data[(n + 1) * size:(n + 2) * size]

    difat = [_u32(data, 0x4C + 4 * i) for i in range(109)]
    nxt, extra = _u32(data, 0x44), _u32(data, 0x48)
    for _ in range(min(extra, count)):
        block = sector(nxt)
        difat += [_u32(block, 4 * i) for i in range(size // 4 - 1)]
        nxt = _u32(block, size - 4)
    fat: list[int] = []
    for n in difat[:_u32(data, 0x2C)]:
        block = sector(n)
        fat += [_u32(block, 4 * i) for i in range(size // 4)]

    def read(start: int, length: int) -> bytes:
        return b"".join(sector(n) for n in _chain(fat, start, count))[:length]

    directory = read(_u32(data, 0x30), count * size)
    entries = []
    for at in range(0, len(directory) - 127, 128):
        name_len = struct.unpack_from("<H", directory, at + 0x40)[0]
        name = directory[at:at + min(name_len, 64)].decode("utf-16-le", "replace").rstrip("\x00")
        entries.append((name, directory[at + 0x42], _u32(directory, at + 0x74), _u32(directory, at + 0x78)))
    if not entries:
        raise _Damaged("no directory")
    stream = next((e for e in entries if e[1] == 2 and e[0] in ("Workbook", "Book")), None)
    if stream is None:
        raise _Damaged("no workbook stream")
    _name, _kind, start, length = stream
    if length >= _u32(data, 0x38):  # at or above the cutoff: in ordinary sectors
        return read(start, length)
    root = entries[0]
    mini_stream = read(root[2], root[3])
    mini_fat_bytes = read(_u32(data, 0x3C), _u32(data, 0x40) * size)
    mini_fat = [_u32(mini_fat_bytes, 4 * i) for i in range(len(mini_fat_bytes) // 4)]
    chunks = [mini_stream[n * mini_size:(n + 1) * mini_size]
              for n in _chain(mini_fat, start, len(mini_stream) // mini_size + 1)]
    return b"".join(chunks)[:length]


def _records(stream: bytes, at: int) -> Iterator[tuple[int, bytes]]:
    while at + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, at)
        yield kind, stream[at + 4:at + 4 + length]
        at += 4 + length


def _sheets(stream: bytes) -> list[tuple[str, int]]:
    out = []
    for kind, body in _records(stream, 0):
        if kind == _BOUNDSHEET and len(body) >= 8:
            offset, cch, high = _u32(body, 0), body[6], body[7] & 1
            raw = body[8:8 + cch * (2 if high else 1)]
            out.append((raw.decode("utf-16-le" if high else "latin-1", "replace"), offset))
        elif kind == _EOF:
            break
    return out


def error_cells(path: str | Path) -> dict[str, list[tuple[int, int, str]]]:
    """Sheet name → (row, column, "#N/A"), 0-based, of every cell showing an error; {} when unreadable."""
    try:
        stream = workbook_stream(Path(path).read_bytes())
        out: dict[str, list[tuple[int, int, str]]] = {}
        for name, offset in _sheets(stream):
            cells = out.setdefault(name, [])
            for kind, body in _records(stream, offset):
                if kind == _EOF:
                    break
                if kind == _BOOLERR and len(body) >= 8 and body[7] == 1:
                    row, col = struct.unpack_from("<HH", body, 0)
                    cells.append((row, col, _CODES.get(body[6], "#VALUE!")))
                elif kind == _FORMULA and len(body) >= 14 and body[6] == 2 and body[12:14] == b"\xff\xff":
                    row, col = struct.unpack_from("<HH", body, 0)
                    cells.append((row, col, _CODES.get(body[8], "#VALUE!")))
        return out
    except (_Damaged, struct.error, OSError, IndexError, ValueError):
        return {}
