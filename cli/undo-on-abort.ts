// While `kpdesk init` waits for the recovery key to be confirmed, the process can end without
// the prompt returning: the terminal is closed (SIGHUP, or readline failing on the dead
// terminal), Ctrl-C outside a prompt (SIGINT), a kill (SIGTERM). Each would leave a vault that
// nobody holds the recovery key of. For that window, the process's 'exit' event runs the same
// undo as a failed confirmation (it is synchronous, as 'exit' handlers must be), and the signals
// exit with 2 (refused: nothing was kept).
const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export async function undoOnAbort<R>(undo: () => void, body: () => Promise<R>): Promise<R> {
  const onSignal = () => {
    process.exit(2);
  };
  for (const signal of signals) process.once(signal, onSignal);
  process.once('exit', undo);
  try {
    return await body();
  } finally {
    for (const signal of signals) process.off(signal, onSignal);
    process.off('exit', undo);
  }
}
