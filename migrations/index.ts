import type { Migration } from './migration';
import { initial } from './0001_initial';
import { originals } from './0002_originals';
import { search } from './0003_search';
import { savedQueries } from './0004_saved_queries';
import { pseudonyms } from './0006_pseudonyms';
import { meetings } from './0009_meetings';

export type { Migration } from './migration';

/** Every schema step, oldest first. Append only. */
export const migrations: readonly Migration[] = [initial, originals, search, savedQueries, pseudonyms, meetings];
