/** Texts of the codebook views: English first, Russian with the same keys (checked by a test). */
export const codebook = {
  en: {},
  ru: {},
} as const;
