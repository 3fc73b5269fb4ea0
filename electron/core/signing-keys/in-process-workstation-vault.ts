// The vault's side of workstation signing over one open connection, for callers that hold the
// vault in-process with a known actor (the CLI): the same parsing and keyring calls the vault
// gateway makes for main (document-gateway-groups.ts, vault-gateway.ts).
import type { Actor } from '../issuance/actor';
import { parseInput } from '../vault/repositories/parse-input';
import type { SigningKeyring } from './signing-keyring';
import type { WorkstationSigningVault } from './workstation-signing';
import {
  CloseWorkstationPartsSchema,
  OpenFromWorkstationSchema,
  OpenWorkstationPartsSchema,
} from './workstation-signing';

export function inProcessWorkstationVault(
  keyring: SigningKeyring,
  actor: Actor | null,
): WorkstationSigningVault {
  const acting = (): Actor => {
    if (actor === null) throw new Error('a workstation change needs a signed-in user');
    return actor;
  };
  return {
    identity: {
      openWorkstation: async (input) => {
        const parts = parseInput(OpenWorkstationPartsSchema, input);
        const wrappingKey = Buffer.from(parts.wrappingKeyHex, 'hex');
        try {
          return await keyring.openWorkstation(
            acting(),
            parts.secret === undefined ? {} : { secret: parts.secret },
            {
              wrappingKey,
              sealedKey: Buffer.from(parts.sealedKey, 'base64'),
              backend: parts.backend,
            },
          );
        } finally {
          wrappingKey.fill(0);
        }
      },
      closeWorkstation: (input) => {
        const parts = parseInput(CloseWorkstationPartsSchema, input);
        return Promise.resolve(
          keyring.closeWorkstation(acting(), { which: parts.which }, parts.thisWorkstationId),
        );
      },
    },
    signingWorkstation: {
      wraps: () => Promise.resolve(keyring.workstationWraps()),
      open: (input) => {
        const { workstationId, wrappingKeyHex } = parseInput(OpenFromWorkstationSchema, input);
        const wrappingKey = Buffer.from(wrappingKeyHex, 'hex');
        try {
          return Promise.resolve(keyring.openFromWorkstation(workstationId, wrappingKey));
        } finally {
          wrappingKey.fill(0);
        }
      },
    },
  };
}
