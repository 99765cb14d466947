#!/usr/bin/env python3
"""Times the key-actor panel in networkit, block by block, for `npm run bench` (section panel).

Usage: networkit-panel.py GRAPH.json   (the file test/bench/panel.ts writes: {"n": N, "edges": [[u, v], ...]})

One thread (nk.setNumberOfThreads(1)), so CPU and wall compare with the single-threaded others. The calls a
competent networkit user would make: Closeness (generalised, i.e. Wasserman–Faust), HarmonicCloseness and the exact
Diameter (networkit has no average path length short of all-pairs distances: not timed); networkit has no Burt's
measures (not timed); cut points from BiconnectedComponents; Louvain is PLM without refinement, 10 seeded runs.
"""
import sys

import networkit as nk
from timing import Timer, read_graph


def main():
    n, edges = read_graph(sys.argv[1])
    nk.setNumberOfThreads(1)
    G = nk.Graph(n)
    for u, v in edges:
        G.addEdge(u, v)
    timed = Timer("networkit", n)
    run = lambda algo: algo.run().scores()  # noqa: E731

    def paths():
        clo = run(nk.centrality.Closeness(G, True, nk.centrality.ClosenessVariant.Generalized))
        harm = run(nk.centrality.HarmonicCloseness(G, False))
        diameter = nk.distance.Diameter(G, algo=nk.distance.DiameterAlgo.Exact).run().getDiameter()
        return clo, harm, diameter

    def louvain():
        best, best_q = None, float("-inf")
        for r in range(10):
            nk.engineering.setSeed(42 + r, True)
            part = nk.community.PLM(G, refine=False).run().getPartition()
            q = nk.community.Modularity().getQuality(part, G)
            if q > best_q:
                best, best_q = part, q
        return best, best_q

    timed("degree", lambda: run(nk.centrality.DegreeCentrality(G)))
    timed("betweenness", lambda: run(nk.centrality.Betweenness(G, normalized=True)))
    timed("paths", paths)
    timed("eigenvector", lambda: run(nk.centrality.EigenvectorCentrality(G)))
    timed("pagerank", lambda: run(nk.centrality.PageRank(G, damp=0.85)))
    timed("coreNumber", lambda: run(nk.centrality.CoreDecomposition(G)))
    timed("clustering", lambda: run(nk.centrality.LocalClusteringCoefficient(G)))
    timed("cutPoints", lambda: nk.components.BiconnectedComponents(G).run().getComponents())
    timed("louvain", louvain)
    timed("graph", lambda: (nk.graphtools.density(G), nk.components.ConnectedComponents(G).run().getComponentSizes()))
    timed.missing += ["structuralHoles", "averagePathLength"]
    timed.done()


if __name__ == "__main__":
    main()
