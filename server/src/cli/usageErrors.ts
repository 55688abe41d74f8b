import { closestMatches, didYouMeanSuffix, escapeControlCharacters } from '../core';

/** The commands the usage text lists (lines such as `  check [paths…]   …` under "Commands:"). */
export function commandsIn(usage: string): string[] {
  const section = /^Commands:\n([\s\S]*?)(?:\n\n|(?![\s\S]))/m.exec(usage)?.[1] ?? '';
  return [...section.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((m) => m[1]);
}

/** The long options the usage text documents for a command ("Options for <command>:"), or for all commands when it has no section. */
export function optionsIn(usage: string, command: string | undefined): string[] {
  const section = command && commandsIn(usage).includes(command) ? new RegExp(`^Options for ${command}:\\n([\\s\\S]*?)(?:\\n\\n|(?![\\s\\S]))`, 'm').exec(usage)?.[1] : undefined;
  const names = [...(section ?? usage).matchAll(/(?:^|[\s/])(--[a-z][a-z-]*)/g)].map((m) => m[1]);
  return [...new Set([...names, '--help'])];
}

/**
 * A usage error as one line: node's option-parser wording replaced by the
 * CLI's (with the closest documented option for an unknown one), the rest
 * kept, and a pointer to --help. Never the whole usage text: the line that
 * says what is wrong would scroll away.
 */
export function describeUsageError(message: string, command: string | undefined, usage: string): string {
  let text = message;
  const unknownOption = /^Unknown option '([^']*)'/.exec(message);
  const missingValue = /^Option '(-[^ ']*)[^']*' argument missing/.exec(message);
  const unexpected = /^Unexpected argument '([^']*)'/.exec(message);
  const unknownCommand = /^Unknown command `([^`]*)`/.exec(message);
  if (unknownOption) {
    const option = unknownOption[1];
    const suggestions = closestMatches(option.replace(/=.*$/, ''), optionsIn(usage, command), 2);
    text = `Unknown option \`${option}\`${command ? ` for ${command}` : ''}.${didYouMeanSuffix(suggestions)}`;
  } else if (missingValue) {
    text = `\`${missingValue[1]}\` needs a value, e.g. \`${missingValue[1]} <value>\`.`;
  } else if (unexpected) {
    text = `${command ?? 'This command'} takes no argument \`${unexpected[1]}\`.`;
  } else if (unknownCommand) {
    text = `Unknown command \`${unknownCommand[1]}\`.${didYouMeanSuffix(closestMatches(unknownCommand[1], commandsIn(usage), 2))}`;
  }
  const oneLine = escapeControlCharacters(text.replace(/\s*[\r\n]+\s*/g, ' ').trim());
  return `policy-annotator: ${oneLine} See \`policy-annotator --help\`.`;
}
