// A GET client in its own process, so the time of receiving a large body is not spent on the server's event loop
// (as a browser's would not be). One request per call, uncompressed (the goal is about the read; a client that
// accepts gzip also waits for the compression, ~45 ms at 10k actors); the child answers with its own wall time.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';

const CHILD = `
const rl = require('node:readline').createInterface({ input: process.stdin });
rl.on('line', async (url) => {
  const t = performance.now();
  try {
    const res = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    const body = await res.arrayBuffer();
    const ms = performance.now() - t;
    const text = res.status === 200 ? '' : Buffer.from(body).toString().slice(0, 200);
    process.stdout.write(JSON.stringify({ status: res.status, bytes: body.byteLength, ms, text }) + '\\n');
  } catch (e) {
    process.stdout.write(JSON.stringify({ status: 0, bytes: 0, ms: 0, text: String(e) }) + '\\n');
  }
});`;

export interface Fetched {
  bytes: number;
  /** Wall time seen by the client: request sent → whole body received. */
  ms: number;
}

export class HttpClientProcess {
  private readonly child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['-e', CHILD]);
  private readonly lines = createInterface({ input: this.child.stdout })[Symbol.asyncIterator]();

  async get(url: string): Promise<Fetched> {
    this.child.stdin.write(`${url}\n`);
    const { value, done } = await this.lines.next();
    if (done) throw new Error('the HTTP client process ended');
    const r = JSON.parse(value as string) as Fetched & { status: number; text: string };
    if (r.status !== 200) throw new Error(`GET ${url}: ${r.status} ${r.text}`);
    return { bytes: r.bytes, ms: r.ms };
  }

  close(): void {
    this.child.stdin.end();
  }
}
