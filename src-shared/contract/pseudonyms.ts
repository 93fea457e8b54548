/**
 * The pseudonym registry (real names of people, enterprises and places → the pseudonyms they
 * appear under) and the leak check of a text or a file. The overlay itself is a pure function
 * (`pseudonymizer` in src-shared/text/pseudonyms.ts) that the renderer and exporters apply to the
 * list this area returns.
 */
import { z } from 'zod';
import { mutation, query } from './define';
import { Id } from './common';
import { MAX_IMPORT_BYTES } from './imports';

export const PSEUDONYM_KINDS = ['person', 'enterprise', 'place'] as const;
export type PseudonymKind = (typeof PSEUDONYM_KINDS)[number];

/** One entry of the registry. */
export interface PseudonymEntry {
  readonly id: string;
  readonly kind: PseudonymKind;
  readonly realName: string;
  readonly pseudonym: string;
  /** Variant spellings, transliterations and initials of the real name (Ivanov, Iwanow, И. Иванов). */
  readonly aliases: readonly string[];
  /** The case (informant, enterprise…) the entry stands for, if linked; null when it was deleted. */
  readonly caseId: string | null;
  readonly caseName: string | null;
  readonly updatedAt: string;
}

/** A registered real name or alias found in a checked text. */
export interface LeakHit {
  readonly start: number;
  readonly end: number;
  /** 1-based line (paragraph, or table row) the hit is on. */
  readonly line: number;
  /** The words as they stand in the text. */
  readonly text: string;
  /** The hit with some words around it. */
  readonly context: string;
  /** The registered spelling that matched (the real name or an alias). */
  readonly form: string;
  readonly entryId: string;
  readonly kind: PseudonymKind;
  readonly realName: string;
  readonly pseudonym: string;
}

export interface LeakReport {
  /** No registered name was found. */
  readonly clean: boolean;
  readonly hits: readonly LeakHit[];
  /** The text checked had this many characters (for "checked 12 400 characters"). */
  readonly characters: number;
}

const PersonName = (what: string) => z.string().trim().min(1, { message: `${what} cannot be empty.` }).max(300, { message: `${what} is too long (300 characters at most).` });
const Aliases = z.array(PersonName('An alias')).max(100, { message: 'An entry takes at most 100 aliases.' });

export const pseudonymMethods = {
  /** The registry, by kind and then real name. */
  'pseudonyms.list': query(z.object({})).returns<PseudonymEntry[]>(),
  /**
   * Registers a real name with its pseudonym. Refused when the real name or an alias is already
   * registered, or when the pseudonym is itself a form of a registered real name or alias.
   */
  'pseudonyms.add': mutation(
    z.object({
      kind: z.enum(PSEUDONYM_KINDS).default('person'),
      realName: PersonName('The real name'),
      pseudonym: PersonName('The pseudonym'),
      aliases: Aliases.default([]),
      caseId: Id.nullable().default(null),
    }),
  ).returns<PseudonymEntry>(),
  /** Changes an entry; fields left out stay as they are. The same checks as for adding apply. */
  'pseudonyms.update': mutation(
    z.object({
      id: Id,
      kind: z.enum(PSEUDONYM_KINDS).optional(),
      realName: PersonName('The real name').optional(),
      pseudonym: PersonName('The pseudonym').optional(),
      aliases: Aliases.optional(),
      caseId: Id.nullable().optional(),
    }),
  ).returns<PseudonymEntry>(),
  'pseudonyms.remove': mutation(z.object({ id: Id })).returns<null>(),
  /** Every registered real name and alias (in any case form) in a text. */
  'pseudonyms.checkText': query(z.object({ text: z.string().max(50_000_000) })).returns<LeakReport>(),
  /** The same for a file (DOCX, Markdown, HTML, CSV, XLSX, TXT, PDF…), bytes as base64. */
  'pseudonyms.checkFile': query(
    z.object({
      fileName: z.string().trim().min(1).max(1000),
      data: z.base64().max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4, { message: 'This file is over the 200 MB limit.' }),
    }),
  ).returns<LeakReport>(),
};
