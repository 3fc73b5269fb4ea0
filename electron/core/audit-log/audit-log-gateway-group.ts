// The vault gateway's `auditLog` group, for the Audit log page (issue 14): reviewers and
// administrators read the events; the CSV goes to a path from main's save dialog
// (audit-log-handlers.ts). Each call is made as the signed-in user (`asUser`).
import type { AsUser } from '../vault/gateway-calls';

export function auditLogGatewayGroup(asUser: AsUser) {
  return {
    list: asUser((s, actor, input) => s.auditLog.list(actor, input)),
    checkExport: asUser((s, actor, input) => {
      s.auditLog.checkExport(actor, input);
    }),
    exportCsv: asUser((s, actor, input) => s.auditLog.exportCsv(actor, input)),
  };
}
