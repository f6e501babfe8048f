// Starts the extraction thread from TypeScript source (development and tests, where nothing is compiled):
// tsx's loader is registered in this thread, then the worker module is loaded through it.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
