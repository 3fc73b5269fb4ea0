// The table of what each channel does, as plain functions of parsed input. Main registers these
// through electron/ipc/handle.ts and the preview host through its HTTP bridge, so both run the
// same core with the same validation (dispatch-channel.ts).
import type { ChannelName } from '../../../shared/ipc/channels';
import type { ChannelOutput, ParsedChannelInput } from '../../../shared/ipc/contract';

export type CoreHandlers = {
  [C in ChannelName]: (input: ParsedChannelInput<C>) => Promise<ChannelOutput<C>>;
};
