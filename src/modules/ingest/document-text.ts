import { InvalidInput } from '../../platform/errors.ts';
import { say } from '../../platform/i18n/say.ts';

/** Readouts are short; a file over this is not one (a 20 MB "readout" is refused, not read). */
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

export type DocumentKind = 'text' | 'html' | 'pdf';

const fail = (message: string): never => {
  throw new InvalidInput([{ field: 'file', message }]);
};

/** What a file is, told by its bytes: a PDF by its signature, HTML by its tags, text otherwise. */
export function documentKind(bytes: Buffer): DocumentKind {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  const head = bytes.subarray(0, 2000).toString('utf8').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /<(body|article|main|p|div|h1)[\s>]/.test(head) ? 'html' : 'text';
}

/** The block elements whose text makes the readout's paragraphs. */
const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, pre';

/** A page whose every word is a link, a menu, a header or a footer: a site's navigation saved instead of its readout. */
function onlyNavigation(document: { querySelectorAll(selector: string): ArrayLike<{ remove(): void }>; body?: { textContent: string | null } | null }): boolean {
  const navigation = [...Array.from(document.querySelectorAll('a, nav, header, footer, menu, button, script, style, noscript'))];
  if (!navigation.length) return false;
  for (const element of navigation) element.remove();
  return !(document.body?.textContent ?? '').trim();
}

/** A saved web page's readout: navigation, cookie notices, sharing bars and other boilerplate removed. */
async function htmlText(html: string): Promise<string> {
  // Loaded for web pages only: plain text and PDFs (and the command line's start) do without them.
  const { Readability } = await import('@mozilla/readability');
  const { parseHTML } = await import('linkedom');
  // A fragment (or text sent as HTML) gets a document around it: Readability needs a whole one.
  const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`);
  const article = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
  const content = article?.content ? parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document : document;
  const paragraphs = [...content.querySelectorAll(BLOCKS)].map((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean);
  const title = article?.title?.trim();
  if (onlyNavigation(parseHTML(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`).document)) fail(say('ingest.problem.navigationOnly'));
  const body = paragraphs.length ? paragraphs : [(content.body?.textContent ?? '').replace(/\s+/g, ' ').trim()];
  return [...(title && body[0] !== title ? [title] : []), ...body].join('\n\n');
}

/** The text layer of a PDF, page by page; a scanned PDF without one is refused with the reason. */
async function pdfText(bytes: Buffer): Promise<string> {
  // unpdf: pdf.js built for servers (no worker, no canvas, no DOM), in 2 MB instead of pdfjs-dist's 37 MB.
  const { getDocumentProxy } = await import('unpdf');
  let document: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    document = await getDocumentProxy(new Uint8Array(bytes), { useSystemFonts: false, disableFontFace: true, isEvalSupported: false, verbosity: 0 });
  } catch (error) {
    return fail(say('problem.pdfUnreadable', { detail: (error as Error).message }));
  }
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    let page = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      page += item.str + (item.hasEOL ? '\n' : '');
    }
    pages.push(page);
  }
  await document.destroy();
  const text = pages.join('\n\n').replace(/[ \t]+\n/g, '\n').trim();
  if (!text) fail(say('problem.pdfNoText'));
  return text;
}

/**
 * The readable text of an uploaded readout: plain text as it is, HTML without its boilerplate, a PDF's
 * text layer. Empty, binary and oversized files are refused with what is wrong.
 */
export async function documentText(bytes: Buffer, declared?: DocumentKind): Promise<{ kind: DocumentKind; text: string }> {
  if (bytes.length === 0) fail(say('problem.fileEmpty'));
  if (bytes.length > MAX_DOCUMENT_BYTES) fail(say('problem.documentTooLarge', { size: (bytes.length / 1_048_576).toFixed(1), max: MAX_DOCUMENT_BYTES / 1_048_576 }));
  const kind = declared ?? documentKind(bytes);
  if (kind === 'pdf') return { kind, text: await pdfText(bytes) };
  const decoded = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  // Binary files: NUL bytes or many replacement characters where UTF-8 text would have letters.
  if (decoded.includes('\u0000') || (decoded.match(/\uFFFD/g) ?? []).length > decoded.length / 100) fail(say('problem.fileBinary'));
  const text = kind === 'html' ? await htmlText(decoded) : decoded.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.trim()) fail(say('problem.fileNoText'));
  return { kind, text };
}
