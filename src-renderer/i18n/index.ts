import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { ru } from './ru';
import { areas } from './areas';

export type Language = 'en' | 'ru';

/** Starts i18next with both languages bundled: Quire works offline, nothing is fetched. */
export async function initI18n(language: Language): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: { en: { translation: { ...en, ...areas.en } }, ru: { translation: { ...ru, ...areas.ru } } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
}

export async function setLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

/** Numbers and dates by the interface language, not the machine's locale. */
export function formatNumber(n: number): string {
  return new Intl.NumberFormat(i18next.language).format(n);
}

export { i18next };
