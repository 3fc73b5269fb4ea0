// This computer's preferences (shared/preferences/preferences-schema.ts), kept by main
// (electron-store), never by the vault. The renderer reaches them only through these two channels.
import { z } from 'zod';
import { PreferencesPatchSchema, PreferencesSchema } from '../preferences/preferences-schema';

export const preferencesContract = {
  'preferences:get': { input: z.object({}).strict(), output: PreferencesSchema },
  /** The fields given are saved, all or nothing; answers the preferences as saved. */
  'preferences:save': { input: PreferencesPatchSchema, output: PreferencesSchema },
} as const;
