// The preview host's HTTP bridge as the submission tests call it (POST /__kp/invoke/<channel>
// with the page's token, as preview/bridge does), and a poll of the queue that the background
// delivery works on by itself.
import { request } from 'node:http';
import type { PreviewServer } from '../../../preview/start-preview-server';

export type Reply = {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string; fields?: Record<string, string> };
};

export type QueueItem = {
  id: number;
  recipient: string;
  status: string;
  kind: string;
  number: string;
  lastErrorCode: string | null;
};

/** `server` is read on every call: a test may start a second preview run on the same vault. */
export function previewClient(server: () => PreviewServer) {
  const invoke = (channel: string, payload: unknown = {}): Promise<Reply> => {
    const { port, token } = server();
    const body = JSON.stringify(payload);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/__kp/invoke/${channel}`,
          headers: {
            Host: `127.0.0.1:${String(port)}`,
            'Content-Type': 'application/json',
            'X-KP-Token': token,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Reply);
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  };

  async function must<T>(channel: string, payload: unknown = {}): Promise<T> {
    const reply = await invoke(channel, payload);
    if (!reply.ok) throw new Error(`${channel}: ${JSON.stringify(reply.error)}`);
    return reply.value as T;
  }

  /** Polls the queue until `done` holds; no timing asserted. */
  const waitForQueue = async (done: (items: QueueItem[]) => boolean): Promise<QueueItem[]> => {
    let last: QueueItem[] = [];
    for (let i = 0; i < 600; i += 1) {
      last = (await must<{ items: QueueItem[] }>('submissions:list', {})).items;
      if (done(last)) return last;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the queue never reached the expected state: ${JSON.stringify(last)}`);
  };

  return { invoke, must, waitForQueue };
}
