#!/usr/bin/env bash
# Set up (first time) and run the whole test suite, headless.
# The database tests also run against a real PostgreSQL server that the tests start themselves
# (loopback only, in a temp dir); its programs are installed here when missing. If that is not
# possible the PostgreSQL tests are skipped with the reason and the SQLite tests still gate.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"

have_postgres_server() {
  [ -n "${PMO_PG_BINDIR:-}" ] && [ -x "$PMO_PG_BINDIR/initdb" ] && return 0
  command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ] && return 0
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1
}

install_postgres_server() {
  have_postgres_server && return 0
  [ "${PMO_SKIP_PG_INSTALL:-}" = "1" ] && return 0
  command -v apt-get >/dev/null 2>&1 || { echo "No apt-get: PostgreSQL tests will be skipped."; return 0; }
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    # Never prompt for a password in a test run: without root or passwordless sudo, skip those tests.
    sudo -n true 2>/dev/null || { echo "Not root: PostgreSQL not installed, its tests will be skipped."; return 0; }
    sudo="sudo -n"
  fi
  echo "Installing PostgreSQL server for the database tests"
  { $sudo apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null; } ||
    echo "PostgreSQL could not be installed: its tests will be skipped."
}

# Two programs some tests run, installed here when missing (else those tests are skipped, saying why): poppler's
# pdftoppm renders the board pack's pages; xvfb-run gives a real X11 display to the test that checks the edit keys
# under Linux desktops' own key scheme (the offscreen platform uses Windows' keys, so only X11 shows a clash).
install_test_programs() {
  local missing=()
  command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v xvfb-run >/dev/null 2>&1 || missing+=(xvfb xauth)
  [ "${#missing[@]}" -eq 0 ] && return 0
  command -v apt-get >/dev/null 2>&1 || return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo -n true 2>/dev/null || return 0
    sudo="sudo -n"
  fi
  { $sudo apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; } ||
    echo "${missing[*]} could not be installed: the tests needing them will be skipped."
}

# Compiled modules are kept (in the venv, outside the tree) even where the environment says not to write them
# (PYTHONDONTWRITEBYTECODE, set on some CI runners): otherwise every `python -m pmo_desktop` a test starts
# compiles the program again (about 1 s of CPU more a process) and each worker rewrites every test module's
# asserts from source (a collection: 37 s of CPU uncached, 8 s cached).
unset PYTHONDONTWRITEBYTECODE
export PYTHONPYCACHEPREFIX="${PYTHONPYCACHEPREFIX:-$VENV/pycache}"

# A whole run (CI's) first lints: any ruff or mypy finding fails it (mypy's settings, strict on models/ and
# excel/, are in pyproject.toml). A run given pytest arguments is a focused one and skips this. Meanwhile, on
# the other core, one collection fills the compiled-module cache, so that both workers collect from it.
if [ "$#" -eq 0 ]; then
  QT_QPA_PLATFORM=offscreen "$VENV/bin/python" -m pytest --collect-only -q -p no:cacheprovider >/dev/null 2>&1 &
  warm=$!
  lint=0
  { "$VENV/bin/ruff" check pmo_desktop tests benchmarks && "$VENV/bin/mypy" pmo_desktop; } || lint=$?
  wait "$warm" || true  # a collection that fails here fails in the run itself, saying why
  [ "$lint" -eq 0 ] || exit "$lint"
fi

install_postgres_server
install_test_programs
export QT_QPA_PLATFORM=offscreen
# Two worker processes (pytest-xdist; the CI runner has 2 cores): each has its own PostgreSQL server,
# temp dirs and settings sandbox (tests/conftest.py); tests go to whichever worker is free ("load": with
# "loadgroup" or "loadfile", xdist 3.8 hung or looped after a worker crashed). "-n 0" among the arguments
# runs in one process. "--durations=25": every run's log ends with its 25 slowest tests (setup, call, teardown).
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
run_pytest() {
  status=0
  crashed=0
  "$VENV/bin/python" -X faulthandler -m pytest -n 2 --durations=25 "$@" 2>&1 | tee "$log" || status=${PIPESTATUS[0]}
  # A worker killed by a signal is reported by xdist as "[gw0] node down: Not properly terminated" and
  # its test as failed ("worker 'gw0' crashed while running ..."); between tests or after the last one
  # only the first: either way a crash, never a pass.
  if grep -qE "\[gw[0-9]+\] node down: |worker 'gw[0-9]+' crashed while running" "$log"; then
    crashed=1
    [ "$status" -ne 0 ] || status=1
  fi
}
run_pytest "$@"
# A known, rare native crash (about one full run in five before the clone-pool lock in tests/conftest.py:
# a segfault while collecting garbage between two Qt tests) kills a process, not a test. A run whose
# process or worker was killed by a signal is run once more, saying so; a test that fails fails the run at
# once.
if [ "$status" -ge 128 ] || [ "$crashed" -eq 1 ]; then
  echo "A test process was killed by a signal (a native crash, not a failing test);" \
       "running the suite once more." >&2
  run_pytest "$@"
fi
exit "$status"
