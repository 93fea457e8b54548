/** Importing files the way a researcher does: read and detected (stage), then imported (commit). */
import iconv from 'iconv-lite';
import { Document, Packer, Paragraph } from 'docx';
import { buildFixtures } from '../../fixtures/import/build';
import { fixture } from '../unit/import/helpers/fixtures';
import { BUDGET_MS } from './budgets';
import { progress } from './log';
import type { ResultRow } from './rows';
import { measured } from './rows';
import type { Session } from './session';
import { measure } from './timing';

async function fileRow(s: Session, fileName: string, bytes: Uint8Array, label: string): Promise<ResultRow> {
  progress(`imports.stage + imports.commit (${fileName})`);
  const data = Buffer.from(bytes).toString('base64');
  const ours = await measure(
    s.plans('import'),
    async () => {
      const staged = await s.client.call('imports.stage', { fileName, data });
      if (!staged.ok) throw new Error(staged.reason);
      const suggestions = await s.client.call('imports.suggest', { stagedIds: [staged.stagedId] });
      await s.client.call('imports.commit', { items: suggestions });
      await s.client.call('imports.discard', { stagedIds: [staged.stagedId] });
    },
    () => s.client.call('history.undo', {}),
  );
  const kb = Math.round(bytes.length / 1000);
  return measured(label, `imports.stage/suggest/commit; ${kb} KB file: format and encoding detection, clean-up suggestion, turns, original kept`, BUDGET_MS.import200k, ours, null);
}

/** Files in a batch: every document fixture in turn (legacy and Unicode text, Markdown, DOCX, ODT, RTF, HTML, PDF). */
const BATCH_SIZE = 200;

async function batchFiles(): Promise<{ fileName: string; data: string }[]> {
  const kinds = [...(await buildFixtures())].filter(([name]) => !name.startsWith('informants.'));
  for (const name of ['interview-ru-en.html', 'interview-ru-en.pdf']) kinds.push([name, fixture(name).bytes]);
  return Array.from({ length: BATCH_SIZE }, (_, i) => {
    const [name, bytes] = kinds[i % kinds.length]!;
    return { fileName: `${String(i + 1).padStart(3, '0')}-${name}`, data: bytes.toString('base64') };
  });
}

/** A folder of 200 small mixed files: each staged (read, detected), then all committed as one operation. */
async function batchRow(s: Session): Promise<ResultRow> {
  const files = await batchFiles();
  progress(`imports.stage × ${files.length} + imports.commit (batch)`);
  const ours = await measure(
    s.plans('heavy'),
    async () => {
      const stagedIds: string[] = [];
      for (const file of files) {
        const staged = await s.client.call('imports.stage', file);
        if (!staged.ok) throw new Error(staged.reason);
        stagedIds.push(staged.stagedId);
      }
      const suggestions = await s.client.call('imports.suggest', { stagedIds });
      const report = await s.client.call('imports.commit', { items: suggestions });
      if (report.imported.length !== files.length) throw new Error(`batch: ${report.skipped.length} files skipped`);
      await s.client.call('imports.discard', { stagedIds });
    },
    () => s.client.call('history.undo', {}),
  );
  const kb = Math.round(files.reduce((n, f) => n + (f.data.length * 3) / 4, 0) / 1000);
  return measured(`import a batch of ${files.length} files`, `imports.stage × ${files.length}, suggest, commit (one undoable operation); ${kb} KB of text in CP866, KOI8-R, Windows-1251, UTF-8 and UTF-16, Markdown, DOCX, ODT, RTF, HTML, PDF`, null, ours, null);
}

/** The 200 KB text as a Windows-1251 file and as a Word document; then a batch of small files. */
export async function importFileRows(s: Session, text: string): Promise<ResultRow[]> {
  const docx = await Packer.toBuffer(new Document({ sections: [{ children: text.split('\n').filter((p) => p.trim() !== '').map((p) => new Paragraph(p)) }] }));
  return [
    await fileRow(s, 'bench-1251.txt', iconv.encode(text, 'win1251'), '  … the same as a Windows-1251 file'),
    await fileRow(s, 'bench.docx', docx, '  … the same as a Word (.docx) file'),
    await batchRow(s),
  ];
}
