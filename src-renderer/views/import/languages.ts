/** The languages offered for a document, plus whatever a manifest named (so its value shows). */
const LANGUAGES: readonly { readonly value: string; readonly label: string }[] = [
  { value: 'ru', label: 'Русский (ru)' },
  { value: 'en', label: 'English (en)' },
];

export function languageOptions(current: string): { value: string; label: string }[] {
  const options = LANGUAGES.map((l) => ({ ...l }));
  if (current && !options.some((o) => o.value === current)) options.push({ value: current, label: current });
  return options;
}
