#!/usr/bin/env python3
"""Times the key-actor panel in NetworkX 3.x, metric by metric, for `npm run bench` (section panel).

Usage: networkx-panel.py GRAPH.json [BETWEENNESS_OUT.json] [PART]
  GRAPH.json: {"n": N, "edges": [[u, v], ...]} with nodes 0..N-1 (unweighted, undirected), written once by
  test/bench/panel.ts and read by both sides.
  BETWEENNESS_OUT.json (optional): exact normalised betweenness, written after timing, for the accuracy check
  of our sampled betweenness.
  PART (optional): all (default), betweenness (only betweenness) or rest (everything but betweenness), so that
  the bench can run the two halves in two processes; their CPU times add up to the whole.

Prints {"seconds": {metric: wall s}, "cpu": {metric: CPU s of this process}, "total": wall s, "totalCpu": CPU s}
on stdout; progress goes to stderr. CPU time (time.process_time) is what the bench compares: this process may run
beside our own runs, each on its own core, and CPU time does not count time spent waiting for a core.

This is the code a competent NetworkX user would write for the same numbers, not the test oracle
(test/helpers/oracle.py, which favours clarity over speed):
  * closeness, harmonic, diameter and average path length come from ONE all-pairs BFS pass
    (all_pairs_shortest_path_length), as our engine does, instead of four separate all-pairs functions;
  * raw betweenness is the normalised one rescaled, not a second run;
  * "if this actor left" recomputes components only for articulation points: removing any other node leaves
    the component structure unchanged (its component just loses one node), so that is arithmetic;
  * Louvain: 10 seeded runs of louvain_communities, the one with the highest modularity kept (as ours);
  * Burt's measures: nx.constraint and nx.effective_size as a user calls them; NetworkX has no hierarchy (ours
    computes it too), so that row slightly flatters NetworkX;
  * brokerage (Gould–Fernandez) is not in NetworkX and is not timed here.
"""
import json
import math
import sys
import time

import networkx as nx


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def main():
    with open(sys.argv[1]) as f:
        data = json.load(f)
    n = data["n"]
    G = nx.Graph()
    G.add_nodes_from(range(n))
    G.add_edges_from((u, v) for u, v in data["edges"])
    seconds = {}
    cpu = {}
    keep = {}

    def timed(name, fn):
        t = time.perf_counter()
        c = time.process_time()
        keep[name] = fn()
        cpu[name] = time.process_time() - c
        seconds[name] = time.perf_counter() - t
        log(f"  networkx n={n} {name}: {cpu[name]:.2f} s CPU, {seconds[name]:.2f} s wall")

    def degree():
        deg = dict(G.degree())
        return deg, nx.degree_centrality(G)

    def betweenness():
        b = nx.betweenness_centrality(G, normalized=True)
        scale = (n - 1) * (n - 2) / 2
        return b, {v: x * scale for v, x in b.items()}

    def paths():
        # One BFS per source: Wasserman–Faust closeness, harmonic, and diameter / APL of the largest component.
        lcc = max(nx.connected_components(G), key=len)
        tot = dict.fromkeys(G, 0)
        reach = dict.fromkeys(G, 0)
        harm = dict.fromkeys(G, 0.0)
        diameter = 0
        path_sum = 0
        for s, dist in nx.all_pairs_shortest_path_length(G):
            in_lcc = s in lcc
            for t, d in dist.items():
                if d == 0:
                    continue
                tot[t] += d
                reach[t] += 1
                harm[t] += 1 / d
                if in_lcc:
                    path_sum += d
                    diameter = max(diameter, d)
        clo = {v: (reach[v] / tot[v]) * (reach[v] / (n - 1)) if tot[v] > 0 else 0.0 for v in G}
        apl = path_sum / (len(lcc) * (len(lcc) - 1)) if len(lcc) > 1 else 0.0
        return clo, harm, diameter, apl

    def eigenvector():
        eig = {}
        for comp in nx.connected_components(G):
            if len(comp) < 3:
                eig.update({v: 1 / math.sqrt(len(comp)) if len(comp) == 2 else 0.0 for v in comp})
                continue
            eig.update(nx.eigenvector_centrality_numpy(G.subgraph(comp)))
        return eig

    def structural_holes():
        # As a user calls them: nx.constraint and nx.effective_size (efficiency is effective size / degree).
        # NetworkX has no hierarchy function (only via a per-pair local_constraint loop): not timed here.
        cons = nx.constraint(G)
        es = nx.effective_size(G)
        eff = {v: es[v] / G.degree(v) if G.degree(v) > 0 else float("nan") for v in G}
        return cons, es, eff

    def cut_points():
        aps = list(nx.articulation_points(G))
        bridges = list(nx.bridges(G))
        sizes = [len(c) for c in nx.connected_components(G)]
        after = {}
        for v in aps:
            H = G.subgraph([u for u in G if u != v])
            after[v] = [len(c) for c in nx.connected_components(H)]
        return aps, bridges, sizes, after

    def louvain():
        best, best_q = None, -math.inf
        for run in range(10):
            parts = nx.community.louvain_communities(G, seed=42 + run)
            q = nx.community.modularity(G, parts)
            if q > best_q:
                best, best_q = parts, q
        label = {v: i for i, c in enumerate(best) for v in c}
        # Block structure of the communities (ties within / between), as the panel reports.
        k = len(best)
        ties = [[0] * k for _ in range(k)]
        for u, v in G.edges():
            a, b = label[u], label[v]
            ties[a][b] += 1
            if a != b:
                ties[b][a] += 1
        return best, best_q, ties

    def graph_level():
        sizes = [len(c) for c in nx.connected_components(G)]
        frag = 1 - sum(s * (s - 1) for s in sizes) / (n * (n - 1))
        dc = keep["degree"][1]
        mx = max(dc.values())
        centralisation = sum(mx - d for d in dc.values()) / (n - 2)
        return nx.density(G), len(sizes), max(sizes), frag, centralisation

    part = sys.argv[3] if len(sys.argv) > 3 else "all"
    if part not in ("all", "betweenness", "rest"):
        raise SystemExit(f"unknown part {part!r}")
    t0 = time.perf_counter()
    c0 = time.process_time()
    if part != "betweenness":
        timed("degree", degree)
    if part != "rest":
        timed("betweenness", betweenness)
    if part != "betweenness":
        timed("paths", paths)
        timed("eigenvector", eigenvector)
        timed("pagerank", lambda: nx.pagerank(G, alpha=0.85))
        timed("coreNumber", lambda: nx.core_number(G))
        timed("clustering", lambda: nx.clustering(G))
        timed("structuralHoles", structural_holes)
        timed("cutPoints", cut_points)
        timed("louvain", louvain)
        timed("graph", graph_level)
    total = time.perf_counter() - t0
    total_cpu = time.process_time() - c0
    if len(sys.argv) > 2 and sys.argv[2] != "-" and "betweenness" in keep:
        b = keep["betweenness"][0]
        with open(sys.argv[2], "w") as f:
            json.dump([b[v] for v in range(n)], f)
    json.dump({"seconds": seconds, "cpu": cpu, "total": total, "totalCpu": total_cpu}, sys.stdout)


if __name__ == "__main__":
    main()
