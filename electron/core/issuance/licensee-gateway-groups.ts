// The vault gateway's `licensee` and `parties` groups: the licensee's own record and its address
// book of exporters and consignees. Each call is made as the signed-in user (`asUser`).
import { PartyListSchema } from '../../../shared/records/party-inputs';
import type { AsUser } from '../vault/gateway-calls';
import { parseInput } from '../vault/repositories/parse-input';

export function licenseeGatewayGroups(asUser: AsUser) {
  return {
    licensee: {
      // A record like any other: not before sign-in (issue 13: it answered with nobody signed in).
      get: asUser((s) => s.licensee.get()),
      save: asUser((s, actor, input) => s.issuance.saveLicensee(actor, input)),
    },
    parties: {
      list: asUser((s, _actor, input) => s.parties.search(parseInput(PartyListSchema, input))),
      save: asUser((s, actor, input) => s.issuance.saveParty(actor, input)),
    },
  };
}
