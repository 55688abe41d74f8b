import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { ESLint } from 'eslint';
import type * as ImportGraph from '../../scripts/lint/importGraph.mjs' with { 'resolution-mode': 'import' };
import { createTempWorkspace, REPO_ROOT, type TempWorkspace } from '../helpers/tempWorkspace';

type ImportGraphModule = typeof ImportGraph;
const loadImportGraph = async (): Promise<ImportGraphModule> => import(pathToFileURL(path.join(REPO_ROOT, 'scripts/lint/importGraph.mjs')).href);

const graphOf = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

describe('the import cycle checker', () => {
  let graph: ImportGraphModule;
  before(async () => {
    graph = await loadImportGraph();
  });

  it('reports a planted cycle as the path from its first file back to it', () => {
    const cycles = graph.findImportCycles(graphOf({ c: ['a'], a: ['b', 'x'], b: ['c'], x: [] }));
    assert.deepEqual(cycles, [['a', 'b', 'c', 'a']]);
  });

  it('reports a file that imports itself, and each separate cycle once', () => {
    const cycles = graph.findImportCycles(graphOf({ a: ['a'], b: ['c'], c: ['b', 'd'], d: ['e'], e: ['d'], f: ['b'] }));
    assert.deepEqual(cycles, [['a', 'a'], ['b', 'c', 'b'], ['d', 'e', 'd']]);
  });

  it('shows the shortest way round a tangle of cycles', () => {
    // a → b → c → d → a, and the shortcut a → d → a.
    assert.deepEqual(graph.findImportCycles(graphOf({ a: ['b', 'd'], b: ['c'], c: ['d'], d: ['a'] })), [['a', 'd', 'a']]);
    assert.deepEqual(graph.importCycleThrough(graphOf({ a: ['b', 'd'], b: ['c'], c: ['d'], d: ['a'] }), 'b'), ['b', 'c', 'd', 'a', 'b']);
  });

  it('finds nothing in a graph without cycles, nor through imports that lead outside it', () => {
    assert.deepEqual(graph.findImportCycles(graphOf({ a: ['b', 'c', 'yaml'], b: ['c'], c: [] })), []);
    assert.equal(graph.importCycleThrough(graphOf({ a: ['b'], b: [] }), 'a'), undefined);
  });

  it('goes through a chain of 100,000 files without running out of stack', () => {
    const edges: Record<string, string[]> = {};
    for (let i = 0; i < 100_000; i++) edges[`f${i}`] = [`f${i + 1}`];
    edges.f100000 = ['f0'];
    const [cycle] = graph.findImportCycles(graphOf(edges));
    assert.equal(cycle.length, 100_002);
    assert.equal(cycle[0], 'f0');
    assert.equal(cycle.at(-1), 'f0');
  });

  it('sees every kind of import in a source text', () => {
    const text = [
      "import { a } from './a';",
      "import type { B } from './b';",
      "import { type C } from './c';",
      "export * from './d';",
      "export type { E } from './e';",
      "import './f';",
      "const g = () => import('./g.js');",
      "const h = require('./h');",
      'type I = typeof import("./i");',
      "import j = require('./j');",
    ].join('\n');
    assert.deepEqual(graph.importSpecifiers(text).map((entry) => entry.specifier).sort(), ['./a', './b', './c', './d', './e', './f', './g.js', './h', './i', './j']);
  });
});

