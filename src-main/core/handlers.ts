import type { Handlers } from './context';
import { projectHandlers } from './services/project';
import { memberHandlers } from './services/members';
import { documentHandlers } from './services/documents';
import { caseHandlers } from './services/cases';
import { codebookHandlers } from './services/codebook';
import { codingHandlers } from './services/codings';
import { memoHandlers } from './services/memos';
import { historyHandlers } from './services/history';
import { autocodeHandlers } from './services/autocode';
import { searchHandlers } from './services/search';
import { reportHandlers } from './services/reports';
import { reportExportHandlers } from './services/report-export';
import { importHandlers } from './services/imports';
import { caseImportHandlers } from './services/case-import';
import { retrievalHandlers } from './services/retrieval';
import { cooccurrenceHandlers } from './services/cooccurrence';
import { pseudonymHandlers } from './services/pseudonyms';
import { citationHandlers } from './services/citations';
import { translationHandlers } from './services/translations';
import { exportHandlers } from './services/export';
import { quoteBankHandlers } from './services/quote-bank';
import { waveHandlers } from './services/waves';
import { meetingHandlers } from './services/meetings';
import { agreementHandlers } from './services/agreement';
import { disagreementHandlers } from './services/disagreements';
import { codebookHistoryHandlers } from './services/codebook-history-handlers';
import { circulationHandlers } from './services/circulation';
import { exchangeHandlers } from './services/exchange';

/** Every contract method's handler; the type makes a missing one a compile error. */
export const handlers: Handlers = {
  ...projectHandlers,
  ...memberHandlers,
  ...documentHandlers,
  ...caseHandlers,
  ...codebookHandlers,
  ...codingHandlers,
  ...memoHandlers,
  ...historyHandlers,
  ...autocodeHandlers,
  ...searchHandlers,
  ...reportHandlers,
  ...reportExportHandlers,
  ...importHandlers,
  ...caseImportHandlers,
  ...retrievalHandlers,
  ...cooccurrenceHandlers,
  ...pseudonymHandlers,
  ...citationHandlers,
  ...translationHandlers,
  ...exportHandlers,
  ...quoteBankHandlers,
  ...waveHandlers,
  ...meetingHandlers,
  ...agreementHandlers,
  ...disagreementHandlers,
  ...codebookHistoryHandlers,
  ...circulationHandlers,
  ...exchangeHandlers,
};
