#!/usr/bin/env bash
# End to end in Chinese (issue 19): dropviz --lang zh in a private tmux server at 80×24, then
# resized to 160×45; every row must fit the terminal in display columns (a Chinese character
# takes two), and the language comes from --lang, DROPVIZ_LANG or the locale.
# Usage: Tests/e2e/chinese.sh path/to/dropviz
set -uo pipefail
bin=$(realpath "${1:?usage: $0 path/to/dropviz}")
here=$(dirname "$0")
# shellcheck source=lib.sh
. "$here/lib.sh"

# Like lib.sh's start, at a given size and with extra environment (VAR=value ...).
start_at() {
  local w=$1 h=$2 envs=$3; shift 3
  run=$((run + 1))
  rm -f "$tmp/exit"
  tm new-session -d -s "$ses" -c "$tmp" -x "$w" -y "$h" -e LANG=C.UTF-8 -e TERM=tmux-256color "env $envs $bin $*; echo \$? > $tmp/exit"
  tm set-option -t "$ses" remain-on-exit on >/dev/null
}
# Every row of the pane at most $1 display columns (East Asian Wide and Fullwidth count 2).
fits() {
  tm capture-pane -p -t "$ses" | python3 -c '
import sys, unicodedata
w = int(sys.argv[1]); bad = 0
for i, line in enumerate(sys.stdin.read().split("\n")):
    cols = sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in line.rstrip("\n"))
    if cols > w: print(f"row {i}: {cols} columns", file=sys.stderr); bad = 1
sys.exit(bad)' "$1"
}

# Presses a key, waits for the text, then checks that every row fits the width.
key_shows() {
  local key=$1 name=$2 text=$3 width=$4
  tm send-keys -t "$ses" "$key"
  check "$name" wait_for "$text"
  check "  ...fits $width columns" fits "$width"
}
# Starts at 80×24 with the environment, waits for the text, quits.
opens_in() {
  local name=$1 envs=$2 text=$3; shift 3
  start_at 80 24 "$envs" "$@"
  check "$name" wait_for "$text"
  tm send-keys -t "$ses" q
  wait_dead >/dev/null
  cleanup
}

start_at 80 24 "" run --lang zh --seed 7
check "80x24: the diagram in Chinese" wait_for "隐藏1 128"
check "  ...the status line" wait_for "丢弃率联动"
check "  ...training runs" wait_for "运行中"
check "  ...the key bar" wait_for "? 帮助  q 退出"
check "  ...the formula line" wait_for "反向缩放 dropout：训练"
check "  ...every row fits 80 columns" fits 80
key_shows '?' "? opens the help in Chinese" "把丢弃率用于所有隐藏层" 80
key_shows '?' "? again: the second page of keys" "第 2/2 页 · ? 图例" 80
key_shows '?' "? again: the legend" "本步中被丢弃的单元" 80
tm send-keys -t "$ses" Escape
for title in 数据 数学 共适应 "蒙特卡洛 dropout" 混淆矩阵 丢弃率扫描; do
  key_shows p "p: the panel $title" "─ $title ─" 80
done
tm send-keys -t "$ses" p
tm resize-window -t "$ses" -x 160 -y 45
check "resized to 160x45: still Chinese" wait_for "第 "
check "  ...the diagram" wait_for "隐藏2 128"
check "  ...every row fits 160 columns" fits 160
key_shows '?' "160x45 help" "同种子对照网络" 160
tm send-keys -t "$ses" Escape
tm resize-window -t "$ses" -x 80 -y 24
check "back to 80x24" wait_for "空格 暂停"
check "  ...fits" fits 80
tm send-keys -t "$ses" L
check "L switches to English" wait_for "language: English"
check "  ...the status line too" wait_for "p linked"
tm send-keys -t "$ses" L
check "L again: Chinese" wait_for "界面语言：中文"
tm send-keys -t "$ses" q
result=$(wait_dead)
check "q quits with status 0, screen restored" test "$result" = "1 0 0"
cleanup

# The CNN and the LSTM in Chinese at 80×24, then resized to 160×45 (issue 19's rest).
start_at 80 24 "" run --lang zh --model cnn --dataset digits --seed 7
check "cnn 80x24: the view in Chinese" wait_for "卷积 1："
check "  ...the input titled with its class (short at 80 columns)" wait_for "类别 "
check "  ...the maps' titles" wait_for "图1 "
check "  ...every row fits 80 columns" fits 80
tm resize-window -t "$ses" -x 160 -y 45
check "cnn 160x45: the maps' titles in Chinese" wait_for "图1 最大"
check "  ...the input's whole title" wait_for "输入（类别"
check "  ...the legend" wait_for "每个特征图按自身的最大激活值缩放"
check "  ...every row fits 160 columns" fits 160
key_shows v "  ...v: the conv variant's notice" "卷积变体" 160
tm send-keys -t "$ses" q
result=$(wait_dead)
check "  ...q quits with status 0" test "$result" = "1 0 0"
cleanup

start_at 80 24 "" run --lang zh --model lstm --seed 7
check "lstm 80x24: the view in Chinese" wait_for "个时间步"
check "  ...the variant key" wait_for "v：下一个变体"
check "  ...every row fits 80 columns" fits 80
tm resize-window -t "$ses" -x 160 -y 45
check "lstm 160x45: the prediction's legend" wait_for "━ 预测"
check "  ...every row fits 160 columns" fits 160
key_shows v "  ...v: the recurrent variant's notice" "循环变体" 160
tm send-keys -t "$ses" q
result=$(wait_dead)
check "  ...q quits with status 0" test "$result" = "1 0 0"
cleanup

opens_in "DROPVIZ_LANG=zh: Chinese without --lang" "DROPVIZ_LANG=zh" "丢弃率联动" run --seed 7
if locale -a 2>/dev/null | grep -qi '^zh_CN.utf-\?8$'; then
  opens_in "a zh_CN locale: Chinese" "LC_ALL=zh_CN.UTF-8" "丢弃率联动" run --seed 7
else
  # Without the locale installed the terminal is not UTF-8 to ncurses: ASCII, so English.
  opens_in "a zh_CN locale that is not installed: ASCII, so English" "LC_ALL=zh_CN.UTF-8" "spc pause" run --seed 7
fi
opens_in "--lang en beats the locale" "LC_ALL=zh_CN.UTF-8" "p linked" run --lang en --seed 7

start_at 80 24 "" lesson overfitting --lang zh
check "a lesson in Chinese" wait_for "用 dropout 对抗过拟合"
check "  ...its caption" wait_for "两个网络学习同样的"
check "  ...fits" fits 80
tm send-keys -t "$ses" q
wait_dead >/dev/null
cleanup

out=$("$bin" run --lang fr 2>&1 >/dev/null); status=$?
check "--lang fr: an error" test "$status" -ne 0
check "  ...one line naming the option" test "$out" = "dropviz: --lang: unknown value 'fr' (one of: en, zh)"
out=$(DROPVIZ_LANG=cn "$bin" lesson overfitting 2>&1 >/dev/null); status=$?
check "DROPVIZ_LANG=cn: an error naming the variable" grep -q "DROPVIZ_LANG must be en or zh, got 'cn'" <<<"$out"

echo "e2e (Chinese): $passed passed, $failed failed"
[ "$failed" -eq 0 ]
