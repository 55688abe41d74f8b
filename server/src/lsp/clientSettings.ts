import type { Connection, DidChangeConfigurationParams, InitializeParams } from 'vscode-languageserver';
import { allowedLimits, CONFIG_FILE_NAME, DIAGNOSTIC_CODES, canonicalUri, joinUri, yamlScalar, type FileRead, type Limits, type WorkspaceFileHost } from '../core';
import { noteFileRead } from './custom/indexChanged';
import type { ServerOptions, ServerSession } from './serverSession';

/**
 * The editor's settings for Policy Annotator (in VS Code: `policyAnnotator.roots`
 * and `policyAnnotator.severity`), for workspace folders that have no
 * `policy-annotator.yaml`. That file, when present, wins: it is the
 * project's shared configuration, and the CLI in CI reads it too.
 *
 * The settings stand in for the file they replace: when the file is absent,
 * reading it yields the configuration the settings describe, so the core
 * applies them exactly as it would apply the file. Settings come from
 * `workspace/configuration` (per folder) where the client offers it, else
 * from `initializationOptions` (`folderSettings` by folder URI, else
 * `settings`) and `workspace/didChangeConfiguration`;
 * a change re-indexes only the folders whose settings changed.
 */
export interface EditorSettings {
  roots: string[];
  severity: Record<string, string>;
  /**
   * The limits the user allows (`policyAnnotator.limits.*`, which VS Code
   * reads from user settings only: the settings are machine-scoped). Unlike
   * roots and severity they apply whether or not the folder has a
   * policy-annotator.yaml, which may only lower them.
   */
  limits: Limits;
}

const SETTINGS_SECTION = 'policyAnnotator';
const DEFAULT_ROOTS = ['annotations'];
const SEVERITY_SETTINGS = ['error', 'warning', 'info', 'hint', 'off'];
/** How long to wait for the client to answer `workspace/configuration` before going on without its settings. */
const CONFIGURATION_TIMEOUT_MS = 5000;

/**
 * The valid part of a settings object as the client sends it. Roots must be
 * folders inside the workspace (relative, without `..`), so that settings,
 * like the configuration file, can never make the server read elsewhere.
 */
export function readEditorSettings(raw: unknown, warn: (message: string) => void = () => undefined): EditorSettings {
  const settings: EditorSettings = { roots: [...DEFAULT_ROOTS], severity: {}, limits: allowedLimits({}, warn, 'setting') };
  if (!raw || typeof raw !== 'object') return settings;
  const { roots, severity, limits } = raw as { roots?: unknown; severity?: unknown; limits?: unknown };
  if (limits && typeof limits === 'object' && !Array.isArray(limits)) settings.limits = allowedLimits(limits as Partial<Record<keyof Limits, unknown>>, warn, 'setting');
  if (Array.isArray(roots)) {
    const valid: string[] = [];
    for (const root of roots) {
      const path = typeof root === 'string' ? root.trim().replace(/\\/g, '/').replace(/\/+$/, '') : undefined;
      if (path === undefined || path.startsWith('/') || /^[a-zA-Z]:/.test(path) || path.split('/').includes('..')) {
        warn(`The setting policyAnnotator.roots lists ${JSON.stringify(root)}, which is not a folder inside the workspace written relative to it; it is ignored.`);
        continue;
      }
      valid.push(path === '' ? '.' : path);
    }
    if (valid.length > 0) settings.roots = valid;
  }
  if (severity && typeof severity === 'object' && !Array.isArray(severity)) {
    for (const [code, level] of Object.entries(severity as Record<string, unknown>)) {
      if (!(code in DIAGNOSTIC_CODES)) warn(`The setting policyAnnotator.severity names \`${code}\`, which is not a diagnostic code; it is ignored.`);
      else if (typeof level !== 'string' || !SEVERITY_SETTINGS.includes(level)) warn(`The setting policyAnnotator.severity gives \`${code}\` the severity ${JSON.stringify(level)}; use one of ${SEVERITY_SETTINGS.join(', ')}. It is ignored.`);
      else settings.severity[code] = level;
    }
  }
  return settings;
}

/** The `policy-annotator.yaml` the settings stand for, or undefined when they are the defaults. */
export function configTextFromSettings(settings: EditorSettings): string | undefined {
  const defaultRoots = settings.roots.length === DEFAULT_ROOTS.length && settings.roots.every((root, i) => root === DEFAULT_ROOTS[i]);
  const codes = Object.keys(settings.severity).sort();
  if (defaultRoots && codes.length === 0) return undefined;
  const lines = ['# From the editor settings policyAnnotator.roots and policyAnnotator.severity (this folder has no policy-annotator.yaml).'];
  if (!defaultRoots) lines.push(`roots: [${settings.roots.map((root) => yamlScalar(root)).join(', ')}]`);
  if (codes.length > 0) lines.push('severity:', ...codes.map((code) => `  ${code}: ${settings.severity[code]}`));
  return `${lines.join('\n')}\n`;
}

function sameSettings(a: EditorSettings, b: EditorSettings): boolean {
  return configTextFromSettings(a) === configTextFromSettings(b) && a.limits.textSize === b.limits.textSize && a.limits.annotationFileSize === b.limits.annotationFileSize;
}

/**
 * Gives the server the editor's settings: wraps the file host so that a
 * folder without `policy-annotator.yaml` reads its settings in its place,
 * and re-indexes folders whose settings change. `currentSession` gives the
 * session once it exists (the host is created while it is being built).
 */
