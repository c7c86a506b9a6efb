#!/usr/bin/env bash
# Set up a development environment: system libraries Qt needs (Debian/Ubuntu), a venv, the package.
# Idempotent and quick when everything is already there. Sourced by run-app.sh and run-tests.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${PMO_VENV:-$ROOT/.venv}"
PYTHON="${PYTHON:-python3}"

# Qt's libraries need these on Linux (offscreen for tests, xcb for a real window).
QT_DEBS="libegl1 libgl1 libfontconfig1 libfreetype6 libxkbcommon0 libglib2.0-0 libdbus-1-3 fonts-dejavu-core \
libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 \
libxcb-xkb1 libxkbcommon-x11-0 libxcb-randr0 libxcb-xfixes0"

install_system_libs() {
  command -v dpkg-query >/dev/null 2>&1 || return 0   # not Debian-like: assume the desktop has Qt's libs
  local missing=()
  for pkg in $QT_DEBS; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing system libraries for Qt: ${missing[*]}"
  # Not fatal: headless tests need only a few of these; a missing one shows up as a clear Qt error.
  { $sudo apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; } ||
    echo "Could not install ${missing[*]}; continuing."
}

install_system_libs
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
# Reinstall only when the project definition changed since the last install.
stamp="$VENV/.pmo-installed"
if [ ! -f "$stamp" ] || [ "$ROOT/pyproject.toml" -nt "$stamp" ]; then
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e "$ROOT[test]"
  touch "$stamp"
fi
