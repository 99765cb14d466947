import type { CompactGraph } from './compact.js';

/**
 * Core number (Seidman 1983) by the O(m) bucket algorithm of Batagelj & Zaveršnik (2003), as NetworkX
 * `core_number`: in a directed graph the degree is in + out and a mutual pair counts twice.
 */
export function coreNumber(g: CompactGraph): Int32Array {
  const { n, outOff, outAdj, inOff, inAdj, directed } = g;
  const deg = new Int32Array(n);
  let maxDeg = 0;
  for (let v = 0; v < n; v++) {
    deg[v] = outOff[v + 1] - outOff[v] + (directed ? inOff[v + 1] - inOff[v] : 0);
    if (deg[v] > maxDeg) maxDeg = deg[v];
  }
  const bin = new Int32Array(maxDeg + 1);
  for (let v = 0; v < n; v++) bin[deg[v]]++;
  let startPos = 0;
  for (let d = 0; d <= maxDeg; d++) {
    const c = bin[d];
    bin[d] = startPos;
    startPos += c;
  }
  const pos = new Int32Array(n);
  const vert = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    pos[v] = bin[deg[v]];
    vert[pos[v]] = v;
    bin[deg[v]]++;
  }
  for (let d = maxDeg; d > 0; d--) bin[d] = bin[d - 1];
  bin[0] = 0;
  const visit = (v: number, u: number) => {
    if (deg[u] > deg[v]) {
      const du = deg[u];
      const pu = pos[u];
      const pw = bin[du];
      const w = vert[pw];
      if (u !== w) {
        pos[u] = pw;
        vert[pu] = w;
        pos[w] = pu;
        vert[pw] = u;
      }
      bin[du]++;
      deg[u]--;
    }
  };
  for (let i = 0; i < n; i++) {
    const v = vert[i];
    for (let p = outOff[v]; p < outOff[v + 1]; p++) visit(v, outAdj[p]);
    if (directed) for (let p = inOff[v]; p < inOff[v + 1]; p++) visit(v, inAdj[p]);
  }
  return deg;
}
