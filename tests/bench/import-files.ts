/** Importing files the way a researcher does: read and detected (stage), then imported (commit). */
import iconv from 'iconv-lite';
import { Document, Packer, Paragraph } from 'docx';
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

/** The 200 KB text as a Windows-1251 file and as a Word document. */
export async function importFileRows(s: Session, text: string): Promise<ResultRow[]> {
  const docx = await Packer.toBuffer(new Document({ sections: [{ children: text.split('\n').filter((p) => p.trim() !== '').map((p) => new Paragraph(p)) }] }));
  return [
    await fileRow(s, 'bench-1251.txt', iconv.encode(text, 'win1251'), '  … the same as a Windows-1251 file'),
    await fileRow(s, 'bench.docx', docx, '  … the same as a Word (.docx) file'),
  ];
}
