// The submissions channels (issue 12, part 4): the queue, a certificate's copies, the user's moves
// (retry now, cancel), receipts with what was verified and their export, the recipients (files
// chosen through main's dialogs, never a path or a key from the renderer), the background
// delivery's state and the overdue Census duties. Roles are checked in the core: administrators
// and operators act, reviewers read; recipients are configured by administrators.
import { z } from 'zod';
import {
  ChooseRecipientFileInputSchema,
  ConfirmSentInputSchema,
  FaxPackageInputSchema,
  FaxPackageResultSchema,
  ChosenFileSchema,
  DeliveryStateSchema,
  OverdueDutySchema,
  ReceiptExportInputSchema,
  ReceiptExportResultSchema,
  ReceiptViewSchema,
  RecipientsSchema,
  SaveRecipientChannelInputSchema,
  SaveRecipientInputSchema,
  SubmissionItemSchema,
  SubmissionListInputSchema,
  SubmissionListSchema,
} from '../records/submission-views';

const noInput = z.object({}).strict();
const idInput = z.object({ id: z.number().int().min(1) }).strict();

export const submissionsContract = {
  'submissions:list': { input: SubmissionListInputSchema, output: SubmissionListSchema },
  'submissions:forCertificate': {
    input: z.object({ certificateId: z.number().int().min(1) }).strict(),
    output: z.array(SubmissionItemSchema),
  },
  'submissions:retryNow': { input: idInput, output: SubmissionItemSchema },
  'submissions:cancel': { input: idInput, output: SubmissionItemSchema },
  'submissions:receipt': { input: idInput, output: ReceiptViewSchema },
  'submissions:exportReceipts': {
    input: ReceiptExportInputSchema,
    output: ReceiptExportResultSchema,
  },
  'submissions:status': { input: noInput, output: DeliveryStateSchema },
  'submissions:overdue': { input: noInput, output: z.array(OverdueDutySchema) },
  'submissions:recipients': { input: noInput, output: RecipientsSchema },
  'submissions:chooseRecipientFile': {
    input: ChooseRecipientFileInputSchema,
    output: z.union([z.object({ cancelled: z.literal(true) }).strict(), ChosenFileSchema]),
  },
  'submissions:saveRecipient': { input: SaveRecipientInputSchema, output: RecipientsSchema },
  'submissions:saveRecipientChannel': {
    input: SaveRecipientChannelInputSchema,
    output: RecipientsSchema,
  },
  // Manual channel: operators and administrators (the core checks, as for the CLI).
  'submissions:saveFaxPackage': { input: FaxPackageInputSchema, output: FaxPackageResultSchema },
  'submissions:confirmSent': { input: ConfirmSentInputSchema, output: SubmissionItemSchema },
} as const;
