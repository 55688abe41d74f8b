import type { ClaimDef, Located, MentionDef, Span } from '../model';
import { stanceScore } from '../vocabulary';
import type { WorkspaceView } from '../workspace/workspaceView';
import type { Anchored } from '../workspace/workspaceView';
import { CodePointIndex, contextAfter, contextBefore } from './codePoints';
import { IriMinter, outputBaseNames, wikidataIri } from './exportNaming';
import { collectTexts, compareSpans, compareStrings, resolvedSpan, unresolvedWarning, type ExportText } from './exportTexts';
import type { ExportOptions, ExportResult, ExportWarning } from './exportTypes';

/*
 * W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/)
 * as JSON-LD: one AnnotationCollection per text, holding one Annotation per
 * claim and per explicit mention whose quote resolved.
 *
 * - Targets are SpecificResources on the text with a TextQuoteSelector
 *   (exact, plus up to CONTEXT_LENGTH code points of prefix and suffix) and a
 *   TextPositionSelector; the text's authors are the `creator` of its source,
 *   which the model allows on any resource. The model counts positions in Unicode code points,
 *   not code units, over the text as stored (a CRLF line break is two), so
 *   the core's UTF-16 offsets are converted.
 * - Claims are "classifying" annotations with two bodies: a describing
 *   TextualBody that says it in words, and the claim itself as a resource in
 *   the Policy Annotator vocabulary (claimant, stance and its score, concept,
 *   about, claim type, evidence, note, and format v1.1's on-behalf-of and
 *   reported-by), declared in an @context extension. On-behalf-of and
 *   reported-by are properties of the claim, not the annotation's `creator`
 *   or `generator`: in the model those are the analyst and the software that
 *   made the annotation, whereas these say who spoke for whom in the text.
 * - Explicit mentions are "identifying" annotations whose bodies identify the
 *   actor: its registry entry, its Wikidata entity when it has one, and a
 *   tag with its name. A mention of an entity (format v1.1: a named thing
 *   that is not an actor) has the same bodies and one more, a "classifying"
 *   `pa:Entity` resource with its kind, so that consumers can tell the two
 *   apart. `pa:about` may name entities.
 * - Every annotation carries its own @context, so each one is a complete,
 *   valid Web Annotation on its own (to POST to an annotation server, say).
 */

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** The namespace of the claim vocabulary. */
export const POLICY_VOCABULARY = 'urn:policy-annotator:vocab#';

/** The @context extension that declares the claim vocabulary; listed after the annotation context. */
export const POLICY_CONTEXT = {
  pa: POLICY_VOCABULARY,
  'pa:claimant': { '@type': '@id' },
  'pa:stance': { '@type': '@id' },
  'pa:concept': { '@type': '@id' },
  'pa:about': { '@type': '@id', '@container': '@set' },
  'pa:onBehalfOf': { '@type': '@id' },
  'pa:reportedBy': { '@type': '@id', '@container': '@set' },
} as const;

/** Code points of context taken on each side of a quote for TextQuoteSelector prefix and suffix. */
export const CONTEXT_LENGTH = 32;

type JsonValue = string | number | boolean | JsonValue[] | { [key: string]: JsonValue };
type JsonObject = { [key: string]: JsonValue };

const CONTEXT: JsonValue = [ANNOTATION_CONTEXT, POLICY_CONTEXT as unknown as JsonObject];

/** Builds the W3C Web Annotation export: one `<text>.jsonld` collection per text. */
export function exportW3c(index: WorkspaceView, options: ExportOptions): ExportResult {
  const iris = new IriMinter(index, options);
  const { texts, warnings } = collectTexts(index, options);
  const names = outputBaseNames(texts.map((t) => t.path));
  const files = [];
  let claims = 0;
  let mentions = 0;
  for (const text of texts) {
    const built = textAnnotations(index, iris, text, warnings);
    claims += built.claims;
    mentions += built.mentions;
    const textIri = iris.file(text.uri);
    const collection: JsonObject = {
      '@context': CONTEXT,
      id: `${textIri}#annotations`,
      type: 'AnnotationCollection',
      label: text.title ? `Annotations of “${text.title}” (${text.path})` : `Annotations of ${text.path}`,
      total: built.annotations.length,
      first: {
        id: `${textIri}#annotations/page1`,
        type: 'AnnotationPage',
        startIndex: 0,
        items: built.annotations,
      },
    };
    files.push({ path: `${names.get(text.path)}.jsonld`, content: `${JSON.stringify(collection, null, 2)}\n` });
  }
  return { files, warnings, counts: { texts: texts.length, annotations: claims + mentions, claims, mentions } };
}

