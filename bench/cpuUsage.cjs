// Preloaded (`node --require bench/cpuUsage.cjs`) into a process a benchmark
// times: on exit, writes the CPU time the whole process used (every thread,
// its workers included: process.cpuUsage is the process's getrusage) to the
// file named by $POLICY_ANNOTATOR_BENCH_CPU, as JSON microseconds.
'use strict';
const { writeFileSync } = require('node:fs');
const { isMainThread } = require('node:worker_threads');

const out = process.env.POLICY_ANNOTATOR_BENCH_CPU;
if (out && isMainThread) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(out, JSON.stringify({ user, system }));
  });
}
