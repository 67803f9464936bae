#!/usr/bin/env bash
# Reliability end to end: quitting during background sweeps, bursts of sweeps, every signal,
# terminals that cannot be drawn on, standard input that is not a terminal. dropviz runs in a
# private tmux server; each case checks the exit status and that the alternate screen is off.
# Usage: Tests/e2e/reliability.sh path/to/dropviz [quit-during-sweep repetitions, default 50]
set -uo pipefail
bin=$(realpath "${1:?usage: $0 path/to/dropviz [repetitions]}")
reps=${2:-50}
tmp=$(mktemp -d)
# A fresh tmux server (socket) for every start: restarting one on the same socket right after
# kill-server sometimes fails ("server exited unexpectedly").
run=0
tm() { tmux -L "dropviz-rel-$$-$run" -f /dev/null "$@"; }
passed=0; failed=0
cleanup() { tm kill-server >/dev/null 2>&1 || true; }
trap 'cleanup; rm -rf "$tmp"' EXIT
# As in visualizer.sh: the exit status is recorded by the shell around the program.
start() {
  run=$((run + 1))
  rm -f "$tmp/exit"
  # In the temporary directory: keys of the storm write files (the curves) to the current one.
  tm new-session -d -s rel -c "$tmp" -x 100 -y 30 -e LANG=C.UTF-8 -e TERM=tmux-256color "$bin $*; echo \$? > $tmp/exit"
  tm set-option -t rel remain-on-exit on >/dev/null
}
app_pid() { pgrep -P "$(tm display -p -t rel '#{pane_pid}')" | head -n 1; }
# -J joins the lines the 100-column pane wrapped: a long message is still one line.
screen() { tm capture-pane -p -J -t rel; }
wait_for() {
  local what=$1 i
  for ((i = 0; i < 400; i++)); do
    screen | grep -qF -- "$what" && return 0
    sleep 0.05
  done
  return 1
}
# Prints "dead exit_status alternate_on" once the program has ended (up to 20 s).
wait_dead() {
  local d="" i
  for ((i = 0; i < 400; i++)); do
    d=$(tm display -p -t rel '#{pane_dead}' 2>/dev/null)
    [ "$d" = 1 ] && [ -s "$tmp/exit" ] && break
    sleep 0.05
  done
  echo "$d $(cat "$tmp/exit" 2>/dev/null) $(tm display -p -t rel '#{alternate_on}' 2>/dev/null)"
}
check() {
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok   $name"
  else failed=$((failed + 1)); echo "FAIL $name"; echo "---- screen ----"; screen; echo "----------------"; fi
}

# 1. Quitting while a background sweep trains: exit 0 every time (it crashed in BLAS teardown).
# Half the tries on the digits MLP, half on the CNN; the wait before q varies.
bad=0
for ((i = 0; i < reps; i++)); do
  if ((i % 2)); then start --dataset digits --hidden 256,256; else start --dataset digits --model cnn; fi
  wait_for "running" >/dev/null || true
  tm send-keys -t rel W
  sleep "0.$((i % 8 + 1))"
  tm send-keys -t rel q
  dead=$(wait_dead)
  [ "$dead" = "1 0 0" ] || { bad=$((bad + 1)); echo "  try $i: $dead"; }
  cleanup
done
check "quit during a sweep, $reps tries: exit 0 and the screen restored every time" test "$bad" -eq 0

# 2. A burst of sweeps: each W cancels the one before within a training step, one thread runs
# them, and the UI still answers at once.
start --dataset digits --model cnn
wait_for "running" >/dev/null || true
for ((i = 0; i < 100; i++)); do tm send-keys -t rel W; done
sleep 1
threads=$(ls "/proc/$(app_pid)/task" | wc -l)
# main + the sweep runner + at most a panel job or two (OpenBLAS runs one thread).
check "100 W presses leave at most 4 threads (got $threads)" test "$threads" -le 4
tm send-keys -t rel Space
check "the UI answers after the burst" wait_for "paused"
tm send-keys -t rel q
check "q after the burst exits 0" test "$(wait_dead)" = "1 0 0"
cleanup

# 3. Signals: HUP, USR1 and PIPE end the app like q but with 128 + the signal; QUIT and ABRT
# die by the signal. In every case the alternate screen is off.
for sig in HUP:129 USR1:138 PIPE:141 QUIT:131 ABRT:134; do
  name=${sig%%:*}; want=${sig##*:}
  start --seed 3
  wait_for "running" >/dev/null || true
  tm send-keys -t rel W
  sleep 0.3
  kill "-$name" "$(app_pid)"
  check "SIG$name during a sweep: status $want, screen restored" test "$(wait_dead)" = "1 $want 0"
  cleanup
done

# 3b. Storms: random keys (every binding but q), pastes, resizes and sweeps started and
# cancelled, on each model kind and a lesson; then q. No crash, no hang, the screen restored.
keys=(Space n a e "[" "]" l c r R v s t , . j k "<" ">" d "{" "}" "(" ")" g G b B W S x i p "?" Tab BTab Up Down Left Right Enter Escape 0 1 2 3 4 5 6 7 8 9)
RANDOM=20
for scenario in "--seed 5" "--dataset digits --model cnn" "--model lstm" "--dataset digits" "--dataset sine" "lesson variants" "lesson recurrent-dropout"; do
  start $scenario
  wait_for "step" >/dev/null || true
  for ((i = 0; i < 120; i++)); do
    case $((RANDOM % 12)) in
      0) tm resize-window -t rel -x $((RANDOM % 200 + 1)) -y $((RANDOM % 70 + 1)) ;;
      1) tm send-keys -t rel -l "$(printf 'xx][,.jkSa%.0s' 1 2 3)" ;;  # a paste of 30 keys
      *) tm send-keys -t rel "${keys[RANDOM % ${#keys[@]}]}" ;;
    esac
  done
  tm resize-window -t rel -x 100 -y 30
  sleep 0.5
  alive=$(tm display -p -t rel '#{pane_dead}')
  # The help overlay takes any key as "close"; q twice quits from anywhere.
  tm send-keys -t rel Escape q
  sleep 0.2
  tm send-keys -t rel q
  got="$alive $(wait_dead)"
  check "storm on '$scenario': alive, then q exits 0 with the screen restored (got: $got)" test "$got" = "0 1 0 0"
  cleanup
done

# 4. Terminals that cannot be drawn on, and input that is not a terminal: one line on stderr
# (read from a file: a detached pane may lose the start of an early line), status 1, and the
# screen never switched.
refused() {  # name, expected text, shell command line run in the pane
  local name=$1 want=$2 cmd=$3
  run=$((run + 1)); rm -f "$tmp/exit" "$tmp/err"
  tm new-session -d -s rel -c "$tmp" -x 100 -y 30 "$cmd 2>$tmp/err; echo \$? > $tmp/exit"
  tm set-option -t rel remain-on-exit on >/dev/null
  check "$name: refused with status 1" test "$(wait_dead)" = "1 1 0"
  check "$name: one line naming '$want'" test "$(wc -l < "$tmp/err")" -eq 1 -a -n "$(grep -F -- "$want" "$tmp/err")"
  cleanup
}
# tmux sets TERM in its panes itself, so the program gets it through env.
refused "TERM=dumb" "dropviz train" "env TERM=dumb $bin"
refused "unknown TERM" "TERM=no-such-terminal" "env TERM=no-such-terminal $bin"
refused "stdin not a terminal" "standard input" "$bin < /dev/null"

echo "reliability e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
