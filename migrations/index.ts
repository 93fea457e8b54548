import type { Migration } from './migration';
import { initial } from './0001_initial';
import { originals } from './0002_originals';
import { search } from './0003_search';
import { savedQueries } from './0004_saved_queries';
import { searchCompact } from './0005_search_compact';
import { pseudonyms } from './0006_pseudonyms';
import { citations } from './0007_citations';
import { quoteBank } from './0008_quote_bank';
import { meetings } from './0009_meetings';
import { circulation } from './0010_circulation';
import { exchange } from './0011_exchange';
import { adjudications } from './0012_adjudications';
import { operationSummaries } from './0013_operation_summaries';

export type { Migration } from './migration';

/** Every schema step, oldest first. Append only. */
export const migrations: readonly Migration[] = [initial, originals, search, savedQueries, searchCompact, pseudonyms, citations, quoteBank, meetings, circulation, exchange, adjudications, operationSummaries];
