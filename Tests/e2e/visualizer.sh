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
check "the state string is written on quit" grep -q "^v1;.*rates=0,0.6,0.6;.*changes=[0-9]*:p1+2=0.65,[0-9]*:p1+2=0.7,[0-9]*:p1=0.3" "$tmp/dropviz-state.txt"
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

# Rewind and branch: PgUp puts the time cursor a tenth of the run back and pauses there; a rate
# key and space branch from it, which leaves the old future as a ghost and a "branch 1" marker.
start run --seed 7 --hidden 16,16
check "rewind: the diagram appears" wait_for "hidden1 16"
for ((i = 0; i < 400; i++)); do [ "$(step_of)" -ge 200 ] 2>/dev/null && break; sleep 0.05; done
tm send-keys -t "$ses" PPage
check "PgUp: the status shows the cursor's step" wait_for "⏪ step"
check "  ...and training waits there" wait_for "paused"
tm send-keys -t "$ses" 8 Space
check "space branches: the marker names the branch" wait_for "branch 1"
check "  ...the rate changed there is marked" wait_for "→0.8"
check "  ...and training runs on" wait_for "running"
tm send-keys -t "$ses" q
dead=$(wait_dead)
check "  ...q exits 0" test "$dead" = "1 0 0"
check "  ...the state string records the change at its step" grep -q ";changes=[0-9]*:p1+2=0.8" "$tmp/dropviz-state.txt"
cleanup

# Issue 13 at 160×45: unit pictures, the large data view with the twin beside it, o and O.
start run --seed 7 --hidden 8,6
tm resize-window -t "$ses" -x 160 -y 45
check "160x45: the diagram with 8,6 units" wait_for "hidden2 6"
tm send-keys -t "$ses" t
check "t: the twin" wait_for "twin: same data"
tm send-keys -t "$ses" z
check "z with the twin: the twin's map titled beside yours" wait_for "twin p=0 · same colour scale"
check "  ...yours titled with its rate" wait_for "yours p=0.6"
check "  ...validation points on the large map" wait_for "● train ○ val"
check "  ...the diagram is covered" sh -c "! tmux -L 'dropviz-e2e-$$-$run' capture-pane -p -t '$ses' | grep -q 'hidden1 8'"
tm send-keys -t "$ses" o
check "o hides the validation points" wait_for "o: validation points hidden"
check "  ...no hollow marks on either map" sh -c "! tmux -L 'dropviz-e2e-$$-$run' capture-pane -p -t '$ses' | grep -q '[○△]'"
tm send-keys -t "$ses" o
check "o again shows them" wait_for "o: validation points shown"
tm send-keys -t "$ses" O
check "O: class regions on both maps" test "$(wait_for 'map: class regions' && screen | grep -o 'map: class regions' | wc -l)" -eq 2
tm send-keys -t "$ses" z
check "z again: the diagram is back" wait_for "hidden1 8"
tm send-keys -t "$ses" q
dead=$(wait_dead)
check "  ...q exits 0" test "$dead" = "1 0 0"
cleanup

# Issue 13 item 4 at 80×24: change the network while it trains. h adds a layer after the
# selected one (as wide), A gives it the next activation, H removes it; each restarts and says so.
start run --seed 7 --hidden 8,6
tm resize-window -t "$ses" -x 80 -y 24
check "80x24: the diagram with 8,6 units" wait_for "hidden2 6"
no_hidden3() { ! screen | grep -qF "hidden3"; }
check "  ...and no third hidden layer" no_hidden3
tm send-keys -t "$ses" h
check "h: training restarts, said in a notice" wait_for "training restarts, same seed"
check "  ...the diagram shows the new layer" wait_for "hidden3 6"
check "  ...a copy of hidden1 after it" wait_for "hidden2 8"
tm send-keys -t "$ses" A
check "A: the new layer's next activation" wait_for "8,8,6 relu,leaky-relu,relu"
tm send-keys -t "$ses" H
check "H removes the selected layer" wait_for "hidden 2 removed"
check "  ...back to 8,6 relu" wait_for "· 8,6 relu ·"
check "  ...and the diagram follows" no_hidden3
tm send-keys -t "$ses" q
dead=$(wait_dead)
check "  ...q exits 0" test "$dead" = "1 0 0"
check "  ...the state string is the new run's (no changes)" sh -c "grep -q ';hidden=8,6;act=relu;' '$tmp/dropviz-state.txt' && ! grep -q 'changes=' '$tmp/dropviz-state.txt'"
cleanup

# Issue 13 item 5 at 80×24: input features. f selects (x₁, x₂, x₁²), F turns x₁² on: training
# restarts with the same seed and the input column names x₁² beside a third input unit.
start run --seed 7 --hidden 8,6
tm resize-window -t "$ses" -x 80 -y 24
check "80x24: the input column names x₁" wait_for "x₁ "
tm send-keys -t "$ses" f f f
check "f f f: x₁² selected, off" wait_for "input feature x₁²: off"
tm send-keys -t "$ses" F
check "F: x₁² on, training restarts" wait_for "input features x₁, x₂, x₁²: training restarts (same seed)"
check "  ...the input column has three units" wait_for "input 3"
check "  ...and names x₁²" wait_for "x₁² "
tm send-keys -t "$ses" q
dead=$(wait_dead)
check "  ...q exits 0" test "$dead" = "1 0 0"
check "  ...the state string carries the features" grep -qF ";features=x1,x2,x1^2" "$tmp/dropviz-state.txt"
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
