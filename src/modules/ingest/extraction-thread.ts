import { Worker } from 'node:worker_threads';
import { requestLocale } from '../../platform/i18n/request-language.ts';
import { say } from '../../platform/i18n/say.ts';
import { InvalidInput } from '../../platform/errors.ts';
import type { Extraction } from './extraction.ts';
import type { Gazetteer } from './gazetteer.ts';

/**
 * How long one readout may take to read. Real readouts take milliseconds (bench/ingest.ts); a document
 * still running after this is refused, and its thread replaced, while the server goes on answering.
 */
export const EXTRACTION_BUDGET_MS = Number(process.env.INGEST_EXTRACTION_BUDGET_MS ?? 5000);

/** A document that took longer than the budget to read: refused as bad input naming the file, nothing kept. */
export class ExtractionOverBudget extends InvalidInput {
  constructor(budgetMs: number) {
    super([{ field: 'file', message: say('problem.extractionOverBudget', { seconds: (budgetMs / 1000).toFixed(1) }) }]);
  }
}

interface Pending {
  owner: Worker;
  resolve: (extraction: Extraction) => void;
  reject: (error: Error) => void;
  /** Set when the thread starts on the job: the budget counts the reading, not the wait or the thread's start. */
  timer?: NodeJS.Timeout;
  budgetMs: number;
}

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

/**
 * The thread, started on first use and kept: loading the extractor and its gazetteers costs a few
 * hundred milliseconds once. Under tsx (development, tests) the worker loads the TypeScript source
 * through tsx; from the compiled build it loads the compiled file beside this one.
 */
function thread(): Worker {
  if (worker) return worker;
  const typescript = import.meta.url.endsWith('.ts');
  const started = typescript
    ? new Worker(new URL('./extract.worker-tsx.mjs', import.meta.url), { workerData: { entry: new URL('./extract.worker.ts', import.meta.url).href } })
    : new Worker(new URL('./extract.worker.js', import.meta.url));
  started.unref();
  started.on('message', (message: { id: number; started?: boolean; extraction?: Extraction; readMs?: number; error?: string }) => {
    const job = pending.get(message.id);
    if (!job) return;
    if (message.started) {
      job.timer = setTimeout(() => overBudget(message.id), job.budgetMs);
      return;
    }
    pending.delete(message.id);
    clearTimeout(job.timer);
    // The thread's own clock decides too: on a busy event loop its "started" and its answer can arrive in
    // one turn, before the timer could fire, and a reading over the budget must still be refused.
    if (message.readMs !== undefined && message.readMs > job.budgetMs) job.reject(new ExtractionOverBudget(job.budgetMs));
    else if (message.extraction) job.resolve(message.extraction);
    else job.reject(new Error(message.error ?? 'extraction failed'));
  });
  started.on('error', (error) => failAll(started, error));
  started.on('exit', () => {
    if (worker === started) worker = undefined;
    failAll(started, new Error('the extraction thread stopped'));
  });
  worker = started;
  return started;
}

/** A job past its budget: refused, and its thread ended (the only way to stop a running regular expression); jobs queued behind it are refused too. */
function overBudget(id: number) {
  const job = pending.get(id);
  if (!job) return;
  pending.delete(id);
  job.reject(new ExtractionOverBudget(job.budgetMs));
  if (worker === job.owner) worker = undefined;
  void job.owner.terminate();
}

function failAll(owner: Worker, error: Error) {
  for (const [id, job] of pending) {
    if (job.owner !== owner) continue;
    clearTimeout(job.timer);
    job.reject(error);
    pending.delete(id);
  }
}

/** The registry stamp each thread last received names for, so unchanged names are not copied to it again. */
const sentStamps = new WeakMap<Worker, string>();

/**
 * Extracts a readout on the extraction thread within a time budget. Over budget, the thread is ended
 * and the document refused with a clear message; the next document starts a fresh thread. Jobs run one
 * at a time, in order of arrival.
 */
export function extractOffThread(text: string, options: { publishedOn: string | null; budgetMs?: number; registry?: { stamp: string; gazetteer: Gazetteer } }): Promise<Extraction> {
  const budgetMs = options.budgetMs ?? EXTRACTION_BUDGET_MS;
  const running = thread();
  const id = nextId++;
  return new Promise<Extraction>((resolve, reject) => {
    pending.set(id, { owner: running, resolve, reject, budgetMs });
    // The registry's names go along with their stamp; the thread keeps the last ones and their compiled patterns until the stamp changes.
    const sentStamp = sentStamps.get(running);
    const registry = options.registry && sentStamp !== options.registry.stamp ? options.registry : options.registry ? { stamp: options.registry.stamp } : undefined;
    if (options.registry) sentStamps.set(running, options.registry.stamp);
    running.postMessage({ id, text, publishedOn: options.publishedOn, locale: requestLocale(), registry });
  });
}

/** Ends the thread (the server's shutdown, the end of a test file). */
export async function stopExtractionThread(): Promise<void> {
  const running = worker;
  worker = undefined;
  if (running) await running.terminate();
}
