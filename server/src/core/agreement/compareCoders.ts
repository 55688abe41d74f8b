/**
 * Agreement between coders: each coder's workspace view, with the same
 * texts, compared text by text (texts are matched by their path in the
 * workspace folder). Claims and mentions are matched into units by their
 * anchored spans (see units.ts); then, per field, Krippendorff's α (and
 * Cohen's κ for two coders) over the units, |uα and precision/recall/F1
 * over the spans, and the list of disagreements with the words they are about.
 */
import { LineIndex } from '../lineIndex';
import { lastAtOrBelow } from '../sortedSearch';
import { Categories, CohenKappa, IntervalAlpha, JaccardAlpha, NominalAlpha, type AlphaMetric } from './alpha';
import { readCoderAnnotations, selectedFields, type AgreementOptions, type ClaimField, type CodedClaim, type CodedText, type CoderAnnotations, type CoderWorkspace } from './coderAnnotations';
import { FIELD_METRICS, PRESENCE_FIELD, type AgreementField, type FieldValue } from './fieldValues';
import { PairMatches, UnitizingAlpha, type PairScores } from './unitizing';
import { buildUnits, type Unit } from './units';

export interface FieldAgreement {
  metric: AlphaMetric;
  alpha: number | null;
  /** Cohen's κ, for exactly two coders and a categorical field. */
  kappa?: number | null;
  /** Units with at least one value for the field. */
  units: number;
  /** Units with at least two values. */
  pairable: number;
  /** Percent of the pairable units on which every value is the same; null without pairable units. */
  percent: number | null;
}

export type DisagreementValue = FieldValue | null;

export interface Disagreement {
  /** The text's path in the workspace folder. */
  text: string;
  /** 1-based line of the unit's start. */
  line: number;
  /** The words of the unit (from its first start to its last end), shortened past QUOTE_LIMIT characters. */
  quote: string;
  /** A field, or `claim` for a claim only some coders made (the value is its id). */
  field: string;
  /** Each coder who has the text: the value, or null for none. */
  values: Record<string, DisagreementValue>;
}

export interface SpanAgreement {
  /** |uα over the claims' character spans. */
  alphaU: number | null;
  /** Claims with an anchored span, per coder. */
  claims: Record<string, number>;
  /** Claims whose quote does not anchor (not compared), per coder. */
  unanchored: Record<string, number>;
  /** Every pair of coders, in both directions. */
  pairs: PairScores[];
}

export interface AgreementReport {
  coders: string[];
  texts: number;
  fields: Partial<Record<AgreementField, FieldAgreement>>;
  spans: SpanAgreement;
  disagreements: Disagreement[];
  /** Texts whose content is not the same for every coder: their spans are compared by offset all the same. */
  differingTexts: string[];
}

/** Quotes in disagreements are cut to this many characters. */
export const QUOTE_LIMIT = 300;

/** A field's figures, built unit by unit. */
interface FieldData {
  metric: AlphaMetric;
  /** The field's values (by `valueKey`) as category ids. */
  categories: Categories;
  alpha: NominalAlpha | IntervalAlpha | JaccardAlpha;
  /** For two coders and a categorical field. */
  kappa: CohenKappa | undefined;
  units: number;
  agreeing: number;
}

function fieldData(metric: AlphaMetric, coders: number): FieldData {
  const alpha = metric === 'interval' ? new IntervalAlpha() : metric === 'jaccard' ? new JaccardAlpha() : new NominalAlpha();
  return { metric, categories: new Categories(), alpha, kappa: coders === 2 && metric !== 'interval' ? new CohenKappa() : undefined, units: 0, agreeing: 0 };
}

/**
 * A value's category id in its field, as `valueKey` keys it: a nominal value
 * is its own key; a set (`about`, sorted and distinct as `claimFieldValue`
 * gives it, and in that order through JSON) is keyed by its members. Interval
 * values take no category (0): they are compared as numbers.
 */
function categoryOf(d: FieldData, value: FieldValue): number {
  if (d.metric === 'interval') return 0;
  return d.categories.id(d.metric === 'jaccard' ? JSON.stringify(value) : (value as string));
}

/** Whether two values of a field are the same category (for interval values, `valueKey`'s `#n` keys compared). */
function sameValue(d: FieldData, a: FieldValue, b: FieldValue, aId: number, bId: number): boolean {
  return d.metric === 'interval' ? String(a) === String(b) : aId === bId;
}

/** Adds a unit's values (and their category ids) to the field's α. */
function addToAlpha(d: FieldData, given: FieldValue[], givenIds: number[]): void {
  if (d.metric === 'interval') (d.alpha as IntervalAlpha).add(given as number[]);
  else if (d.metric === 'jaccard') (d.alpha as JaccardAlpha).add(given as string[][], givenIds);
  else (d.alpha as NominalAlpha).add(givenIds);
}