interface PlacedAnnotation {
  span: Span;
  order: number;
  key: string;
  annotation: JsonObject;
}

function textAnnotations(index: WorkspaceView, iris: IriMinter, text: ExportText, warnings: ExportWarning[]) {
  const codePoints = new CodePointIndex(text.content);
  // The authors who are defined actors; an undefined one is reported by `check`, not repeated on every target.
  const creators = text.authors.flatMap((author) => iris.actor(author) ?? []);
  const source: JsonObject = { id: iris.file(text.uri), type: 'Text', format: text.path.toLowerCase().endsWith('.md') ? 'text/markdown' : 'text/plain', ...(creators.length ? { creator: creators } : {}) };
  const target = (span: Span): JsonObject => {
    const exact = text.content.slice(span.start, span.end);
    const prefix = contextBefore(text.content, span.start, CONTEXT_LENGTH);
    const suffix = contextAfter(text.content, span.end, CONTEXT_LENGTH);
    const position = codePoints.spanToCodePoints(span);
    return {
      type: 'SpecificResource',
      source,
      selector: [
        { type: 'TextQuoteSelector', exact, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) },
        { type: 'TextPositionSelector', start: position.start, end: position.end },
      ],
    };
  };

  const placed: PlacedAnnotation[] = [];
  for (const anchored of text.analysis.claims) {
    const span = resolvedSpan(anchored);
    if (!span) {
      warnings.push(unresolvedWarning(anchored, text.path));
      continue;
    }
    const id = anchored.def.id?.value;
    if (!id) {
      warnings.push({ uri: anchored.annotationUri, range: anchored.def.range, message: 'A claim without an `id` was not exported: W3C annotations need one to be named. Give the claim an `id`, then export again.' });
      continue;
    }
    placed.push({ span, order: 0, key: id, annotation: claimAnnotation(index, iris, anchored, span, target, warnings) });
  }
  for (const anchored of text.analysis.explicitMentions) {
    const span = resolvedSpan(anchored);
    if (!span) {
      warnings.push(unresolvedWarning(anchored, text.path));
      continue;
    }
    const { annotation, unknown } = mentionAnnotation(index, iris, anchored, target);
    for (const id of unknown) {
      warnings.push({
        uri: anchored.annotationUri,
        range: id.range,
        message: `${annotation ? 'The id' : 'The mention of'} \`${id.value}\` was not exported: no actor or entity has that id. Define it or correct the id, then export again.`,
      });
    }
    if (!annotation) continue;
    placed.push({ span, order: 1, key: annotation.id as string, annotation });
  }
  placed.sort((a, b) => compareSpans(a.span, b.span) || a.order - b.order || compareStrings(a.key, b.key));
  return {
    annotations: placed.map((p) => p.annotation),
    claims: placed.filter((p) => p.order === 0).length,
    mentions: placed.filter((p) => p.order === 1).length,
  };
}

function claimAnnotation(
  index: WorkspaceView,
  iris: IriMinter,
  anchored: Anchored<ClaimDef>,
  span: Span,
  target: (span: Span) => JsonObject,
  warnings: ExportWarning[],
): JsonObject {
  const claim = anchored.def;
  const id = claim.id!.value;
  const missing = (what: string, located: { value: string; range: Span }) =>
    warnings.push({
      uri: anchored.annotationUri,
      range: located.range,
      message: `Claim \`${id}\` was exported without its ${what}: no ${what === 'concept' ? 'concept' : 'actor'} has the id \`${located.value}\`. Correct the id, then export again.`,
    });

  const resource: JsonObject = { id: iris.file(anchored.annotationUri, id), type: 'pa:Claim' };
  if (claim.claimant) {
    const iri = iris.actor(claim.claimant.value);
    if (iri) resource['pa:claimant'] = iri;
    else missing('claimant', claim.claimant);
  }
  if (claim.stance) {
    resource['pa:stance'] = `pa:${claim.stance.value}`;
    resource['pa:stanceScore'] = stanceScore(index.config.vocabulary, claim.stance.value);
  }
  if (claim.concept) {
    const iri = iris.concept(claim.concept.value);
    if (iri) resource['pa:concept'] = iri;
    else missing('concept', claim.concept);
  }
  // The IRIs of ids of the actors' namespace (`named`: actors or entities; otherwise actors only); an unknown id is left out, with a warning.
  const actorIris = (actors: { value: string; range: Span }[], what: string, named = false) =>
    actors.flatMap((actor) => {
      const iri = named ? iris.named(actor.value) : iris.actor(actor.value);
      if (!iri) missing(what, actor);
      return iri ? [iri] : [];
    });
  const about = actorIris(claim.about, 'about actor', true);
  if (about.length) resource['pa:about'] = about;
  const [onBehalfOf] = actorIris(claim.onBehalfOf ? [claim.onBehalfOf] : [], 'on-behalf-of actor');
  if (onBehalfOf) resource['pa:onBehalfOf'] = onBehalfOf;
  const reportedBy = actorIris(claim.reportedBy, 'reported-by actor');
  if (reportedBy.length) resource['pa:reportedBy'] = reportedBy;
  if (claim.type) resource['pa:claimType'] = claim.type.value;
  if (claim.evidence) resource['pa:evidence'] = claim.evidence.value;
  if (claim.note) resource['pa:note'] = claim.note.value;

  return {
    '@context': CONTEXT,
    id: iris.file(anchored.annotationUri, `claim/${id}`),
    type: 'Annotation',
    motivation: 'classifying',
    body: [{ type: 'TextualBody', purpose: 'describing', format: 'text/plain', language: 'en', value: describeClaim(index, claim) }, resource],
    target: target(span),
  };
}

