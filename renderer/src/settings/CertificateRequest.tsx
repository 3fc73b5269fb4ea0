// The certificate request (CSR, PEM) of a self-signed identity, where the text that mentions it
// is: shown in full, with Copy (clipboard) and Save (a .csr file the user picks the place of), so
// it can be sent to a certification authority whose certificate PDF readers trust. First-run
// setup said "send the certificate request below" with nothing below it (issue 16).
import { useId, useState } from 'react';

type Props = { pem: string; headingLevel?: 2 | 3 };

export function CertificateRequest({ pem, headingLevel = 3 }: Props) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const titleId = useId();
  const [said, setSaid] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(pem);
      setSaid(
        'The certificate request is copied: paste it into the certification authority’s form.',
      );
    } catch {
      setSaid('KP Desk could not reach the clipboard: select the request above and press Ctrl+C.');
    }
  };
  const save = () => {
    // A download of the text itself: the browser (or Electron) asks where to keep the file.
    if (typeof URL.createObjectURL !== 'function') {
      setSaid('Saving is not available here: copy the request instead.');
      return;
    }
    const url = URL.createObjectURL(new Blob([pem], { type: 'application/pkcs10' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'kp-desk-signing-request.csr';
    link.click();
    URL.revokeObjectURL(url);
    setSaid('The request is offered as kp-desk-signing-request.csr: choose where to keep it.');
  };
  return (
    <section className="certificate-request" aria-labelledby={titleId}>
      <Heading id={titleId}>Certificate request for a certification authority</Heading>
      <p className="note">
        Send this request (a CSR in PEM form) to a certification authority. It holds your public key
        and the name to certify, never the private key. When the authority returns the certificate,
        import it in Settings → Signing identity.
      </p>
      <pre className="pem" tabIndex={0} aria-label="Certificate request (PEM)">
        {pem}
      </pre>
      <div className="form-actions form-actions--start">
        <button
          type="button"
          className="button"
          onClick={() => {
            void copy();
          }}
        >
          Copy the request
        </button>
        <button type="button" className="button" onClick={save}>
          Save the request as a file
        </button>
      </div>
      <p role="status" className="note">
        {said}
      </p>
    </section>
  );
}
