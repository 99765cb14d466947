"""Shared by the reference-library panel scripts: read the bench's graph file, time blocks, print the result.

Each script prints {"seconds": {block: wall s}, "cpu": {block: CPU s}, "total": wall s, "totalCpu": CPU s,
"missing": [blocks the library has no function for]} on stdout; progress goes to stderr. CPU time
(time.process_time) counts every thread of the process.
"""
import json
import sys
import time


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def read_graph(path):
    with open(path) as f:
        data = json.load(f)
    return data["n"], [(u, v) for u, v in data["edges"]]


class Timer:
    def __init__(self, lib, n):
        self.lib, self.n = lib, n
        self.seconds, self.cpu, self.keep, self.missing = {}, {}, {}, []
        self.t0, self.c0 = time.perf_counter(), time.process_time()

    def __call__(self, name, fn):
        t, c = time.perf_counter(), time.process_time()
        self.keep[name] = fn()
        self.cpu[name] = time.process_time() - c
        self.seconds[name] = time.perf_counter() - t
        log(f"  {self.lib} n={self.n} {name}: {self.cpu[name]:.2f} s CPU, {self.seconds[name]:.2f} s wall")

    def done(self):
        json.dump(
            {
                "seconds": self.seconds,
                "cpu": self.cpu,
                "total": time.perf_counter() - self.t0,
                "totalCpu": time.process_time() - self.c0,
                "missing": self.missing,
            },
            sys.stdout,
        )
