/**
 * Loads the part-of-speech model as soon as it starts, then tags each line of the one text it is sent,
 * on its own thread: the command line starts it first thing, so the model's load (about 0.2 s) overlaps
 * the rest of its start-up.
 */
import { parentPort } from 'node:worker_threads';
import { loadPartsOfSpeech, tagsOfEachLine } from './parts-of-speech.ts';

loadPartsOfSpeech();
parentPort?.once('message', (text: string) => parentPort?.postMessage(tagsOfEachLine(text)));
