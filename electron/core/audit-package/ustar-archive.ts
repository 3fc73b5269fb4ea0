// The package's inside is a POSIX ustar archive (IEEE Std 1003.1-2001, "pax" interchange format
// without extended headers): once decrypted, any tar program lists and extracts it, so a reviewer
// can read the records in ten years without KP Desk. Only regular files with names of at most
// 99 ASCII characters are written; the reader accepts exactly that and nothing else.
const BLOCK = 512;

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

export function ustarHeader(name: string, size: number, mtimeSeconds: number): Buffer {
  const header = Buffer.alloc(BLOCK, 0);
  header.write(name, 0, 100, 'ascii');
  header.write(octal(0o644, 8), 100, 'ascii'); // mode
  header.write(octal(0, 8), 108, 'ascii'); // uid
  header.write(octal(0, 8), 116, 'ascii'); // gid
  header.write(octal(size, 12), 124, 'ascii');
  header.write(octal(mtimeSeconds, 12), 136, 'ascii');
  header.write('        ', 148, 'ascii'); // checksum field counts as spaces
  header.write('0', 156, 'ascii'); // regular file
  header.write('ustar\0', 257, 'ascii');
  header.write('00', 263, 'ascii');
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return header;
}

export function ustarPadding(size: number): Buffer {
  const rest = size % BLOCK;
  return Buffer.alloc(rest === 0 ? 0 : BLOCK - rest, 0);
}

/** Two zero blocks end the archive. */
export const USTAR_END = Buffer.alloc(2 * BLOCK, 0);

export type UstarEntry = { name: string; content: Buffer };

/**
 * Reads an archive handed over in pieces (as chunks are decrypted): `onEntry` gets each file
 * whole; `finish` says whether the archive ended properly. A string is a reason it is not an
 * archive KP Desk wrote.
 */
export function createUstarReader(onEntry: (entry: UstarEntry) => void) {
  let pieces: Buffer[] = [];
  let buffered = 0;
  let ended = false;
  let problem: string | null = null;
  let expect: { name: string; size: number } | null = null;

  const take = (bytes: number): Buffer => {
    const all = pieces.length === 1 ? (pieces[0] as Buffer) : Buffer.concat(pieces, buffered);
    const head = all.subarray(0, bytes);
    const rest = all.subarray(bytes);
    pieces = rest.length === 0 ? [] : [rest];
    buffered = rest.length;
    return head;
  };

  const parseHeader = (block: Buffer): { name: string; size: number } | null | string => {
    if (block.every((byte) => byte === 0)) return null;
    const stored = Number.parseInt(block.subarray(148, 156).toString('ascii').trim(), 8);
    const copy = Buffer.from(block);
    copy.fill(0x20, 148, 156);
    let sum = 0;
    for (const byte of copy) sum += byte;
    if (stored !== sum) return 'an archive header fails its checksum';
    if (block.subarray(257, 263).toString('ascii') !== 'ustar\0' || block[156] !== 0x30)
      return 'the archive holds something other than plain ustar files';
    const nameEnd = block.indexOf(0, 0);
    const name = block.subarray(0, nameEnd < 0 || nameEnd > 100 ? 100 : nameEnd).toString('ascii');
    const size = Number.parseInt(block.subarray(124, 136).toString('ascii').trim(), 8);
    if (!Number.isSafeInteger(size) || size < 0) return `entry ${name} has no readable size`;
    return { name, size };
  };

  const drain = (): void => {
    while (problem === null && !ended) {
      if (expect === null) {
        if (buffered < BLOCK) return;
        const header = parseHeader(take(BLOCK));
        if (typeof header === 'string') problem = header;
        else if (header === null) ended = true;
        else expect = header;
      } else {
        const padded = expect.size + ustarPadding(expect.size).length;
        if (buffered < padded) return;
        const content = Buffer.from(take(padded).subarray(0, expect.size));
        const { name } = expect;
        expect = null;
        onEntry({ name, content });
      }
    }
  };

  return {
    push: (piece: Buffer): void => {
      if (ended || problem !== null || piece.length === 0) return;
      pieces.push(piece);
      buffered += piece.length;
      drain();
    },
    /** null when the archive ended with its end blocks; else what is wrong. */
    finish: (): string | null => {
      if (problem !== null) return problem;
      if (!ended) return 'the archive stops before its end';
      return null;
    },
  };
}
