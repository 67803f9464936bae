#!/usr/bin/env bash
# Reliability end to end: quitting during background sweeps, bursts of sweeps, every signal,
# terminals that cannot be drawn on, standard input that is not a terminal. dropviz runs in a
# private tmux server; each case checks the exit status and that the alternate screen is off.
# Usage: Tests/e2e/reliability.sh path/to/dropviz [quit-during-sweep repetitions, default 50]
set -uo pipefail
bin=$(realpath "${1:?usage: $0 path/to/dropviz [repetitions]}")
reps=${2:-50}
here=$(dirname "$0")
# shellcheck source=lib.sh
. "$here/lib.sh"

# 1. Quitting while a background sweep trains: exit 0 every time (it crashed in BLAS teardown).
# Half the tries on the digits MLP, half on the CNN; the wait before q varies.
bad=0
for ((i = 0; i < reps; i++)); do
  if ((i % 2)); then start --dataset digits --hidden 256,256; else start --dataset digits --model cnn; fi
  wait_for "running" >/dev/null || true
  tm send-keys -t "$ses" W
  sleep "0.$((i % 8 + 1))"
  tm send-keys -t "$ses" q
  dead=$(wait_dead)
  [ "$dead" = "1 0 0" ] || { bad=$((bad + 1)); echo "  try $i: $dead"; }
  cleanup
done
check "quit during a sweep, $reps tries: exit 0 and the screen restored every time" test "$bad" -eq 0

# 2. A burst of sweeps: each W cancels the one before within a training step, one thread runs
# them, and the UI still answers at once.
start --dataset digits --model cnn
wait_for "running" >/dev/null || true
for ((i = 0; i < 100; i++)); do tm send-keys -t "$ses" W; done
sleep 1
threads=$(ls "/proc/$(app_pid)/task" | wc -l)
# main + the sweep runner + at most a panel job or two (OpenBLAS runs one thread).
check "100 W presses leave at most 4 threads (got $threads)" test "$threads" -le 4
tm send-keys -t "$ses" Space
check "the UI answers after the burst" wait_for "paused"
tm send-keys -t "$ses" q
check "q after the burst exits 0" test "$(wait_dead)" = "1 0 0"
cleanup

# 3. Signals: HUP, USR1 and PIPE end the app like q but with 128 + the signal; QUIT and ABRT
# die by the signal. In every case the alternate screen is off.
for sig in HUP:129 USR1:138 PIPE:141 QUIT:131 ABRT:134; do
  name=${sig%%:*}; want=${sig##*:}
  start --seed 3
  wait_for "running" >/dev/null || true
  tm send-keys -t "$ses" W
  sleep 0.3
  kill "-$name" "$(app_pid)"
  check "SIG$name during a sweep: status $want, screen restored" test "$(wait_dead)" = "1 $want 0"
  cleanup
done

# 3b. Storms: random keys (every binding but q), pastes, resizes and sweeps started and
# cancelled, on each model kind and every built-in lesson; then q. No crash, no hang, the screen restored.
keys=(Space n a e "[" "]" l c r R v s t , . j k "<" ">" d "{" "}" "(" ")" g G b B W S x i p "?" Tab BTab Up Down Left Right Enter Escape 0 1 2 3 4 5 6 7 8 9)
RANDOM=20
lessons=$("$bin" lesson --list | awk '{print "lesson " $1}')
mapfile -t lesson_starts <<< "$lessons"
for scenario in "--seed 5" "--dataset digits --model cnn" "--model lstm" "--dataset digits" "--dataset sine" "--variant dropconnect" "--grid 0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9" "${lesson_starts[@]}"; do
  # DROPVIZ_FRAME_TIMES: the program reports on stderr how long input waited to be shown.
  start_env "DROPVIZ_FRAME_TIMES=${FRAME_TIMES:-1}" "2> $tmp/times" $scenario
  wait_for "step" >/dev/null || true
  for ((i = 0; i < 120; i++)); do
    case $((RANDOM % 12)) in
      0) tm resize-window -t "$ses" -x $((RANDOM % 200 + 1)) -y $((RANDOM % 70 + 1)) ;;
      1) tm send-keys -t "$ses" -l "$(printf 'xx][,.jkSa%.0s' 1 2 3)" ;;  # a paste of 30 keys
      *) tm send-keys -t "$ses" "${keys[RANDOM % ${#keys[@]}]}" ;;
    esac
  done
  tm resize-window -t "$ses" -x 100 -y 30
  sleep 0.5
  alive=$(tm display -p -t "$ses" '#{pane_dead}')
  # The help overlay takes any key as "close"; q twice quits from anywhere.
  t0=$(date +%s%N)
  tm send-keys -t "$ses" Escape q
  sleep 0.2
  tm send-keys -t "$ses" q
  got="$alive $(wait_dead)"
  ms=$((($(date +%s%N) - t0) / 1000000))
  check "storm on '$scenario': alive, then q exits 0 with the screen restored (got: $got)" test "$got" = "0 1 0 0"
  # Measured, not checked (timing under load): quitting cancels a panel being computed on
  # the other core, which stops within one pass of its prediction.
  echo "     (storm on '$scenario': q to exit in ${ms} ms; $(grep -h "^input events" "$tmp/times"))"
  cleanup
