import { describe, expect, it } from 'vitest';
import type { CertificateState, LifecycleEvent } from '../../../shared/domain/lifecycle';
import { certificateStates, OTHER_VOID_REASON, transition } from '../../../shared/domain/lifecycle';

const dates = { dateOfIssue: '2026-11-27', dateOfExpiry: '2027-01-26' };
const events = {
  startDraft: { type: 'startDraft' },
  recordItn: { type: 'recordItn', itn: 'X20261127123456' },
  issue: { type: 'issue', attested: true, errorCount: 0 },
  ship: { type: 'ship', shipDate: '2026-11-28', ...dates },
  deliver: { type: 'deliver', importConfirmed: true },
  void: { type: 'void', reason: 'Printer error', notes: '' },
  expire: { type: 'expire', today: '2027-01-27', dateOfExpiry: '2027-01-26' },
} satisfies Record<LifecycleEvent['type'], LifecycleEvent>;

function refusal(from: CertificateState, event: LifecycleEvent) {
  const result = transition(from, event);
  return result.ok ? `ok:${result.state}` : result.error.refusal;
}

describe('certificate lifecycle', () => {
  it('walks the happy path IN_STOCK → DELIVERED', () => {
    let state: CertificateState = 'IN_STOCK';
    const seen: CertificateState[] = [];
    for (const event of [
      events.startDraft,
      events.recordItn,
      events.issue,
      events.ship,
      events.deliver,
    ]) {
      const result = transition(state, event);
      if (!result.ok) throw new Error(result.error.message);
      state = result.state;
      seen.push(state);
    }
    expect(seen).toEqual(['DRAFT', 'VALIDATED', 'ISSUED', 'SHIPPED', 'DELIVERED']);
  });

  it('allows exactly the transitions of domain.md', () => {
    const allowed: string[] = [];
    for (const from of certificateStates) {
      for (const event of Object.values(events)) {
        if (transition(from, event).ok) allowed.push(`${from}-${event.type}`);
      }
    }
    expect(allowed.sort()).toEqual(
      [
        'IN_STOCK-startDraft',
        'DRAFT-recordItn',
        'VALIDATED-recordItn',
        'VALIDATED-issue',
        'ISSUED-ship',
        'SHIPPED-deliver',
        'ISSUED-expire',
        'IN_STOCK-void',
        'DRAFT-void',
        'VALIDATED-void',
        'ISSUED-void',
        'SHIPPED-void',
        'EXPIRED-void',
      ].sort(),
    );
  });

  it('never leaves VOIDED or DELIVERED', () => {
    for (const event of Object.values(events)) {
      expect(transition('VOIDED', event).ok).toBe(false);
      expect(transition('DELIVERED', event).ok).toBe(false);
    }
  });

  it('gives a typed error for an illegal step', () => {
    const result = transition('DRAFT', events.issue);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'ILLEGAL_TRANSITION',
        refusal: 'NOT_FROM_THIS_STATE',
        from: 'DRAFT',
        event: 'issue',
      },
    });
  });

  it('records only a valid ITN', () =>
    expect(refusal('DRAFT', { type: 'recordItn', itn: 'X20191332000001' })).toBe('ITN_INVALID'));
  it('issues only when attested', () =>
    expect(refusal('VALIDATED', { ...events.issue, attested: false })).toBe('NOT_ATTESTED'));
  it('issues only without errors', () =>
    expect(refusal('VALIDATED', { ...events.issue, errorCount: 2 })).toBe('HAS_ERRORS'));
  it('ships on or after the date of issue', () => {
    expect(refusal('ISSUED', { ...events.ship, shipDate: '2026-11-26' })).toBe('SHIP_BEFORE_ISSUE');
    expect(refusal('ISSUED', { ...events.ship, shipDate: '2026-11-27' })).toBe('ok:SHIPPED');
    expect(refusal('ISSUED', { ...events.ship, shipDate: 'soon' })).toBe('SHIP_DATE_INVALID');
  });
  it('voids only with a reason from the USKPA list', () => {
    expect(refusal('ISSUED', { type: 'void', reason: 'Changed my mind', notes: '' })).toBe(
      'VOID_REASON_UNKNOWN',
    );
    expect(refusal('ISSUED', { type: 'void', reason: OTHER_VOID_REASON, notes: ' ' })).toBe(
      'VOID_NOTES_REQUIRED',
    );
    expect(
      refusal('ISSUED', { type: 'void', reason: OTHER_VOID_REASON, notes: 'Wrong consignee' }),
    ).toBe('ok:VOIDED');
  });
  it('expires only after the date of expiry', () => {
    expect(refusal('ISSUED', { ...events.expire, today: '2027-01-26' })).toBe('NOT_YET_EXPIRED');
    expect(refusal('ISSUED', events.expire)).toBe('ok:EXPIRED');
  });
});
