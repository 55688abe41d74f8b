// A file with a thousand diagnostics, each with twenty related locations
// (hostile workspace #5: claims identical but for their ids), is converted
// to LSP in slices of the request, so hovers are answered in between: the
// slices are counted on a clock the test drives, never timed. The result is
// the same as converting at once, and each related file's line index is
// looked up once, not once per related location.
import assert from 'node:assert/strict';
import { setImmediate } from 'node:timers';
import { describe, it } from 'node:test';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol';
import { CancellationTokenSource } from 'vscode-languageserver';
import { LineIndex, type CoreDiagnostic } from '../../server/src/core';
import { RequestSlices, SLICE_MS } from '../../server/src/lsp/cancellation';
import { toLspDiagnostics, toLspDiagnosticsInSlices } from '../../server/src/lsp/diagnosticsConversion';

const FILE = 'file:///w/annotations/hostile.yaml';
const OTHER = 'file:///w/annotations/other.yaml';
const text = Array.from({ length: 2_000 }, (_, i) => `  - id: c${i}\n`).join('');
const lines = new LineIndex(text);

function duplicateClaims(count: number): CoreDiagnostic[] {
  return Array.from({ length: count }, (_, i) => ({
    uri: FILE,
    range: { start: i * 10, end: i * 10 + 5 },
    severity: 'warning' as const,
    code: 'duplicate-claim',
    message: `Claim c${i} repeats another claim.`,
    related: Array.from({ length: 20 }, (__, j) => ({ uri: j % 2 ? FILE : OTHER, range: { start: j * 10, end: j * 10 + 3 }, message: `same as c${j}` })),
  }));
}

const options = { relatedInformation: true, codeDescription: true };

describe('converting a big file’s diagnostics to LSP', () => {
  it('pauses between slices and gives what converting at once gives', async () => {
    const diagnostics = duplicateClaims(1_000);
    const lookups = new Map<string, number>();
    const linesOf = (uri: string) => {
      lookups.set(uri, (lookups.get(uri) ?? 0) + 1);
      return lines;
    };
    // Each reading of the clock is a step of 0.05 ms, so a slice is SLICE_MS / 0.05 steps, on any machine.
    let readings = 0;
    const slices = new RequestSlices(new CancellationTokenSource().token, () => readings++ * 0.05);
    let otherTasks = 0;
    let converting = true;
    (function count(): void {
      setImmediate(() => {
        if (!converting) return;
        otherTasks++;
        count();
      });
    })();
    const converted = await toLspDiagnosticsInSlices(diagnostics, lines, linesOf, options, slices);
    converting = false;

    assert.deepEqual(converted, toLspDiagnostics(diagnostics, lines, () => lines, options));
    assert.equal(converted.length, 1_000);
    assert.equal(converted[0]?.relatedInformation?.length, 20);
    const stepsPerSlice = SLICE_MS / 0.05;
    assert.ok(slices.pauses >= Math.floor(1_000 / stepsPerSlice) - 1, `${slices.pauses} pauses for 1,000 diagnostics; a slice is ${stepsPerSlice} steps`);
    assert.ok(otherTasks >= slices.pauses, `${otherTasks} other tasks ran during ${slices.pauses} pauses`);
    assert.deepEqual(Object.fromEntries(lookups), { [FILE]: 1, [OTHER]: 1 });
  });

  it('answers RequestCancelled at the next pause after a cancel', async () => {
    const source = new CancellationTokenSource();
    let readings = 0;
    const slices = new RequestSlices(source.token, () => readings++ * 0.05);
    const converting = toLspDiagnosticsInSlices(duplicateClaims(1_000), lines, () => lines, options, slices);
    source.cancel();
    const outcome = await converting.then(
      () => 'finished',
      (error: unknown) => (error instanceof ResponseError ? error.code : String(error)),
    );
    assert.equal(outcome, LSPErrorCodes.RequestCancelled);
    assert.equal(slices.pauses, 1);
  });

  it('converts a small file without pausing', async () => {
    let readings = 0;
    const slices = new RequestSlices(new CancellationTokenSource().token, () => readings++ * 0.05);
    const converted = await toLspDiagnosticsInSlices(duplicateClaims(10), lines, () => lines, options, slices);
    assert.equal(converted.length, 10);
    assert.equal(slices.pauses, 0);
  });
});
