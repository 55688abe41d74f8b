/**
 * Resource limits that keep a hostile or accidental input from stalling the
 * tools, and who may set them.
 *
 * A workspace's own `policy-annotator.yaml` may only lower a limit: the
 * repository under review is not trusted to raise it. The user raises it in
 * their own settings (`policyAnnotator.limits.*`, user scope only) or with a
 * CLI flag (`--max-text-size`, `--max-annotation-file-size`); those are the
 * "allowed" limits a workspace file is measured against. Nothing above
 * HARD_LIMITS is ever read, whoever asks.
 */

export interface Limits {
  /** Largest annotation file read, in bytes (UTF-16 code units for open buffers). */
  annotationFileSize: number;
  /** Largest text read, in bytes. */
  textSize: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: Limits = {
  annotationFileSize: 5 * MB,
  textSize: 20 * MB,
};

/** Nothing larger is read, whatever a setting or a flag says. */
export const HARD_LIMITS: Limits = {
  annotationFileSize: 16 * MB,
  textSize: 64 * MB,
};

/** How each limit is written in policy-annotator.yaml, as a CLI flag and as an editor setting. */
export const LIMIT_NAMES: Record<keyof Limits, { field: string; flag: string; setting: string }> = {
  annotationFileSize: { field: 'annotation-file-size', flag: '--max-annotation-file-size', setting: 'policyAnnotator.limits.annotationFileSize' },
  textSize: { field: 'text-size', flag: '--max-text-size', setting: 'policyAnnotator.limits.textSize' },
};

export const LIMIT_KEYS = Object.keys(LIMIT_NAMES) as (keyof Limits)[];

const SIZE_PATTERN = /^(\d+(?:\.\d+)?)\s*(B|KB|MB|GB)?$/i;
const SIZE_UNITS: Record<string, number> = { B: 1, KB: 1024, MB, GB: 1024 * MB };

/** `5MB`, `512 KB` or a number of bytes. */
export function parseSize(value: string): number | undefined {
  const match = SIZE_PATTERN.exec(value.trim());
  if (!match) return undefined;
  return Math.floor(Number(match[1]) * SIZE_UNITS[(match[2] ?? 'B').toUpperCase()]);
}

/** A limit for people: `20MB`, `512KB` or a number of bytes, as the configuration file writes it. */
export function formatLimit(bytes: number): string {
  if (bytes % MB === 0) return `${bytes / MB}MB`;
  if (bytes % 1024 === 0) return `${bytes / 1024}KB`;
  return `${bytes}`;
}

/**
 * The limits a user allows, from their own settings or flags (sizes such as
 * `64MB`, or numbers of bytes): the defaults where they say nothing, never
 * above HARD_LIMITS. Each value that cannot be used is described to `problem`
 * (`source` names where it came from: a setting or a flag) and left out.
 */
export function allowedLimits(raised: Partial<Record<keyof Limits, unknown>>, problem: (message: string) => void, source: 'setting' | 'flag'): Limits {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of LIMIT_KEYS) {
    const value = raised[key];
    if (value === undefined || value === null || value === '') continue;
    const name = source === 'flag' ? LIMIT_NAMES[key].flag : `The setting ${LIMIT_NAMES[key].setting}`;
    const bytes = typeof value === 'number' ? Math.floor(value) : typeof value === 'string' ? parseSize(value) : undefined;
    if (bytes === undefined || !Number.isFinite(bytes) || bytes <= 0) {
      problem(`${name} is ${JSON.stringify(value)}, which is not a size: write a number of bytes or a size such as 40MB. The default ${formatLimit(DEFAULT_LIMITS[key])} applies.`);
      continue;
    }
    if (bytes > HARD_LIMITS[key]) {
      problem(`${name} asks for ${formatLimit(bytes)}, above the hard ceiling of ${formatLimit(HARD_LIMITS[key])}, beyond which nothing is read; ${formatLimit(HARD_LIMITS[key])} applies.`);
      limits[key] = HARD_LIMITS[key];
      continue;
    }
    limits[key] = bytes;
  }
  return limits;
}
