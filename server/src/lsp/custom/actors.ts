import type { Location } from 'vscode-languageserver';
import { DEFAULT_VOCABULARY, type Span, type WorkspaceView } from '../../core';
import { actorActivity, actorSummaries, entitySummaries, type ActorSummary } from '../../core/authoring';
import { throwIfCancelled, unlessCancelled } from '../cancellation';
import { toLocation } from '../convert';
import { guardRequest } from '../guard';
import type { ServerSession } from '../serverSession';
import {
  ActorActivityRequest,
  ActorsRequest,
  type ActorActivityParams,
  type ActorActivityResult,
  type ActorInfo,
  type ActorsParams,
  type ActorsResult,
  type ConceptInfo,
} from '../../protocol';

/** The indexes a request is about: the folder that holds `uri`, or every folder. */
function indexesFor(session: ServerSession, uri: string | undefined): WorkspaceView[] {
  if (uri === undefined) return session.workspace.indexes();
  const index = session.workspace.indexFor(uri);
  return index ? [index] : [];
}

function location(session: ServerSession, uri: string, span: Span): Location | undefined {
  const lines = session.linesOf(uri);
  return lines && toLocation(session.clientUri(uri), lines, span);
}

/** `policyAnnotator/actors` and `policyAnnotator/actorActivity`: what the pickers and the Actors view show. */
export function registerActorRequests(session: ServerSession): void {
  const { connection, log, workspace } = session;

  connection.onRequest(
    ActorsRequest,
    guardRequest(log, ActorsRequest.method, (params: ActorsParams | undefined, token): ActorsResult => {
      throwIfCancelled(token);
      const indexes = indexesFor(session, params?.uri);
      const actors: ActorInfo[] = [];
      const entities: ActorInfo[] = [];
      const concepts: ConceptInfo[] = [];
      const add = (list: ActorInfo[], summaries: ActorSummary[]) => {
        for (const summary of summaries) {
          const at = location(session, summary.uri, summary.range);
          if (!at) continue;
          const { uri: _uri, range: _range, ...rest } = summary;
          list.push({ ...rest, location: at });
        }
      };
      for (const index of indexes) {
        add(actors, actorSummaries(index));
        add(entities, entitySummaries(index));
        for (const id of index.conceptIds()) concepts.push({ id, label: index.concept(id)?.label?.value ?? id });
      }
      const vocabulary = indexes[0]?.config.vocabulary ?? DEFAULT_VOCABULARY;
      return {
        ready: workspace.isReady,
        actors,
        entities,
        concepts,
        actorKinds: [...vocabulary.actorKinds],
        entityKinds: [...vocabulary.entityKinds],
        claimTypes: [...vocabulary.claimTypes],
        stances: [...vocabulary.stances],
      };
    }),
  );

  connection.onRequest(
    ActorActivityRequest,
    guardRequest(log, ActorActivityRequest.method, async (params: ActorActivityParams, token): Promise<ActorActivityResult> => {
      await unlessCancelled(workspace.whenReady(), token);
      const result: ActorActivityResult = { claims: [], mentions: [] };
      for (const index of indexesFor(session, params.uri)) {
        if (index.actorDefinitions(params.id).length + index.entityDefinitions(params.id).length === 0) continue;
        const activity = actorActivity(index, params.id);
        for (const claim of activity.claims) {
          const at = location(session, claim.uri, claim.range);
          if (!at) continue;
          const { uri: _uri, range: _range, text, ...rest } = claim;
          const textLocation = text && location(session, text.uri, text.span);
          result.claims.push({ ...rest, location: at, ...(textLocation ? { textLocation } : {}) });
        }
        for (const mention of activity.mentions) {
          const at = location(session, mention.uri, mention.span);
          if (at) result.mentions.push({ location: at, source: mention.source, excerpt: mention.excerpt });
        }
      }
      return result;
    }),
  );
}