describe('the import graph of files on disk', () => {
  let graph: ImportGraphModule;
  let workspace: TempWorkspace;
  before(async () => {
    graph = await loadImportGraph();
    workspace = createTempWorkspace({
      'src/core/index.ts': "export * from './model';\n",
      'src/core/model.ts': "import type { Reader } from '../cli/reader';\nexport interface Model { reader?: Reader }\n",
      'src/cli/reader.ts': "import { type Model } from '../core';\nimport { parse } from 'yaml';\nexport interface Reader { read(): Model; parse: typeof parse }\n",
      'src/cli/main.ts': "export const load = () => import('./reader.js');\n",
      'other/outside.ts': "import '../src/cli/main';\n",
    });
  });
  after(() => workspace.dispose());

  it('resolves imports as TypeScript does (folder index, .js extension, type-only) and keeps only files under the roots', () => {
    const edges = new graph.ImportGraphReader([path.join(workspace.dir, 'src')]).read();
    const at = (file: string) => path.join(workspace.dir, file);
    assert.deepEqual([...edges.keys()].sort(), ['src/cli/main.ts', 'src/cli/reader.ts', 'src/core/index.ts', 'src/core/model.ts'].map(at));
    assert.deepEqual([...edges.get(at('src/cli/main.ts'))!.keys()], [at('src/cli/reader.ts')]);
    assert.deepEqual([...edges.get(at('src/cli/reader.ts'))!.entries()], [[at('src/core/index.ts'), '../core']]);
  });

  it('reports the cycle that type-only imports and a re-export make, with paths', () => {
    const cycles = graph.findImportCycles(new graph.ImportGraphReader([path.join(workspace.dir, 'src')]).read());
    const shown = cycles.map((cycle) => cycle.map((file) => path.relative(workspace.dir, file).split(path.sep).join('/')));
    assert.deepEqual(shown, [['src/cli/reader.ts', 'src/core/index.ts', 'src/core/model.ts', 'src/cli/reader.ts']]);
  });

  it('rereads a file that changed and forgets one that was removed', () => {
    const reader = new graph.ImportGraphReader([path.join(workspace.dir, 'src')]);
    assert.equal(graph.findImportCycles(reader.read()).length, 1);
    workspace.write('src/core/model.ts', 'export interface Model { name: string }\n// no import of the CLI any more\n');
    assert.deepEqual(graph.findImportCycles(reader.read()), []);
    workspace.write('src/core/extra.ts', "import './index';\n");
    workspace.write('src/core/index.ts', "export * from './model';\nexport * from './extra';\n");
    assert.equal(graph.findImportCycles(reader.read()).length, 1);
  });
});

describe('the no-import-cycles lint rule', () => {
  const eslint = new ESLint({ cwd: REPO_ROOT, overrideConfigFile: path.join(REPO_ROOT, 'eslint.config.mjs') });
  const cycleMessages = async (code: string, file: string) => {
    const [result] = await eslint.lintText(code, { filePath: path.join(REPO_ROOT, file) });
    return result.messages.filter((m) => m.ruleId === 'policy-annotator/no-import-cycles').map((m) => `${m.line}: ${m.message}`);
  };

  it('reports a cycle the linted text would close, type-only import included, at the import that closes it', async () => {
    // runCli imports cliContext; cliContext importing a type back from runCli would close a cycle.
    const messages = await cycleMessages("import type { GitResult } from './gitRunner';\nimport type { USAGE } from './runCli';\nexport type Usage = typeof USAGE | GitResult;\n", 'server/src/cli/cliContext.ts');
    assert.equal(messages.length, 1);
    assert.match(messages[0], /^2: Import cycle \(type-only imports count too\): server\/src\/cli\/cliContext\.ts → server\/src\/cli\/runCli\.ts → server\/src\/cli\/cliContext\.ts\./);
  });

  it('reports a cycle through a dynamic import()', async () => {
    const messages = await cycleMessages("export const load = () => import('./runCli.js');\n", 'server/src/cli/usageErrors.ts');
    assert.equal(messages.length, 1);
    assert.match(messages[0], /server\/src\/cli\/usageErrors\.ts → server\/src\/cli\/runCli\.ts → server\/src\/cli\/usageErrors\.ts/);
  });

  it('accepts the same file without the import back', async () => {
    assert.deepEqual(await cycleMessages("import type { GitResult } from './gitRunner';\nexport type Result = GitResult;\n", 'server/src/cli/cliContext.ts'), []);
  });
});
