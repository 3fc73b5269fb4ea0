// The names of every IPC channel, `domain:verb`. This list is the only place a channel string is
// written; contract.ts gives each its schemas (and fails to compile if one is missing), and the
// preload builds window.kp from this list without pulling the schemas into the sandbox.
export const channelNames = [
  'app:getInfo',
  'settings:get',
  'settings:save',
  'certificates:validate',
  'vault:status',
  'vault:create',
  'vault:unlock',
  'vault:lock',
  'vault:changePassphrase',
  'vault:confirmRecoveryKey',
  'vault:rotateRecoveryKey',
  'vault:rekey',
  'vault:rememberOnThisComputer',
  'vault:forgetOnThisComputer',
  'vault:backup',
  'vault:restore',
  'tasks:progress',
  'session:signIn',
  'session:signOut',
  'users:createFirstAdministrator',
  'users:list',
  'users:create',
  'users:update',
  'licensee:get',
  'licensee:save',
  'parties:list',
  'parties:save',
  'stock:register',
  'stock:summary',
  'stock:voidBlank',
  'certificates:createDraft',
  'certificates:updateDraft',
  'certificates:recordItn',
  'certificates:issue',
  'certificates:ship',
  'certificates:deliver',
  'certificates:void',
  'certificates:get',
  'certificates:list',
  'certificates:timeline',
  'certificates:requestEdit',
  'editRequests:list',
  'editRequests:decide',
  'audit:verify',
  'audit:head',
  'identity:get',
  'identity:generate',
  'identity:import',
  'identity:importCertificate',
  'documents:preview',
  'documents:sign',
  'documents:save',
  'documents:printOverlay',
  'documents:printCalibration',
  'documents:verify',
  'trust:list',
  'trust:add',
  'trust:remove',
  'reports:statistics',
  'review:run',
  'review:export',
  'audit:list',
  'audit:export',
  'submissions:list',
  'submissions:forCertificate',
  'submissions:retryNow',
  'submissions:cancel',
  'submissions:receipt',
  'submissions:exportReceipts',
  'submissions:status',
  'submissions:overdue',
  'submissions:recipients',
  'submissions:chooseRecipientFile',
  'submissions:saveRecipient',
  'documents:list',
  'preferences:get',
  'preferences:save',
  'identity:signingKeys',
  'identity:setSigningSecret',
  'identity:unlockSigning',
  'identity:openWorkstation',
  'identity:closeWorkstation',
  'identity:exportEscrow',
  'audit:checkAnchors',
] as const;

export type ChannelName = (typeof channelNames)[number];

export type ChannelNamespace<C extends string> = C extends `${infer N}:${string}` ? N : never;
export type ChannelVerb<C extends string> = C extends `${string}:${infer V}` ? V : never;

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && (channelNames as readonly string[]).includes(value);
}

/** "certificates:validate" → ["certificates", "validate"]. */
export function splitChannel(channel: ChannelName): [string, string] {
  const [namespace = '', verb = ''] = channel.split(':');
  return [namespace, verb];
}
