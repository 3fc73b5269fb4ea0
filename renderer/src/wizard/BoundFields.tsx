// A run of draft text fields described as data (label, hint, input kind), each bound to its
// field of the draft through the step kit: the steps list what differs, not the same markup again.
import type { ComponentProps } from 'react';
import type { TextField as TextFieldName } from '../certificate/draft-fields';
import { TextField } from '../certificate/TextField';
import type { TextFieldBinding } from '../certificate/TextField';
import type { StepKit } from './step-kit';

export type BoundField = { field: TextFieldName } & Omit<
  ComponentProps<typeof TextField>,
  keyof TextFieldBinding
>;

export function BoundFields({ kit, fields }: { kit: StepKit; fields: readonly BoundField[] }) {
  return fields.map(({ field, ...shown }) => (
    <TextField key={field} {...kit.bind(field)} {...shown} />
  ));
}
