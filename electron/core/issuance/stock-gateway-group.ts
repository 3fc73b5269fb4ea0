// The vault gateway's `stock` group: the blank certificate forms USKPA issued to the licensee,
// registered, summarised (counts, gaps, next available) and voided when spoiled. A voided blank
// queues its copies, so that call is followed by a background delivery pass (`thenDeliver`).
import type { AsUser, ThenDeliver } from '../vault/gateway-calls';
import type { VaultServices } from '../vault/vault-services';

const stockSummary = (services: VaultServices) => ({
  counts: services.stock.counts(),
  gaps: services.stock.gaps(),
  nextAvailable: services.stock.nextAvailable(),
});

export function stockGatewayGroup(asUser: AsUser, thenDeliver: ThenDeliver) {
  return {
    register: asUser((s, actor, input) => {
      s.issuance.registerStock(actor, input);
      return stockSummary(s);
    }),
    summary: asUser((s) => stockSummary(s)),
    voidBlank: thenDeliver(
      asUser((s, actor, input) => {
        s.issuance.voidBlank(actor, input);
        return stockSummary(s);
      }),
    ),
  };
}
