// node:util parseArgs throws TypeErrors whose messages are already precise ("Unknown option
// '--jsn'"); this keeps that first sentence and drops Node's advice about "--", which our usage
// text covers better.

export function describeArgsError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('. To specify')[0] ?? message;
}
