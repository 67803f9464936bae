#!/usr/bin/env python3
"""Measures the claim of the built-in `grid` lesson (BuiltinLessons.swift) per seed:

    dropviz sweep --dataset moons --noise 0.35 --train-size 80 --hidden 16,16 --lr 0.003 \
        --sweep-rates 0,0.3,0.6,0.9 --seeds 6 --steps 3000 --format json > grid.json
    python3 scripts/measure-grid-lesson.py grid.json

The claim: after 3000 steps the final training loss rises with the rate, and the p = 0
network's validation loss is at least 1.4 times every other cell's. Prints each seed's
(train, val) losses and how many seeds the claim holds on.
"""
import collections
import json
import sys

d = json.load(open(sys.argv[1] if len(sys.argv) > 1 else 'grid.json'))
by = collections.defaultdict(dict)
for r in d['runs']:
    by[r['seed']][r['rate']] = r
good = 0
for seed, rs in sorted(by.items()):
    fv = {p: r['finalValLoss'] for p, r in rs.items()}
    ft = {p: r['finalTrainLoss'] for p, r in rs.items()}
    ps = sorted(ft)
    rises = all(ft[a] < ft[b] for a, b in zip(ps, ps[1:]))
    high = all(fv[0] >= 1.4 * fv[p] for p in fv if p != 0)
    print(seed, {p: (round(ft[p], 3), round(fv[p], 3)) for p in ps}, rises and high)
    good += rises and high
print(f'claim holds on {good} of {len(by)} seeds')
