// Small helpers for writing the corpus's YAML by hand, the way people write
// it: plain scalars where they are safe, double-quoted strings otherwise.

const RESERVED_PLAIN = /^(?:true|false|yes|no|on|off|null|~|[-+]?[0-9][0-9_.:eE+-]*)$/i;

/** A scalar value: plain when unambiguous, otherwise a double-quoted string. */
export function yamlScalar(value) {
  const plainSafe = /^[A-Za-z0-9\u2018\u201c(][^\n]*$/.test(value)
    && !/: |:$| #|[{}[\],&*!|>%@`]|^['"]/.test(value)
    && !/\s$/.test(value)
    && !RESERVED_PLAIN.test(value);
  return plainSafe ? value : JSON.stringify(value);
}

/** A folded block scalar (`>-`) of free text, wrapped at about 76 columns. */
export function yamlFolded(text, indent) {
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > 76 - indent.length) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return `>-\n${lines.map((l) => `${indent}${l}`).join('\n')}`;
}
