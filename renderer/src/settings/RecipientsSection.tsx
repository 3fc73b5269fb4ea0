// Settings → Recipients: where KP Desk sends the copies and reports (issue 12). Each recipient
// (Census, USKPA) has an HTTPS form: the address, the recipient's CA certificate to pin, and the
// client certificate with its key for mutual TLS. The files are chosen in main's open dialog and
// kept in the core (the renderer sees who a certificate names, never the key). A save is refused
// whole, with the reason next to the field (malformed or http: address, a missing file, an
// expired or not-yet-valid certificate, a CA that is not one, a key of another certificate), and
// then nothing is saved or sent. E-mail (SMTP, STARTTLS) and manual are chosen here too
// (RecipientChannelEditor); people who are not administrators read the settings only.
import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { RecipientView } from '../../../shared/records/submission-views';
import { callApi } from '../shell/call-api';
import { FormAlert } from '../shell/form/FormAlert';
import { demoRecipientText } from '../submissions/DemoRecipientNote';
import { RecipientChannelEditor } from './RecipientChannelEditor';
import type { Recipients } from './recipient-words';
import { channelWords, recipientTitles } from './recipient-words';

/** What a person who may not change the settings reads (no key, no password). */
function readOnlyText(saved: RecipientView | null): string {
  if (saved === null) return 'Not configured: copies to this recipient wait in Submissions.';
  if (saved.channel === 'manual') return `Channel: ${channelWords.manual ?? ''}.`;
  if (saved.channel === 'smtp')
    return `E-mail to ${saved.mailTo ?? ''} through ${saved.url ?? ''}; mail server CA ${saved.caSubject ?? 'not pinned'}; login ${saved.mailLogin ?? 'none'}${saved.passwordSet ? ', password set' : ''}.`;
  return `HTTPS to ${saved.url ?? ''}; CA ${saved.caSubject ?? 'unreadable'}; client certificate ${saved.clientSubject ?? 'unreadable'}.`;
}

export function RecipientsSection({ api, manage }: { api: KpApi; manage: boolean }) {
  const [data, setData] = useState<Recipients | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let current = true;
    void callApi(() => api.submissions.recipients({})).then((answer) => {
      if (!current) return;
      if (answer.ok) setData(answer.value);
      else setError(answer.error);
    });
    return () => {
      current = false;
    };
  }, [api]);

  return (
    <section className="panel" aria-labelledby="recipients-title">
      <h2 id="recipients-title">Recipients</h2>
      <p>
        Where copies go: Census must receive a copy of every certificate immediately after export
        and on voiding (31 CFR 592.301(a)(1)(iv)-(v); 15 CFR 30.7(c)); USKPA a report of each
        certificate’s use. Without a recipient, copies wait in Submissions.
      </p>
      <FormAlert error={error} />
      {data === null
        ? null
        : (['census', 'uskpa'] as const).map((recipient) => {
            const saved = data.recipients.find((entry) => entry.recipient === recipient) ?? null;
            const demo =
              saved?.demo === true ? (
                <p className="notice" data-testid={`demo-recipient-${recipient}`}>
                  {demoRecipientText([recipient])}
                  {manage ? ' Save your own settings below to replace it.' : ''}
                </p>
              ) : null;
            return manage ? (
              <div key={recipient}>
                {demo}
                <RecipientChannelEditor
                  api={api}
                  recipient={recipient}
                  saved={saved}
                  chosen={data.chosen.filter((file) => file.recipient === recipient)}
                  onSaved={setData}
                />
              </div>
            ) : (
              <div key={recipient}>
                <h3>{recipientTitles[recipient]}</h3>
                {demo}
                <p>{readOnlyText(saved)}</p>
              </div>
            );
          })}
    </section>
  );
}
