// Page 1 of the real certificate as the core lays it out (documents:preview → SVG), shown as an
// image from a data: URL (the CSP allows data: images and nothing else inline). It is fetched
// again whenever the saved record changes (its version).
import { useEffect, useState } from 'react';
import type { KpApi } from '../../../shared/ipc/api';
import { callApi } from '../shell/call-api';

type Props = { api: KpApi; certificateId: number; version: number; number: string };

type Preview = { key: string; src: string } | { key: string; error: string } | null;

export function CertificatePreview({ api, certificateId, version, number }: Props) {
  const key = `${String(certificateId)}:${String(version)}`;
  const [preview, setPreview] = useState<Preview>(null);
  useEffect(() => {
    let live = true;
    void callApi(() => api.documents.preview({ certificateId })).then((result) => {
      if (!live) return;
      setPreview(
        result.ok
          ? { key, src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(result.value.svg)}` }
          : { key, error: result.error.message },
      );
    });
    return () => {
      live = false;
    };
  }, [api, certificateId, key]);

  if (preview === null || preview.key !== key)
    return (
      <p className="wizard__preview-note" role="status">
        Drawing the certificate…
      </p>
    );
  if ('error' in preview)
    return <p className="wizard__preview-note">The preview could not be drawn: {preview.error}</p>;
  return (
    <figure className="wizard__figure-preview">
      <img
        className="wizard__preview"
        src={preview.src}
        alt={`Page 1 of certificate ${number} as it will be printed`}
        data-testid="certificate-preview"
      />
      <figcaption>Page 1 of {number}, laid out as on the printed form.</figcaption>
    </figure>
  );
}
