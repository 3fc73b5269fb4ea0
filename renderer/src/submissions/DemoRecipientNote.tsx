// The preview's demo recipient (issue 12), named wherever copies are followed: when Census or
// USKPA is the demo intake that `npm run preview` runs on this computer (migration 0230), a
// "Delivered" there proves the flow works, not that an agency has the copy.
import { useEffect, useState } from 'react';
import type { KpApi } from '../../../shared/ipc/api';
import type { SubmissionRecipient } from '../../../shared/records/submission-recipient-settings';
import { callApi } from '../shell/call-api';
import { usePackageAccess } from '../audit-package/package-access';

const agency: Record<SubmissionRecipient, string> = { census: 'Census', uskpa: 'USKPA' };

/** "…; nothing reaches Census": the words Settings and Submissions both use. */
export function demoRecipientText(recipients: readonly SubmissionRecipient[]): string {
  const names = recipients.map((recipient) => agency[recipient]);
  return `Demo recipient: demo intake on this computer; nothing reaches ${names.join(' or ')}.`;
}

export function DemoRecipientNote({ api }: { api: KpApi }) {
  const [demo, setDemo] = useState<SubmissionRecipient[]>([]);
  const refused = usePackageAccess().refusal('submissions:recipients');
  useEffect(() => {
    // A package's recipients' settings are withheld: the core answers nothing for them.
    if (refused !== null) return undefined;
    let current = true;
    void callApi(() => api.submissions.recipients({})).then((answer) => {
      if (current && answer.ok)
        setDemo(answer.value.recipients.filter((r) => r.demo).map((r) => r.recipient));
    });
    return () => {
      current = false;
    };
  }, [api, refused]);
  if (demo.length === 0) return null;
  return (
    <p className="notice" data-testid="demo-recipient-note">
      {demoRecipientText(demo)} Copies shown as Delivered went to the reference intake server
      started by the preview (Settings → Recipients replaces it with the real recipient).
    </p>
  );
}
