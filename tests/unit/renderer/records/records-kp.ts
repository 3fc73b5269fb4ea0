// window.kp for the records components: the real core (contract parsing, vault gateway, issuance
// service) over a real encrypted vault in a temp folder (tests/helpers/vault-channel-harness.ts),
// behind a transport that copies each payload as JSON would. Seeding goes through the same
// channels the app uses.
import type { CertificateDraftInput } from '../../../../shared/domain/certificate-draft';
import { buildKpApi } from '../../../../shared/ipc/api';
import type { KpApi } from '../../../../shared/ipc/api';
import { channelNames } from '../../../../shared/ipc/channels';
import type { ChannelHarness } from '../../../helpers/vault-channel-harness';
import { createChannelHarness } from '../../../helpers/vault-channel-harness';
import { validDraft } from '../../domain/certificate-fixtures';

export type RecordsKp = {
  api: KpApi;
  harness: ChannelHarness;
  /** Every call the components made, in order (seeding through the harness is not recorded). */
  calls: { channel: string; input: unknown }[];
  /** Waits for the calls still in flight (a page unmounted mid-call), then removes the vault. */
  dispose: () => Promise<void>;
};

export async function recordsKp(): Promise<RecordsKp> {
  const harness = createChannelHarness();
  await harness.firstRun();
  const calls: RecordsKp['calls'] = [];
  const inFlight = new Set<Promise<unknown>>();
  const api = buildKpApi((channel, input) => {
    const copied: unknown = JSON.parse(JSON.stringify(input ?? {}));
    calls.push({ channel, input: copied });
    const call = harness.call(channel, copied);
    inFlight.add(call);
    const settle = () => inFlight.delete(call);
    void call.then(settle, settle);
    return call;
  }, channelNames);
  const dispose = async () => {
    await Promise.allSettled([...inFlight]);
    harness.dispose();
  };
  return { api, harness, calls, dispose };
}

type Seed = {
  number: string;
  consignee?: string;
  destination?: 'BE' | 'AE' | 'IN' | 'IL';
  hsCode?: string;
  dateOfIssue?: string;
  issue?: boolean;
};

const addressIn: Record<NonNullable<Seed['destination']>, string> = {
  BE: 'Hoveniersstraat 30\n2018 Antwerp\nBelgium',
  AE: 'Almas Tower, JLT\nDubai\nUnited Arab Emirates',
  IN: 'Bharat Diamond Bourse\nMumbai 400051\nIndia',
  IL: 'Maccabi Building, 1 Jabotinsky St\nRamat Gan\nIsrael',
};

/** Creates the certificate as a draft, or takes it to ISSUED; answers its id. */
export async function seedCertificate(kp: RecordsKp, seed: Seed): Promise<number> {
  const { harness } = kp;
  const destination = seed.destination ?? 'BE';
  const dateOfIssue = seed.dateOfIssue ?? '2026-11-27';
  const draft: CertificateDraftInput = {
    ...validDraft(),
    number: seed.number,
    dateOfIssue,
    destinationCountry: destination,
    consignee: { name: seed.consignee ?? 'Diamant Import NV', address: addressIn[destination] },
    hsCodes: [seed.hsCode ?? '7102.31'],
    aes: {
      licenseType: 'T12',
      licenseNumber: seed.number.slice(2),
      licenseValue: '15000.00',
      fromForeignTradeZone: false,
      ftzNumber: '',
    },
  };
  const created = await harness.value<{ id: number }>('certificates:createDraft', {
    number: seed.number,
    draft,
  });
  if (seed.issue === true) {
    await harness.value('certificates:recordItn', { id: created.id, itn: 'X20261127123456' });
    await harness.value('certificates:issue', {
      id: created.id,
      attested: true,
      packaging: { description: '2 parcels in a sealed tamper-evident box', sealNumbers: ['S-1'] },
      warranty: {
        statement: 'The diamonds herein invoiced have been purchased from legitimate sources.',
        invoiceNumbers: ['INV-1'],
      },
    });
  }
  return created.id;
}

export async function registerStock(kp: RecordsKp, numbers: string): Promise<void> {
  await kp.harness.value('stock:register', { numbers });
}
