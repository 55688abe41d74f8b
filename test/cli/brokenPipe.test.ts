// A reader that stops early (`policy-annotator check | head`) closes the
// pipe. The command then ends quietly, as any Unix tool does, instead of
// printing an EPIPE stack trace.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { CLI, createTempWorkspace } from '../helpers/tempWorkspace';

test('check | head: a closed pipe ends the command without a stack trace', async () => {
  // Enough problems that the report is far larger than a pipe's buffer.
  const claims = Array.from({ length: 900 }, (_, i) => `  - id: c${i}\n    claimant: nobody-${i}\n    quote: nowhere ${i}\n`).join('');
  const workspace = createTempWorkspace({
    'annotations/actors.yaml': 'actors:\n  - id: india\n    name: India\n    kind: state\n    aliases: [India]\n',
    'annotations/texts/a.txt': 'India spoke.\n',
    'annotations/a.yaml': `text: texts/a.txt\nclaims:\n${claims}`,
  });
  try {
    const child = spawn(process.execPath, [CLI, 'check', '--format', 'json', '--no-cache'], { cwd: workspace.dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Read the first chunk, then close our end, as `head -c` does.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (exitCode) => resolve(exitCode)));
    assert.doesNotMatch(stderr, /EPIPE|Error|at .*\.js:\d+/, `no stack trace:\n${stderr}`);
    assert.ok(code === 0 || code === 1, `exit code ${code}`);
  } finally {
    workspace.dispose();
  }
});
