// Who may open the signing and seal private keys, and how (issue 13, part 3; docs/security.md).
// The keys are stored wrapped under a random KEK (private-key-envelope.ts); this keyring holds the
// KEK in memory for one open connection of the vault once it was opened by
//   - an administrator's signing secret (unlock, set, open-workstation),
//   - this computer's keychain, for a workstation an administrator opened for signing
//     (openFromWorkstation: main unseals the wrapping key with safeStorage and hands it here),
//   - or the creation of the keys in this session (the administrator who made them has them).
// The vault passphrase alone never opens it: the KEK is not derived from it. Locking the vault
// closes the connection, and with it this keyring.
// Every change of a wrap, every refused secret and every escrow export is an audit event.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { SigningKeysStatus } from '../../../shared/ipc/signing-keys-contract';
import {
  CloseWorkstationSchema,
  OpenWorkstationSchema,
  SetSigningSecretSchema,
  UnlockSigningSchema,
} from '../../../shared/ipc/signing-keys-contract';
import { AppFailure } from '../app-failure';
import { ADMINISTRATORS, authorize } from '../issuance/actor';
import type { Actor } from '../issuance/actor';
import type { AuditWriter } from '../vault/audit/audit-chain';
import type { KdfCost } from '../vault/keys/passphrase-wrap';
import { checkPassphrase } from '../vault/keys/passphrase-wrap';
import { parseInput } from '../vault/repositories/parse-input';
import type { User, UserRepository } from '../vault/repositories/user-repository';
import type { KekWrapRepository, KekWrapRow } from './kek-wrap-repository';
import { createKekWrapRepository } from './kek-wrap-repository';
import {
  PendingWrapSchema,
  SecretWrapSchema,
  WorkstationWrapSchema,
  openKek,
  openKekWithSecret,
  sealKek,
  workstationLabel,
  wrapKekWithSecret,
} from './kek-wraps';
import type { PrivateKeyOwner } from './private-key-envelope';
import { unwrapPrivateKey, wrapPrivateKey } from './private-key-envelope';

export type OpenedBy = 'secret' | 'workstation' | 'created';

/** What main needs to try this computer's keychain on each opened workstation (never IPC). */
export type WorkstationWrapRef = { workstationId: string; backend: string; sealedKey: string };

export type SigningKeyringOptions = {
  db: Database;
  users: UserRepository;
  audit: AuditWriter;
  now: () => Date;
  /** Only tests lower the scrypt cost of new signing-secret wraps. */
  kdf?: KdfCost | undefined;
};

const SET_A_SECRET =
  'Signing needs a signing secret: an administrator must set one first, or open this computer for signing (Settings → Signing keys, or kpdesk identity secret set).';
const UNLOCK_SIGNING =
  'Signing is locked on this computer: an administrator must enter their signing secret, or open this computer for signing (Settings → Signing keys, or kpdesk identity open-workstation).';

const parseJson = (text: string): unknown => JSON.parse(text) as unknown;

