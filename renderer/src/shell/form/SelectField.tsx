// A labelled select with its hint and its error at the field (FieldFrame.tsx).
import type { SelectHTMLAttributes } from 'react';
import { FieldFrame, useControlAttributes } from './FieldFrame';
import type { FieldText } from './FieldFrame';

type Props = FieldText & SelectHTMLAttributes<HTMLSelectElement>;

export function SelectField({ label, hint, error, id, children, ...select }: Props) {
  const control = useControlAttributes(id, { hint, error });
  return (
    <FieldFrame {...{ label, hint, error }} id={control.id}>
      <select {...select} {...control} className="control">
        {children}
      </select>
    </FieldFrame>
  );
}
