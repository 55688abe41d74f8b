/**
 * For agreement's first coder, read here while the second is read on a
 * worker: whether the second coder has a file with the same bytes at the
 * same path (`LoadCoderOptions.sameInPartner`), so that the first need not
 * parse a registry file the two share. In the folders form the partner's
 * file is read through a host confined to its folder, as the worker reads
 * it; in the --ref form the two revisions' trees are compared by blob id.
 */
import { URI } from 'vscode-uri';
import { canonicalUri, joinUri, readWithLimit, relativePath, type WorkspaceFileHost } from '../core';
import type { AgreementCoderRequest, CliContext } from './cliContext';
import { GitRevisionHost } from './gitRevisionHost';

/** A coder's workspace folder, and for --ref the revision of it. */
export interface PartnerSource {
  folder: string;
  revision?: AgreementCoderRequest['revision'];
}

/** UTF-8 takes at most three bytes per UTF-16 code unit, plus a byte order mark: a partner's file larger than this differs. */
const utf8Bound = (content: string) => 3 * content.length + 3;

/** The check for a coder read through `host` from `here`, against the partner at `partner`. */
export function sameInPartner(context: CliContext, here: PartnerSource, host: WorkspaceFileHost, partner: PartnerSource): (uri: string, content: string) => Promise<boolean> {
  if (here.revision && partner.revision) {
    if (!(host instanceof GitRevisionHost)) return async () => false;
    const { commit, prefix } = partner.revision;
    let different: Promise<Set<string>> | undefined;
    const differentFiles = async () => {
      const other = new GitRevisionHost(context, partner.folder, commit, prefix);
      try {
        return new Set(await host.filesDifferentFrom(other));
      } finally {
        await other.close();
      }
    };
    return async (uri) => !(await (different ??= differentFiles())).has(canonicalUri(uri));
  }
  const hereUri = canonicalUri(URI.file(here.folder).toString());
  const partnerUri = canonicalUri(URI.file(partner.folder).toString());
  let partnerHost: WorkspaceFileHost | undefined;
  return async (uri, content) => {
    const path = relativePath(hereUri, canonicalUri(uri));
    if (path === undefined) return false;
    partnerHost ??= (context.createBatchHost ?? context.createHost)([partner.folder]);
    const read = await readWithLimit(partnerHost, joinUri(partnerUri, ...path.split('/')), utf8Bound(content));
    return 'content' in read && read.content === content;
  };
}
