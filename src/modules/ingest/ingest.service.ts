import type { Db } from '../../db/client.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { authorize } from '../../platform/authz.ts';
import { InvalidInput } from '../../platform/errors.ts';
import { type DocumentKind, documentText } from './document-text.ts';
import { extractOffThread } from './extraction-thread.ts';
import { liveGazetteer } from './live-gazetteer.ts';
import type { ExtractRequest } from './ingest.schema.ts';
import { withUsdAmounts } from './usd-amounts.ts';
import { say } from '../../platform/i18n/say.ts';

/** The document from whichever of text, html or pdfBase64 was sent: exactly one. */
export function documentOf(request: ExtractRequest): { bytes: Buffer; kind: DocumentKind } {
  const given = (['text', 'html', 'pdfBase64'] as const).filter((field) => request[field] !== undefined);
  if (given.length !== 1) throw new InvalidInput([{ field: 'body', message: say('problem.oneBodyKind') }]);
  if (request.pdfBase64 !== undefined) return { bytes: Buffer.from(request.pdfBase64, 'base64'), kind: 'pdf' };
  if (request.html !== undefined) return { bytes: Buffer.from(request.html), kind: 'html' };
  return { bytes: Buffer.from(request.text ?? ''), kind: 'text' };
}

/** Reads a readout into proposed facts without recording anything: nothing is kept until a person accepts. */
export async function extractFromRequest(db: Db, actor: MaybeActor, request: ExtractRequest) {
  authorize(actor, 'ingest.run');
  const { bytes, kind } = documentOf(request);
  const { text } = await documentText(bytes, kind);
  const publishedOn = request.publishedOn ?? null;
  return { documentText: text, extraction: await withUsdAmounts(db, actor, await extractOffThread(text, { publishedOn, registry: await liveGazetteer(db, actor) }), publishedOn) };
}
