// A view of an open database that records every SQL text prepared through it, and optionally
// the time spent inside each statement. The app's own repositories and verifier are built over
// this view, so EXPLAIN QUERY PLAN runs on exactly the SQL they run, not on a copy of it.
import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';

export type StatementTime = { calls: number; ms: number };

export type RecordingDatabase = {
  db: Database;
  prepared: string[];
  times: Map<string, StatementTime>;
};

const TIMED = new Set(['get', 'all', 'run']);

function timedStatement(statement: Statement, time: StatementTime): Statement {
  const elapsed = (started: bigint): void => {
    time.ms += Number(process.hrtime.bigint() - started) / 1e6;
  };
  return new Proxy(statement, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (typeof value !== 'function') return value;
      if (property === 'iterate')
        return function* (...args: unknown[]) {
          time.calls += 1;
          const iterator = (target.iterate as (...a: unknown[]) => Iterator<unknown>)(...args);
          for (;;) {
            const started = process.hrtime.bigint();
            const next = iterator.next();
            elapsed(started);
            if (next.done === true) return;
            yield next.value;
          }
        };
      if (typeof property === 'string' && TIMED.has(property))
        return (...args: unknown[]) => {
          time.calls += 1;
          const started = process.hrtime.bigint();
          try {
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          } finally {
            elapsed(started);
          }
        };
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
}

export function recordingDatabase(db: Database, timeStatements: boolean): RecordingDatabase {
  const prepared: string[] = [];
  const times = new Map<string, StatementTime>();
  const view = new Proxy(db, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (property === 'prepare')
        return (sql: string) => {
          prepared.push(sql);
          const statement = target.prepare(sql);
          if (!timeStatements) return statement;
          const time = times.get(sql) ?? { calls: 0, ms: 0 };
          times.set(sql, time);
          return timedStatement(statement, time);
        };
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
  return { db: view, prepared, times };
}

/** The plan SQLite chooses for `sql`, one line per step; parameters are bound to NULL. */
export function explain(db: Database, sql: string): string[] {
  const named = [...new Set([...sql.matchAll(/@(\w+)/g)].map((match) => match[1] ?? ''))];
  const positional = (sql.match(/\?/g) ?? []).length;
  const statement = db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`);
  const rows =
    named.length > 0
      ? statement.all(Object.fromEntries(named.map((name) => [name, null])))
      : statement.all(...Array.from({ length: positional }, () => null));
  return rows.map((row) => row.detail);
}
