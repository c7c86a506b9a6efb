"""Fault round robust62: memory runs out inside the interpreter's C code, which says nothing of why.

Found: ``test_fault46_out_of_memory`` (an import of 100,000 risks under an address-space limit of 180 MB) ended now and
then — 2 of some 8 full runs, once in 50 limits swept from 100 to 300 MB, at 179 MB once in five — in "Unexpected
error (SystemError: error return without exception set). Run again with PMO_DEBUG=1 …" instead of saying memory ran
out. The traceback (PMO_DEBUG=1) ended on a call of a Python function in the row planner: Python 3.11 keeps its frames
in blocks of 16 KB taken as calls go deeper, and a block it cannot have is returned as a failure with no MemoryError
set (``push_chunk``), which the interpreter then reports as that SystemError. Which allocation fails first under a
limit — a list's, or a frame block's — varies from run to run with where the system places memory.

Now a SystemError of those words raised while memory is short (this process cannot have 16 MB more, or holds more
than seven eighths of its address-space limit) is said as out of memory, with what was kept; raised with memory to
spare, it is still a bug, said as one. The same failure inside a workbook's reading is no longer called a damaged file.
Real limits on real processes: the interpreter's own failure, made to happen every time.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pmo_desktop.models.errors import OUT_OF_MEMORY

ROOT = Path(__file__).resolve().parents[1]

# Memory filled under a limit, then a call deep enough to need a new block of frames: Python 3.11 fails it with
# "SystemError: error return without exception set" every time (newer Pythons may raise MemoryError: said the same).
FILL_AND_CALL_DEEP = textwrap.dedent("""
    import resource, sys

    def held():
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmSize:"))

    def deep(n, times):  # 250 deep, again from there, `times` times: small numbers only, none allocated
        return deep(n - 1, times) if n else deep(250, times - 1) if times else 0

    def fail_for_want_of_memory():
        limit = held() + (64 << 20)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        hog = []
        for size in (1 << 20, 64 << 10, 4 << 10, 512, 64):
            try:
                while True:
                    hog.append(bytes(size) if size >= 4096 else bytearray(size))
            except MemoryError:
                pass
        try:
            deep(250, 12)
        except (SystemError, MemoryError) as e:
            return e, hog
        raise AssertionError("a deep call under a full limit did not fail")
""")


def run(script: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PMO_DEBUG", None)
    return subprocess.run([sys.executable, "-c", FILL_AND_CALL_DEEP + textwrap.dedent(script)], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="an address-space limit and /proc are Linux's")
def test_the_interpreters_silent_failure_for_want_of_memory_is_said_as_out_of_memory(tmp_path):
    done = run("""
        from pmo_desktop.cli import describe_error
        describe_error(ValueError("loaded before the memory is filled"))
        error, hog = fail_for_want_of_memory()
        said = describe_error(error)
        del hog
        print(type(error).__name__)
        print(said)
    """, tmp_path)
    assert done.returncode == 0, done.stderr
    kind, said = done.stdout.splitlines()
    assert kind in ("SystemError", "MemoryError")
    assert said == OUT_OF_MEMORY


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="an address-space limit and /proc are Linux's")
def test_the_window_says_it_as_out_of_memory_too(tmp_path):
    done = run("""
        import os
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from pmo_desktop.views.failure_message import failure_text
        failure_text(ValueError("loaded before the memory is filled"))
        error, hog = fail_for_want_of_memory()
        said = failure_text(error)
        del hog
        print(said)
    """, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == OUT_OF_MEMORY


def test_the_same_words_with_memory_to_spare_are_still_a_bug_said_as_one():
    """Not every SystemError is memory's: one with memory to spare is said as the bug it is."""
    from pmo_desktop.cli import describe_error
    from pmo_desktop.views.failure_message import failure_text

    error = SystemError("error return without exception set")
    assert describe_error(error).startswith("Unexpected error (SystemError: error return without exception set)")
    assert failure_text(error) is None


def test_a_failed_allocation_in_the_zip_or_xml_of_a_workbook_is_memorys(tmp_path):
    """zlib's Z_MEM_ERROR and expat's "out of memory" are allocations that failed, not damaged files: raised from the
    reading of a workbook they are said as memory that ran out."""
    import zlib
    from xml.etree.ElementTree import ParseError
    from xml.parsers.expat import errors

    from pmo_desktop.cli import describe_error
    from pmo_desktop.models.errors import ran_out_of_memory

    parse = ParseError("out of memory: line 1, column 0")
    parse.code = errors.codes[errors.XML_ERROR_NO_MEMORY]
    inflate = zlib.error("Error -4 while decompressing data")
    for error in (parse, inflate):
        try:
            try:
                raise error
            except Exception as inner:
                raise ValueError("a part could not be read") from inner
        except ValueError as wrapped:
            assert ran_out_of_memory(wrapped)
            assert describe_error(wrapped) == OUT_OF_MEMORY
    damaged = zlib.error("Error -3 while decompressing data: invalid stored block lengths")
    assert not ran_out_of_memory(damaged)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="an address-space limit and /proc are Linux's")
def test_a_cleanup_that_fails_for_want_of_memory_prints_no_traceback_beside_the_message(tmp_path):
    """A reader's generator dropped as the failure unwinds cannot be closed for want of memory: Python reported it as
    "Exception ignored in: <generator object …>" and a traceback on stderr, beside the one line the command says (an
    import under a limit of 184 MB). A command's hook keeps those out; any other such report is printed as before."""
    done = run("""
        from pmo_desktop import cli
        printed = []
        sys.unraisablehook = cli._quiet_when_memory_ran_out(lambda unraisable: printed.append(unraisable.exc_type))

        def reading():
            try:
                yield 1
            finally:
                [None] * 100_000  # the cleanup needs memory

        def broken():
            try:
                yield 1
            finally:
                raise ValueError("a bug in a cleanup")

        first, second = reading(), broken()
        next(first), next(second)
        error, hog = fail_for_want_of_memory()
        del first
        del hog
        del second
        print([kind.__name__ for kind in printed])
    """, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['ValueError']"
