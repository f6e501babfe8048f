import { isLocale, type Locale, type MessageKey, translator } from './i18n.ts';
import { requestLocale } from './request-language.ts';

/**
 * A message from the catalogues in the language of the request being served (English on the command
 * line), for text made in services — what is wrong with a field, what a refusal means — which reaches
 * pages and the API alike.
 */
export function say(key: MessageKey, values?: Record<string, string | number>): string {
  return translator(sayingLocale())(key, values);
}

/** The catalogue language `say` uses, for names and sums formatted into its messages. */
export function sayingLocale(): Locale {
  const locale = requestLocale();
  return isLocale(locale) ? locale : 'en';
}
