import { Worker } from 'node:worker_threads';

export interface TaggerAhead {
  /** The tags of each line of the text, or undefined when they could not be read there (then they are read here). */
  tagsOf(text: string): Promise<Map<string, Map<number, string>> | undefined>;
}

const NONE: TaggerAhead = { tagsOf: async () => undefined };

/**
 * Starts loading the part-of-speech model on another thread, when the command line runs from its build
 * (dist/): it loads there while this thread loads the extractor and reads the text. Under tsx
 * (development, tests) a thread would first have to load tsx itself, which costs more than it saves:
 * nothing is started, and the text is tagged where it is read.
 */
export function startTaggerAhead(): TaggerAhead {
  if (import.meta.url.endsWith('.ts')) return NONE;
  const worker = new Worker(new URL('./tagger.worker.js', import.meta.url));
  // It does not keep the process alive on its own (a refused file ends the command at once)…
  worker.unref();
  const answer = new Promise<Map<string, Map<number, string>> | undefined>((resolve) => {
    worker.once('message', resolve);
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
  return {
    tagsOf(text) {
      // …but it does while its answer is awaited.
      worker.ref();
      worker.postMessage(text);
      return answer.finally(() => void worker.terminate());
    },
  };
}
