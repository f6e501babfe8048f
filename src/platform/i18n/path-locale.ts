import type { IncomingMessage } from 'node:http';
import { type Locale, LOCALES } from './i18n.ts';

/** Where the rewritten request keeps the language its path named. */
export const PATH_LOCALE = Symbol('path locale');
type WithPathLocale = IncomingMessage & { [PATH_LOCALE]?: Locale };

const PREFIX = new RegExp(`^/(${LOCALES.join('|')})(?=/|\\?|$)`);

/**
 * Fastify's `rewriteUrl`: `/fr/readouts` is served by the `/readouts` route in French. The language comes
 * from the path, so anonymous readers keep it from page to page without a cookie, and search engines
 * find each language at its own address.
 */
export function rewriteLocalePath(request: IncomingMessage): string {
  const url = request.url ?? '/';
  const match = PREFIX.exec(url);
  if (!match) return url;
  (request as WithPathLocale)[PATH_LOCALE] = match[1] as Locale;
  const rest = url.slice(match[0].length);
  return rest.startsWith('/') ? rest : `/${rest}`;
}

export const pathLocaleOf = (request: IncomingMessage): Locale | undefined => (request as WithPathLocale)[PATH_LOCALE];

/** The address of a page in a language: `/fr/readouts?page=2`. */
export const localizedPath = (locale: Locale, pathAndQuery: string): string => `/${locale}${pathAndQuery === '/' ? '' : pathAndQuery}`;

/** Where to send a reader after a form: under the language their path named, if it named one (a redirect is not a link that `localizeLinks` rewrites). */
export const pathInReadersLanguage = (pathLocale: Locale | null, pathAndQuery: string): string => (pathLocale ? localizedPath(pathLocale, pathAndQuery) : pathAndQuery);

/**
 * Keeps a reader in the language of the path they came by: every link and form on a page served under
 * `/fr/` points under `/fr/` too. Static files, the API and links that already name a language are left
 * as they are (the language switch names its languages).
 */
export function localizeLinks(html: string, locale: Locale): string {
  const keep = `(?!/|assets/|api/|(?:${LOCALES.join('|')})(?:/|"|\\?))`;
  return html.replace(new RegExp(`(<(?:a|form)\\b[^>]*?\\s(?:href|action)=")/${keep}`, 'g'), `$1/${locale}/`);
}
