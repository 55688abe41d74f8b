/**
 * The references of one id that have one role, from the index's map of
 * references by file: files in uri order, each file's references in file
 * order, as the full list would have them. Only the files that hold such a
 * reference are sorted and only the matching references copied, so that a
 * hover asking for an actor's few relation targets does not copy and sort
 * every claim and mention that names it.
 */
export function referencesWithRole<Reference extends { role: string }>(byFile: ReadonlyMap<string, readonly Reference[]> | undefined, role: Reference['role']): Reference[] {
  if (!byFile) return [];
  const files: string[] = [];
  for (const [uri, references] of byFile) if (references.some((reference) => reference.role === role)) files.push(uri);
  files.sort();
  const selected: Reference[] = [];
  for (const uri of files) for (const reference of byFile.get(uri)!) if (reference.role === role) selected.push(reference);
  return selected;
}
