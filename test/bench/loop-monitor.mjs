// Preloaded into the bench's server (NODE_OPTIONS=--import): measures the main thread's event-loop delay, and on
// SIGWINCH (close-with-grace takes SIGUSR2) writes the phase's figures (ms) to AKTORSATLAS_LOOP_FILE and starts a new phase. Lags over 50 ms are
// listed with their time so a CPU profile can be matched to them. With AKTORSATLAS_CPU_PROF=file the main thread is
// profiled (node:inspector; --cpu-prof is not allowed in NODE_OPTIONS) during the load phase.
import { isMainThread } from 'node:worker_threads';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setInterval } from 'node:timers';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

const file = process.env.AKTORSATLAS_LOOP_FILE;
if (isMainThread && file) {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  let lags = [];
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    if (now - last - 20 > 50)
      lags.push({ at: Math.round(performance.timeOrigin + last), ms: Math.round(now - last - 20) });
    last = now;
  }, 20).unref();
  const prof = process.env.AKTORSATLAS_CPU_PROF;
  const session = prof ? new Session() : undefined;
  session?.connect();
  let phase = 0;
  // The bench's phases: setup | idle | load; the load phase is the one profiled.
  const profile = () => {
    phase++;
    if (!session) return;
    if (phase === 2) session.post('Profiler.enable', () => session.post('Profiler.start'));
    if (phase === 3)
      session.post('Profiler.stop', (err, r) => {
        if (!err) writeFileSync(prof, JSON.stringify(r.profile));
      });
  };
  process.on('SIGWINCH', () => {
    profile();
    const ms = (ns) => ns / 1e6;
    const out = { p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max), lags };
    writeFileSync(file, JSON.stringify(out));
    h.reset();
    lags = [];
  });
}
