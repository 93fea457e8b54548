/**
 * Every size and count limit of the import layer, in one place. They keep a hostile or simply
 * broken file from exhausting memory or time: a 2 KB zip can declare gigabytes of content, an RTF
 * can nest groups without end, a PDF can claim a million pages. Functions take a partial override
 * so tests can exercise a limit without building a gigabyte file.
 */
export interface ImportLimits {
  /** The largest file Quire reads at all. */
  readonly maxFileBytes: number;
  /** The most entries a DOCX, ODT or XLSX zip may list. Real documents have dozens to hundreds. */
  readonly maxZipEntries: number;
  /** The most bytes all entries of a zip may unpack to, declared or actually read. */
  readonly maxZipTotalBytes: number;
  /** The most bytes a single XML part (e.g. word/document.xml) may unpack to. */
  readonly maxZipEntryBytes: number;
  /** The deepest RTF group nesting accepted; Word rarely goes past 20. */
  readonly maxRtfDepth: number;
  /** The most pages read from a PDF. */
  readonly maxPdfPages: number;
  /** How long reading one PDF may take before Quire gives up on it as damaged. */
  readonly maxPdfMilliseconds: number;
  /** The most characters of extracted text (about 100 MB of UTF-16). */
  readonly maxTextChars: number;
  /** The most rows read from a CSV or XLSX case list. */
  readonly maxTableRows: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: ImportLimits = Object.freeze({
  maxFileBytes: 200 * MB,
  maxZipEntries: 10_000,
  maxZipTotalBytes: 1024 * MB,
  maxZipEntryBytes: 256 * MB,
  maxRtfDepth: 512,
  maxPdfPages: 10_000,
  // A 1,000-page report reads in a few seconds; a minute means pdf.js is stuck on a damaged file.
  maxPdfMilliseconds: 60_000,
  maxTextChars: 50_000_000,
  maxTableRows: 1_000_000,
});

/** `DEFAULT_LIMITS` with the given fields replaced. */
export function resolveLimits(overrides?: Partial<ImportLimits>): ImportLimits {
  return overrides ? { ...DEFAULT_LIMITS, ...overrides } : DEFAULT_LIMITS;
}

/** A byte count as "200 MB" (or "1.5 MB", "12 KB") for messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) {
    const mb = bytes / MB;
    return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  }
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
