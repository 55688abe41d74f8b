import { LineIndex } from '../lineIndex';
import type { AnnotationFile } from '../model';
import { normalizeWithMapInSteps } from '../normalizeInSteps';
import { normalizeWithMap, type NormalizedText } from '../normalizeText';
import type { AnchorableText } from '../resolveQuote';
import { canonicalUri, type TextReference } from '../uris';
import type { ReadProblem } from './readProblems';

export type TextStatus = 'loaded' | 'missing' | 'unknown';

interface StoredDocument {
  content: string;
  version: number;
  lineIndex?: LineIndex;
  anchorable?: AnchorableText;
}

/**
 * The workspace's files as the index holds them: the content of every
 * document (annotation files and texts), the parsed annotation files, the
 * texts that cannot be used and why, which annotation files point at which
 * text, and a stamp per text that changes whenever the text or an
 * annotation file pointing at it changes.
 *
 * Invariants: a uri is a key here only in its canonical spelling; a text
 * is referenced exactly while some stored annotation file's `text:` leads
 * to it; `pendingTexts()` re-examines only uris touched since it last
 * looked. Methods named "…Key" or taking a key expect a canonical uri; the
 * others canonicalise their argument as the index's public methods do.
 */
export class DocumentStore {
  private readonly documents = new Map<string, StoredDocument>();
  private readonly files = new Map<string, AnnotationFile>();
  private readonly unreadableTexts = new Map<string, ReadProblem>();
  private readonly textRefs = new Map<string, TextReference>();
  private readonly annotationsByText = new Map<string, Set<string>>();
  private readonly textStamps = new Map<string, number>();
  /** Uris whose pending state (referenced, content not supplied) may have changed since `pendingTexts()` last looked. */
  private readonly pendingCandidates = new Set<string>();
  /** Referenced texts whose content has not been supplied, as of the last `pendingTexts()`. */
  private readonly pending = new Set<string>();
  private versionCounter = 0;

  /**
   * The canonical spelling of a uri. A uri the store already holds as a key
   * is canonical (keys always are), so loops over the index's own uris never
   * parse them again.
   */
  canonical(uri: string): string {
    if (this.documents.has(uri) || this.annotationsByText.has(uri) || this.unreadableTexts.has(uri) || this.files.has(uri)) return uri;
    return canonicalUri(uri);
  }

  // ---- documents ----------------------------------------------------------

  storeDocument(uri: string, content: string): void {
    this.documents.set(uri, { content, version: ++this.versionCounter });
    this.pendingCandidates.add(uri);
  }

  deleteDocument(uri: string): void {
    this.documents.delete(uri);
    this.pendingCandidates.add(uri);
  }

  /** The content of any stored document: annotation file or text. */
  content(uri: string): string | undefined {
    return this.documents.get(this.canonical(uri))?.content;
  }

  lineIndex(uri: string): LineIndex | undefined {
    const document = this.documents.get(this.canonical(uri));
    if (!document) return undefined;
    document.lineIndex ??= new LineIndex(document.content);
    return document.lineIndex;
  }

