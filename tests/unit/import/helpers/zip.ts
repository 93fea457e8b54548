/** Zip files for tests (`makeZip` is the fixture generator's); `patchName` forges entry names yazl refuses to write. */
export { makeZip } from '../../../../fixtures/import/zip';

/** Replaces every occurrence of an entry name (same length) in the local and central headers. */
export function patchName(zip: Buffer, from: string, to: string): Buffer {
  if (from.length !== to.length) throw new Error('names must have the same length');
  const out = Buffer.from(zip);
  const needle = Buffer.from(from, 'latin1');
  for (let i = out.indexOf(needle); i >= 0; i = out.indexOf(needle, i + 1)) Buffer.from(to, 'latin1').copy(out, i);
  return out;
}

/**
 * Rewrites the declared uncompressed size of every entry (local header offset 22, central
 * directory offset 24), so the zip lies about how much it unpacks to.
 */
export function patchDeclaredSizes(zip: Buffer, size: number): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50 && i + 26 <= out.length) out.writeUInt32LE(size, i + 22);
    else if (sig === 0x02014b50 && i + 28 <= out.length) out.writeUInt32LE(size, i + 24);
  }
  return out;
}
