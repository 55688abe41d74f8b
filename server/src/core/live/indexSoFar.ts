import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { Mention, TextAnalysis, WorkspaceView } from '../workspace/workspaceView';

/**
 * A folder's index during its first indexing, as read requests may see it:
 * every annotation file is parsed and the alias matcher is built, but the
 * texts are still being analysed a slice at a time. The view answers from
 * what is analysed so far and never analyses a text itself (one hostile text
 * can take seconds): a text whose analysis is not current has none yet, and
 * the questions that look at every text (which texts mention an actor,
 * whether an alias is used) count the analysed texts only.
 *
 * Everything else is the index itself, so answers built from the view are
 * the answers the served index gives once every text is analysed.
 */
export function indexSoFar(index: WorkspaceIndex): WorkspaceView {
  const analysed = (uri: string): TextAnalysis | undefined => (index.hasCurrentAnalysis(uri) ? index.analysis(uri) : undefined);
  const analysedTexts = function* (): Generator<TextAnalysis> {
    for (const uri of index.referencedTexts()) {
      const analysis = analysed(uri);
      if (analysis) yield analysis;
    }
  };
  const mentioning = (matches: (mention: Mention) => boolean): string[] => {
    const texts: string[] = [];
    for (const analysis of analysedTexts()) if (analysis.mentions.some(matches)) texts.push(analysis.uri);
    return texts;
  };
  // The actors each analysis mentions, as the index counts them (a mention of a conflicting alias counts for each of its actors):
  // worked out once per analysis, so that a hover per keystroke does not walk every mention of every text.
  const actorsOf = new WeakMap<TextAnalysis, ReadonlySet<string>>();
  const mentionedActors = (analysis: TextAnalysis): ReadonlySet<string> => {
    let actors = actorsOf.get(analysis);
    if (!actors) actorsOf.set(analysis, (actors = new Set(analysis.mentions.flatMap((m) => m.actorIds ?? [m.actorId]))));
    return actors;
  };
  const overrides: Partial<Record<keyof WorkspaceView, unknown>> = {
    analysis: analysed,
    textsWithMentionOf: (actorId: string): ReadonlySet<string> => {
      const texts = new Set<string>();
      for (const analysis of analysedTexts()) if (mentionedActors(analysis).has(actorId)) texts.add(analysis.uri);
      return texts;
    },
    textsMentioning: (actorId: string): string[] => mentioning((m) => m.actorId === actorId),
    isAliasUsed: (key: string): boolean => {
      for (const analysis of analysedTexts()) if (analysis.mentions.some((m) => m.aliasKey === key)) return true;
      return false;
    },
  };
  // Each method bound once: a check calls `actor(id)` for each of 70,000 claims, and a bound function per call is garbage.
  const bound = new Map<string | symbol, { method: unknown; bound: unknown }>();
  return new Proxy(index, {
    get(target, property) {
      if (typeof property === 'string' && Object.hasOwn(overrides, property)) return overrides[property as keyof WorkspaceView];
      // The index's own methods and accessors run on the index itself, so that what they do inside
      // (analysing stale texts included) never goes through the view.
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      const known = bound.get(property);
      if (known?.method === value) return known.bound;
      const method = (value as (...args: unknown[]) => unknown).bind(target);
      bound.set(property, { method: value, bound: method });
      return method;
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
}

/** One view per index, made once: a read request per keystroke during an edit asks for it. */
const views = new WeakMap<WorkspaceIndex, WorkspaceView>();

/** The index with its `indexSoFar` view. */
export function soFarOf(index: WorkspaceIndex): { index: WorkspaceIndex; view: WorkspaceView } {
  let view = views.get(index);
  if (!view) views.set(index, (view = indexSoFar(index)));
  return { index, view };
}
