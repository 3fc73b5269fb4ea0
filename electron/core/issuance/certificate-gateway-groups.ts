// The vault gateway's `certificates` and `editRequests` groups: drafts, issue, shipment,
// delivery, void, reading, the ITN lookup and the timeline, and the edit requests on issued
// certificates. Each call is made as the signed-in user (`asUser`); the roles and the rules are
// checked by the issuance service. Calls that queue Census or USKPA copies (issue, ship, void,
// an approved correction) are followed by a background delivery pass (`thenDeliver`, issue 12).
import { z } from 'zod';
import { EditRequestListSchema } from '../../../shared/records/issuance-inputs';
import { AppFailure } from '../app-failure';
import type { AsUser, ThenDeliver } from '../vault/gateway-calls';
import { parseInput } from '../vault/repositories/parse-input';

const ItnLookupSchema = z.object({ itn: z.string().max(40) }).strict();
const IdSchema = z.object({ id: z.number().int().min(1) }).strict();

export function certificateGatewayGroups(asUser: AsUser, thenDeliver: ThenDeliver) {
  return {
    certificates: {
      createDraft: asUser((s, actor, input) => s.issuance.createDraft(actor, input)),
      updateDraft: asUser((s, actor, input) => s.issuance.updateDraft(actor, input)),
      recordItn: asUser((s, actor, input) => s.issuance.recordItn(actor, input)),
      issue: thenDeliver(asUser((s, actor, input) => s.issuance.issue(actor, input))),
      ship: thenDeliver(asUser((s, actor, input) => s.issuance.ship(actor, input))),
      deliver: asUser((s, actor, input) => s.issuance.deliver(actor, input)),
      void: thenDeliver(asUser((s, actor, input) => s.issuance.void(actor, input))),
      get: asUser((s, _actor, input) => {
        const { id } = parseInput(IdSchema, input);
        const record = s.certificates.get(id);
        if (record === null)
          throw new AppFailure('NOT_FOUND', `There is no certificate with id ${String(id)}.`);
        // Issue 15 part 3: where an imported record came from (never signed by KP Desk).
        return { ...record, imported: s.importMarks.of(id) };
      }),
      list: asUser((s, _actor, input) => {
        const page = s.certificates.list(input);
        const imported = s.importMarks.among(page.items.map((item) => item.id));
        return {
          ...page,
          items: page.items.map((item) => ({ ...item, imported: imported.has(item.id) })),
        };
      }),
      /** Numbers of the certificates (not voided) that carry this ITN, for ITN_USED_ELSEWHERE. */
      numbersWithItn: asUser((s, _actor, input) => {
        const { itn } = parseInput(ItnLookupSchema, input);
        return s.certificates
          .findByItn(itn)
          .filter((record) => record.state !== 'VOIDED')
          .map((record) => record.number);
      }),
      requestEdit: asUser((s, actor, input) => s.issuance.requestEdit(actor, input)),
      timeline: asUser((s, _actor, input) => {
        const { id } = parseInput(IdSchema, input);
        const record = s.certificates.get(id);
        if (record === null)
          throw new AppFailure('NOT_FOUND', `There is no certificate with id ${String(id)}.`);
        return s.certificates.timeline(record.id, record.number);
      }),
    },
    editRequests: {
      list: asUser((s, _actor, input) =>
        s.editRequests.list(parseInput(EditRequestListSchema, input)),
      ),
      decide: thenDeliver(asUser((s, actor, input) => s.issuance.decideEdit(actor, input))),
    },
  };
}
