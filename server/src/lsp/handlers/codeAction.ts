import { CodeActionKind, LSPErrorCodes, ResponseError, type CodeAction, type Command, type WorkspaceEdit } from 'vscode-languageserver';
import { DISMISS_DIFFERENCE_COMMAND, editsBreakParsing, mergeActor, mergeCandidates, quickFixes, type CodeFix, type CoreDiagnostic, type Span } from '../../core';
import { locate } from '../../core/features';
import { throwIfCancelled } from '../cancellation';
import { toLspDiagnostic } from '../convert';
import { guardRequest } from '../guard';
import type { ServerSession } from '../serverSession';
import { creatingEdit, toWorkspaceEdit } from '../workspaceEdit';

/**
 * Merges `[fromId, intoId]`, or with `[fromId]` asks the user which actor to
 * merge into (window/showMessageRequest, which every LSP client can show),
 * then applies the edit through the client (workspace/applyEdit).
 */
export const MERGE_ACTOR_COMMAND = 'policyAnnotator.mergeActor';
/** How many likely targets the question offers. */
const MERGE_CHOICES = 5;

function overlaps(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/**
 * textDocument/codeAction: the quick fixes of the diagnostics under the
 * cursor, and "Merge actor into…" on an actor's definition. Each is a
 * minimal WorkspaceEdit the editor applies to its buffers, so it can be undone.
 * Only the catalogue's `fix`es are marked preferred; an action whose edit
 * would make a file fail to parse is not offered.
 */
export function registerCodeActions(session: ServerSession): void {
  session.connection.onCodeAction(
    guardRequest(session.log, 'textDocument/codeAction', async (params, token) => {
      throwIfCancelled(token);
      const file = session.file(params.textDocument.uri);
      if (!file) return [];
      const range = { start: file.lines.offsetAt(params.range.start), end: file.lines.offsetAt(params.range.end) };
      const wanted = params.context.only;
      const wants = (kind: string) => !wanted || wanted.some((w) => kind === w || kind.startsWith(`${w}.`));
      const actions: CodeAction[] = [];

      if (wants(CodeActionKind.QuickFix)) {
        const diagnostics = session.diagnosticsOf(file.uri).diagnostics.filter((d) => overlaps(d.range, range));
        const curation = session.comparison.sides(file.index);
        for (const diagnostic of diagnostics) {
          throwIfCancelled(token);
          for (const fix of quickFixes(file.index, diagnostic, curation ? { curation } : {})) {
            // Files to create are offered only to an editor that can create them (VS Code and most can).
            if (fix.createFiles && !session.client.fileCreation) continue;
            // Never offer an edit that would leave a file that no longer parses (re-parsing only the files it edits).
            if (editsBreakParsing(file.index, fix.edits) !== undefined) continue;
            // Nor a file to create where one exists, or whose way leads out of the workspace (checked on disk).
            const created = fix.createFiles && (await creatingEdit(session, fix.createFiles));
            if (created && 'problem' in created) {
              // Shown greyed out with the reason where the editor can, so the analyst knows why it does nothing.
              if (session.client.disabledActions) actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, disabled: { reason: created.problem } });
              else session.log.info(`Quick fix "${fix.title}" not offered. ${created.problem}`);
            } else actions.push(toCodeAction(session, fix, diagnostic, file.lines, created ? created.edit : undefined));
          }
        }
      }

      if (wants(CodeActionKind.RefactorRewrite)) {
        const located = locate(file.index, file.uri, range.start);
        if (located?.in === 'annotation' && located.target.kind === 'actor-id' && located.target.role === 'definition') {
          const fromId = located.target.id;
          for (const candidate of mergeCandidates(file.index, fromId)) {
            const intoId = candidate.id!.value;
            const result = mergeActor(file.index, fromId, intoId);
            if ('edits' in result && editsBreakParsing(file.index, result.edits) === undefined) actions.push({ title: `Merge actor \`${fromId}\` into \`${intoId}\``, kind: CodeActionKind.RefactorRewrite, edit: toWorkspaceEdit(session, result.edits) });
          }
          const command: Command = { title: `Merge actor \`${fromId}\` into…`, command: MERGE_ACTOR_COMMAND, arguments: [fromId] };
          actions.push({ title: command.title, kind: CodeActionKind.RefactorRewrite, command });
        }
      }
      return actions;
    }),
  );

  session.connection.onExecuteCommand(
    guardRequest(session.log, 'workspace/executeCommand', async (params) => {
      // "Keep mine" of a curation difference: hidden for the rest of the comparison.
      if (params.command === DISMISS_DIFFERENCE_COMMAND) return { dismissed: session.comparison.dismiss(String(params.arguments?.[0] ?? '')) };
      if (params.command !== MERGE_ACTOR_COMMAND) throw new ResponseError(LSPErrorCodes.RequestFailed, `Unknown command ${params.command}.`);
      const [fromId, chosen] = (params.arguments ?? []) as [string?, string?];
      if (!fromId) throw new ResponseError(LSPErrorCodes.RequestFailed, 'Merging needs the id of the actor to merge.');
      const index = session.workspace.indexes().find((candidate) => candidate.actor(fromId));
      if (!index) throw new ResponseError(LSPErrorCodes.RequestFailed, `No actor has the id \`${fromId}\`.`);
      let intoId = chosen;
      if (!intoId) {
        const choices = mergeCandidates(index, fromId, MERGE_CHOICES).map((actor) => ({ title: actor.id!.value }));
        const answer = await session.connection.window.showInformationMessage(`Merge actor ${fromId} into which actor? Its references, aliases and relations move there, and ${fromId} is removed.`, ...choices);
        if (!answer) return { applied: false };
        intoId = answer.title;
      }
      const result = mergeActor(index, fromId, intoId);
      if ('error' in result) throw new ResponseError(LSPErrorCodes.RequestFailed, result.error);
      const applied = await session.connection.workspace.applyEdit({ label: `Merge actor ${fromId} into ${intoId}`, edit: toWorkspaceEdit(session, result.edits) });
      return { applied: applied.applied };
    }),
  );
}

function toCodeAction(session: ServerSession, fix: CodeFix, diagnostic: CoreDiagnostic, lines: NonNullable<ReturnType<ServerSession['linesOf']>>, creating: WorkspaceEdit | undefined): CodeAction {
  return {
    title: fix.title,
    kind: fix.kind === 'quickfix' ? CodeActionKind.QuickFix : CodeActionKind.RefactorRewrite,
    diagnostics: [toLspDiagnostic(diagnostic, lines, (uri) => session.linesOf(uri), session.client)],
    ...(fix.isPreferred ? { isPreferred: true } : {}),
    ...(creating ? { edit: creating } : fix.edits.length > 0 || !fix.command ? { edit: toWorkspaceEdit(session, fix.edits) } : {}),
    ...(fix.command ? { command: { title: fix.title, command: fix.command.command, arguments: fix.command.arguments } } : {}),
  };
}
