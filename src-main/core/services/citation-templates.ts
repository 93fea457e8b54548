/**
 * The project's citation templates: one per document kind and language, the default unless the
 * team saved its own. Rendering itself is pure (src-shared/model/citation.ts).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { CitationTemplateEntry } from '../../../src-shared/contract/citations';
import type { CitationLanguage, CitationSource, CitationTemplate } from '../../../src-shared/model/citation';
import { citation, defaultTemplate, parseTemplate } from '../../../src-shared/model/citation';
import type { DocumentKind } from '../../../src-shared/model/entities';
import type { CitationTemplateRow } from '../db/schema';

export const templateId = (kind: DocumentKind, language: CitationLanguage): string => `${kind}.${language}`;

/** The templates in use, read once per call and parsed once per kind and language. */
export class CitationTemplates {
  private readonly own: Map<string, string>;
  private readonly parsed = new Map<string, CitationTemplate>();

  constructor(raw: BetterSqlite3.Database) {
    const rows = raw.prepare('SELECT kind, language, template FROM citation_templates').all() as Pick<CitationTemplateRow, 'kind' | 'language' | 'template'>[];
    this.own = new Map(rows.map((r) => [`${r.kind}.${r.language}`, r.template]));
  }

  /** The template text in use for a kind and language. */
  text(kind: DocumentKind, language: CitationLanguage): string {
    return this.own.get(templateId(kind, language)) ?? defaultTemplate(kind, language);
  }

  template(kind: DocumentKind, language: CitationLanguage): CitationTemplate {
    const id = templateId(kind, language);
    let template = this.parsed.get(id);
    if (!template) {
      try {
        template = parseTemplate(this.text(kind, language));
      } catch {
        // Saved templates were checked when saved; one from a newer build that this one cannot read falls back.
        template = parseTemplate(defaultTemplate(kind, language));
      }
      this.parsed.set(id, template);
    }
    return template;
  }

  /** A passage's citation by the template of its kind. */
  cite(source: CitationSource, language: CitationLanguage): string {
    return citation(source, language, this.template(source.kind, language));
  }

  entry(kind: DocumentKind, language: CitationLanguage): CitationTemplateEntry {
    const own = this.own.get(templateId(kind, language));
    return { kind, language, template: this.text(kind, language), defaultTemplate: defaultTemplate(kind, language), isDefault: own === undefined };
  }
}

