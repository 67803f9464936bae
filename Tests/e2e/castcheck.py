#!/usr/bin/env python3
"""A small asciicast v2 checker for the end-to-end tests.

Usage: castcheck.py FILE.cast [MARKER_SUBSTRING ...]
Checks the header (version 2, width, height, timestamp, env), that every line is one whole
event [time, type, data] with a known type ("o", "m", "r"), that the times never go back,
that there is output, and that each MARKER_SUBSTRING is in the label of some marker event.
Prints the first problem and exits 1, or prints the markers and exits 0.
"""
import json
import sys


def fail(message):
    print(f"castcheck: {message}")
    sys.exit(1)


def main(path, wanted):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if not text.endswith("\n"):
        fail("the file does not end with a newline: cut mid-event")
    lines = text.split("\n")[:-1]
    header = json.loads(lines[0])
    if header.get("version") != 2:
        fail(f"version is {header.get('version')!r}, not 2")
    for key in ("width", "height", "timestamp"):
        if not isinstance(header.get(key), int) or header[key] <= 0:
            fail(f"header {key} is {header.get(key)!r}")
    if not isinstance(header.get("env"), dict):
        fail("header has no env object")
    last, markers, outputs = 0.0, [], 0
    for n, line in enumerate(lines[1:], start=2):
        event = json.loads(line)
        if not (isinstance(event, list) and len(event) == 3):
            fail(f"line {n} is not a [time, type, data] event")
        time, kind, data = event
        if not isinstance(time, (int, float)) or time < last:
            fail(f"line {n}: time {time} goes back (last {last})")
        last = time
        if kind not in ("o", "m", "r") or not isinstance(data, str):
            fail(f"line {n}: unknown event type {kind!r}")
        if kind == "m":
            markers.append(data)
        if kind == "o":
            outputs += 1
    if outputs < 2:
        fail("no frames recorded")
    for w in wanted:
        if not any(w in m for m in markers):
            fail(f"no marker with {w!r} among {markers}")
    print("markers:", markers)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
