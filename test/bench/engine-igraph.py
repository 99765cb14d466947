"""python-igraph side of test/bench/engine.ts: reads {n, edges} JSON and times, single-threaded,
the path pass (betweenness + closeness + harmonic, as a user calls them) and one community_multilevel run.
Prints JSON: CPU (time.process_time) and wall (time.perf_counter) seconds, best of `reps`."""
import json
import sys
import time

import igraph as ig


def best(fn, reps):
    cpu, wall = float("inf"), float("inf")
    for _ in range(reps):
        c0, w0 = time.process_time(), time.perf_counter()
        fn()
        cpu = min(cpu, time.process_time() - c0)
        wall = min(wall, time.perf_counter() - w0)
    return {"cpu": cpu, "wall": wall}


def main():
    data = json.load(open(sys.argv[1]))
    reps = int(sys.argv[2])
    g = ig.Graph(n=data["n"], edges=[tuple(e) for e in data["edges"]], directed=False)

    def paths():
        g.betweenness(directed=False)
        g.closeness()
        g.harmonic_centrality()

    out = {
        "version": ig.__version__,
        "paths": best(paths, reps),
        "louvain": best(lambda: g.community_multilevel(return_levels=False), max(reps, 3)),
    }
    print(json.dumps(out))


main()
