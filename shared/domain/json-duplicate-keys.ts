// A JSON object with the same key twice is legal JSON, and JSON.parse silently keeps the last one
// (RFC 8259 sec. 4: "the names within an object SHOULD be unique"; behaviour with duplicates is
// unpredictable across readers). A certificate file with "valueUsd" twice could be checked with
// one value by KP Desk and read with the other by another tool, so such a file is refused, naming
// the key and where it is. This scans text that JSON.parse has already accepted.

export type DuplicateKey = {
  /** Where the object is: "" for the file's top level, "exporter", "hsCodes.0" … */
  path: string;
  key: string;
  line: number;
  column: number;
};

type Frame =
  | { kind: 'object'; keys: Set<string>; path: string; pendingKey: string | null }
  | { kind: 'array'; index: number; path: string };

function join(path: string, part: string): string {
  return path === '' ? part : `${path}.${part}`;
}

/** The duplicated keys of a valid JSON text, first occurrence order; [] when there are none. */
export function findDuplicateJsonKeys(text: string): DuplicateKey[] {
  const duplicates: DuplicateKey[] = [];
  const stack: Frame[] = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  /** The path of a value that starts now, inside the current container. */
  const childPath = (): string => {
    const top = stack.at(-1);
    if (top === undefined) return '';
    if (top.kind === 'array') return join(top.path, String(top.index));
    return join(top.path, top.pendingKey ?? '');
  };
  while (i < text.length) {
    const char = text[i];
    if (char === '\n') {
      line += 1;
      lineStart = i + 1;
      i += 1;
      continue;
    }
    if (char === '"') {
      const start = i;
      i += 1;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      const raw = text.slice(start, i + 1);
      i += 1;
      const top = stack.at(-1);
      // A string directly in an object, before a colon, is a key.
      let j = i;
      while (j < text.length && /\s/.test(text[j] ?? '')) j += 1;
      if (top?.kind === 'object' && text[j] === ':') {
        const key = JSON.parse(raw) as string;
        if (top.keys.has(key)) {
          duplicates.push({ path: top.path, key, line, column: start - lineStart + 1 });
        }
        top.keys.add(key);
        top.pendingKey = key;
      }
      continue;
    }
    if (char === '{' || char === '[') {
      const path = childPath();
      stack.push(
        char === '{'
          ? { kind: 'object', keys: new Set(), path, pendingKey: null }
          : { kind: 'array', index: 0, path },
      );
    } else if (char === '}' || char === ']') {
      stack.pop();
    } else if (char === ',') {
      const top = stack.at(-1);
      if (top?.kind === 'array') top.index += 1;
    }
    i += 1;
  }
  return duplicates;
}
