/** Builders for ODT content and other small test documents. */
import { makeZip } from './zip';

export const ODT_NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ' +
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" ' +
  'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"';

/** An ODT whose office:text holds `body` (ODF XML); with a title in meta.xml when given. */
export function makeOdt(body: string, title?: string): Promise<Buffer> {
  const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ODT_NS} office:version="1.3"><office:body><office:text>${body}</office:text></office:body></office:document-content>`;
  const meta =
    title === undefined
      ? null
      : `<?xml version="1.0" encoding="UTF-8"?><office:document-meta ${ODT_NS} office:version="1.3"><office:meta><dc:title>${title}</dc:title></office:meta></office:document-meta>`;
  return makeZip([
    { name: 'mimetype', content: 'application/vnd.oasis.opendocument.text', store: true },
    { name: 'content.xml', content },
    ...(meta ? [{ name: 'meta.xml', content: meta }] : []),
    { name: 'META-INF/manifest.xml', content: '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>' },
  ]);
}