/** The texts of every coder, by workspace path (sorted): each coder's text, or undefined when the coder has no such (analysed) text. */
function textsByPath(coders: readonly CoderAnnotations[]): Map<string, (CodedText | undefined)[]> {
  const texts = new Map<string, (CodedText | undefined)[]>();
  coders.forEach((coder, c) => {
    for (const text of coder.texts) {
      let own = texts.get(text.path);
      if (!own) texts.set(text.path, (own = new Array<CodedText | undefined>(coders.length).fill(undefined)));
      own[c] = text;
    }
  });
  return new Map([...texts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The 0-based line of an offset, as `LineIndex.positionAt` counts lines. A
 * text without a carriage return breaks lines at "\n" alone, found with
 * indexOf (several times faster than LineIndex's scan of every character).
 */
function lineFinder(content: string): (offset: number) => number {
  if (content.includes('\r')) {
    const lines = new LineIndex(content);
    return (offset) => lines.positionAt(offset).line;
  }
  const starts = [0];
  for (let at = content.indexOf('\n'); at !== -1; at = content.indexOf('\n', at + 1)) starts.push(at + 1);
  return (offset) => lastAtOrBelow(starts, Math.max(0, Math.min(offset, content.length)));
}

function shorten(text: string): string {
  return text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT - 1)}…` : text;
}

/** Compares the coders' annotations. Coders are named in `coders` order; names must be distinct. */
export function compareCoders(coders: readonly CoderWorkspace[], options: AgreementOptions = {}): AgreementReport {
  return compareAnnotations(
    coders.map((coder) => readCoderAnnotations(coder, options)),
    options,
  );
}

/**
 * Compares what `readCoderAnnotations` read of each coder (read with the same
 * options). Coders are named in `coders` order; names must be distinct.
 */
export function compareAnnotations(coders: readonly CoderAnnotations[], options: AgreementOptions = {}): AgreementReport {
  const comparison = new AgreementComparison(
    coders.map((c) => c.name),
    coders[0]?.claimFields ?? [],
    options,
  );
  for (const [path, own] of textsByPath(coders)) comparison.addText(path, own);
  return comparison.report();
}

/**
 * A comparison built text by text (`compareAnnotations` in pieces): the
 * texts must be added in path order (code unit order, as `textsByPath`
 * sorts them), each with every coder's version (undefined: the coder has no
 * such text); `report()` then gives what `compareAnnotations` gives for the
 * same texts. Lets the texts be compared as they arrive from another thread.
 */
export class AgreementComparison {
  private readonly fields: AgreementField[];
  private readonly listPresence: boolean;
  private readonly data: Map<AgreementField, FieldData>;
  /** The claim fields' figures, in `claimFields` order. */
  private readonly claimData: FieldData[];
  private readonly disagreements: Disagreement[] = [];
  private readonly differingTexts: string[] = [];
  private readonly unitizing = new UnitizingAlpha();
  private readonly pairMatches: PairMatches;
  private readonly claimCounts: number[];
  private readonly unanchored: number[];
  private texts = 0;
  private lastPath: string | undefined;
  // Scratch for `record`, reused from unit to unit: each coder's value and its category id, and those given.
  private readonly values: (FieldValue | undefined)[];
  private readonly ids: (number | undefined)[];
  private readonly given: FieldValue[] = [];
  private readonly givenIds: number[] = [];

  /** `claimFields`: the fields each `CodedClaim.values` holds, the same for every coder (`CoderAnnotations.claimFields`). */
  constructor(
    private readonly names: readonly string[],
    private readonly claimFields: readonly ClaimField[],
    options: AgreementOptions = {},
  ) {
    this.fields = selectedFields(options);
    this.listPresence = !options.fields || options.fields.includes(PRESENCE_FIELD);
    this.data = new Map<AgreementField, FieldData>(this.fields.map((f) => [f, fieldData(FIELD_METRICS[f], names.length)]));
    this.claimData = claimFields.map((f) => {
      const d = this.data.get(f);
      if (!d) throw new Error(`The coders' claims hold \`${f}\`, which the options do not select: read them with the comparison's options.`);
      return d;
    });
    this.pairMatches = new PairMatches(names);
    this.claimCounts = names.map(() => 0);
    this.unanchored = names.map(() => 0);
    this.values = names.map(() => undefined);
    this.ids = names.map(() => undefined);
  }

  /** Compares one text: `own[c]` is coder c's version of it, or undefined. Texts come in path order. */
  addText(path: string, own: readonly (CodedText | undefined)[]): void {
    if (this.lastPath !== undefined && !(this.lastPath < path)) throw new Error(`Texts are compared in path order: ${path} came after ${this.lastPath}.`);
    this.lastPath = path;
    this.texts++;
    const { names, fields, listPresence, disagreements, claimCounts, unanchored, values } = this;
    const present = own.flatMap((text, c) => (text ? [c] : []));
    const contents = present.map((c) => own[c]!.content);
    if (contents.some((content) => content !== contents[0])) this.differingTexts.push(path);
    // One line index per distinct content: the coders' texts are normally the same (not a map keyed by the
    // content, which would hash the whole text).
    const lineIndexes: { content: string; lines: (offset: number) => number }[] = [];
    const lineIndexOf = (content: string) => {
      let known = lineIndexes.find((entry) => entry.content === content);
      if (!known) lineIndexes.push((known = { content, lines: lineFinder(content) }));
      return known.lines;
    };
    /** Where a unit is, as the first coder who coded it sees the text. */
    const place = (unit: Unit) => {
      const content = own[unit.members.findIndex((m) => m !== undefined)]!.content;
      const line = lineIndexOf(content)(unit.start) + 1;
      return { text: path, line, quote: shorten(content.slice(unit.start, unit.end)) };
    };
    /** Lists a disagreement on a unit; `value` gives each coder's value, and is asked at once. */
    const disagree = (field: string, unit: Unit, value: (c: number) => DisagreementValue) => {
      disagreements.push({ ...place(unit), field, values: Object.fromEntries(present.map((c) => [names[c], value(c)])) });
    };

    // Claims.
    const claimItems = own.map((text, c) => {
      if (text) {
        claimCounts[c] += text.claims.length;
        unanchored[c] += text.unanchored;
      }
      return text?.claims ?? [];
    });
    this.unitizing.add({ length: Math.max(...contents.map((content) => content.length)), spans: present.map((c) => claimItems[c].map((item) => item.span)) });
    const claims: (CodedClaim | undefined)[] = names.map(() => undefined);
    for (const unit of buildUnits(claimItems)) {
      let missing = false;
      for (let c = 0; c < claims.length; c++) {
        const m = unit.members[c];
        claims[c] = m === undefined ? undefined : claimItems[c][m];
        if (!claims[c] && own[c]) missing = true;
      }
      this.pairMatches.add(claims.map((claim) => claim?.span));
      if (listPresence && missing) disagree(PRESENCE_FIELD, unit, (c) => (claims[c] ? (claims[c]!.id ?? '(no id)') : null));
      for (let f = 0; f < this.claimFields.length; f++) {
        for (let c = 0; c < claims.length; c++) values[c] = claims[c]?.values[f] ?? undefined;
        this.record(this.claimFields[f], this.claimData[f], unit, present, disagree);
      }
    }

    // Mentions: explicit ones and alias matches, each coder's after their own registry.
    if (fields.includes('mention')) {
      const mentionItems = own.map((text) => text?.mentions ?? []);
      const d = this.data.get('mention')!;
      for (const unit of buildUnits(mentionItems)) {
        for (let c = 0; c < values.length; c++) {
          const m = unit.members[c];
          values[c] = m === undefined ? undefined : mentionItems[c][m].value;
        }
        this.record('mention', d, unit, present, disagree);
      }
    }
  }

  /**
   * Records one unit's values of a field (in `this.values`, per coder); lists a disagreement when
   * coders of the unit differ (one without a value counts), or, for mentions, a coder of the text has none.
   */
  private record(field: AgreementField, d: FieldData, unit: Unit, present: readonly number[], disagree: (field: string, unit: Unit, value: (c: number) => DisagreementValue) => void): void {
    const { values, ids, given, givenIds } = this;
    given.length = 0;
    givenIds.length = 0;
    let agree = true;
    for (let c = 0; c < values.length; c++) {
      const value = values[c];
      if (value === undefined) {
        ids[c] = undefined;
        continue;
      }
      const id = (ids[c] = categoryOf(d, value));
      if (given.length > 0 && !sameValue(d, given[0], value, givenIds[0], id)) agree = false;
      given.push(value);
      givenIds.push(id);
    }
    if (given.length === 0) return;
    d.units++;
    addToAlpha(d, given, givenIds);
    if (d.kappa && ids[0] !== undefined && ids[1] !== undefined) d.kappa.add(ids[0], ids[1]);
    if (given.length >= 2 && agree) d.agreeing++;
    if (field === 'stance-score') return;
    let coded = 0;
    let differ = false;
    let reference: number | undefined;
    for (const c of present) {
      if (unit.members[c] === undefined) continue;
      if (coded++ === 0) reference = ids[c];
      else if (ids[c] !== reference) differ = true;
    }
    if ((coded >= 2 && differ) || (field === 'mention' && coded < present.length)) {
      disagree(field, unit, (c) => values[c] ?? null);
    }
  }

  /** The report on the texts added so far. */
  report(): AgreementReport {
    const { names, fields, data, claimCounts, unanchored } = this;
    const report: AgreementReport['fields'] = {};
    for (const field of fields) {
      const d = data.get(field)!;
      const alpha = d.alpha.result();
      const entry: FieldAgreement = { metric: d.metric, alpha: alpha.alpha, units: d.units, pairable: alpha.pairable, percent: alpha.pairable ? (100 * d.agreeing) / alpha.pairable : null };
      if (d.kappa) entry.kappa = d.kappa.result();
      report[field] = entry;
    }
    const perCoder = (counts: number[]) => Object.fromEntries(names.map((name, c) => [name, counts[c]]));
    return {
      coders: [...names],
      texts: this.texts,
      fields: report,
      spans: { alphaU: this.unitizing.result().alpha, claims: perCoder(claimCounts), unanchored: perCoder(unanchored), pairs: this.pairMatches.scores(claimCounts) },
      disagreements: this.disagreements,
      differingTexts: this.differingTexts,
    };
  }
}
