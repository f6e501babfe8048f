/**
 * Why src/platform/security-headers.ts runs helmet itself rather than @fastify/helmet: the plugin
 * (version 13) builds helmet's middleware anew for every request. This times both ways of setting the
 * same headers on a bare response, in one process, as a ratio (the machine is noisy).
 *
 *   npx tsx bench/security-headers.ts
 */
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import helmet from 'helmet';

const options: Parameters<typeof helmet>[0] = {
  xFrameOptions: { action: 'deny' },
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'], fontSrc: ["'self'"], connectSrc: ["'self'"], formAction: ["'self'"], frameAncestors: ["'none'"], baseUri: ["'none'"], objectSrc: ["'none'"] },
  },
  referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  strictTransportSecurity: false,
  crossOriginEmbedderPolicy: false,
};
const request = new IncomingMessage(new Socket());
const ROUNDS = 100_000;

function microsecondsPerRequest(setHeaders: (response: ServerResponse) => void): number {
  for (let i = 0; i < 5_000; i++) setHeaders(new ServerResponse(request));
  const start = process.hrtime.bigint();
  for (let i = 0; i < ROUNDS; i++) setHeaders(new ServerResponse(request));
  return Number(process.hrtime.bigint() - start) / ROUNDS / 1000;
}

const builtOnce = helmet(options);
const once = microsecondsPerRequest((response) => builtOnce(request, response, () => {}));
const perRequest = microsecondsPerRequest((response) => helmet(options)(request, response, () => {}));
console.log(`built once: ${once.toFixed(1)} µs a request; built per request (as @fastify/helmet 13 does): ${perRequest.toFixed(1)} µs, ${(perRequest / once).toFixed(1)}×`);
