import type { FastifyRequest } from 'fastify';

function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * Is this post from one of our own pages (login CSRF, ASVS V4.2.2)? Browsers send `Origin` on posts, and
 * `Referer` or `Sec-Fetch-Site` where privacy settings drop it; a post with none of them is refused.
 * Our own origin is the configured PUBLIC_URL, or the address the request itself was made to (the
 * embedded server reached as 127.0.0.1 instead of localhost). Behind a proxy with TRUST_PROXY,
 * request.host is the forwarded one.
 */
export function isSameOriginPost(request: FastifyRequest, publicUrl: string): boolean {
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return false;
  const ours = new Set([originOf(publicUrl), originOf(`${request.protocol}://${request.host}`)]);
  const origin = request.headers.origin;
  if (origin !== undefined) return origin !== 'null' && ours.has(originOf(origin));
  const referer = request.headers.referer;
  if (referer !== undefined) return ours.has(originOf(referer));
  return fetchSite === 'same-origin';
}
