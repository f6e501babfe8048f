/**
 * The extraction thread: reads readouts sent by `extraction-thread.ts` and answers with their facts, so a
 * long or hostile document never holds up the server's event loop.
 */
import { parentPort } from 'node:worker_threads';
import { setRequestLanguage, withRequestLanguage } from '../../platform/i18n/request-language.ts';
import type { Extraction } from './extraction.ts';
import { extractReadout } from './extract.ts';
import type { Gazetteer } from './gazetteer.ts';

interface Job {
  id: number;
  text: string;
  publishedOn: string | null;
  locale: string;
  /** The live registry's names, sent when their stamp changed; only the stamp otherwise. */
  registry?: { stamp: string; gazetteer?: Gazetteer };
}

/** The registry's names last received, kept with their compiled patterns until the stamp changes. */
let registry: { stamp: string; gazetteer: Gazetteer } | undefined;

parentPort?.on('message', (job: Job) => {
  parentPort?.postMessage({ id: job.id, started: true });
  const started = performance.now();
  try {
    // The notes are in the reader's language: the request's language context does not cross threads, so it is set again here.
    let extraction: Extraction | undefined;
    withRequestLanguage(() => {
      setRequestLanguage(job.locale, undefined);
      if (job.registry?.gazetteer) registry = { stamp: job.registry.stamp, gazetteer: job.registry.gazetteer };
      const gazetteer = job.registry && registry?.stamp === job.registry.stamp ? registry.gazetteer : undefined;
      extraction = extractReadout(job.text, { publishedOn: job.publishedOn, gazetteer });
    });
    parentPort?.postMessage({ id: job.id, extraction, readMs: performance.now() - started });
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: (error as Error).message });
  }
});
