// Writes to the licensee profile, users, the address book, stock and attachments, each with its
// audit event(s). Who may do what: administrators manage the profile and users; operators and
// administrators keep the address book, stock and attachments; reviewers only read.
import { AppFailure } from '../app-failure';
import { refuseImportNumbersInList } from '../incoming/import-number-guard';
import type { AttachmentMeta } from '../vault/repositories/attachment-repository';
import { AttachmentInputSchema } from '../vault/repositories/attachment-repository';
import type { Licensee } from '../vault/repositories/licensee-repository';
import type { PartyRecord } from '../vault/repositories/party-repository';
import type { StockRegistration } from '../vault/repositories/stock-repository';
import type { User } from '../vault/repositories/user-repository';
import { FirstAdministratorSchema } from '../../../shared/records/user-inputs';
import { PartySaveSchema } from '../../../shared/records/party-inputs';
import { RegisterStockSchema } from '../../../shared/records/stock-inputs';
import { parseInput } from '../vault/repositories/parse-input';
import { ADMINISTRATORS, WRITERS, authorize } from './actor';
import type { IssuanceContext } from './issuance-context';
import { z } from 'zod';

const PartyUpdateSchema = z.object({ id: z.number().int().min(1), party: z.unknown() }).strict();

/** parties:save: a new entry, or (with its id) an existing one replaced whole. */
export function saveParty(context: IssuanceContext, actor: unknown, input: unknown): PartyRecord {
  const { id, ...party } = parseInput(PartySaveSchema, input);
  return id === undefined
    ? createParty(context, actor, party)
    : updateParty(context, actor, { id, party });
}

export function saveLicensee(context: IssuanceContext, actor: unknown, input: unknown): Licensee {
  const user = authorize(context.repos.users, actor, ADMINISTRATORS, 'change the licensee profile');
  const saved = context.repos.licensee.save(input);
  context.audit.append({
    userId: user.id,
    action: 'licensee.save',
    entityType: 'licensee',
    entityId: 1,
  });
  return saved;
}

/** First run only: the vault has no user yet, so nobody can be asked to authorise the first one. */
export function createFirstAdministrator(context: IssuanceContext, input: unknown): User {
  const fields = parseInput(FirstAdministratorSchema, input);
  if (context.repos.users.count() > 0)
    throw new AppFailure(
      'FORBIDDEN',
      'This vault already has users. Ask an administrator to add you.',
    );
  const created = context.repos.users.create({ ...fields, role: 'administrator' });
  context.audit.append({
    userId: null,
    action: 'user.create',
    entityType: 'user',
    entityId: created.id,
  });
  return created;
}

export function createUser(context: IssuanceContext, actor: unknown, input: unknown): User {
  const user = authorize(context.repos.users, actor, ADMINISTRATORS, 'manage users');
  const created = context.repos.users.create(input);
  context.audit.append({
    userId: user.id,
    action: 'user.create',
    entityType: 'user',
    entityId: created.id,
  });
  return created;
}

export function createParty(context: IssuanceContext, actor: unknown, input: unknown): PartyRecord {
  const user = authorize(context.repos.users, actor, WRITERS, 'change the address book');
  const created = context.repos.parties.create(input);
  context.audit.append({
    userId: user.id,
    action: 'party.create',
    entityType: 'party',
    entityId: created.id,
  });
  return created;
}

export function updateParty(context: IssuanceContext, actor: unknown, input: unknown): PartyRecord {
  const user = authorize(context.repos.users, actor, WRITERS, 'change the address book');
  const request = parseInput(PartyUpdateSchema, input);
  const updated = context.repos.parties.update(request.id, request.party);
  context.audit.append({
    userId: user.id,
    action: 'party.update',
    entityType: 'party',
    entityId: updated.id,
  });
  return updated;
}

export function registerStock(
  context: IssuanceContext,
  actor: unknown,
  input: unknown,
): StockRegistration {
  const user = authorize(context.repos.users, actor, WRITERS, 'register certificate forms');
  const request = parseInput(RegisterStockSchema, input);
  refuseImportNumbersInList(context.isImportCertificateNumber, request.numbers, 'numbers');
  const registration = context.repos.stock.register(input, user.id);
  // The registration itself (who, when, the description): a record of its own (issue 13).
  context.audit.append({
    userId: user.id,
    action: 'stock.register-batch',
    entityType: 'stock_batch',
    entityId: registration.batchId,
  });
  // One event for the whole range, whatever its size (stock-range-digest.ts): its digest covers
  // every number registered; each number's later use or voiding gets an event of its own.
  context.audit.append({
    userId: user.id,
    action: 'stock.register-range',
    entityType: 'stock_range',
    entityId: registration.batchId,
  });
  return registration;
}

export function addAttachment(
  context: IssuanceContext,
  actor: unknown,
  input: unknown,
): AttachmentMeta {
  const user = authorize(context.repos.users, actor, WRITERS, 'attach files');
  const file = parseInput(AttachmentInputSchema, input);
  context.repos.certificates.mustGet(file.certificateId);
  const saved = context.repos.attachments.add(file);
  context.audit.append({
    userId: user.id,
    action: 'attachment.add',
    entityType: 'attachment',
    entityId: saved.id,
  });
  return saved;
}
