/**
 * The project's citation templates: one per document kind and language, the default unless the
 * team saved its own. Rendering itself is pure (src-shared/model/citation.ts).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { CitationTemplateEntry } from '../../../src-shared/contract/citations';
import type { CitationField, CitationLanguage, CitationSource, CitationTemplate } from '../../../src-shared/model/citation';
import { citationValues, defaultTemplate, parseTemplate, renderTemplate, templateFields } from '../../../src-shared/model/citation';
import type { DocumentKind } from '../../../src-shared/model/entities';
import type { CitationTemplateRow } from '../db/schema';

export const templateId = (kind: DocumentKind, language: CitationLanguage): string => `${kind}.${language}`;

/** How many rendered citations a `CitationTemplates` keeps (an export cites each document's informants again and again). */
const RENDERED = 20_000;

/** The templates in use, read once per call and parsed once per kind and language. */
export class CitationTemplates {
  private readonly own: Map<string, string>;
  private readonly parsed = new Map<string, { template: CitationTemplate; fields: readonly CitationField[] }>();
  private readonly rendered = new Map<string, string>();

  constructor(raw: BetterSqlite3.Database) {
    const rows = raw.prepare('SELECT kind, language, template FROM citation_templates').all() as Pick<CitationTemplateRow, 'kind' | 'language' | 'template'>[];
    this.own = new Map(rows.map((r) => [`${r.kind}.${r.language}`, r.template]));
  }

  /** The template text in use for a kind and language. */
  text(kind: DocumentKind, language: CitationLanguage): string {
    return this.own.get(templateId(kind, language)) ?? defaultTemplate(kind, language);
  }

  private compiled(kind: DocumentKind, language: CitationLanguage): { template: CitationTemplate; fields: readonly CitationField[] } {
    const id = templateId(kind, language);
    let compiled = this.parsed.get(id);
    if (!compiled) {
      let template: CitationTemplate;
      try {
        template = parseTemplate(this.text(kind, language));
      } catch {
        // Saved templates were checked when saved; one from a newer build that this one cannot read falls back.
        template = parseTemplate(defaultTemplate(kind, language));
      }
      compiled = { template, fields: templateFields(template) };
      this.parsed.set(id, compiled);
    }
    return compiled;
  }

  /** Whether citations of a kind name the passage's quote id: if not, a document's passages cited to one person share one citation. */
  namesQuoteId(kind: DocumentKind, language: CitationLanguage): boolean {
    return this.compiled(kind, language).fields.includes('quote_id');
  }

  template(kind: DocumentKind, language: CitationLanguage): CitationTemplate {
    return this.compiled(kind, language).template;
  }

  /**
   * A passage's citation by the template of its kind. Passages that agree on every field the
   * template names get the same citation, so it is rendered once for them.
   */
  cite(source: CitationSource, language: CitationLanguage): string {
    const { template, fields } = this.compiled(source.kind, language);
    const values = citationValues(source, language);
    const key = `${templateId(source.kind, language)}\u0000${fields.map((f) => values[f]).join('\u0000')}`;
    let rendered = this.rendered.get(key);
    if (rendered === undefined) {
      rendered = renderTemplate(template, values);
      if (this.rendered.size >= RENDERED) this.rendered.clear();
      this.rendered.set(key, rendered);
    }
    return rendered;
  }

  entry(kind: DocumentKind, language: CitationLanguage): CitationTemplateEntry {
    const own = this.own.get(templateId(kind, language));
    return { kind, language, template: this.text(kind, language), defaultTemplate: defaultTemplate(kind, language), isDefault: own === undefined };
  }
}

