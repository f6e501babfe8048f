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

/** Plain text of a Markdown body, for feeds and summaries. */
export function markdownToText(source: string): string {
  return sanitizeHtml(renderMarkdown(source), { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, ' ').trim();
}
