#!/usr/bin/env bash
# End to end for preparing a class: --record writes an asciicast that parses, holds the markers
# of the changes made and plays to the end with asciinema; it is complete after a SIGTERM too;
# --theme light exports light figures; --present hides the key bar and starts paused.
# Usage: Tests/e2e/record.sh path/to/dropviz
set -uo pipefail
bin=$(realpath "${1:?usage: $0 path/to/dropviz}")
here=$(realpath "$(dirname "$0")")
# shellcheck source=lib.sh
. "$here/lib.sh"

start run --seed 7 --record demo.cast
check "recording: the visualizer runs" wait_for "running"
tm send-keys -t "$ses" Up
check "  ...a rate change" wait_for "h1-h2 p 0.6→0.65"
tm send-keys -t "$ses" v
check "  ...a variant change" wait_for "variant gaussian"
tm send-keys -t "$ses" r
check "  ...a reset" wait_for "reset: step 0"
sleep 0.5
tm send-keys -t "$ses" q
check "  ...q ends it with status 0" test "$(wait_dead | cut -d' ' -f2)" = 0
check "  ...the file parses: header, monotonic times, event types, the markers" \
  python3 "$here/castcheck.py" "$tmp/demo.cast" "h1-h2 p 0.6→0.65" "variant gaussian" "reset"
check "  ...no temporary file is left" test ! -e "$tmp/.demo.cast.dropviz-tmp"
if command -v asciinema >/dev/null; then
  check "  ...asciinema plays it to the end" sh -c "asciinema play -s 100 -i 0.05 '$tmp/demo.cast' </dev/null >/dev/null"
else
  echo "skip asciinema play (asciinema not installed)"
fi
cleanup

# A SIGTERM ends the visualizer through its normal path: the recording is whole.
start lesson rate --record term.cast
check "lesson recording: the lesson opens" wait_for "What does the rate do?"
tm send-keys -t "$ses" x
check "  ...training runs" wait_for "running"
kill -TERM "$(app_pid)"
wait_dead >/dev/null
check "  ...after SIGTERM the file is whole, with the lesson's page marked" python3 "$here/castcheck.py" "$tmp/term.cast" "lesson rate 1/"
cleanup

# --theme light: the figures x exports are light, and still well-formed.
start run --seed 7 --theme light
check "light theme: runs" wait_for "running"
tm send-keys -t "$ses" x
check "  ...x writes the figures" wait_for "dropviz-curves-step"
check "  ...on a white background, well-formed" sh -c \
  "grep -q 'data-theme=\"light\"' '$tmp'/dropviz-plot-step*.svg && grep -q '<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>' '$tmp'/dropviz-plot-step*.svg && xmllint --noout '$tmp'/dropviz-*.svg"
tm send-keys -t "$ses" q
wait_dead >/dev/null
cleanup

# --present: no key bar, paused until space.
start run --seed 7 --present
check "present: starts paused" wait_for "paused"
check "  ...the key bar is empty" test -z "$(screen | tail -n 1 | tr -d ' ')"
tm send-keys -t "$ses" Space
check "  ...space starts training" wait_for "running"
tm send-keys -t "$ses" q
wait_dead >/dev/null
cleanup

echo "e2e record: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
