// The project's own lint rules for its architecture (issue 14):
//  - `layers`: what each folder of server/src (and the client) may import,
//    counting every kind of import: static, `import type`, `export … from`,
//    `import()`, `require()`, `import x = require()` and `import('…')` types;
//  - `no-import-cycles`: no file imports itself through other files.
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { ImportGraphReader, importCycleThrough, importSpecifiers } from './importGraph.mjs';

const NODE_BUILTINS = new Set(builtinModules);

/** True for `fs`, `node:fs`, `fs/promises`, `node:test`…: a Node built-in module. */
export function isNodeBuiltin(specifier) {
  return specifier.startsWith('node:') || NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(specifier.split('/')[0]);
}

/** `a`, `a and b`, `a, b and c`. */
function listed(items) {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The package a bare specifier names: `yaml`, `@scope/name`, or `vscode-languageserver` for `vscode-languageserver/node`. */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The module specifiers of a file's AST, each with the node to report on and whether the import is type-only. */
function forEachImport(visit) {
  const literal = (node) => {
    if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
    if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
    return undefined;
  };
  const allSpecifiersAreTypes = (node) => node.specifiers.length > 0 && node.specifiers.every((s) => s.type === 'ImportSpecifier' && s.importKind === 'type');
  return {
    ImportDeclaration: (node) => visit(node.source.value, node.source, node.importKind === 'type' || allSpecifiersAreTypes(node)),
    ExportNamedDeclaration: (node) => node.source && visit(node.source.value, node.source, node.exportKind === 'type'),
    ExportAllDeclaration: (node) => visit(node.source.value, node.source, node.exportKind === 'type'),
    ImportExpression: (node) => visit(literal(node.source), node, false),
    TSImportType: (node) => visit(literal(node.source ?? node.argument?.literal), node, true),
    TSImportEqualsDeclaration: (node) => node.moduleReference.type === 'TSExternalModuleReference' && visit(literal(node.moduleReference.expression), node, node.importKind === 'type'),
    CallExpression: (node) => node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length > 0 && visit(literal(node.arguments[0]), node, false),
  };
}

const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'What a layer may import: its own folder, the layers it is allowed, and the packages it is allowed.' },
    schema: [{
      type: 'object',
      properties: {
        root: { type: 'string' },
        layers: { type: 'object', additionalProperties: { type: 'string' } },
        layer: { type: 'string' },
        mayImport: { type: 'array', items: { type: 'string' } },
        typeOnly: { type: 'array', items: { type: 'string' } },
        packages: {
          type: 'object',
          properties: {
            only: { type: 'array', items: { type: 'string' } },
            forbidden: { type: 'array', items: { type: 'object', properties: { names: { type: 'array', items: { type: 'string' } }, subpaths: { type: 'boolean' }, nodeBuiltinsExcept: { type: 'array', items: { type: 'string' } }, message: { type: 'string' } }, additionalProperties: false } },
          },
          additionalProperties: false,
        },
        hint: { type: 'string' },
      },
      required: ['root', 'layers', 'layer'],
      additionalProperties: false,
    }],
  },
  create(context) {
    const { root, layers, layer, mayImport = [], typeOnly = [], packages = {}, hint = '' } = context.options[0];
    const folders = Object.entries(layers).map(([name, folder]) => ({ name, folder: path.resolve(root, folder) })).sort((a, b) => b.folder.length - a.folder.length);
    const layerOf = (file) => folders.find(({ folder }) => file === folder || file.startsWith(folder + path.sep))?.name;
    const filename = context.physicalFilename ?? context.filename;
    const allowed = [layer, ...mayImport, ...typeOnly];
    const describeAllowed = `${layers[layer]} may import only ${listed([...mayImport.map((name) => layers[name]), ...typeOnly.map((name) => `${layers[name]} (types only)`)]) || 'its own folder'}${mayImport.length + typeOnly.length ? ' besides its own folder' : ''}`;

    const checkPath = (specifier, node, isTypeOnly) => {
      const target = path.resolve(path.dirname(filename), specifier);
      const targetLayer = layerOf(target);
      if (targetLayer === layer || mayImport.includes(targetLayer)) return;
      const shown = path.relative(root, target).split(path.sep).join('/');
      if (typeOnly.includes(targetLayer)) {
        if (!isTypeOnly) context.report({ node, message: `${describeAllowed}: \`${specifier}\` is a value import from ${layers[targetLayer]}; write \`import type\`. ${hint}`.trim() });
        return;
      }
      const where = targetLayer ? `leads into ${layers[targetLayer]}` : `leads to ${shown}, outside ${listed(allowed.map((name) => layers[name]))}`;
      context.report({ node, message: `${describeAllowed}: \`${specifier}\` ${where}. ${hint}`.trim() });
    };

    const checkPackage = (specifier, node) => {
      if (packages.only && !packages.only.includes(specifier)) {
        context.report({ node, message: `${layers[layer]} may import only the packages ${listed(packages.only.map((name) => `\`${name}\``))}, not \`${specifier}\`. ${hint}`.trim() });
        return;
      }
      for (const rule of packages.forbidden ?? []) {
        const named = rule.names?.some((name) => specifier === name || (rule.subpaths && packageName(specifier) === name));
        const builtin = rule.nodeBuiltinsExcept && isNodeBuiltin(specifier) && !rule.nodeBuiltinsExcept.includes(specifier.replace(/^node:/, ''));
        if (named || builtin) {
          context.report({ node, message: `\`${specifier}\` in ${layers[layer]}: ${rule.message}` });
          return;
        }
      }
    };

    return forEachImport((specifier, node, isTypeOnly) => {
      if (specifier === undefined) {
        context.report({ node, message: `${describeAllowed}, and an import with a computed path cannot be checked: import a literal path. ${hint}`.trim() });
      } else if (specifier.startsWith('.') || path.isAbsolute(specifier)) {
        checkPath(specifier, node, isTypeOnly);
      } else {
        checkPackage(specifier, node);
      }
    });
  },
};

