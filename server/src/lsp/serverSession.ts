import { TextDocuments, type Connection, type Position } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { canonicalUri, type AnnotationParser, type LineIndex, type WorkspaceFileHost, type WorkspaceView } from '../core';
import { LiveWorkspace, PARANOID_PREFIX, ParanoidMode, type TrackedDiagnostics } from '../core/live';
import { yieldToEventLoop } from './cancellation';
import type { ClientFeatures } from './clientFeatures';
import { Comparison, type ComparisonLoader } from './comparison';
import type { ServerLog } from './guard';

/** What the node entry point supplies: file access (the disk) and the version to report. */
export interface ServerOptions {
  createHost: (folders: string[]) => WorkspaceFileHost;
  version: string;
  /** Parses large annotation files off the event loop during indexing (the node entry point uses a worker thread). */
  largeFileParser?: AnnotationParser;
  /** Paranoid mode (POLICY_ANNOTATOR_PARANOID=1): on when given, and called with each report besides the log. */
  paranoid?: (report: string) => void;
  /** Loads another annotator's workspace for "Compare with Annotator…" (the node entry point reads folders and git revisions). */
  loadComparison?: ComparisonLoader;
}

/** An indexed file, with its canonical URI and its line index for converting positions. */
export interface IndexedFile {
  index: WorkspaceView;
  uri: string;
  lines: LineIndex;
}

/** An indexed file and the offset of an LSP position in it. */
export interface IndexedPosition extends IndexedFile {
  offset: number;
}

/**
 * One client's session: the documents it has open, laid over the workspace
 * on disk, and what the client supports. Created at `initialize`; nothing
 * here is shared between sessions.
 */
export class ServerSession {
  readonly documents = new TextDocuments(TextDocument);
  readonly workspace: LiveWorkspace;
  /** The comparison with another annotator, while there is one (curation diagnostics and actions). */
  readonly comparison = new Comparison();
  /** The document whose didChange is being applied, while it is (its diagnostics are pulled by the client itself). */
  documentBeingChanged: string | undefined;
  /** Loads another annotator's workspace, when the entry point gave the server file access. */
  readonly loadComparison: ComparisonLoader | undefined;
  /** The client's spelling of the URIs of open documents, by canonical URI. */
  private readonly clientUris = new Map<string, string>();
  /** The workspace's file access (made again when the folders change): it says where a file may be created. */
  private fileHost: WorkspaceFileHost | undefined;

  constructor(
    readonly connection: Connection,
    readonly log: ServerLog,
    readonly client: ClientFeatures,
    folders: string[],
    options: ServerOptions,
  ) {
    this.loadComparison = options.loadComparison;
    this.workspace = new LiveWorkspace({
      folders,
      createHost: (current) => (this.fileHost = options.createHost(current)),
      largeFileParser: options.largeFileParser,
      log: (message) => log.error(message),
      // Indexing lets requests in between slices, so that none waits for a whole folder.
      yieldControl: yieldToEventLoop,
      paranoid:
        options.paranoid &&
        new ParanoidMode({
          report: (report) => {
            log.error(report);
            options.paranoid!(report);
          },
          checked: (summary) => connection.console.log(summary),
          wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        }),
    });
    if (options.paranoid) log.info(`${PARANOID_PREFIX} on. After changes the diagnostics are compared with a rebuild from scratch, and the block reader's trees with parseDocument's; differences are logged as errors.`);
  }

  /** A file's diagnostics, with the curation diagnostics added while comparing with another annotator. */
  diagnosticsOf(uri: string): TrackedDiagnostics {
    const canonical = canonicalUri(uri);
    return this.comparison.merged(this.workspace.indexFor(canonical), canonical, this.workspace.diagnostics(canonical));
  }

  /** The file and offset at a position, or undefined when the file is not indexed (or indexing has not finished). */
  at(uri: string, position: Position): IndexedPosition | undefined {
    const file = this.file(uri);
    return file && { ...file, offset: file.lines.offsetAt(position) };
  }

  /**
   * `at` for read requests (hover, definition, highlights), which need not
   * wait for the first indexing: from the index so far once it has the file
   * analysed (`soFar` is then true: counts across texts are of those analysed).
   * Never waits, so no request waits on the indexing.
   */
  readAt(uri: string, position: Position): (IndexedPosition & { soFar: boolean }) | undefined {
    const canonical = canonicalUri(uri);
    const reading = this.workspace.readingIndexFor(canonical);
    const lines = reading?.index.lineIndex(canonical);
    return reading && lines ? { index: reading.index, uri: canonical, lines, offset: lines.offsetAt(position), soFar: reading.soFar } : undefined;
  }

  /** An indexed annotation file or text, or undefined. */
  file(uri: string): IndexedFile | undefined {
    const canonical = canonicalUri(uri);
    const index = this.workspace.indexFor(canonical);
    const lines = index?.lineIndex(canonical);
    return index && lines ? { index, uri: canonical, lines } : undefined;
  }

  /** The line index of any indexed file, for converting locations that point into it. */
  linesOf(uri: string): LineIndex | undefined {
    return this.workspace.lineIndex(uri);
  }

  /** Why no file may be created at `uri` (it exists, or the way there leads out of the workspace), or undefined when one may. */
  async creationProblem(uri: string): Promise<string | undefined> {
    return this.fileHost?.creationProblem?.(uri);
  }

  /** The URI as the client spells it: its own spelling for open documents. */
  clientUri(canonical: string): string {
    return this.clientUris.get(canonical) ?? canonical;
  }

  /** The version of an open document, for edits and diagnostics that must match it. */
  openVersion(canonical: string): number | undefined {
    return this.documents.get(this.clientUri(canonical))?.version;
  }

  rememberClientUri(clientUri: string): void {
    this.clientUris.set(canonicalUri(clientUri), clientUri);
  }

  forgetClientUri(clientUri: string): void {
    this.clientUris.delete(canonicalUri(clientUri));
  }
}
