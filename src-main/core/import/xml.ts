/**
 * XML parsing for the zip-based formats. fast-xml-parser is pure JS and refuses external
 * entities (no XXE); its entity-expansion limits guard against "billion laughs". Real DOCX, ODT
 * and XLSX parts never declare a DOCTYPE, so one is treated as a sign of a crafted file.
 */
import { XMLParser } from 'fast-xml-parser';
import { importError } from './errors';

/** Deeper than any real document part; the ODT walker has the same bound. */
export const MAX_NESTING = 400;

/** One node of fast-xml-parser's `preserveOrder` output: `{ tag: children, ':@': attributes }` or `{ '#text': … }`. */
export type OrderedNode = Record<string, unknown>;

function assertNoDoctype(xml: string, fileName: string, part: string): void {
  if (/<!DOCTYPE/i.test(xml.slice(0, 4096))) {
    throw importError(fileName, `contains an unexpected document type declaration in ${part}, which real documents do not have. Quire did not open it.`, { part });
  }
}

/** Parses a part in document order (mixed text and elements), namespace prefixes kept. */
export function parseOrdered(xml: string, fileName: string, part: string): OrderedNode[] {
  assertNoDoctype(xml, fileName, part);
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
    // Also enables numeric character references (&#1025;), which are plain XML.
    htmlEntities: true,
    maxNestedTags: MAX_NESTING,
  });
  return parseWith(parser, xml, fileName) as OrderedNode[];
}

function parseWith(parser: XMLParser, xml: string, fileName: string): unknown {
  try {
    return parser.parse(xml);
  } catch (error) {
    if (error instanceof Error && /nested tags/i.test(error.message)) {
      throw importError(fileName, 'is nested too deeply to be a real document. Quire did not open it.');
    }
    throw error;
  }
}

/** Parses a small metadata part into plain objects, namespace prefixes removed. */
export function parseSimple(xml: string, fileName: string, part: string): unknown {
  assertNoDoctype(xml, fileName, part);
  const parser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: true, parseTagValue: false, processEntities: true, htmlEntities: true, maxNestedTags: MAX_NESTING });
  return parseWith(parser, xml, fileName);
}

/** The first non-empty string found under `path` (e.g. ['coreProperties', 'title']) in `parseSimple` output. */
export function textAt(tree: unknown, path: readonly string[]): string | null {
  let node: unknown = tree;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as Record<string, unknown>)[key];
    if (Array.isArray(node)) node = node[0];
  }
  if (typeof node === 'number') node = String(node);
  if (typeof node !== 'string') return null;
  const text = node.replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/** The tag name of an ordered node (its one key other than ':@'), or null for text. */
export function tagOf(node: OrderedNode): string | null {
  for (const key of Object.keys(node)) if (key !== ':@' && key !== '#text') return key;
  return null;
}

export function childrenOf(node: OrderedNode, tag: string): OrderedNode[] {
  const value = node[tag];
  return Array.isArray(value) ? (value as OrderedNode[]) : [];
}

export function attributeOf(node: OrderedNode, name: string): string | null {
  const attrs = node[':@'];
  if (attrs === null || typeof attrs !== 'object') return null;
  const value = (attrs as Record<string, unknown>)[`@_${name}`];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
}
