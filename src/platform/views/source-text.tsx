import { can } from '../authz.ts';
import type { PageContext } from './page-context.ts';

/**
 * The provenance a record made from an ingested readout keeps in its source (written by the ingest
 * module's `provenance`): the document's title, its file name, its publication day, the characters and
 * the address of the fact. A source may hold several, joined by "; " (a campaign updated twice).
 */
const PROVENANCE = /Ingested readout "(.*?)" \([^)]*?(?:, published (\d{4}-\d{2}-\d{2}))?\), characters (\d+)–(\d+): (\/ingest\/[0-9a-f-]{36}#fact-\d+)/g;

/** Any other citation that ends with the address of the fact it came from. */
const INGESTED = /^(.*): (\/ingest\/[0-9a-f-]{36}#fact-\d+)$/s;

/** The citation in words alone, for places that take plain text (a chart's tooltip). */
export const sourceWords = (source: string) => source.replace(/: \/ingest\/[0-9a-f-]{36}#fact-\d+/g, '');

/** One provenance in the reader's language: the title, the day published and the characters, never the file name or the address as text. */
function Citation({ ctx, match }: { ctx: PageContext; match: RegExpExecArray }) {
  const [, title = '', published, start = '', end = '', address = ''] = match;
  // The title is isolated (FSI … PDI): an English title inside an Arabic sentence keeps its words and quotation marks in order.
  const isolated = `\u2068${title}\u2069`;
  const words = published ? ctx.t('ingest.sourceCitationPublished', { title: isolated, date: published, start, end }) : ctx.t('ingest.sourceCitation', { title: isolated, start, end });
  return can(ctx.actor, 'ingest.run') ? <a href={address}>{words}</a> : <>{words}</>;
}

/**
 * A record's source as the reader should see it: the citation in words, never an internal address shown
 * as text. A record made from an ingested readout links to the quoted words for those who may open the
 * ingest desk; others see the citation alone (no link they may not follow).
 */
export function SourceText({ ctx, source }: { ctx: PageContext; source: string }) {
  const matches = [...source.matchAll(PROVENANCE)];
  if (matches.length) {
    const pieces = matches.flatMap((match, index) => {
      const from = index === 0 ? 0 : (matches[index - 1]?.index ?? 0) + (matches[index - 1]?.[0].length ?? 0);
      return [source.slice(from, match.index), <Citation ctx={ctx} match={match} />];
    });
    const last = matches.at(-1) as RegExpExecArray;
    return (
      <>
        {pieces}
        {source.slice(last.index + last[0].length)}
      </>
    );
  }
  const ingested = INGESTED.exec(source);
  if (!ingested) return <>{source}</>;
  const [, citation, address] = ingested as unknown as [string, string, string];
  return can(ctx.actor, 'ingest.run') ? <a href={address}>{citation}</a> : <>{citation}</>;
}