export function withClientSettings(options: ServerOptions, connection: Connection, params: InitializeParams, currentSession: () => ServerSession | undefined): ServerOptions {
  const warn = (message: string) => connection.console.warn(message);
  const canPull = params.capabilities.workspace?.configuration === true;
  const initial = params.initializationOptions as { settings?: unknown; folderSettings?: unknown } | undefined;
  let pushed = readEditorSettings(initial?.settings, warn);
  // Each folder's own settings at start-up (a multi-root workspace can set them per folder), for when they cannot be pulled.
  const pushedByFolder = new Map<string, EditorSettings>();
  if (initial?.folderSettings && typeof initial.folderSettings === 'object' && !Array.isArray(initial.folderSettings)) {
    for (const [folder, raw] of Object.entries(initial.folderSettings as Record<string, unknown>)) pushedByFolder.set(canonicalUri(folder), readEditorSettings(raw, warn));
  }
  const pushedFor = (folder: string) => pushedByFolder.get(canonicalUri(folder)) ?? pushed;
  const byFolder = new Map<string, EditorSettings>();

  const pull = async (folder: string): Promise<EditorSettings> => {
    if (!canPull) return pushedFor(folder);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => {
        warn(`The editor did not answer workspace/configuration within ${CONFIGURATION_TIMEOUT_MS} ms; going on with the settings it sent at start-up.`);
        resolve(undefined);
      }, CONFIGURATION_TIMEOUT_MS);
    });
    try {
      const answer: unknown = await Promise.race([connection.workspace.getConfiguration({ scopeUri: folder, section: SETTINGS_SECTION }), timeout]);
      return answer === undefined || answer === null ? pushedFor(folder) : readEditorSettings(answer, warn);
    } catch (error) {
      warn(`Could not read the editor settings: ${String(error)}`);
      return pushedFor(folder);
    } finally {
      clearTimeout(timer);
    }
  };

  const settingsFor = async (folder: string): Promise<EditorSettings> => {
    let settings = byFolder.get(folder);
    if (!settings) {
      settings = await pull(folder);
      byFolder.set(folder, settings);
    }
    return settings;
  };

  connection.onDidChangeConfiguration(async (change: DidChangeConfigurationParams) => {
    const session = currentSession();
    if (!session) return;
    try {
      if (!canPull) {
        // A pushed change carries one set of settings for every folder: it replaces the per-folder ones of start-up.
        pushed = readEditorSettings((change.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION], warn);
        pushedByFolder.clear();
      }
      const changed: string[] = [];
      for (const folder of session.workspace.folderUris()) {
        const next = await pull(folder);
        const previous = byFolder.get(folder);
        byFolder.set(folder, next);
        if (previous && !sameSettings(previous, next)) changed.push(folder);
      }
      if (changed.length > 0) await session.workspace.filesChanged(changed.map((folder) => ({ uri: joinUri(folder, CONFIG_FILE_NAME), kind: 'changed' as const })));
    } catch (error) {
      session.log.error(`Policy Annotator could not apply changed settings: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  });

  return {
    ...options,
    createHost: (folders) => {
      const onRead = () => {
        const session = currentSession();
        if (session) noteFileRead(session);
      };
      return new SettingsAwareHost(options.createHost(folders), folders.map(canonicalUri), settingsFor, onRead, warn);
    },
  };
}

/**
 * A file host that reads a folder's settings in place of its missing
 * `policy-annotator.yaml`, and reports every read (the index is about to
 * change). Everything else goes to the host it wraps.
 */
class SettingsAwareHost implements WorkspaceFileHost {
  readonly read?: (uri: string, limit: number) => Promise<FileRead>;
  private readonly toldAboutFile = new Set<string>();

  constructor(
    private readonly inner: WorkspaceFileHost,
    private readonly folders: string[],
    private readonly settingsFor: (folder: string) => Promise<EditorSettings>,
    private readonly onRead: () => void,
    private readonly warn: (message: string) => void,
  ) {
    const innerRead = inner.read?.bind(inner);
    if (innerRead) {
      this.read = async (uri, limit) => {
        const result = await innerRead(uri, limit);
        this.onRead();
        return result;
      };
    }
  }

  listFiles(folderUri: string): Promise<string[]> {
    return this.inner.listFiles(folderUri);
  }

  async creationProblem(uri: string): Promise<string | undefined> {
    return this.inner.creationProblem?.(uri);
  }

  async allowedLimits(folderUri: string): Promise<Limits> {
    const folder = canonicalUri(folderUri);
    return this.folders.includes(folder) ? (await this.settingsFor(folder)).limits : readEditorSettings(undefined).limits;
  }

  async readFile(uri: string): Promise<string | undefined> {
    const content = await this.inner.readFile(uri);
    this.onRead();
    const folder = this.folders.find((candidate) => canonicalUri(uri) === joinUri(candidate, CONFIG_FILE_NAME));
    if (folder === undefined) return content;
    const fromSettings = configTextFromSettings(await this.settingsFor(folder));
    if (content === undefined) return fromSettings;
    if (fromSettings !== undefined && !this.toldAboutFile.has(folder)) {
      this.toldAboutFile.add(folder);
      this.warn(`${CONFIG_FILE_NAME} in ${folder} configures Policy Annotator there, so the policyAnnotator.roots and policyAnnotator.severity settings do not apply to that folder.`);
    }
    return content;
  }
}
