// The import graph of the TypeScript sources, read with TypeScript's own
// scanner and module resolution, and the cycles in it. Every kind of import
// counts: `import`, `import type`, `export … from`, `import()`, `require()`.
// Used by the `policy-annotator/no-import-cycles` lint rule and its tests.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const COMPILER_OPTIONS = { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16, allowJs: false };
const SOURCE_FILE = /\.(?:[cm]?ts|tsx)$/;

/** The module specifiers a source text imports, in order, each with its position. */
export function importSpecifiers(text) {
  const { importedFiles } = ts.preProcessFile(text, /* readImportFiles */ true, /* detectJavaScriptImports */ true);
  return importedFiles.map((file) => ({ specifier: file.fileName, pos: file.pos }));
}

/** The TypeScript source files under a folder (no declaration files), as absolute paths. */
export function sourceFilesUnder(folder) {
  const files = [];
  const visit = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile() && SOURCE_FILE.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name)) files.push(full);
    }
  };
  visit(folder);
  return files.sort();
}

/**
 * Reads the import graph of the sources under the roots. Edges lead only to
 * files under the roots (packages and everything else are left out).
 * Cached per file by modification time and size, so a long-running linter
 * rereads only what changed.
 */
export class ImportGraphReader {
  constructor(roots) {
    this.roots = roots.map((root) => path.resolve(root));
    this.files = new Map(); // file -> { stamp, specifiers }
    this.resolutionCache = ts.createModuleResolutionCache(process.cwd(), (name) => name, COMPILER_OPTIONS);
    this.knownFiles = '';
  }

  /** True when the file lies under one of the roots. */
  covers(file) {
    return this.roots.some((root) => file.startsWith(root + path.sep));
  }

  /** Where a specifier imported by a file leads, when that is a source file under the roots. */
  resolve(specifier, fromFile) {
    const resolved = ts.resolveModuleName(specifier, fromFile, COMPILER_OPTIONS, ts.sys, this.resolutionCache, undefined, ts.ModuleKind.CommonJS).resolvedModule;
    if (!resolved || resolved.isExternalLibraryImport) return undefined;
    const target = path.resolve(resolved.resolvedFileName);
    return this.covers(target) ? target : undefined;
  }

  /** The graph as a map from each file to the files it imports (with the specifier that leads there). */
  read() {
    const current = this.roots.flatMap(sourceFilesUnder);
    const listing = current.join('\n');
    if (listing !== this.knownFiles) {
      // Files came or went: earlier resolutions may be wrong now.
      this.knownFiles = listing;
      this.resolutionCache.clear();
      const present = new Set(current);
      for (const file of this.files.keys()) if (!present.has(file)) this.files.delete(file);
      for (const entry of this.files.values()) entry.edges = undefined;
    }
    const graph = new Map();
    for (const file of current) {
      let stat;
      try {
        stat = statSync(file);
      } catch {
        continue;
      }
      const stamp = `${stat.mtimeMs}:${stat.size}`;
      let entry = this.files.get(file);
      if (!entry || entry.stamp !== stamp) {
        entry = { stamp, specifiers: importSpecifiers(readFileSync(file, 'utf8')), edges: undefined };
        this.files.set(file, entry);
      }
      entry.edges ??= this.edgesOf(file, entry.specifiers);
      graph.set(file, entry.edges);
    }
    return graph;
  }

  /** The edges of one file: each target once, with the first specifier that leads there. */
  edgesOf(file, specifiers) {
    const edges = new Map();
    for (const { specifier } of specifiers) {
      const target = this.resolve(specifier, file);
      if (target && !edges.has(target)) edges.set(target, specifier);
    }
    return edges;
  }
}

/**
 * The import cycles of a graph (a map from each node to an iterable or map of
 * the nodes it imports): one per strongly connected component that has a
 * cycle, as the shortest path from the component's first node (in sort
 * order) back to itself, e.g. ['a', 'b', 'a'].
 */
export function findImportCycles(graph) {
  const targetsOf = (node) => {
    const targets = graph.get(node);
    if (!targets) return [];
    return [...(targets instanceof Map ? targets.keys() : targets)].filter((target) => graph.has(target));
  };
  return stronglyConnectedComponents([...graph.keys()], targetsOf)
    .filter((component) => component.length > 1 || targetsOf(component[0]).includes(component[0]))
    .map((component) => shortestCycleThrough(component.sort()[0], new Set(component), targetsOf))
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The cycle, if any, that a node lies on (as findImportCycles shows it, but starting at that node). */
export function importCycleThrough(graph, node) {
  const targetsOf = (from) => {
    const targets = graph.get(from);
    if (!targets) return [];
    return [...(targets instanceof Map ? targets.keys() : targets)].filter((target) => graph.has(target));
  };
  const component = stronglyConnectedComponents([...graph.keys()], targetsOf).find((c) => c.includes(node));
  if (!component || (component.length === 1 && !targetsOf(node).includes(node))) return undefined;
  return shortestCycleThrough(node, new Set(component), targetsOf);
}

/** Tarjan's algorithm, iterative (no recursion depth limit): linear in nodes and edges. */
function stronglyConnectedComponents(nodes, targetsOf) {
  const index = new Map();
  const lowLink = new Map();
  const onStack = new Set();
  const stack = [];
  const components = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work = [{ node: root, targets: targetsOf(root), next: 0 }];
    index.set(root, counter);
    lowLink.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (frame.next < frame.targets.length) {
        const target = frame.targets[frame.next++];
        if (!index.has(target)) {
          index.set(target, counter);
          lowLink.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, targets: targetsOf(target), next: 0 });
        } else if (onStack.has(target)) {
          lowLink.set(frame.node, Math.min(lowLink.get(frame.node), index.get(target)));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        lowLink.set(parent, Math.min(lowLink.get(parent), lowLink.get(frame.node)));
      }
      if (lowLink.get(frame.node) === index.get(frame.node)) {
        const component = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }
  return components;
}

/** Breadth-first: the shortest path from a node back to itself inside its component. */
function shortestCycleThrough(start, component, targetsOf) {
  const cameFrom = new Map();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    for (const target of targetsOf(node)) {
      if (!component.has(target)) continue;
      if (target === start) {
        const path = [start];
        for (let step = node; step !== start; step = cameFrom.get(step)) path.push(step);
        return [start, ...path.slice(1).reverse(), start];
      }
      if (!cameFrom.has(target)) {
        cameFrom.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start, start];
}
