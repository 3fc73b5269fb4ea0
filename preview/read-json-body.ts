// Reads a request body up to a size limit. A body over the limit is still drained (up to a hard
// cap) before the answer, so the client reliably receives its 413 instead of a reset connection;
// past the cap the connection is dropped.
import type { IncomingMessage } from 'node:http';

export type BodyReading =
  { kind: 'ok'; text: string } | { kind: 'too-large' } | { kind: 'aborted' };

export function readBody(req: IncomingMessage, limit: number): Promise<BodyReading> {
  const hardCap = limit * 8;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > hardCap) {
        req.destroy();
        resolve({ kind: 'too-large' });
        return;
      }
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => {
      resolve(
        size > limit
          ? { kind: 'too-large' }
          : { kind: 'ok', text: Buffer.concat(chunks).toString('utf8') },
      );
    });
    req.on('error', () => {
      resolve({ kind: 'aborted' });
    });
    req.on('close', () => {
      // 'close' without 'end' means the client went away; resolving twice is harmless.
      if (!req.complete) resolve({ kind: 'aborted' });
    });
  });
}
