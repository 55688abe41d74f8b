/**
 * Loading one coder's workspace for agreement: the workspace index of its
 * folder, read down to what `compareAnnotations` compares. The CLI runs it
 * in process, and (through its context) on a worker thread for a second
 * coder, so that two workspaces load on two cores.
 */
import { loadWorkspace, type AnnotationParser, type WorkspaceFileHost } from '../workspace/loadWorkspace';
import { readCoderAnnotations, type AgreementOptions, type CoderAnnotations } from './coderAnnotations';
import { deferSharedRegistryFiles } from './sharedRegistry';
import type { SharingCoder } from './sharedTextWork';

export interface LoadCoderOptions extends AgreementOptions {
  parser?: AnnotationParser;
  /**
   * Whether the partner coder (read elsewhere, `readCoderSharing`) has a file with these contents at
   * the same path: if so, and it holds registry entries only, it is set aside unparsed until the
   * partner has said what its registry is (`deferSharedRegistryFiles`). Only for a coder read with a partner.
   */
  sameInPartner?: (uri: string, content: string) => Promise<boolean>;
}

/**
 * One coder's annotations from a workspace folder read through `host`; undefined when the
 * folder holds no annotation files (a mistyped folder or revision, which the caller refuses).
 */
export async function loadCoderAnnotations(host: WorkspaceFileHost, folderUri: string, name: string, options: LoadCoderOptions = {}): Promise<CoderAnnotations | undefined> {
  const coder = await loadCoderWorkspace(host, folderUri, name, options);
  return coder && readCoderAnnotations(coder, options);
}

/** The index `loadCoderAnnotations` reads (texts analysed when read: `codedTexts`); undefined without annotation files. */
export async function loadCoderWorkspace(host: WorkspaceFileHost, folderUri: string, name: string, options: LoadCoderOptions = {}): Promise<SharingCoder | undefined> {
  const deferring = options.sameInPartner && deferSharedRegistryFiles(options.sameInPartner, options.parser);
  const { index } = await loadWorkspace(host, folderUri, { parser: deferring ? deferring.parser : options.parser, analysesOnly: true });
  if (index.annotationFiles().length === 0) return undefined;
  const deferredRegistry = deferring ? deferring.deferred() : undefined;
  return { name, view: index, index, folderUri: index.workspaceFolders[0], ...(deferredRegistry && { deferredRegistry }) };
}