  /** A stored document prepared for anchoring quotes, made on first use. */
  anchorableByKey(uri: string): AnchorableText | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    document.anchorable ??= { text: document.content, normalized: normalizeWithMap(document.content) };
    return document.anchorable;
  }

  /** As `anchorableByKey`, preparing it a piece at a time (a text of megabytes takes tens of milliseconds). */
  *anchorableInStepsByKey(uri: string): Generator<void, AnchorableText | undefined> {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    if (document.anchorable) return document.anchorable;
    const normalized = yield* normalizeWithMapInSteps(document.content);
    // The document object is that of this content (a change meanwhile replaced it); one prepared meanwhile is kept, as analyses compare it by identity.
    document.anchorable ??= { text: document.content, normalized };
    return document.anchorable;
  }

  /**
   * Takes a normalised form made elsewhere for this very content (another
   * coder's copy of the text, in agreement) instead of making it; the caller
   * vouches that it is `normalizeWithMap(content)`. Only for a document with
   * that content, not prepared yet; whether it was taken.
   */
  offerNormalizedByKey(uri: string, content: string, normalized: NormalizedText): boolean {
    const document = this.documents.get(uri);
    if (!document || document.anchorable || document.content !== content) return false;
    document.anchorable = { text: document.content, normalized };
    return true;
  }

  /** The document prepared for anchoring, if it has been already (never prepares it). */
  preparedAnchorableByKey(uri: string): AnchorableText | undefined {
    return this.documents.get(uri)?.anchorable;
  }

  // ---- annotation files -------------------------------------------------

  fileByKey(uri: string): AnnotationFile | undefined {
    return this.files.get(uri);
  }

  setFile(uri: string, file: AnnotationFile): void {
    this.files.set(uri, file);
  }

  deleteFile(uri: string): void {
    this.files.delete(uri);
  }

  annotationFile(uri: string): AnnotationFile | undefined {
    return this.files.get(this.canonical(uri));
  }

  annotationFiles(): AnnotationFile[] {
    return [...this.files.values()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  }

  isAnnotationFile(uri: string): boolean {
    return this.files.has(this.canonical(uri));
  }

  // ---- texts ------------------------------------------------------------

  /** Records where an annotation file's `text:` leads; returns the text it now points at, if any. */
  linkText(annotationUri: string, textRef: TextReference): string | undefined {
    this.textRefs.set(annotationUri, textRef);
    if (textRef.kind !== 'ok') return undefined;
    const set = this.annotationsByText.get(textRef.uri) ?? new Set<string>();
    set.add(annotationUri);
    this.annotationsByText.set(textRef.uri, set);
    return textRef.uri;
  }

  /** Forgets where an annotation file's `text:` leads; returns the text it pointed at, if any. */
  unlinkText(annotationUri: string): string | undefined {
    const textRef = this.textRefs.get(annotationUri);
    this.textRefs.delete(annotationUri);
    if (textRef?.kind !== 'ok') return undefined;
    const set = this.annotationsByText.get(textRef.uri);
    set?.delete(annotationUri);
    if (set && set.size === 0) this.annotationsByText.delete(textRef.uri);
    return textRef.uri;
  }

  /** Marks a text (or the annotation files pointing at it) as changed. */
  touchText(uri: string): void {
    this.textStamps.set(uri, ++this.versionCounter);
    this.pendingCandidates.add(uri);
  }

  /** A stamp that changes whenever the text or an annotation file pointing at it changes. */
  textStampByKey(uri: string): number {
    return this.textStamps.get(uri) ?? 0;
  }

  setTextProblem(uri: string, problem: ReadProblem): void {
    this.unreadableTexts.set(uri, problem);
  }

  clearTextProblem(uri: string): void {
    this.unreadableTexts.delete(uri);
  }

  /** Why a text cannot be used, when it cannot. */
  textProblem(uri: string): ReadProblem | undefined {
    return this.unreadableTexts.get(this.canonical(uri));
  }

  textStatus(uri: string): TextStatus {
    return this.statusByKey(this.canonical(uri));
  }

  statusByKey(uri: string): TextStatus {
    if (this.unreadableTexts.has(uri)) return 'missing';
    return this.documents.has(uri) && !this.files.has(uri) ? 'loaded' : 'unknown';
  }

  /** Where an annotation file's `text:` field leads. */
  textReferenceOf(annotationUri: string): TextReference | undefined {
    return this.textRefs.get(this.canonical(annotationUri));
  }

  /** The annotation files whose `text:` points at this text. */
  annotationsOf(textUri: string): string[] {
    return [...(this.annotationsByText.get(this.canonical(textUri)) ?? [])].sort();
  }

  /** Every text that some annotation file points at. */
  referencedTexts(): string[] {
    return [...this.annotationsByText.keys()].sort();
  }

  isReferencedKey(uri: string): boolean {
    return this.annotationsByText.has(uri);
  }

  isText(uri: string): boolean {
    return this.annotationsByText.has(this.canonical(uri));
  }

  /** Whether any referenced text is loaded. */
  hasLoadedText(): boolean {
    for (const uri of this.annotationsByText.keys()) if (this.statusByKey(uri) === 'loaded') return true;
    return false;
  }

  /** Referenced texts whose content has not been supplied yet. */
  pendingTexts(): string[] {
    // Only uris whose inputs changed since the last look are re-examined, so an edit never walks every text.
    for (const uri of this.pendingCandidates) {
      if (this.annotationsByText.has(uri) && this.statusByKey(uri) === 'unknown') this.pending.add(uri);
      else this.pending.delete(uri);
    }
    this.pendingCandidates.clear();
    return [...this.pending].sort();
  }
}
