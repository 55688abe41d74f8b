// Command-line options of `npm run bench -- …`.

import { parseArgs } from 'node:util';

export const USAGE = `Usage: npm run bench -- [options]

  --scales <list>       Corpus scales to run, comma-separated (default: 1,4,16).
  --runs <n>            Runs per figure (default: 5 at 1×, 3 at larger scales); figures are medians.
  --keep-corpus         Keep the generated corpora in bench/corpus/ (and reuse them next time).
  --strict              Exit 1 when a target is missed (default: report MISSED, exit 0).
  --no-server           Measure only the CLI (figures a to c).
  --diagnostics <mode>  auto (pull diagnostics when the server offers them; default) or push.
  --profile             Also record CPU profiles of a cold check and of actors-file edits in the
                        server, at the largest scale, and summarise where the time goes.
  --results <file>      Where to write the JSON results (default: bench/results.json).
  --chart <file>        Where to write the SVG chart (default: bench/chart.svg; a PNG beside it
                        when rsvg-convert or ImageMagick is installed).
  --corpus-dir <dir>    Where corpora are generated (default: bench/corpus).
  --seed <text>         Seed of the generator (default: policy-annotator-bench).
  -h, --help            Show this help.`;

export class OptionsError extends Error {}

export function parseOptions(argv, defaults) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        scales: { type: 'string', default: '1,4,16' },
        runs: { type: 'string' },
        'keep-corpus': { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        'no-server': { type: 'boolean', default: false },
        diagnostics: { type: 'string', default: 'auto' },
        profile: { type: 'boolean', default: false },
        results: { type: 'string', default: defaults.results },
        chart: { type: 'string', default: defaults.chart },
        'corpus-dir': { type: 'string', default: defaults.corpusDir },
        seed: { type: 'string', default: 'policy-annotator-bench' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new OptionsError(error.message);
  }
  const scales = values.scales.split(',').map((s) => s.trim().replace(/x$/i, '')).filter(Boolean).map(Number);
  if (scales.length === 0 || scales.some((s) => !Number.isInteger(s) || s < 1 || s > 64)) throw new OptionsError(`--scales takes whole numbers from 1 to 64, such as 1,4,16 (got \`${values.scales}\`).`);
  let runs;
  if (values.runs !== undefined) {
    runs = Number(values.runs);
    if (!Number.isInteger(runs) || runs < 1 || runs > 50) throw new OptionsError(`--runs takes a whole number from 1 to 50 (got \`${values.runs}\`).`);
  }
  if (!['auto', 'push'].includes(values.diagnostics)) throw new OptionsError(`--diagnostics takes auto or push (got \`${values.diagnostics}\`).`);
  return {
    help: values.help,
    scales: [...new Set(scales)].sort((a, b) => a - b),
    runsFor: (scale) => runs ?? (scale === 1 ? 5 : 3),
    keepCorpus: values['keep-corpus'],
    strict: values.strict,
    server: !values['no-server'],
    diagnosticsMode: values.diagnostics,
    profile: values.profile,
    resultsPath: values.results,
    chartPath: values.chart,
    corpusDir: values['corpus-dir'],
    seed: values.seed,
  };
}