export function createSigningKeyring(options: SigningKeyringOptions) {
  const { db, users, audit } = options;
  const wraps: KekWrapRepository = createKekWrapRepository(db, options.now);
  // Rows removed from signing_key_wraps (the pending KEK, a closed workstation) are overwritten
  // with zeros in the database file instead of lingering in free pages.
  db.pragma('secure_delete = ON');
  let held: { kek: Buffer; openedBy: OpenedBy; workstationId: string | null } | null = null;

  const hold = (kek: Buffer, openedBy: OpenedBy, workstationId: string | null = null): void => {
    held?.kek.fill(0);
    held = { kek, openedBy, workstationId };
  };

  const state = (): SigningKeysStatus['state'] => {
    if (wraps.secrets().length > 0) return 'protected';
    if (wraps.pending() !== undefined) return 'pending';
    return wraps.workstations().length > 0 ? 'protected' : 'none';
  };

  const message = (): string => {
    if (held !== null)
      return held.openedBy === 'workstation'
        ? 'This computer is open for signing.'
        : 'Signing is open in this session.';
    switch (state()) {
      case 'none':
        return 'There is no signing identity yet.';
      case 'pending':
        return SET_A_SECRET;
      case 'protected':
        return UNLOCK_SIGNING;
    }
  };

  /** Audits a refused secret in its own transaction: the refusal stays recorded. */
  const refuse = (user: User, what: string): AppFailure => {
    db.transaction(() =>
      audit.append({
        userId: user.id,
        action: 'signing-secret.refused',
        entityType: 'user',
        entityId: user.id,
      }),
    ).immediate();
    return new AppFailure(
      'SIGNING_SECRET_WRONG',
      `The signing secret is not correct, so KP Desk did not ${what}. Nothing was changed.`,
      { secret: 'The signing secret is not correct.' },
    );
  };

  /** The KEK from the user's own signing secret; a wrong secret is refused and audited. */
  async function kekFromSecret(user: User, secret: string, what: string): Promise<Buffer> {
    const row = wraps.secretOf(user.id);
    if (row === undefined)
      throw new AppFailure(
        'SIGNING_LOCKED',
        wraps.pending() !== undefined
          ? SET_A_SECRET
          : 'You have no signing secret. An administrator who has one can unlock signing, then you can set yours.',
      );
    const kek = await openKekWithSecret(
      SecretWrapSchema.parse(parseJson(row.wrap)),
      secret,
      user.id,
    );
    if (kek === undefined) throw refuse(user, what);
    return kek;
  }

  const pendingKek = (row: KekWrapRow): Buffer =>
    Buffer.from(PendingWrapSchema.parse(parseJson(row.wrap)).kek, 'base64');

  /**
   * Inside the transaction that adds the first protected wrap (a secret or an opened computer):
   * the pending wrap, which the passphrase alone opens, goes, and that is audited. Call
   * checkpoint() after the commit.
   */
  const erasePending = (pending: KekWrapRow, userId: number): void => {
    wraps.remove(pending.id);
    audit.append({
      userId,
      action: 'signing-keys.pending-erased',
      entityType: 'signing_key_wrap',
      entityId: pending.id,
    });
  };

  /** After the pending wrap was deleted: push its page out of the WAL into the zeroed file. */
  const checkpoint = (): void => {
    db.pragma('wal_checkpoint(TRUNCATE)');
  };

  const requireKek = (): Buffer => {
    if (held !== null) return held.kek;
    throw new AppFailure('SIGNING_LOCKED', message());
  };

  return {
    status(actor: Actor): SigningKeysStatus {
      const user = authorize(
        users,
        actor,
        ['operator', 'administrator', 'reviewer'],
        'see how the signing keys are protected',
      );
      return {
        state: state(),
        canSign: held !== null,
        openedBy: held?.openedBy ?? null,
        yourSecretSet: wraps.secretOf(user.id) !== undefined,
        administratorsWithSecret: wraps
          .secrets()
          .map((row) => users.get(row.user_id ?? 0)?.username ?? `user ${String(row.user_id)}`),
        workstations: wraps.workstations().map((row) => ({
          workstationId: row.workstation_id ?? '',
          openedAt: row.created_at,
          openedBy: row.created_by === null ? null : (users.get(row.created_by)?.username ?? null),
        })),
        message: message(),
      };
    },

    /**
     * Sets the administrator's own signing secret, or changes it (`currentSecret`). The first
     * secret after migration 0210 takes the pending KEK and erases it; a further administrator
     * needs the keys open in this session by a secret (not merely by a workstation, which would
     * let anyone at an opened computer give themselves a way to export the keys). The very first
     * secret may come from a workstation session: no secret exists yet to be bypassed.
     */
    async setSecret(actor: Actor, input: unknown): Promise<SigningKeysStatus> {
      const user = authorize(users, actor, ADMINISTRATORS, 'set a signing secret');
      const request = parseInput(SetSigningSecretSchema, input);
      checkPassphrase(request.secret, 'secret');
      const own = wraps.secretOf(user.id);
      const pending = wraps.pending();
      let kek: Buffer;
      if (own !== undefined) {
        if (request.currentSecret === undefined)
          throw new AppFailure(
            'INVALID_INPUT',
            'You already have a signing secret: enter it to change it.',
            { currentSecret: 'Enter your current signing secret.' },
          );
        kek = await kekFromSecret(user, request.currentSecret, 'change the signing secret');
      } else if (pending !== undefined) kek = pendingKek(pending);
      else if (held !== null && (held.openedBy !== 'workstation' || wraps.secrets().length === 0))
        // From a workstation only the first secret of all: the dealer who opened this computer
        // without one at first run adds it later (nobody could export the keys before that).
        kek = Buffer.from(held.kek);
      else if (state() === 'none')
        throw new AppFailure(
          'NOT_FOUND',
          'There is no signing identity yet: generate or import one first.',
        );
      else
        throw new AppFailure(
          'SIGNING_LOCKED',
          'An administrator who has a signing secret must unlock signing in this session first; then you can set yours.',
        );
      const wrap = await wrapKekWithSecret(kek, request.secret, user.id, options.kdf);
      db.transaction(() => {
        if (own !== undefined) {
          wraps.replaceWrap(own.id, wrap);
          audit.append({
            userId: user.id,
            action: 'signing-secret.change',
            entityType: 'signing_key_wrap',
            entityId: own.id,
          });
          return;
        }
        const id = wraps.add({
          kind: 'secret',
          userId: user.id,
          workstationId: null,
          wrap,
          createdBy: user.id,
        });
        audit.append({
          userId: user.id,
          action: 'signing-secret.set',
          entityType: 'signing_key_wrap',
          entityId: id,
        });
        if (pending !== undefined) erasePending(pending, user.id);
      }).immediate();
      if (pending !== undefined) checkpoint();
      hold(kek, 'secret');
      return this.status(actor);
    },

    /** Opens the keys for this session with the administrator's signing secret. */
    async unlock(actor: Actor, input: unknown): Promise<SigningKeysStatus> {
      const user = authorize(users, actor, ADMINISTRATORS, 'unlock signing');
      const { secret } = parseInput(UnlockSigningSchema, input);
      const kek = await kekFromSecret(user, secret, 'unlock signing');
      db.transaction(() =>
        audit.append({
          userId: user.id,
          action: 'signing.unlock',
          entityType: 'user',
          entityId: user.id,
        }),
      ).immediate();
      hold(kek, 'secret');
      return this.status(actor);
    },

    /**
     * Opens a computer for signing. Main made `wrappingKeyHex` and had this computer's keychain
     * seal it (`sealedKey`, by `backend`); the KEK is sealed under it here. Never an IPC channel
     * as such: main adds the keychain's part to the administrator's { secret }. With no secret
     * (first run of a one-person dealer), the pending KEK goes under the keychain and is erased.
     */
    async openWorkstation(
      actor: Actor,
      input: unknown,
      keychainPart: { wrappingKey: Buffer; sealedKey: Buffer; backend: string },
    ): Promise<SigningKeysStatus & { workstationId: string }> {
      const user = authorize(users, actor, ADMINISTRATORS, 'open a computer for signing');
      const { secret } = parseInput(OpenWorkstationSchema, input);
      // Without a secret: only the pending KEK, while no administrator has a secret. It protects
      // nothing yet (the passphrase alone gives it), so taking it into this computer's keychain
      // and erasing it only adds protection: afterwards a copied vault or backup cannot sign.
      const pending = secret === undefined ? wraps.pending() : undefined;
      let kek: Buffer;
      if (secret !== undefined)
        kek = await kekFromSecret(user, secret, 'open this computer for signing');
      else if (pending !== undefined && wraps.secrets().length === 0) kek = pendingKek(pending);
      else
        throw new AppFailure(
          'SIGNING_LOCKED',
          wraps.secrets().length > 0
            ? 'Enter your signing secret to open this computer for signing.'
            : 'This computer can be opened for signing without a secret only right after the signing identity is made. Set a signing secret first, then open the computer with it.',
          { secret: 'Enter your signing secret.' },
        );
      const workstationId = randomUUID();
      const wrap = {
        ...sealKek(keychainPart.wrappingKey, kek, workstationLabel(workstationId)),
        backend: keychainPart.backend,
        sealedKey: keychainPart.sealedKey.toString('base64'),
      };
      db.transaction(() => {
        const id = wraps.add({
          kind: 'workstation',
          userId: null,
          workstationId,
          wrap,
          createdBy: user.id,
        });
        audit.append({
          userId: user.id,
          action: 'signing-workstation.open',
          entityType: 'signing_key_wrap',
          entityId: id,
        });
        if (pending !== undefined) erasePending(pending, user.id);
      }).immediate();
      if (pending !== undefined) checkpoint();
      hold(kek, 'workstation', workstationId);
      return { ...this.status(actor), workstationId };
    },

    /** For main: the opened workstations, to find the one this computer's keychain opens. */
    workstationWraps(): WorkstationWrapRef[] {
      return wraps.workstations().flatMap((row) => {
        const parsed = WorkstationWrapSchema.safeParse(parseJson(row.wrap));
        return parsed.success && row.workstation_id !== null
          ? [
              {
                workstationId: row.workstation_id,
                backend: parsed.data.backend,
                sealedKey: parsed.data.sealedKey,
              },
            ]
          : [];
      });
    },

    /** For main, with the wrapping key this computer's keychain released: opens signing. */
    openFromWorkstation(workstationId: string, wrappingKey: Buffer): boolean {
      const row = wraps.workstations().find((entry) => entry.workstation_id === workstationId);
      if (row === undefined) return false;
      const parsed = WorkstationWrapSchema.safeParse(parseJson(row.wrap));
      if (!parsed.success) return false;
      const kek = openKek(wrappingKey, parsed.data, workstationLabel(workstationId));
      if (kek === undefined) return false;
      hold(kek, 'workstation', workstationId);
      return true;
    },

    /**
     * Closes one computer (`workstationId`, which main found with its keychain) or all of them.
     * Signing opened from a closed workstation closes with it.
     */
    closeWorkstation(
      actor: Actor,
      input: unknown,
      thisWorkstationId: string | null,
    ): SigningKeysStatus {
      const user = authorize(users, actor, ADMINISTRATORS, 'close a computer for signing');
      const { which } = parseInput(CloseWorkstationSchema, input);
      const rows = wraps
        .workstations()
        .filter((row) => which === 'all' || row.workstation_id === thisWorkstationId);
      if (rows.length === 0)
        throw new AppFailure(
          'NOT_FOUND',
          which === 'all'
            ? 'No computer is open for signing.'
            : 'This computer is not open for signing.',
        );
      db.transaction(() => {
        for (const row of rows) {
          wraps.remove(row.id);
          audit.append({
            userId: user.id,
            action: 'signing-workstation.close',
            entityType: 'signing_key_wrap',
            entityId: row.id,
          });
        }
      }).immediate();
      checkpoint();
      if (
        held?.openedBy === 'workstation' &&
        rows.some((row) => row.workstation_id === held?.workstationId)
      ) {
        held.kek.fill(0);
        held = null;
      }
      return this.status(actor);
    },

    /**
     * The KEK for keys being created, replaced or given their CA certificate (generate, import,
     * import-certificate): the one open in this session; a new one for a vault without keys
     * (kept 'pending' until a signing secret is set, and open in this session: its creator has
     * the keys anyway); the pending one while no secret is set (it protects nothing yet, and
     * signing stays refused); otherwise a refusal.
     */
    kekForNewKeys(userId: number): Buffer {
      if (wraps.all().length === 0) {
        if (!db.inTransaction) throw new Error('kekForNewKeys must run inside a transaction');
        // A KEK held from a creation whose transaction rolled back is stored now, never lost.
        const kek = held?.kek ?? randomBytes(32);
        const id = wraps.add({
          kind: 'pending',
          userId: null,
          workstationId: null,
          wrap: { kek: kek.toString('base64') },
          createdBy: userId,
        });
        audit.append({
          userId,
          action: 'signing-keys.create-kek',
          entityType: 'signing_key_wrap',
          entityId: id,
        });
        if (held === null) hold(kek, 'created');
        return kek;
      }
      if (held !== null) return held.kek;
      const pending = wraps.pending();
      if (pending !== undefined && wraps.secrets().length === 0) return pendingKek(pending);
      throw new AppFailure(
        'SIGNING_LOCKED',
        'Unlock signing with your signing secret first (or work on a computer opened for signing): the new keys are protected like the current ones.',
      );
    },

    wrap: (kek: Buffer, pkcs8Der: Buffer, owner: PrivateKeyOwner): Buffer =>
      wrapPrivateKey(kek, pkcs8Der, owner),

    /**
     * The plain PKCS#8 of a stored key, for signing in this process only; refused with
     * SIGNING_LOCKED, saying what signing needs, while the keys are not open in this session.
     * (Storing the signed document checks that the signed-in user may sign.)
     */
    openForSigning(stored: Buffer, owner: PrivateKeyOwner): Buffer {
      return this.openStored(requireKek(), stored, owner);
    },

    openStored(kek: Buffer, stored: Buffer, owner: PrivateKeyOwner): Buffer {
      const der = unwrapPrivateKey(kek, stored, owner);
      if (der === undefined)
        throw new AppFailure(
          'IDENTITY_INVALID',
          `The ${owner === 'seal_key' ? 'seal key' : 'signing key'} cannot be opened: it was not wrapped under this vault's signing keys. Import the identity again.`,
        );
      return der;
    },

    /** For the escrow export: the KEK from the administrator's own secret, never the session's. */
    kekFromSecret,
    authorizeAdministrator: (actor: Actor, what: string): User =>
      authorize(users, actor, ADMINISTRATORS, what),

    /**
     * For a replacement of keys nobody can open any more (replace-signing-keys.ts), inside its
     * transaction: erases every wrap of the old KEK (secrets, opened computers, pending), each an
     * audit event, so the next kekForNewKeys makes a new KEK. The wraps open nothing that will
     * sign again (the old keys are retired with them), and an old secret or computer that still
     * worked would only be a way to keys that no longer sign. Returns how many were erased.
     */
    eraseWrapsForReplacement(userId: number): number {
      if (!db.inTransaction)
        throw new Error('eraseWrapsForReplacement must run inside a transaction');
      if (held !== null)
        throw new Error('the keys are open in this session: they need no replacement');
      const rows = wraps.all();
      for (const row of rows) {
        wraps.remove(row.id);
        audit.append({
          userId,
          action: 'signing-keys.replace-erase-wrap',
          entityType: 'signing_key_wrap',
          entityId: row.id,
        });
      }
      return rows.length;
    },

    /** After the erased wraps were committed: push their pages out of the WAL. */
    checkpointErased: checkpoint,

    /** Forgets the KEK (also when the connection closes with the vault's lock). */
    close(): void {
      held?.kek.fill(0);
      held = null;
    },
  };
}

export type SigningKeyring = ReturnType<typeof createSigningKeyring>;
