// Just enough of source maps (v3) to turn a position in the bundled
// dist/*.js into the TypeScript file and line it came from.

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((ch, i) => [ch, i]));

/** Decodes one segment's base64 VLQ fields (generated column, source, line, column, name; each relative). */
function decodeSegment(segment) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = DIGIT.get(ch);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** A lookup from generated (line, column), both 0-based, to { source, line } (line 1-based). */
export function loadSourceMap(map) {
  const lines = [];
  let source = 0;
  let sourceLine = 0;
  for (const lineText of map.mappings.split(';')) {
    const segments = [];
    let column = 0;
    if (lineText) {
      for (const segment of lineText.split(',')) {
        const fields = decodeSegment(segment);
        column += fields[0];
        if (fields.length >= 4) {
          source += fields[1];
          sourceLine += fields[2];
          segments.push([column, source, sourceLine]);
        }
      }
    }
    lines.push(segments);
  }
  return (line, column) => {
    const segments = lines[line];
    if (!segments || segments.length === 0) return undefined;
    let found;
    for (const segment of segments) {
      if (segment[0] > column) break;
      found = segment;
    }
    found ??= segments[0];
    return { source: map.sources[found[1]], line: found[2] + 1 };
  };
}
