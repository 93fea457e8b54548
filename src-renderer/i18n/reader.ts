/** Texts of the reader views: English first, Russian with the same keys (checked by a test). */
export const reader = {
  en: {},
  ru: {},
} as const;
