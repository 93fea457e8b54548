import type { Block } from '../../components/editor/outline';

/** i18next's `t`, narrowed to what templates need, so tests can pass any instance. */
export type Translate = (key: string, options?: Record<string, string | number>) => string;

/** Today in the interface language: "12 May 1993", "12 мая 1993 г.". */
export function longDate(date: Date, language: string): string {
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

export function quarterOf(date: Date): { quarter: number; year: number } {
  return { quarter: Math.floor(date.getMonth() / 3) + 1, year: date.getFullYear() };
}

export interface Written {
  readonly title: string;
  readonly blocks: readonly Block[];
}

/**
 * A field note: the metadata a note needs later (date, place, who was there) as labelled lines at
 * the top, so they can be mapped onto document metadata when the note becomes a document; then the
 * account and the researcher's reflections, kept apart as field-note practice asks.
 */
export function fieldNote(t: Translate, { date, place }: { date: string; place: string }): Written {
  return {
    title: t('memo.fieldNote.title', { date }),
    blocks: [
      { kind: 'heading', level: 1, text: t('memo.fieldNote.heading') },
      { kind: 'paragraph', label: t('memo.fieldNote.date'), text: date },
      { kind: 'paragraph', label: t('memo.fieldNote.place'), text: place },
      { kind: 'paragraph', label: t('memo.fieldNote.people'), text: '' },
      { kind: 'heading', level: 2, text: t('memo.fieldNote.happened') },
      { kind: 'paragraph', text: '' },
      { kind: 'heading', level: 2, text: t('memo.fieldNote.reflections') },
      { kind: 'paragraph', text: '' },
    ],
  };
}

const REPORT_SECTIONS = ['output', 'pay', 'social', 'management', 'outlook'] as const;

/** A quarterly enterprise report: one heading per section of the project's reporting scheme. */
export function quarterlyReport(t: Translate, { enterprise, quarter, year }: { enterprise: string; quarter: number; year: number }): Written {
  const period = t('memo.report.quarter', { quarter, year });
  return {
    title: t('memo.report.title', { enterprise: enterprise || '…', period }),
    blocks: [
      { kind: 'heading', level: 1, text: t('memo.report.heading') },
      { kind: 'paragraph', label: t('memo.report.enterprise'), text: enterprise },
      { kind: 'paragraph', label: t('memo.report.period'), text: period },
      ...REPORT_SECTIONS.flatMap((section): Block[] => [
        { kind: 'heading', level: 2, text: t(`memo.report.${section}`) },
        { kind: 'paragraph', text: '' },
      ]),
    ],
  };
}
