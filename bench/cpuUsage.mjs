// Preloaded (`node --import ./bench/cpuUsage.mjs`) into a process a
// benchmark times: on exit, writes the CPU time the whole process used (every
// thread, its workers included: process.cpuUsage is the process's getrusage)
// to the file named by $POLICY_ANNOTATOR_BENCH_CPU, as JSON microseconds.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const out = process.env.POLICY_ANNOTATOR_BENCH_CPU;
if (out && isMainThread) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(out, JSON.stringify({ user, system }));
  });
}
