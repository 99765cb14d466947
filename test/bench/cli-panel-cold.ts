// One cold `runPanel` in a fresh process, as the CLI runs it: reads the CSV named by argv[2], builds the graph (not
// timed), runs the panel once and prints its CPU and wall seconds as JSON. test/bench/cli.ts runs it several times.
import { readFileSync } from 'node:fs';
import { runPanel } from '../../core/analysis/panel.js';
import { readGraph } from '../../core/exchange/read/detect.js';

const file = process.argv[2] ?? '';
const { graph, directed } = readGraph(readFileSync(file, 'utf8'), { fileName: file });
const c = process.cpuUsage();
const t = performance.now();
runPanel(graph, { directed, weight: null, partition: null, seed: 1, resolution: 1 });
const u = process.cpuUsage(c);
console.log(JSON.stringify({ cpu: (u.user + u.system) / 1e6, wall: (performance.now() - t) / 1000 }));
