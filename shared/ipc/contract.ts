// The IPC contract: each channel's input and output schema. Main parses every payload with the
// input schema before a handler runs (electron/ipc/handle.ts), and so does the preview bridge;
// the renderer's types come from here through api.ts. Inputs are `.strict()` objects, never
// positional arguments.
import { z } from 'zod';
import { CertificateDraftSchema } from '../domain/certificate-draft';
import { ValidationReportSchema, validationPurposes } from '../domain/validation-report';
import { SettingsViewSchema } from '../records/vault-settings';
import type { ChannelName } from './channels';
import { documentsContract } from './documents-contract';
import { auditLogContract } from './audit-log-contract';
import { reportsContract } from './reports-contract';
import { reviewContract } from './review-contract';
import { auditPackageContract } from './audit-package-contract';
import { submissionsContract } from './submissions-contract';
import { preferencesContract } from './preferences-contract';
import { signingKeysContract } from './signing-keys-contract';
import { auditAnchorsContract } from './audit-anchors-contract';
import { signingKeysReplacementContract } from './signing-keys-replacement-contract';
import { trustContract } from './trust-contract';
import { incomingContract } from './incoming-contract';
import { vaultContract } from './vault-contract';
import { auditPackageReadingContract } from './audit-package-reading-contract';
import { templatesContract } from './templates-contract';

type ChannelSpec = { input: z.ZodType; output: z.ZodType };

const noInput = z.object({}).strict();

export const contract = {
  'app:getInfo': {
    input: noInput,
    output: z
      .object({
        name: z.string(),
        version: z.string(),
        /** Where the core runs: inside Electron's main process, or behind the preview host. */
        runtime: z.enum(['electron', 'preview']),
        /** The date of the KP Participant list the rules use (Federal Register notice). */
        participantsAsOf: z.string(),
        /**
         * Preview only: true when its vault lives in a temporary folder that is deleted, so the
         * first screen says so (issue 16); absent in the desktop app.
         */
        temporaryVault: z.boolean().optional(),
      })
      .strict(),
  },
  'settings:get': {
    input: noInput,
    // Answers while the vault is locked too (the defaults); `validation` feeds the live checks.
    output: SettingsViewSchema,
  },
  'certificates:validate': {
    input: z
      .object({
        certificate: CertificateDraftSchema,
        purpose: z.enum(validationPurposes).default('issue'),
      })
      .strict(),
    output: ValidationReportSchema,
  },
  ...vaultContract,
  ...documentsContract,
  ...trustContract,
  ...reportsContract,
  ...reviewContract,
  ...auditLogContract,
  ...submissionsContract,
  ...preferencesContract,
  ...incomingContract,
  ...auditPackageContract,
  ...signingKeysContract,
  ...auditAnchorsContract,
  ...auditPackageReadingContract,
  ...templatesContract,
  ...signingKeysReplacementContract,
} as const satisfies Record<ChannelName, ChannelSpec>;

export type Contract = typeof contract;
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ParsedChannelInput<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>;
