// How a request crosses Electron IPC: as JSON text, never as a structured-clone object. Main can
// then refuse an oversized request by its length before reading any of it (a payload with a
// million unknown keys blocked main 2.4 s and came back as a 12.9 MB refusal, issue 13), and the
// requests are the same JSON the preview bridge carries over HTTP, so both transports accept
// exactly the same inputs. The preload encodes; main decodes (electron/core/ipc/decode-ipc-payload.ts).

/**
 * The longest request accepted, in UTF-16 code units of its JSON. The largest legitimate one is a
 * stock registration (200,000 characters of form numbers) or a certificate with every text field
 * full (about 40,000); 1 Mi leaves room for both and matches the preview bridge's body cap.
 */
export const MAX_IPC_PAYLOAD_CHARS = 1024 * 1024;

/** The preload's side: a missing input travels as JSON null (the schemas then refuse it). */
export function encodeIpcPayload(input: unknown): string {
  // JSON.stringify(undefined) is undefined at run time, whatever its declared type says.
  const text = JSON.stringify(input) as string | undefined;
  return text ?? 'null';
}
