#!/bin/sh
# Builds dropviz (release), runs dropviz bench, numpy_step.py and torch_step.py on the same
# networks with one thread each, and prints steps/s with the ratios. See compare.py.
exec python3 "$(dirname "$0")/compare.py" "$@"
