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

/** Addresses a reader's language never goes in front of: static files and the API are the same in every language. */
const UNLOCALIZED = `(?!/|assets/|api/|(?:${LOCALES.join('|')})(?:/|"|\\?|#|$))`;
// Compiled once: every redirect and every page served under a language's path goes through them.
const LOCALIZABLE_LOCATION = new RegExp(`^/${UNLOCALIZED}`);
const LINK_ATTRIBUTE = '(?:<(?:a|area)\\b[^>]*?\\shref="|<form\\b[^>]*?\\saction="|<(?:button|input)\\b[^>]*?\\sformaction=")';
const LOCALIZABLE_LINK = new RegExp(`(${LINK_ATTRIBUTE})/${UNLOCALIZED}`, 'g');

/**
 * Where a redirect sends a reader who came under a language's path (`/ar/…`): the same address under that
 * path, so a form post answers in the reader's language. Other sites, static files, the API and
 * addresses that already name a language are left as they are.
 */
export function localizedLocation(locale: Locale, location: string): string {
  return LOCALIZABLE_LOCATION.test(location) ? localizedPath(locale, location) : location;
}

/**
 * Keeps a reader in the language of the path they came by: every link, image-map area, form and form
 * button (`formaction`) on a page served under `/fr/` points under `/fr/` too. Static files, the API
 * and links that already name a language are left as they are (the language switch names its languages).
 */
export function localizeLinks(html: string, locale: Locale): string {
  return html.replace(LOCALIZABLE_LINK, `$1/${locale}/`);
}
