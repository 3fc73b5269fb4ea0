// The address book for one kind of party: pick an exporter or consignee used before (fills the
// name and address, and for a consignee the country of destination), or save the one typed now.
import { useEffect, useState } from 'react';
import type { KpApi } from '../../../shared/ipc/api';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { callApi } from '../shell/call-api';
import { ChoiceField } from './ChoiceField';

type Party = ChannelOutput<'parties:save'>;
type Kind = Party['kind'];

type Props = {
  api: KpApi;
  kind: Kind;
  current: { name: string; address: string };
  /** The country saved with the entry: the destination for a consignee, US for an exporter. */
  country: string;
  onPick: (party: Party) => void;
  announce: (message: string) => void;
};

const BOOK_LIMIT = 200;

export function AddressBookPicker({ api, kind, current, country, onPick, announce }: Props) {
  const [entries, setEntries] = useState<Party[] | null>(null);
  const [chosen, setChosen] = useState('');
  useEffect(() => {
    let live = true;
    void callApi(() => api.parties.list({ kind, limit: BOOK_LIMIT })).then((result) => {
      if (live) setEntries(result.ok ? result.value : []);
    });
    return () => {
      live = false;
    };
  }, [api, kind]);

  const who = kind === 'exporter' ? 'exporter' : 'consignee';
  const aWho = kind === 'exporter' ? 'an exporter' : 'a consignee';
  const canSave =
    current.name.trim() !== '' && current.address.trim() !== '' && /^[A-Z]{2}$/.test(country);

  const save = async () => {
    const existing = entries?.find((entry) => entry.name === current.name.trim());
    const result = await callApi(() =>
      api.parties.save({
        ...(existing === undefined ? {} : { id: existing.id }),
        kind,
        name: current.name,
        address: current.address,
        country,
      }),
    );
    if (!result.ok) {
      announce(`The ${who} was not saved in the address book: ${result.error.message}`);
      return;
    }
    const saved = result.value;
    setEntries((list) => [...(list ?? []).filter((entry) => entry.id !== saved.id), saved]);
    announce(`${saved.name} is saved in your address book.`);
  };

  return (
    <div className="wizard__book">
      <ChoiceField
        id={`${kind}-book`}
        label={`Pick ${aWho} from your address book`}
        hint={
          entries !== null && entries.length === 0
            ? `Your address book has no ${who} yet; save this one once it is typed.`
            : 'Fills in the name and address below; you can still change them.'
        }
        value={chosen}
        placeholder={entries === null ? 'Loading…' : `Choose ${aWho}…`}
        options={(entries ?? []).map((entry) => ({
          value: String(entry.id),
          label: `${entry.name} (${entry.country})`,
        }))}
        onChange={(value) => {
          setChosen(value);
          const party = entries?.find((entry) => String(entry.id) === value);
          if (party !== undefined) onPick(party);
        }}
      />
      <button
        type="button"
        className="button button--small"
        disabled={!canSave}
        onClick={() => {
          void save();
        }}
      >
        Save this {who} in the address book
      </button>
    </div>
  );
}
