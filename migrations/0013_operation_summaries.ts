import type { Migration } from './migration';

/**
 * An operation's summary as a key of the catalogue and its values (src-shared/model/summaries.ts),
 * beside the English text, so the undo notice and the history are shown in the reader's language.
 * Nullable: operations written before this step keep only their English text, and so does a
 * summary a newer version wrote with a key this one does not know.
 */
export const operationSummaries: Migration = {
  version: 13,
  name: 'operation_summaries',
  up: ['ALTER TABLE operations ADD COLUMN summary_key TEXT', 'ALTER TABLE operations ADD COLUMN summary_values TEXT'],
};
