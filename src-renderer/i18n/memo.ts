/** Texts of the memo views: English first, Russian with the same keys (checked by a test). */
export const memo = {
  en: {},
  ru: {},
} as const;
