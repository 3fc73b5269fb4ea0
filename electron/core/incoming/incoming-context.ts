// What the incoming-certificate operations work with, built once per vault (incoming-service.ts).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AuditWriter } from '../vault/audit/audit-chain';
import type { OutboxRepository } from '../vault/repositories/outbox-repository';
import type { UserRepository } from '../vault/repositories/user-repository';
import type { IncomingRepository } from './incoming-repository';

export type IncomingContext = {
  db: Database;
  users: UserRepository;
  incoming: IncomingRepository;
  outbox: OutboxRepository;
  audit: AuditWriter;
  now: () => Date;
};
