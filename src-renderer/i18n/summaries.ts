/**
 * What an operation says about itself (the undo notice, the codebook's history), by the keys of
 * src-shared/model/summaries.ts: the English is the catalogue itself (the sentences the core
 * stores), the Russian its translation beside it, so the core's Russian exports say the same.
 */
import { SUMMARY_TEXTS } from '../../src-shared/model/summaries';
import { SUMMARY_TEXTS_RU } from '../../src-shared/model/summaries-ru';

export const summaries = { en: SUMMARY_TEXTS, ru: SUMMARY_TEXTS_RU };
