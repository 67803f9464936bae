#!/usr/bin/env bash
# Installs what is missing, builds in release mode, and starts dropviz with the given arguments
# (no arguments: the visualizer on the default scenario).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build -c release --product dropviz >&2
exec .build/release/dropviz "$@"
