// The form's own state: the draft as typed, which fields the user has left (touched), and
// whether a submit was tried. Findings stay hidden on a field until it was touched or the form
// was submitted, so an empty form does not open with a wall of errors.
import { useCallback, useState } from 'react';
import type { CertificateDraft, CertificateField } from '../../../shared/domain/certificate-draft';
import { emptyDraft } from '../../../shared/domain/certificate-draft';
import type { TextField } from './draft-fields';
import { withHsCode, withTextValue } from './draft-fields';

export function useDraftForm(initial?: CertificateDraft) {
  const [draft, setDraft] = useState(() => initial ?? emptyDraft());
  const [touched, setTouched] = useState<ReadonlySet<CertificateField>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);

  const touch = useCallback((field: CertificateField) => {
    setTouched((current) => (current.has(field) ? current : new Set([...current, field])));
  }, []);
  const setText = useCallback((field: TextField, value: string) => {
    setDraft((current) => withTextValue(current, field, value));
  }, []);
  const setHsCode = useCallback((code: string) => {
    setDraft((current) => withHsCode(current, code));
  }, []);
  const markSubmitted = useCallback(() => {
    setSubmitted(true);
  }, []);

  const isVisible = useCallback(
    (field: CertificateField) => submitted || touched.has(field),
    [submitted, touched],
  );

  return { draft, setText, setHsCode, touch, markSubmitted, isVisible };
}
