import { z } from 'zod';
import { mutation, query } from './define';
import { Id } from './common';
import { DOCUMENT_KINDS } from '../model/entities';
import type { DocumentKind } from '../model/entities';
import type { CitationLanguage } from '../model/citation';

/** A citation template of the project, for one document kind and language. */
export interface CitationTemplateEntry {
  readonly kind: DocumentKind;
  readonly language: CitationLanguage;
  /** The template in use: the project's own, or the default. */
  readonly template: string;
  readonly defaultTemplate: string;
  /** The project uses the default (nothing of its own saved). */
  readonly isDefault: boolean;
}

/** A template tried on a real passage of the project. */
export interface CitationPreview {
  /** The citation the template gives, or null when the template cannot be read. */
  readonly citation: string | null;
  /** What is wrong with the template, in words for the person typing it. */
  readonly error: string | null;
  /** Where in the template the problem is (a character offset), when it is one place. */
  readonly errorAt: number | null;
  /** The passage it was tried on: null when the project has no coded passage of this kind. */
  readonly excerpt: { readonly codingId: string; readonly quote: string; readonly documentTitle: string; readonly quoteId: string | null } | null;
}

const Kind = z.enum(DOCUMENT_KINDS);
const Language = z.enum(['en', 'ru']);
const Template = z.string().max(1000, { message: 'A citation template can have at most 1,000 characters.' });

export const citationMethods = {
  /** Every document kind's template in both languages. */
  'citations.templates': query(z.object({})).returns<CitationTemplateEntry[]>(),
  /** Saves the project's template for a kind and language; a template that cannot be read is refused with the reason. */
  'citations.setTemplate': mutation(z.object({ kind: Kind, language: Language, template: Template })).returns<CitationTemplateEntry>(),
  /** Goes back to the default template for a kind and language. */
  'citations.resetTemplate': mutation(z.object({ kind: Kind, language: Language })).returns<CitationTemplateEntry>(),
  /**
   * A template (saved or being typed) tried on a passage: the coding given, or else the first
   * coded passage of a document of that kind. Never fails on a bad template: says what is wrong.
   */
  'citations.preview': query(
    z.object({ kind: Kind, language: Language, template: Template.optional(), codingId: Id.optional() }),
  ).returns<CitationPreview>(),
};
