import { can } from '../authz.ts';
import type { PageContext } from './page-context.ts';

/** A record made from an ingested readout ends its source with the address of the fact it came from. */
const INGESTED = /^(.*): (\/ingest\/[0-9a-f-]{36}#fact-\d+)$/s;

/** The citation in words alone, for places that take plain text (a chart's tooltip). */
export const sourceWords = (source: string) => INGESTED.exec(source)?.[1] ?? source;

/**
 * A record's source as the reader should see it: the citation in words, never an internal address shown
 * as text. A record made from an ingested readout links to the quoted words for those who may open the
 * ingest desk; others see the citation alone (no link they may not follow).
 */
export function SourceText({ ctx, source }: { ctx: PageContext; source: string }) {
  const ingested = INGESTED.exec(source);
  if (!ingested) return <>{source}</>;
  const [, citation, address] = ingested as unknown as [string, string, string];
  return can(ctx.actor, 'ingest.run') ? <a href={address}>{citation}</a> : <>{citation}</>;
}
