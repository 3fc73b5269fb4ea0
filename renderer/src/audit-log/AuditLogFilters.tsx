// The Audit log's filters: user, action, certificate number and a range of days. They are sent as
// typed; the core checks them (a date that is not a calendar date, a first day after the last)
// and its message is shown at the field.
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import { auditActionWords } from '../../../shared/audit-log/audit-action-words';
import type { AuditLogFilter } from '../../../shared/audit-log/audit-log-query';
import type { AppError } from '../../../shared/errors';
import { fieldError } from '../shell/form/field-errors';
import { TextField } from '../shell/form/FormField';
import { SelectField } from '../shell/form/SelectField';

export type FilterText = {
  userId: string;
  action: string;
  certificateNumber: string;
  from: string;
  to: string;
};

export const noFilter: FilterText = {
  userId: '',
  action: '',
  certificateNumber: '',
  from: '',
  to: '',
};

/** The typed filter as the channel takes it: empty fields are left out. */
export function filterOf(text: FilterText): AuditLogFilter {
  const trimmed = (value: string) => value.trim();
  return {
    ...(text.userId === '' ? {} : { userId: Number(text.userId) }),
    ...(text.action === '' ? {} : { action: text.action }),
    ...(trimmed(text.certificateNumber) === ''
      ? {}
      : { certificateNumber: trimmed(text.certificateNumber) }),
    ...(trimmed(text.from) === '' ? {} : { from: trimmed(text.from) }),
    ...(trimmed(text.to) === '' ? {} : { to: trimmed(text.to) }),
  };
}

type Props = {
  users: readonly { id: number; displayName: string }[];
  error: AppError | null;
  busy: boolean;
  onApply: (text: FilterText) => void;
};

const actions = Object.entries(auditActionWords).sort(([, a], [, b]) => a.localeCompare(b));

export function AuditLogFilters({ users, error, busy, onApply }: Props) {
  const [text, setText] = useState<FilterText>(noFilter);
  const set = (key: keyof FilterText) => (value: string) => {
    setText((before) => ({ ...before, [key]: value }));
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    onApply(text);
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Filter the audit log">
      <div className="audit-log__filters">
        <SelectField
          label="User"
          name="userId"
          value={text.userId}
          onChange={(event) => {
            set('userId')(event.target.value);
          }}
          error={fieldError(error, 'filter.userId')}
        >
          <option value="">Everyone</option>
          {users.map((user) => (
            <option key={user.id} value={String(user.id)}>
              {user.displayName}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Action"
          name="action"
          value={text.action}
          onChange={(event) => {
            set('action')(event.target.value);
          }}
          error={fieldError(error, 'filter.action')}
        >
          <option value="">Every action</option>
          {actions.map(([action, words]) => (
            <option key={action} value={action}>
              {words}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Certificate number"
          name="certificateNumber"
          value={text.certificateNumber}
          spellCheck={false}
          hint="Its events, its form's, its corrections', its documents' and its submissions'."
          onChange={(event) => {
            set('certificateNumber')(event.target.value);
          }}
          error={fieldError(error, 'filter.certificateNumber')}
        />
        <TextField
          label="From (first day)"
          name="from"
          type="date"
          value={text.from}
          hint="Your local days, both included."
          onChange={(event) => {
            set('from')(event.target.value);
          }}
          error={fieldError(error, 'filter.from')}
        />
        <TextField
          label="To (last day)"
          name="to"
          type="date"
          value={text.to}
          onChange={(event) => {
            set('to')(event.target.value);
          }}
          error={fieldError(error, 'filter.to')}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          Show the events
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => {
            setText(noFilter);
            onApply(noFilter);
          }}
        >
          Clear the filters
        </button>
      </div>
    </form>
  );
}
