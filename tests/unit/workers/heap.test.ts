import { describe, expect, it } from 'vitest';
import { WORKER_YOUNG_GENERATION_MB } from '../../../src-main/core/heap';
import { startWorker } from '../../../src-main/core/workers';

describe('the core’s worker threads', () => {
  it('give the export worker the core’s young generation, and the PDF reader V8’s own', async () => {
    const part = startWorker('csvPart');
    const pdf = startWorker('pdf');
    try {
      expect(part.resourceLimits?.maxYoungGenerationSizeMb).toBe(WORKER_YOUNG_GENERATION_MB);
      expect(pdf.resourceLimits?.maxYoungGenerationSizeMb).toBeLessThan(WORKER_YOUNG_GENERATION_MB);
    } finally {
      await Promise.all([part.terminate(), pdf.terminate()]);
    }
  });
});
