// The demo recipients of `npm run preview` (issue 12): Census and USKPA of the preview's vault
// pointed at the reference intake server the preview host runs on this computer, so a new user
// sees a copy go Pending → Delivered with a verified receipt. Only the preview host composes this
// (its vault gateway's afterOpen hook, preview/demo-intake.ts); the packaged app never
// auto-configures a recipient. The rows are marked demo (migration 0230) so the app labels them
// "demo intake on this computer; nothing reaches Census", and a recipient the user configured
// is never overwritten: set up once, on the vault's first administrator (a recipient row names
// who it was set up for), and afterwards only rows still marked demo follow the intake to its new
// address (a fresh port on each preview run).
import type { OutboxRecipient } from '../vault/repositories/outbox-repository';
import type { RecipientSettingsStore } from './recipient-settings-store';

/** Where this run's demo intake listens, and the files its mutual TLS needs (test PKI). */
export type DemoIntake = {
  url: string;
  caPem: string;
  clientCertPem: string;
  clientKeyPem: string;
};

const BOTH: readonly OutboxRecipient[] = ['census', 'uskpa'];

export type DemoRecipients = ReturnType<typeof createDemoRecipients>;

export function createDemoRecipients(settings: RecipientSettingsStore) {
  const settingsFor = (recipient: OutboxRecipient, intake: DemoIntake) => ({
    recipient,
    channel: 'https' as const,
    url: intake.url,
    caPem: intake.caPem,
    clientCertPem: intake.clientCertPem,
    clientKeyPem: intake.clientKeyPem,
  });
  return {
    /**
     * After first-run setup created the first administrator: each recipient nobody configured
     * yet becomes the demo intake (checked like any other save: address, CA, client pair).
     */
    setUp: (intake: DemoIntake, administratorId: number): OutboxRecipient[] => {
      const configured = new Set(settings.all().map((entry) => entry.recipient));
      const added = BOTH.filter((recipient) => !configured.has(recipient));
      for (const recipient of added)
        settings.save(settingsFor(recipient, intake), administratorId, { demo: true });
      return added;
    },
    /** When the vault opens: the rows still marked demo follow the intake to its address. */
    follow: (intake: DemoIntake): OutboxRecipient[] =>
      settings
        .demoRecipients()
        .filter((recipient) => settings.moveDemo(settingsFor(recipient, intake))),
  };
}
