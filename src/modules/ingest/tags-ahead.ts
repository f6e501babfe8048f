import { Worker } from 'node:worker_threads';

/**
 * Starts tagging a text's lines on another thread, when the command line runs from its build (dist/):
 * the model loads there while this thread reads the gazetteers and compiles the patterns. Under tsx
 * (development, tests) a thread would first have to load tsx itself, which costs more than it saves:
 * undefined, and the text is tagged where it is read. Whatever goes wrong there, the answer is undefined.
 */
export function tagsReadAhead(text: string): Promise<Map<string, Map<number, string>> | undefined> {
  if (import.meta.url.endsWith('.ts')) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./tagger.worker.js', import.meta.url), { workerData: { text } });
    worker.once('message', (tags: Map<string, Map<number, string>>) => {
      resolve(tags);
      void worker.terminate();
    });
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
}
