import { execFile } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import * as path from 'node:path';
import type { GitResult } from '../cli/gitRunner';

/**
 * Where git is, found once per process from the PATH: only absolute PATH
 * entries other than the current folder count. Git is then started
 * by that absolute path, so a `git.exe` that a repository commits is never
 * run: on Windows the launcher would otherwise look in the working folder
 * (the workspace) before the PATH, and on any system an empty or relative
 * PATH entry would name it.
 */
export function findGitExecutable(
  pathValue: string | undefined,
  platform: NodeJS.Platform,
  cwd: string,
  isExecutable: (file: string) => boolean = defaultIsExecutable,
): string | undefined {
  const pathApi = platform === 'win32' ? path.win32 : path.posix;
  const name = platform === 'win32' ? 'git.exe' : 'git';
  const comparable = (dir: string) => {
    const normal = pathApi.resolve(dir).replace(/[\\/]+$/, '');
    return platform === 'win32' ? normal.toLowerCase() : normal;
  };
  const here = comparable(cwd);
  for (const raw of (pathValue ?? '').split(platform === 'win32' ? ';' : ':')) {
    const entry = raw.trim().replace(/^"(.*)"$/, '$1');
    if (entry === '' || !pathApi.isAbsolute(entry)) continue;
    const dir = pathApi.normalize(entry);
    if (comparable(dir) === here) continue;
    const candidate = pathApi.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function defaultIsExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    if (process.platform !== 'win32') accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

let resolved: { path: string | undefined } | undefined;

/** git's absolute path, resolved on first use and then kept. */
export function gitExecutable(): string | undefined {
  resolved ??= { path: findGitExecutable(process.env.PATH ?? process.env.Path, process.platform, process.cwd()) };
  return resolved.path;
}

/** Runs git without a shell; a missing git reads as a failure with a clear message. */
export function runGit(args: string[], cwd: string): Promise<GitResult> {
  const git = gitExecutable();
  if (!git) return Promise.resolve({ code: 127, stdout: '', stderr: 'git was not found on the PATH (only absolute PATH entries other than the current folder are searched)' });
  return new Promise((resolve) => {
    execFile(git, args, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
        resolve({ code: 127, stdout: '', stderr: `git could not be started from ${git}` });
        return;
      }
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
