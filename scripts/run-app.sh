#!/usr/bin/env bash
# Set up (first time) and launch PMO Desktop. With no file it opens the demo program office.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
exec "$VENV/bin/pmo-desktop" "$@"
