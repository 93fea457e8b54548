/**
 * A minimal PDF writer for tests: one page per string, Helvetica text, and optional encryption
 * with the PDF standard security handler (revision 2, 40-bit RC4: PDF 1.7 §7.6.3, algorithms 1–4).
 * No PDF tool is installed on the build machines, so encrypted PDFs are made here.
 */
import { createHash } from 'node:crypto';

const PAD = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  let i = 0;
  j = 0;
  for (let k = 0; k < data.length; k++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 0xff]!;
  }
  return out;
}

const md5 = (...parts: Buffer[]): Buffer => createHash('md5').update(Buffer.concat(parts)).digest();
const padded = (password: string): Buffer => Buffer.concat([Buffer.from(password, 'latin1'), PAD]).subarray(0, 32);

export interface PdfOptions {
  readonly title?: string;
  /** Encrypt with these passwords; an empty user password opens without asking. */
  readonly encrypt?: { readonly user: string; readonly owner: string };
}

/** A PDF whose pages show the given ASCII lines (one string per page, '\n' between lines). */
export function makePdf(pages: readonly string[], options: PdfOptions = {}): Buffer {
  const id = Buffer.from('0123456789abcdef0123456789abcdef', 'hex');
  const permissions = -44; // print allowed, modify/copy forbidden: typical "protected" PDF
  let key: Buffer | null = null;
  let ownerEntry: Buffer = Buffer.alloc(0);
  let userEntry: Buffer = Buffer.alloc(0);
  if (options.encrypt) {
    ownerEntry = rc4(md5(padded(options.encrypt.owner || options.encrypt.user)).subarray(0, 5), padded(options.encrypt.user));
    const p = Buffer.alloc(4);
    p.writeInt32LE(permissions);
    key = md5(padded(options.encrypt.user), ownerEntry, p, id).subarray(0, 5);
    userEntry = rc4(key, PAD);
  }
  const objectKey = (num: number): Buffer => {
    const suffix = Buffer.from([num & 0xff, (num >> 8) & 0xff, (num >> 16) & 0xff, 0, 0]);
    return md5(key!, suffix).subarray(0, 10);
  };
  const protect = (num: number, data: Buffer): Buffer => (key ? rc4(objectKey(num), data) : data);
  const hexString = (num: number, text: string): string => `<${protect(num, Buffer.from(text, 'latin1')).toString('hex')}>`;

  const objects: Buffer[] = [];
  const add = (body: Buffer | string): number => {
    objects.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
    return objects.length;
  };
  const catalog = add('');
  const pagesObj = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (const page of pages) {
    const lines = page.split('\n');
    const ops = lines.map((line, i) => `BT /F1 12 Tf 72 ${720 - i * 16} Td (${line.replace(/[()\\]/g, '\\$&')}) Tj ET`).join('\n');
    const contentNum = objects.length + 1;
    const stream = protect(contentNum, Buffer.from(ops, 'latin1'));
    add(Buffer.concat([Buffer.from(`<< /Length ${stream.length} >>\nstream\n`, 'latin1'), stream, Buffer.from('\nendstream', 'latin1')]));
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 612 792] /Contents ${contentNum} 0 R /Resources << /Font << /F1 ${font} 0 R >> >> >>`));
  }
  objects[catalog - 1] = Buffer.from(`<< /Type /Catalog /Pages ${pagesObj} 0 R >>`, 'latin1');
  objects[pagesObj - 1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`, 'latin1');
  const info = options.title !== undefined ? add(`<< /Title ${hexString(objects.length + 1, options.title)} >>`) : null;
  const encrypt = options.encrypt
    ? add(`<< /Filter /Standard /V 1 /R 2 /O <${ownerEntry.toString('hex')}> /U <${userEntry.toString('hex')}> /P ${permissions} >>`)
    : null;

  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    chunks.push(chunk);
    offset += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  const trailer = [
    `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R`,
    info ? ` /Info ${info} 0 R` : '',
    encrypt ? ` /Encrypt ${encrypt} 0 R` : '',
    ` /ID [<${id.toString('hex')}> <${id.toString('hex')}>] >>\nstartxref\n${offset}\n%%EOF\n`,
  ].join('');
  chunks.push(Buffer.from(xref + trailer, 'latin1'));
  return Buffer.concat(chunks);
}
