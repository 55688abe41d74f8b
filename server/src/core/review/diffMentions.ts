import { listMentions, ListingScope, type MentionRow } from '../listing/listWorkspace';
import type { WorkspaceView } from '../workspace/workspaceView';

/** A mention one side has and the other has not: an alias match, an explicit mention, or one of several ids. */
export interface MentionChange {
  status: 'added' | 'removed';
  text: string;
  /** 1-based line in the text, on the side that has it. */
  line: number;
  quote: string;
  ids: string[];
  explicit: boolean;
}

/**
 * The mentions the head has that the base has not, and those it lost:
 * what alias, suppression and mention edits did to the texts. A mention is
 * the same on both sides when its text, words, ids and kind are, wherever
 * it moved (so an edit above it in the text does not count). In text order
 * per text, texts by path. With `texts`, only those texts are compared.
 */
export function diffMentions(base: WorkspaceView, head: WorkspaceView, texts?: ReadonlySet<string>): MentionChange[] {
  const keyed = (index: WorkspaceView) => {
    const byKey = new Map<string, MentionRow[]>();
    for (const row of listMentions(index, texts ? new TextSetScope(index, texts) : new ListingScope(index, []))) {
      const key = `${row.text}\u0000${row.quote}\u0000${[...row.ids].sort().join(',')}\u0000${row.explicit}`;
      const rows = byKey.get(key) ?? [];
      rows.push(row);
      byKey.set(key, rows);
    }
    return byKey;
  };
  const before = keyed(base);
  const after = keyed(head);
  const changes: MentionChange[] = [];
  const change = (status: MentionChange['status'], row: MentionRow) => changes.push({ status, text: row.text, line: row.line, quote: row.quote, ids: row.ids, explicit: row.explicit });
  for (const [key, rows] of after) for (const row of rows.slice(before.get(key)?.length ?? 0)) change('added', row);
  for (const [key, rows] of before) for (const row of rows.slice(after.get(key)?.length ?? 0)) change('removed', row);
  return changes.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0) || a.line - b.line || (a.status < b.status ? -1 : a.status > b.status ? 1 : 0));
}

/** The texts of a set, and no others. */
class TextSetScope extends ListingScope {
  constructor(
    index: WorkspaceView,
    private readonly texts: ReadonlySet<string>,
  ) {
    super(index, []);
  }

  override coversText(textUri: string): boolean {
    return this.texts.has(textUri);
  }
}
