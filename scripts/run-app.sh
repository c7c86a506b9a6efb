#!/usr/bin/env bash
# Set up (first time) and launch PMO Desktop. With no file: the demo program office at the first start, then the
# start screen with the offices opened before.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
exec "$VENV/bin/pmo-desktop" "$@"
