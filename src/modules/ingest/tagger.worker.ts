/**
 * Loads the part-of-speech model and tags each line of one text, on its own thread: the command line
 * starts it first thing, so the model's load (about 0.2 s) overlaps the rest of its start-up.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { tagsOfEachLine } from './parts-of-speech.ts';

parentPort?.postMessage(tagsOfEachLine(workerData.text as string));