const readers = new Map();

const noImportCyclesRule = {
  meta: {
    type: 'problem',
    docs: { description: 'No import cycles, type-only imports included.' },
    schema: [{ type: 'object', properties: { root: { type: 'string' }, roots: { type: 'array', items: { type: 'string' } } }, required: ['root', 'roots'], additionalProperties: false }],
  },
  create(context) {
    const { root, roots } = context.options[0];
    const key = [root, ...roots].join('\0');
    if (!readers.has(key)) readers.set(key, new ImportGraphReader(roots.map((folder) => path.resolve(root, folder))));
    const reader = readers.get(key);
    const filename = path.resolve(context.physicalFilename ?? context.filename);
    if (!reader.covers(filename)) return {};
    return {
      Program() {
        // Other files as they are on disk; this one as the linter sees it (perhaps unsaved).
        const specifiers = importSpecifiers(context.sourceCode.text);
        const edges = reader.edgesOf(filename, specifiers);
        const graph = reader.read();
        graph.set(filename, edges);
        const cycle = importCycleThrough(graph, filename);
        if (!cycle) return;
        const next = edges.get(cycle[1]);
        const at = specifiers.find((entry) => entry.specifier === next)?.pos ?? 0;
        const shown = cycle.map((file) => path.relative(root, file).split(path.sep).join('/')).join(' → ');
        context.report({
          loc: context.sourceCode.getLocFromIndex(at),
          message: `Import cycle (type-only imports count too): ${shown}. Move what these files share into a module that imports none of them.`,
        });
      },
    };
  },
};

export default {
  meta: { name: 'policy-annotator-boundaries' },
  rules: { layers: layersRule, 'no-import-cycles': noImportCyclesRule },
};
