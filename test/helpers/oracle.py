#!/usr/bin/env python3
"""NetworkX oracle for the analysis tests.

Reads a graph as JSON on stdin and prints every metric of the key-actor panel, computed with NetworkX 3.x,
as JSON on stdout. NaN / infinities are written as null.

Input (one object, or a list of them for a list of results):
  {"directed": bool, "weighted": bool,
   "nodes": ["a", ...],                      # node ids, in order
   "edges": [["a", "b", w?], ...],           # w = tie strength (only read when weighted)
   "communities": [["a", ...], ...] | null,  # a partition whose modularity to compute
   "resolution": 1.0,
   "partition": {"a": "g1", ...} | null}     # groups for block density and E-I

Conventions (the same as core/analysis):
  * Weights are strengths: PageRank, eigenvector, clustering, Burt's measures and modularity use weight='weight';
    betweenness, closeness, harmonic, diameter and average path length use distance dist = 1/weight.
  * Eigenvector centrality per (weak) component, L2-normalised within it; isolates 0; directed components that
    are not strongly connected: null.
  * Diameter and average path length on the largest component (strongly connected component if directed);
    ties broken by the component's first node in node order.
  * Constraint / effective size: NetworkX's functions; with weights, effective size uses NetworkX's loop
    implementation (see the note at the call). In directed graphs a node is isolated only when it has neither in-
    nor out-neighbours (NetworkX's loop path looks at successors only), so there the sums are written out with
    nx.local_constraint and nx's normalized_mutual_weight.

NumPy/SciPy are optional: when missing, the pure-Python NetworkX routines are used with tight tolerances
(eigenvector_centrality, _pagerank_python), and a tiny `numpy.cbrt` shim lets weighted clustering run.
"""
import json
import math
import sys
import types
from contextlib import contextmanager

import networkx as nx
from networkx.algorithms.structuralholes import normalized_mutual_weight as nmw

try:
    import numpy  # noqa: F401
    import scipy  # noqa: F401

    HAVE_SCIPY = True
except Exception:  # pragma: no cover - depends on the machine
    HAVE_SCIPY = False


_MISSING = object()


@contextmanager
def numpy_cbrt_shim():
    """NetworkX's weighted clustering calls numpy.cbrt(list).sum(); provide it if NumPy is missing."""
    try:
        import numpy  # noqa: F401

        yield
        return
    except Exception:
        pass

    class _Arr(list):
        def sum(self):
            return math.fsum(self)

    shim = types.ModuleType("numpy")
    shim.cbrt = lambda xs: _Arr(math.cbrt(x) for x in xs)
    previous = sys.modules.get("numpy", _MISSING)
    sys.modules["numpy"] = shim
    try:
        yield
    finally:
        if previous is _MISSING:
            del sys.modules["numpy"]
        else:
            sys.modules["numpy"] = previous


def clean(x):
    if x is None:
        return None
    if isinstance(x, bool):
        return x
    if isinstance(x, (int,)):
        return x
    x = float(x)
    return x if math.isfinite(x) else None


_ORIGINAL_NMW = nmw


def _memoise_mutual_weights():
    """NetworkX's structural-hole helpers recompute normalised mutual weights for every pair: O(Σ k³) calls.
    Memoising the helper (same NetworkX arithmetic, computed once per argument tuple) keeps the oracle fast on
    the test graphs. A fresh cache per analysed graph (only one graph is alive while it is used)."""
    import networkx.algorithms.structuralholes as sh

    cache = {}

    def cached(G, u, v, norm=sum, weight=None):
        key = (u, v, norm, weight)
        if key not in cache:
            cache[key] = _ORIGINAL_NMW(G, u, v, norm=norm, weight=weight)
        return cache[key]

    sh.normalized_mutual_weight = cached
    return cached


def main():
    data = json.load(sys.stdin)
    if isinstance(data, list):
        json.dump([analyse(d) for d in data], sys.stdout)
    else:
        json.dump(analyse(data), sys.stdout)


