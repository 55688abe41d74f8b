import { allowedLimits, LIMIT_NAMES, type Limits } from '../core';

const FLAGS = new Map(Object.entries(LIMIT_NAMES).map(([key, names]) => [names.flag, key as keyof Limits]));

/**
 * Takes `--max-text-size <size>` and `--max-annotation-file-size <size>` out
 * of a command's arguments: the user's own raise of a limit, which a
 * workspace's policy-annotator.yaml may then only lower. A value above the
 * hard ceiling, or not a size, goes to `fail` (a usage error). Returns the
 * other arguments, and the limits when a flag was given.
 */
export function takeLimitFlags(args: string[], fail: (message: string) => never): { args: string[]; limits?: Limits } {
  const rest: string[] = [];
  const raised: Partial<Record<keyof Limits, string>> = {};
  let given = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      rest.push(...args.slice(i));
      break;
    }
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const key = FLAGS.get(name);
    if (!key) {
      rest.push(arg);
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined || value.startsWith('--')) fail(`${name} needs a size, such as ${name} 40MB.`);
    raised[key] = value;
    given = true;
  }
  if (!given) return { args: rest };
  const limits = allowedLimits(raised, fail, 'flag');
  return { args: rest, limits };
}