/** A claim in one English sentence or so, for annotation viewers that show text bodies. */
function describeClaim(index: WorkspaceView, claim: ClaimDef): string {
  const actorName = (id: string) => (index.actor(id) ?? index.entity(id))?.name?.value ?? id;
  const parts: string[] = [];
  const speaker = claim.claimant ? actorName(claim.claimant.value) : 'An unnamed claimant';
  const claimant = claim.onBehalfOf ? `${speaker} (on behalf of ${actorName(claim.onBehalfOf.value)})` : speaker;
  if (claim.concept) {
    const concept = index.concept(claim.concept.value)?.label?.value ?? claim.concept.value;
    parts.push(`${claimant} ${claim.stance?.value ?? 'addresses'} “${concept}”.`);
  } else {
    parts.push(`A claim by ${claimant}.`);
  }
  if (claim.type) parts.push(`Claim type: ${claim.type.value}.`);
  if (claim.about.length) parts.push(`About: ${claim.about.map((a) => actorName(a.value)).join(', ')}.`);
  if (claim.reportedBy.length) parts.push(`Reported by: ${claim.reportedBy.map((r) => actorName(r.value)).join(', ')}.`);
  if (claim.evidence) parts.push(`Evidence: ${claim.evidence.value}.`);
  if (claim.note) parts.push(`Note: ${claim.note.value.trim()}`);
  return parts.join(' ');
}

/**
 * An explicit mention as one annotation whose bodies identify each id it
 * names (with its Wikidata item and a tag of its name; an entity's also
 * classified as `pa:Entity` with its kind), and carry its note; the ids no
 * actor or entity has are returned to be reported. No annotation when none
 * of its ids is known.
 */
function mentionAnnotation(index: WorkspaceView, iris: IriMinter, anchored: Anchored<MentionDef>, target: (span: Span) => JsonObject): { annotation?: JsonObject; unknown: Located<string>[] } {
  const body: JsonObject[] = [];
  const unknown: Located<string>[] = [];
  for (const id of anchored.def.actors) {
    const entity = index.actor(id.value) ? undefined : index.entity(id.value);
    const named = index.actor(id.value) ?? entity;
    const iri = named ? iris.named(id.value) : undefined;
    if (!named || !iri) {
      unknown.push(id);
      continue;
    }
    body.push({ type: 'SpecificResource', purpose: 'identifying', source: iri });
    if (named.wikidata) body.push({ type: 'SpecificResource', purpose: 'identifying', source: wikidataIri(named.wikidata.value) });
    body.push({ type: 'TextualBody', purpose: 'tagging', value: named.name?.value ?? id.value });
    if (entity) body.push({ type: 'pa:Entity', purpose: 'classifying', ...(entity.kind ? { 'pa:entityKind': entity.kind.value } : {}) });
  }
  if (body.length === 0) return { unknown };
  if (anchored.def.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: anchored.def.note.value });
  const ordinal = (index.annotationFile(anchored.annotationUri)?.textAnnotation?.mentions.indexOf(anchored.def) ?? -1) + 1;
  const annotation = {
    '@context': CONTEXT,
    id: iris.file(anchored.annotationUri, `mention/${ordinal}`),
    type: 'Annotation',
    motivation: 'identifying',
    body,
    target: target(anchored.result.span!),
  };
  return { annotation, unknown };
}
