#!/usr/bin/env bash
# Installs the Debian packages dropviz builds and tests against, when they are missing:
# GNU parallel (the sweep shard test runs its shards through it), libxml2-utils (xmllint,
# which the figure tests run on every SVG), dataset-fashion-mnist (the Fashion-MNIST IDX files
# that `--dataset fashion-mnist` reads; its tests use a small seeded subset) and asciinema (the
# recording test plays a recording to its end; python3 comes with it and runs Tests/e2e/castcheck.py).
set -euo pipefail
need=()
for pkg in libncurses-dev libopenblas-dev tmux parallel libxml2-utils dataset-fashion-mnist asciinema; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