def analyse(data):
    global nmw
    nmw = _memoise_mutual_weights()
    directed = bool(data.get("directed"))
    weighted = bool(data.get("weighted"))
    G = nx.DiGraph() if directed else nx.Graph()
    order = {v: i for i, v in enumerate(data["nodes"])}
    G.add_nodes_from(data["nodes"])
    for e in data["edges"]:
        u, v = e[0], e[1]
        if weighted:
            w = float(e[2]) if len(e) > 2 else 1.0
            G.add_edge(u, v, weight=w, dist=1.0 / w)
        else:
            G.add_edge(u, v)  # no attributes: NetworkX reads a missing weight as 1
    wkey = "weight" if weighted else None
    dkey = "dist" if weighted else None
    n = G.number_of_nodes()
    UG = G.to_undirected() if directed else G

    out = {}
    deg = dict(G.degree())
    strength = dict(G.degree(weight="weight"))
    indeg = dict(G.in_degree()) if directed else deg
    outdeg = dict(G.out_degree()) if directed else deg
    dc = nx.degree_centrality(G)
    btw = nx.betweenness_centrality(G, normalized=True, weight=dkey)
    btw_raw = nx.betweenness_centrality(G, normalized=False, weight=dkey)
    clo = nx.closeness_centrality(G, distance=dkey)
    har = nx.harmonic_centrality(G, distance=dkey)

    # Eigenvector per component.
    eig = {}
    comps = list(nx.weakly_connected_components(G) if directed else nx.connected_components(G))
    for comp in comps:
        if len(comp) == 1:
            eig[next(iter(comp))] = 0.0
            continue
        sub = G.subgraph(comp)
        if directed and not nx.is_strongly_connected(sub):
            for v in comp:
                eig[v] = None
            continue
        # Power iteration (pure Python, converges to the same vector as eigenvector_centrality_numpy on a
        # connected graph; the NumPy variant fails on components of two or three nodes).
        eig.update(nx.eigenvector_centrality(sub, weight=wkey, max_iter=1000000, tol=1e-15))

    if HAVE_SCIPY:
        pr = nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-15, max_iter=100000)
    else:
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

        pr = _pagerank_python(G, alpha=0.85, weight="weight", tol=1e-15, max_iter=100000)
    core = nx.core_number(G)
    with numpy_cbrt_shim():
        clus = nx.clustering(G, weight=wkey)

    nbrs = {v: set(nx.all_neighbors(G, v)) for v in G}
    cons, es = {}, {}
    if directed:
        for v in G:
            if not nbrs[v]:
                cons[v] = float("nan")
                es[v] = float("nan")
                continue
            cons[v] = sum(nx.local_constraint(G, v, u, weight=wkey) for u in nbrs[v])
            es[v] = sum(
                1 - sum(nmw(G, v, q, weight=wkey) * nmw(G, u, q, norm=max, weight=wkey) for q in nbrs[v])
                for u in nbrs[v]
            )
    else:
        cons = nx.constraint(G, weight=wkey)
        # With weights, nodes=list(G) selects NetworkX's reference (loop) implementation: its SciPy-vectorised
        # path (nodes=None with SciPy installed) divides by column instead of row maxima when computing m_jq
        # (NetworkX 3.6.1) and disagrees with Borgatti (1997) and with the loop path. Unweighted, both agree.
        es = nx.effective_size(G, nodes=list(G) if weighted else None, weight=wkey)
    eff, hier = {}, {}
    for v in G:
        N = len(nbrs[v])
        eff[v] = es[v] / N if N > 0 else float("nan")
        if N < 2:
            hier[v] = float("nan")
            continue
        c = [nx.local_constraint(G, v, j, weight=wkey) for j in nbrs[v]]
        mean = sum(c) / N
        hier[v] = sum((x / mean) * math.log(x / mean) for x in c if x > 0) / (N * math.log(N))

    # Removal impact.
    comp_sizes = [len(c) for c in nx.connected_components(UG)]
    ncomp = len(comp_sizes)

    def frag(sizes, m):
        if m < 2:
            return None
        return 1 - sum(s * (s - 1) for s in sizes) / (m * (m - 1))

    base_frag = frag(comp_sizes, n)
    removal = {}
    bare = nx.Graph()
    bare.add_nodes_from(UG)
    bare.add_edges_from(UG.edges())
    for v in G:
        H = bare.subgraph([u for u in bare if u != v])  # G - v, a view (no copy of the edge data)
        sizes = [len(c) for c in nx.connected_components(H)]
        fa = frag(sizes, n - 1)
        removal[v] = {
            "componentsAfter": len(sizes),
            "deltaComponents": len(sizes) - ncomp,
            "fragmentationAfter": fa,
            "deltaFragmentation": None if fa is None or base_frag is None else fa - base_frag,
        }

    for v in G:
        out[v] = {
            "degree": deg[v],
            "inDegree": indeg[v],
            "outDegree": outdeg[v],
            "strength": clean(strength[v]),
            "degreeCentrality": clean(dc[v]),
            "betweenness": clean(btw[v]),
            "betweennessRaw": clean(btw_raw[v]),
            "closeness": clean(clo[v]),
            "harmonic": clean(har[v]),
            "eigenvector": clean(eig[v]),
            "pagerank": clean(pr[v]),
            "coreNumber": core[v],
            "clustering": clean(clus[v]),
            "constraint": clean(cons[v]),
            "effectiveSize": clean(es[v]),
            "efficiency": clean(eff[v]),
            "hierarchy": clean(hier[v]),
            "removal": {k: clean(x) for k, x in removal[v].items()},
        }

    # Graph level.
    if n > 0:
        path_comps = list(nx.strongly_connected_components(G) if directed else nx.connected_components(G))
        lcc = max(path_comps, key=lambda c: (len(c), -min(order[v] for v in c)))
        sub = G.subgraph(lcc)
        if len(lcc) == 1:
            diameter, apl = 0, 0.0
        else:
            diameter = nx.diameter(sub, weight=dkey)
            apl = nx.average_shortest_path_length(sub, weight=dkey)
    else:
        diameter, apl = None, None
    degs = list(dc.values())
    if n >= 3:
        mx = max(degs)
        centralisation = sum(mx - d for d in degs) / ((2 if directed else 1) * (n - 2))
    else:
        centralisation = None
    graph = {
        "nodes": n,
        "edges": G.number_of_edges(),
        "density": nx.density(G),
        "components": ncomp,
        "largestComponentSize": max(comp_sizes) if comp_sizes else 0,
        "diameter": clean(diameter),
        "averagePathLength": clean(apl),
        "degreeCentralisation": clean(centralisation),
        "fragmentation": clean(base_frag),
    }
    result = {
        "nodes": out,
        "graph": graph,
        "articulationPoints": sorted(nx.articulation_points(UG), key=order.get),
        "bridges": sorted(
            ([u, v] if order[u] < order[v] else [v, u] for u, v in nx.bridges(UG)),
            key=lambda e: (order[e[0]], order[e[1]]),
        ),
        "haveScipy": HAVE_SCIPY,
    }

    comms = data.get("communities")
    if comms:
        result["modularity"] = nx.community.modularity(
            G, [set(c) for c in comms], weight=wkey, resolution=data.get("resolution", 1.0)
        )

    part = data.get("partition")
    if part:
        names = []
        for v in data["nodes"]:
            if part[v] not in names:
                names.append(part[v])
        members = {g: {v for v in data["nodes"] if part[v] == g} for g in names}
        dens = []
        for a in names:
            row = []
            for b in names:
                if a == b:
                    row.append(nx.density(G.subgraph(members[a])) if len(members[a]) > 1 else None)
                else:
                    row.append(len(list(nx.edge_boundary(G, members[a], members[b]))) / (len(members[a]) * len(members[b])))
            dens.append(row)
        ei = []
        for a in names:
            internal = G.subgraph(members[a]).number_of_edges()
            external = len(list(nx.edge_boundary(G, members[a])))
            if directed:
                external += len(list(nx.edge_boundary(G.reverse(copy=False), members[a])))
            ei.append((external - internal) / (external + internal) if external + internal else None)
        nx.set_node_attributes(G, part, "group")
        mix = nx.attribute_mixing_dict(G, "group")
        total = sum(c for row in mix.values() for c in row.values())
        within = sum(mix.get(a, {}).get(a, 0) for a in names)
        result["groups"] = {
            "names": names,
            "density": dens,
            "ei": ei,
            "globalEI": (total - 2 * within) / total if total else None,
        }

    return result


if __name__ == "__main__":
    main()
