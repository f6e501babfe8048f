import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * The security headers of every answer (ASVS V14.4): no inline script anywhere, no framing, no
 * referrer leaks to other sites. X-Frame-Options says the same as frame-ancestors 'none' for browsers
 * that only know the older header. HSTS only means something over TLS: it is added to requests that came
 * over HTTPS.
 */
const securityHeaders = helmet({
  xFrameOptions: { action: 'deny' },
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
  },
  referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  strictTransportSecurity: false,
  crossOriginEmbedderPolicy: false,
});

/**
 * The headers helmet sets, worked out once at start-up by running its middleware on a blank response:
 * with these options they are the same for every request (no nonce, no per-route policy), so each
 * request only copies them, instead of calling a dozen middlewares in turn. Not `@fastify/helmet`: its
 * version 13 calls `helmet(options)` anew on every request (buildHelmetOnRoutes), parsing the whole
 * policy each time, and adds a second, async hook for per-route options we do not use.
 */
function headersSetBy(middleware: typeof securityHeaders): [string, string][] {
  const set = new Map<string, string>();
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => void set.set(name, String(value)),
    removeHeader: (name: string) => void set.delete(name),
  };
  let failed: unknown;
  middleware({} as never, response as never, (error?: unknown) => {
    failed = error;
  });
  if (failed || set.size === 0) throw new Error(`security headers could not be worked out: ${String(failed ?? 'none set')}`);
  return [...set];
}

const HEADERS = headersSetBy(securityHeaders);

const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Set at the root of the application (src/app.ts), so every answer carries them: pages, the API, files,
 * errors, unknown addresses, and /healthz, which runs nothing else of the platform.
 */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    for (const [name, value] of HEADERS) reply.raw.setHeader(name, value);
    if (request.protocol === 'https') reply.raw.setHeader('strict-transport-security', HSTS);
    done();
  });
}
