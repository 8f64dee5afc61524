/**
 * Positions grouped by line, without an array per line (a counting sort: a first marking groups
 * 5,500 fields in cold code). `lineOf[i]` is position i's line, or negative for none. Group `l`
 * is `members[start[l]]` up to `members[start[l + 1]]`, lines in ascending number, each group in
 * `order` (the positions in ascending order unless given).
 */
export function groupByLine(lineOf: Int32Array, order?: readonly number[]): { start: Int32Array; members: Int32Array } {
  const count = lineOf.length;
  let lines = 0;
  for (let i = 0; i < count; i++) if (lineOf[i]! >= lines) lines = lineOf[i]! + 1;
  const start = new Int32Array(lines + 1);
  for (let i = 0; i < count; i++) if (lineOf[i]! >= 0) start[lineOf[i]! + 1]!++;
  for (let line = 0; line < lines; line++) start[line + 1]! += start[line]!;
  const members = new Int32Array(start[lines]!);
  const next = start.slice(0, lines);
  for (let k = 0; k < count; k++) {
    const i = order ? order[k]! : k;
    const line = lineOf[i]!;
    if (line >= 0) members[next[line]!++] = i;
  }
  return { start, members };
}
