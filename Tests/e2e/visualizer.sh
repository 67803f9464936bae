#!/usr/bin/env bash
# End to end in a real terminal: dropviz in a private tmux server at 100×30, driven with keys,
# read back with capture-pane. Usage: Tests/e2e/visualizer.sh path/to/dropviz
set -uo pipefail
bin=$(realpath "${1:?usage: $0 path/to/dropviz}")
here=$(dirname "$0")
# shellcheck source=lib.sh
. "$here/lib.sh"
status_field() { screen | tail -n 2 | head -n 1; }

start run --seed 7

check "diagram appears" wait_for "hidden1 128"
check "rate label starts at p=0.60" wait_for "p=0.60"
check "the rates are linked" wait_for "p linked"
check "training runs" wait_for "running"
tm send-keys -t "$ses" Up Up
check "Up Up raises both hidden rates to 0.70" wait_for "p=0.70"
check "  ...hidden2 too" test "$(screen | grep -o 'p=0.70' | wc -l)" -eq 2
check "the change is marked on the plot once" wait_for "h1-h2 p 0.6→0.7"
tm send-keys -t "$ses" u 3
check "u unlinks: digit 3 sets the selected layer only" wait_for "p=0.30"
check "  ...hidden2 stays at 0.70" wait_for "p=0.70"
tm send-keys -t "$ses" Space
check "space pauses" wait_for "paused"
step_of() { status_field | grep -o 'step [0-9]*' | head -n 1 | cut -d' ' -f2; }
before=$(step_of)
tm send-keys -t "$ses" n
check "n runs one step" wait_for "step $((before + 1)) "
sleep 0.3
check "paused: no more steps" test "$(step_of)" = "$((before + 1))"
tm send-keys -t "$ses" '?'
check "? opens the help" wait_for "rate to all hidden layers"
tm send-keys -t "$ses" '?'
check "? again: the legend" wait_for "unit dropped in this step"
tm send-keys -t "$ses" Escape
tm send-keys -t "$ses" S
check "S shows the state string in a box" wait_for "reproduce: dropviz run --state"
tm send-keys -t "$ses" x
tm resize-window -t "$ses" -x 70 -y 20
check "too small: asks to enlarge" wait_for "please enlarge the window"
tm resize-window -t "$ses" -x 120 -y 40
check "enlarged: the diagram is back" wait_for "hidden2 128"
tm send-keys -t "$ses" q
dead=$(wait_dead)
check "q exits 0 and leaves the alternate screen" test "$dead" = "1 0 0"
check "the state string is written on quit" grep -q "^v1;.*rates=0,0.3,0.7" "$tmp/dropviz-state.txt"
cleanup

# A lesson: training waits while its instructions are open, then runs.
start lesson overfitting
check "lesson: the instructions open" wait_for "Dropout against overfitting"
sleep 1
check "  ...and training waits (step 0)" wait_for "step 0 "
tm send-keys -t "$ses" Space
check "  ...a key closes them and training runs" wait_for "twin val"
tm send-keys -t "$ses" q
dead=$(wait_dead)
check "  ...q exits 0" test "$dead" = "1 0 0"
cleanup

# Ctrl-C and SIGTERM restore the terminal too.
for how in ctrl-c term; do
  start
  wait_for "hidden1 128" || true
  if [ "$how" = ctrl-c ]; then tm send-keys -t "$ses" C-c; else kill -TERM "$(app_pid)"; fi
  dead=$(wait_dead)
  check "$how exits cleanly and restores the screen" test "$dead" = "1 0 0"
  cleanup
done

# x writes the screen's figures and the curves into the working directory (start's: $tmp),
# and names them.
start run --seed 7 --hidden 16,16
check "figures: the diagram appears" wait_for "hidden1 16"
tm send-keys -t "$ses" x
check "x names the files it wrote" wait_for "dropviz-curves-step"
check "  ...the plot, the network and the map, well-formed" \
  sh -c "ls '$tmp'/dropviz-plot-step*.svg '$tmp'/dropviz-network-step*.svg '$tmp'/dropviz-map-step*.svg >/dev/null && xmllint --noout '$tmp'/dropviz-*.svg"
check "  ...and the curves" sh -c "ls '$tmp'/dropviz-curves-step*.csv >/dev/null"
tm send-keys -t "$ses" q
wait_dead >/dev/null
cleanup

# The grid of rates: a cell per rate; Enter shows the selected cell's full view, Enter again
# the grid; bad input is one line.
start run --seed 7 --hidden 16,16 --grid 0,0.5
check "grid: a cell per rate" wait_for "p=0.5 "
no_diagram() { ! screen | grep -qF "hidden1 16"; }
check "  ...no diagram in the grid" no_diagram
tm send-keys -t "$ses" Right Enter
check "  ...Enter: the selected cell's full view" wait_for "hidden1 16"
check "  ...of the selected cell (p=0.50)" wait_for "p=0.50"
tm send-keys -t "$ses" Enter
check "  ...Enter again: the grid" wait_for "p=0.0 "
tm send-keys -t "$ses" q
dead=$(wait_dead)
check "  ...q exits 0" test "$dead" = "1 0 0"
cleanup
out=$("$bin" run --grid 0.5 2>&1); code=$?
check "--grid with one rate: one line, non-zero exit" test "$(printf '%s\n' "$out" | wc -l)" -eq 1 -a "$code" -ne 0

# Not a terminal: one line pointing to dropviz train.
out=$("$bin" 2>&1 </dev/null | cat); code=${PIPESTATUS[0]}
check "stdout not a terminal: one-line message" test "$(printf '%s\n' "$out" | wc -l)" -eq 1
check "  ...that names dropviz train" grep -q "dropviz train" <<<"$out"

echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
