import { isScalar } from './yamlGuards';
import type { ContributorDef, TextAnnotationDef } from '../model';
import type { Vocabulary } from '../vocabulary';
import { readIdList } from './readClaimFields';
import { checkVocabulary, type FieldEntry, type Fields, type YamlFieldReader } from './yamlFields';

/** The text's own metadata added in format v1.1. */
export const TEXT_METADATA_FIELDS = ['contributors', 'note'] as const;
export const CONTRIBUTOR_FIELDS = ['actor', 'role'] as const;

/** A text's `author` (one actor id or a list), `contributors` (`{actor, role}` items) and `note`. */
export function readTextMetadata(reader: YamlFieldReader, fields: Fields, vocabulary: Vocabulary): Pick<TextAnnotationDef, 'author' | 'authors' | 'contributors' | 'note'> {
  // A single value that is not text (`author: 12`, `author:`) is reported as before lists were allowed.
  const entry = fields.get('author');
  const notText = entry !== undefined && (!entry.value || (isScalar(entry.value) && (typeof entry.value.value !== 'string' || entry.value.value === '')));
  const single = notText ? reader.string(entry, 'the author (an actor id)') : undefined;
  const authors = notText ? (single ? [single] : []) : readIdList(reader, entry, '`author`', 'actor ids');
  const note = reader.string(fields.get('note'), 'the note', { freeText: true });
  return {
    ...(authors.length > 0 ? { author: authors[0] } : {}),
    authors,
    contributors: readContributors(reader, fields.get('contributors'), vocabulary),
    ...(note ? { note } : {}),
  };
}

function readContributors(reader: YamlFieldReader, entry: FieldEntry | undefined, vocabulary: Vocabulary): ContributorDef[] {
  const contributors: ContributorDef[] = [];
  for (const { range, fields } of reader.mappingItems(entry, 'contributors', 'contributor', CONTRIBUTOR_FIELDS, ['actor', 'role'])) {
    const actor = reader.string(fields.get('actor'), 'the contributor (an actor id)');
    const role = checkVocabulary(reader, reader.string(fields.get('role'), "the contributor's role"), vocabulary.contributorRoles, 'contributor role', 'contributor-roles');
    contributors.push({ range, ...(actor ? { actor } : {}), ...(role ? { role } : {}) });
  }
  return contributors;
}
