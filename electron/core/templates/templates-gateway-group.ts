// The vault gateway's `templates` group (issue 15, part 6): each call made as the signed-in user
// on the open records; roles are checked by the templates service.
import type { AsUser } from '../vault/gateway-calls';

export function templatesGatewayGroup(asUser: AsUser) {
  return {
    list: asUser((s, actor) => s.templates.list(actor)),
    get: asUser((s, actor, input) => s.templates.get(actor, input)),
    save: asUser((s, actor, input) => s.templates.save(actor, input)),
    rename: asUser((s, actor, input) => s.templates.rename(actor, input)),
    delete: asUser((s, actor, input) => s.templates.delete(actor, input)),
    apply: asUser((s, actor, input) => s.templates.apply(actor, input)),
  };
}
