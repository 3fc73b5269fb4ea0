// Which recipients are set to the manual channel (fax, Census's secure file transfer): their
// copies are not sent by KP Desk, so their rows offer "Prepare fax package…" and "Record
// confirmation…" instead of waiting for a receipt. Read from the recipients' settings.
import { useEffect, useState } from 'react';
import type { KpApi } from '../../../shared/ipc/api';
import type { SubmissionItem } from '../../../shared/records/submission-views';
import { callApi } from '../shell/call-api';
import { usePackageAccess } from '../audit-package/package-access';

export type ManualRecipients = ReadonlySet<SubmissionItem['recipient']>;

export function useManualRecipients(api: KpApi, version: number): ManualRecipients {
  const [manual, setManual] = useState<ManualRecipients>(new Set());
  const refused = usePackageAccess().refusal('submissions:recipients');
  useEffect(() => {
    // A package's recipients' settings are withheld: the core answers nothing for them.
    if (refused !== null) return undefined;
    let current = true;
    void callApi(() => api.submissions.recipients({})).then((answer) => {
      if (!current || !answer.ok) return;
      setManual(
        new Set(
          answer.value.recipients
            .filter((recipient) => recipient.channel === 'manual')
            .map((recipient) => recipient.recipient),
        ),
      );
    });
    return () => {
      current = false;
    };
  }, [api, version, refused]);
  return manual;
}
