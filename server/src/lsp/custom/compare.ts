import { canonicalUri, takeTextFiles } from '../../core';
import { curatedTextsOf, theirOnlyTexts, type CuratedWorkspace, type CurationCache } from '../../core/agreement';
import { yieldToEventLoop } from '../cancellation';
import { guardRequest } from '../guard';
import type { ServerSession } from '../serverSession';
import { creatingEdit } from '../workspaceEdit';
import { CompareWithRequest, DismissDifferenceRequest, StopComparingRequest, TakeTheirAnnotationRequest, TheirOnlyTextsRequest, type CompareTarget, type CompareWithParams, type CompareWithResult } from '../../protocol';

/** A comparison target from the wire, checked: a folder URI, or a revision with no line breaks or NULs. */
function targetOf(value: unknown): CompareTarget | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const target = value as Record<string, unknown>;
  if (target.kind === 'folder' && typeof target.uri === 'string' && target.uri !== '') return { kind: 'folder', uri: target.uri };
  if (target.kind === 'revision' && typeof target.revision === 'string' && target.revision.trim() !== '' && !/[\0\r\n]/.test(target.revision)) return { kind: 'revision', revision: target.revision.trim() };
  return undefined;
}

/**
 * `policyAnnotator/compareWith`, `stopComparing` and `dismissDifference`:
 * curation in the editor. The other workspace is loaded read-only by the
 * injected loader; its differences with mine then show as information
 * diagnostics merged into my files' diagnostics (see ../comparison.ts).
 */
export function registerCompareRequests(session: ServerSession, load: ServerSession['loadComparison']): void {
  const { connection, log, workspace } = session;

  connection.onRequest(
    CompareWithRequest,
    guardRequest(log, CompareWithRequest.method, async (params: CompareWithParams): Promise<CompareWithResult> => {
      const target = targetOf(params?.other);
      if (!target) return { ok: false, message: 'Choose a folder, or give a git revision (a branch, tag or commit).' };
      await workspace.whenReady();
      const folder = typeof params.folder === 'string' ? canonicalUri(params.folder) : '';
      if (!workspace.folderUris().map(canonicalUri).includes(folder)) return { ok: false, message: 'Choose one of the open workspace folders to compare.' };
      if (!load) return { ok: false, message: 'This server cannot load another workspace (no file access was given to it).' };
      if (target.kind === 'folder' && canonicalUri(target.uri) === folder) return { ok: false, message: 'That is your own folder: choose the other annotator\u2019s folder.' };
      const theirs = await load(folder, target, yieldToEventLoop);
      if ('error' in theirs) return { ok: false, message: theirs.error };
      session.comparison.start(folder, theirs);
      const sides = session.comparison.sides(workspace.indexFor(folder));
      let differences = 0;
      let texts = 0;
      if (sides) {
        for (const text of sides.mine.view.referencedTexts()) {
          // Computed into the comparison's cache: the diagnostics requests that follow read them from there.
          if (curatedTextsOf(sides.mine.view, text).length > 0) differences += sides.cache.differences(sides.mine, text).length;
          await yieldToEventLoop();
        }
        texts = theirOnlyTexts(sides.mine, sides.theirs).length;
      }
      const onlyTheirs = texts === 0 ? '' : `; ${texts} text${texts === 1 ? '' : 's'} only ${theirs.name} annotated`;
      return { ok: true, name: theirs.name, differences, texts, message: `Comparing with ${theirs.name}: ${differences} difference${differences === 1 ? '' : 's'}${onlyTheirs}.` };
    }),
  );

  connection.onRequest(
    StopComparingRequest,
    guardRequest(log, StopComparingRequest.method, () => ({ stopped: session.comparison.stop() })),
  );

  connection.onRequest(
    DismissDifferenceRequest,
    guardRequest(log, DismissDifferenceRequest.method, (params) => ({ dismissed: typeof params?.key === 'string' && session.comparison.dismiss(params.key) })),
  );

  /** My side and theirs in the compared folder, while comparing. */
  const sides = (): { mine: CuratedWorkspace; theirs: CuratedWorkspace; cache: CurationCache } | undefined => {
    const active = session.comparison.active;
    return active && session.comparison.sides(workspace.indexFor(active.folder));
  };

  connection.onRequest(
    TheirOnlyTextsRequest,
    guardRequest(log, TheirOnlyTextsRequest.method, () => {
      const both = sides();
      if (!both) return [];
      return theirOnlyTexts(both.mine, both.theirs).map((only) => ({ path: only.textPath, claims: only.claims, mentions: only.mentions, theirFiles: only.files.map((file) => file.theirUri), takeable: takeTextFiles(both.mine, both.theirs, only).length }));
    }),
  );

  connection.onRequest(
    TakeTheirAnnotationRequest,
    guardRequest(log, TakeTheirAnnotationRequest.method, async (params) => {
      const both = sides();
      if (!both) return { message: 'Nothing is being compared: run "Compare with Annotator…" first.' };
      const only = theirOnlyTexts(both.mine, both.theirs).find((text) => text.textPath === params?.path);
      if (!only) return { message: `\`${String(params?.path)}\` is not a text only ${both.theirs.name} annotated.` };
      const files = takeTextFiles(both.mine, both.theirs, only);
      if (files.length === 0) return { message: `You have a file where ${both.theirs.name}'s annotation file of \`${only.textPath}\` would go: compare or copy it by hand.` };
      if (!session.client.fileCreation) return { message: 'Your editor cannot create files through the language server.' };
      const created = await creatingEdit(session, files);
      if ('problem' in created) return { message: created.problem };
      return { edit: created.edit, message: `Took ${both.theirs.name}'s annotation of \`${only.textPath}\` (${only.claims} claims, ${only.mentions} mentions).` };
    }),
  );
}