done

# 3c. Keys are not starved: a key typed after a paste of 100 keys shows within a second (it
# took 11-21 s under DropConnect at the top speed when evaluations ran inside a step; the
# frame's own target is 100 ms, measured by 'dropviz bench --ui'). Times include tmux's relay
# and the 50 ms polling here.
answer_ms() {  # sends a key, prints the ms until the state box is on the screen
  local t0; t0=$(date +%s%N)
  tm send-keys -t "$ses" S
  wait_for " state " >/dev/null
  echo $((($(date +%s%N) - t0) / 1000000))
}
start --variant dropconnect
wait_for "running" >/dev/null || true
for ((i = 0; i < 10; i++)); do tm send-keys -t "$ses" "]"; done
sleep 1
tm send-keys -t "$ses" -l "$(printf '][%.0s' $(seq 50))"
ms=$(answer_ms)
check "DropConnect at the top speed: S after a paste of 100 keys in ${ms} ms (< 1000)" test "$ms" -lt 1000
tm send-keys -t "$ses" q q
cleanup
start --variant dropconnect
wait_for "running" >/dev/null || true
tm resize-window -t "$ses" -x 250 -y 80
tm send-keys -t "$ses" p Space
wait_for "paused" >/dev/null || true
for ((i = 0; i < 5; i++)); do tm send-keys -t "$ses" n; done
ms=$(answer_ms)
check "DropConnect paused, data panel at 250x80: S after 5 n in ${ms} ms (< 1000)" test "$ms" -lt 1000
tm send-keys -t "$ses" q q
check "and q exits 0" test "$(wait_dead)" = "1 0 0"
cleanup

# 3d. A state string's step: the fast-forward shows progress on stderr before the screen is
# taken and reads the keys meanwhile: q, the Ctrl-C key or SIGINT end it within a few seconds
# with status 0, the screen never switched and the terminal's modes (echo, line editing, the
# signal keys) given back. The pane's shell saves `stty -a` after the program.
modes_back() {  # stty -a lists a mode turned off as -mode
  local m
  for m in echo icanon isig; do grep -qE "(^|[ ;])$m([ ;]|\$)" "$tmp/stty" || return 1; done
}
fast_forward() {  # how it is stopped: q, C-c or INT
  run=$((run + 1)); rm -f "$tmp/exit" "$tmp/stty"
  tm new-session -d -s "$ses" -c "$tmp" -x 100 -y 30 -e LANG=C.UTF-8 -e TERM=tmux-256color \
    "$bin run --state 'v1;step=9000000'; s=\$?; stty -a > $tmp/stty; echo \$s > $tmp/exit"
  tm set-option -t "$ses" remain-on-exit on >/dev/null
  check "fast-forward shows its progress ($1)" wait_for "steps to the state's step"
  local t0=$SECONDS
  if [ "$1" = INT ]; then kill -INT "$(app_pid)"; else tm send-keys -t "$ses" "$1"; fi
  local dead; dead=$(wait_dead)
  check "$1 ends the fast-forward within 5 s ($((SECONDS - t0)) s): status 0, screen not switched ($dead)" \
    test "$dead" = "1 0 0" -a $((SECONDS - t0)) -le 5
  check "$1: the terminal's modes are back (echo icanon isig)" modes_back
  cleanup
}
fast_forward q
fast_forward C-c
fast_forward INT

# 4. Terminals that cannot be drawn on, and input that is not a terminal: one line on stderr
# (read from a file: a detached pane may lose the start of an early line), status 1, and the
# screen never switched.
refused() {  # name, expected text, shell command line run in the pane
  local name=$1 want=$2 cmd=$3
  run=$((run + 1)); rm -f "$tmp/exit" "$tmp/err"
  tm new-session -d -s "$ses" -c "$tmp" -x 100 -y 30 "$cmd 2>$tmp/err; echo \$? > $tmp/exit"
  tm set-option -t "$ses" remain-on-exit on >/dev/null
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
