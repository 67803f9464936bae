# Shared by the end-to-end scripts: dropviz in a private tmux server, driven with keys and read
# back with capture-pane. Source it after setting `bin`; it sets `tmp`, `ses` and the counters.
tmp=$(mktemp -d)
ses=e2e
# A fresh tmux server (socket) for every start: restarting one on the same socket right after
# kill-server sometimes fails ("server exited unexpectedly").
run=0
tm() { tmux -L "dropviz-e2e-$$-$run" -f /dev/null "$@"; }
passed=0; failed=0
cleanup() { tm kill-server >/dev/null 2>&1 || true; }
trap 'cleanup; rm -rf "$tmp"' EXIT
# The program runs under a shell that records its exit status: tmux's own #{pane_dead_status}
# is sometimes left empty when the pane closes before tmux reaps the child. It runs in the
# temporary folder: the state file written on quit and the curves of `x` land there.
start() { start_env "" "" "$@"; }
# start with an environment variable and a redirection: start_env VAR=VALUE "2> FILE" ARGS…
start_env() {
  local var=$1 redirect=$2
  shift 2
  run=$((run + 1))
  rm -f "$tmp/exit"
  tm new-session -d -s "$ses" -c "$tmp" -x 100 -y 30 -e LANG=C.UTF-8 -e TERM=tmux-256color "env $var $bin $* $redirect; echo \$? > $tmp/exit"
  tm set-option -t "$ses" remain-on-exit on >/dev/null
}
app_pid() { pgrep -P "$(tm display -p -t "$ses" '#{pane_pid}')" | head -n 1; }
# -J joins the lines the 100-column pane wrapped: a long message is still one line.
screen() { tm capture-pane -p -J -t "$ses"; }
# Polls the screen until it contains the text (never a fixed sleep), up to 20 s.
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
    d=$(tm display -p -t "$ses" '#{pane_dead}' 2>/dev/null)
    [ "$d" = 1 ] && [ -s "$tmp/exit" ] && break
    sleep 0.05
  done
  echo "$d $(cat "$tmp/exit" 2>/dev/null) $(tm display -p -t "$ses" '#{alternate_on}' 2>/dev/null)"
}
check() {
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok   $name"
  else failed=$((failed + 1)); echo "FAIL $name"; echo "---- screen ----"; screen; echo "----------------"; fi
}
