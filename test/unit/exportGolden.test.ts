import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { EXPORT_FORMATS, exportWorkspace, type ExportResult } from '../../server/src/core/export';
import { WORKSPACE } from '../helpers/memoryWorkspace';
import { loadSampleCorpus } from '../helpers/sampleCorpus';
import { REPO_ROOT } from '../helpers/tempWorkspace';

/*
 * Golden files: every export of the sample corpus, file for file, under
 * test/golden/export/<format>/. After an intended change to an exporter or
 * to the corpus, refresh them with
 *
 *   UPDATE_GOLDEN=1 npm test
 *
 * and review the diff before committing it.
 */

const GOLDEN_DIR = path.join(REPO_ROOT, 'test', 'golden', 'export');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

async function exportSampleCorpus(format: (typeof EXPORT_FORMATS)[number]): Promise<ExportResult> {
  const { index } = await loadSampleCorpus();
  return exportWorkspace(index, format, { workspaceFolder: WORKSPACE });
}

function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

describe('export golden files (UPDATE_GOLDEN=1 npm test refreshes them)', () => {
  for (const format of EXPORT_FORMATS) {
    it(`matches test/golden/export/${format}/ for the sample corpus`, async () => {
      const result = await exportSampleCorpus(format);
      assert.deepEqual(result.warnings, []);
      const dir = path.join(GOLDEN_DIR, format);
      if (UPDATE) {
        rmSync(dir, { recursive: true, force: true });
        for (const file of result.files) {
          mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
          writeFileSync(path.join(dir, file.path), file.content);
        }
      }
      const golden = listFiles(dir).sort();
      assert.ok(golden.length > 0, `No golden files in ${dir}: run UPDATE_GOLDEN=1 npm test to create them.`);
      assert.deepEqual(result.files.map((f) => f.path).sort(), golden, 'the export writes exactly the golden files');
      for (const file of result.files) {
        const expected = readFileSync(path.join(dir, file.path), 'utf8');
        assert.ok(file.content === expected, `${format}/${file.path} differs from its golden file; if the change is intended, run UPDATE_GOLDEN=1 npm test and review the diff.`);
      }
    });

    it(`exports ${format} deterministically`, async () => {
      const [first, second] = [await exportSampleCorpus(format), await exportSampleCorpus(format)];
      assert.deepEqual(first.files, second.files);
    });
  }
});
