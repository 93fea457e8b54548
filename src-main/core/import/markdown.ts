/**
 * Markdown → canonical plain text: the words and paragraphs stay, the markup goes. Headings and
 * list items keep their own paragraph so turns and sections still split where the author meant.
 */
export function markdownToText(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let fenced = false;
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (fenced) {
      out.push(line);
      continue;
    }
    if (/^\s*([-*_])\s*\1\s*\1[\s\-*_]*$/.test(line)) continue; // thematic break
    out.push(
      line
        .replace(/^\s{0,3}#{1,6}\s+/, '')
        .replace(/\s+#+\s*$/, '')
        .replace(/^\s*>\s?/, '')
        .replace(/^(\s*)[-*+]\s+\[[ xX]\]\s+/, '$1')
        .replace(/^(\s*)[-*+]\s+/, '$1')
        .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
        .replace(/(\*\*|__)(.+?)\1/g, '$2')
        .replace(/(?<![\p{L}\p{N}])([*_])(?!\s)(.+?)(?<!\s)\1(?![\p{L}\p{N}])/gu, '$2')
        .replace(/`([^`]+)`/g, '$1')
        .replace(/<\/?[a-zA-Z][^>]*>/g, ''),
    );
  }
  return out.join('\n');
}
