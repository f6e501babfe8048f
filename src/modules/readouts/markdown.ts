import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/** Raw HTML typed into a readout is shown as text, never run or rendered (ARCHITECTURE: no raw HTML passes through). */
const escapeHtml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

const markdown = new Marked({
  gfm: true,
  renderer: {
    html: ({ text }) => escapeHtml(text),
  },
});

const ALLOWED = {
  allowedTags: ['p', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'strong', 'em', 'a', 'blockquote', 'code', 'pre', 'hr', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['http', 'https', 'mailto'],
};

/** Markdown → safe HTML: the renderer escapes raw HTML, and the sanitiser keeps only an allow-list as a second wall. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.parse(source, { async: false }), ALLOWED);
}

/** Plain text of rendered HTML, for feed summaries. */
export function htmlToText(renderedHtml: string): string {
  return sanitizeHtml(renderedHtml, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, ' ').trim();
}

/**
 * Versions never change once saved, so their rendering can be kept: a bounded memory of recent ones
 * spares the feed and busy readout pages from parsing and sanitising the same text on every request.
 */
const renderedVersions = new Map<string, string>();
const MAX_REMEMBERED = 2000;

export function renderVersion(version: { readoutId: string; number: number; bodyMarkdown: string }): string {
  const key = `${version.readoutId}:${version.number}`;
  let html = renderedVersions.get(key);
  if (html === undefined) {
    html = renderMarkdown(version.bodyMarkdown);
    if (renderedVersions.size >= MAX_REMEMBERED) renderedVersions.delete(renderedVersions.keys().next().value as string);
    renderedVersions.set(key, html);
  }
  return html;
}
