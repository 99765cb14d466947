#!/usr/bin/env python3
"""Times the key-actor panel in python-igraph, block by block, for `npm run bench` (section panel).

Usage: igraph-panel.py GRAPH.json   (the file test/bench/panel.ts writes: {"n": N, "edges": [[u, v], ...]})

The calls a competent igraph user would make for the panel's outputs (one thread, as igraph runs):
closeness, harmonic centrality, diameter and average path length are four igraph functions (igraph has no shared
pass); Burt's constraint is `constraint()` (igraph has no effective size, efficiency or hierarchy); Louvain is
10 seeded runs of `community_multilevel` (igraph draws from Python's `random`), the best modularity kept.
"""
import random
import sys

import igraph as ig
from timing import Timer, read_graph


def main():
    n, edges = read_graph(sys.argv[1])
    G = ig.Graph(n=n, edges=edges)
    timed = Timer("igraph", n)

    def paths():
        return G.closeness(), G.harmonic_centrality(), G.diameter(), G.average_path_length()

    def eigenvector():
        eig = [0.0] * n
        for comp in G.connected_components():
            if len(comp) < 3:
                continue
            values = G.induced_subgraph(comp).eigenvector_centrality(scale=False)
            for v, x in zip(comp, values):
                eig[v] = x
        return eig

    def cut_points():
        aps = G.articulation_points()
        bridges = G.bridges()
        after = {v: G.induced_subgraph([u for u in range(n) if u != v]).connected_components().sizes() for v in aps}
        return aps, bridges, after

    def louvain():
        best, best_q = None, float("-inf")
        for run in range(10):
            random.seed(42 + run)
            parts = G.community_multilevel()
            if parts.modularity > best_q:
                best, best_q = parts, parts.modularity
        return best, best_q

    timed("degree", lambda: G.degree())
    timed("betweenness", lambda: G.betweenness(directed=False))
    timed("paths", paths)
    timed("eigenvector", eigenvector)
    timed("pagerank", lambda: G.pagerank(damping=0.85))
    timed("coreNumber", lambda: G.coreness())
    timed("clustering", lambda: G.transitivity_local_undirected(mode="zero"))
    timed("structuralHoles", lambda: G.constraint())
    timed("cutPoints", cut_points)
    timed("louvain", louvain)
    timed("graph", lambda: (G.density(), G.connected_components().sizes()))
    timed.done()


if __name__ == "__main__":
    main()
