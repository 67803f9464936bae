#!/usr/bin/env bash
# Installs what is missing, then runs every test: the Swift Testing suites (release build, so
# the learning tests train at full speed) and the end-to-end run in a real terminal (tmux).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build -c release -Xswiftc -enable-testing --build-tests
swift test -c release -Xswiftc -enable-testing --skip-build
if [ -f Tests/e2e/visualizer.sh ]; then
  bash Tests/e2e/visualizer.sh .build/release/dropviz
fi
if [ -f Tests/e2e/chinese.sh ]; then
  bash Tests/e2e/chinese.sh .build/release/dropviz
fi
if [ -f Tests/e2e/reliability.sh ]; then
  bash Tests/e2e/reliability.sh .build/release/dropviz
fi
if [ -f Tests/e2e/record.sh ]; then
  bash Tests/e2e/record.sh .build/release/dropviz
fi
