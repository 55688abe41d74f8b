// Preloaded into a measured Node process (`node --import`) when GNU time is
// not installed: writes the process's peak resident set size (bytes) and CPU
// time (user + system, ms) to the file named by BENCH_MAX_RSS_FILE as the
// process exits.
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_MAX_RSS_FILE;
if (target) {
  process.on('exit', () => {
    try {
      const usage = process.resourceUsage();
      writeFileSync(target, JSON.stringify({ maxRssBytes: usage.maxRSS * 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
    } catch {
      // Nothing to report to: the benchmark notes the figure as missing.
    }
  });
}
