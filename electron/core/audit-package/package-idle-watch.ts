// While an audit package is read, its idle time is checked on a timer, not only at the next call
// as for the vault (issue 14, part 4): the package is the licensee's whole record, decrypted into
// a temporary vault, and a reviewer who walks away must not leave it open until someone touches
// the app again. The check is the vault's own (lock when idle past the auto-lock time); locking
// closes the package and deletes its temporary copy. The timer never keeps the process alive.
export type PackageIdleWatch = { start: () => void; stop: () => void };

/** 30 s: the package closes at most half a minute after its auto-lock time has passed. */
export const PACKAGE_IDLE_CHECK_MS = 30_000;

export function createPackageIdleWatch(checkMs: number, check: () => void): PackageIdleWatch {
  let timer: ReturnType<typeof setInterval> | null = null;
  const stop = (): void => {
    if (timer !== null) clearInterval(timer);
    timer = null;
  };
  return {
    start: () => {
      stop();
      timer = setInterval(check, checkMs);
      timer.unref();
    },
    stop,
  };
}
