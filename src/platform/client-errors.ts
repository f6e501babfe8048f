import type { Socket } from 'node:net';
import { say } from './i18n/say.ts';

/** How long a refused connection may keep sending what it started before it is cut. */
const DRAIN_MS = 5_000;

function statusOf(code: string | undefined): { status: number; title: string; detail: string } {
  if (code === 'HPE_HEADER_OVERFLOW') return { status: 431, title: 'Request Header Fields Too Large', detail: say('problem.requestHeadTooLarge') };
  if (code === 'HPE_URI_TOO_LONG') return { status: 414, title: 'URI Too Long', detail: say('problem.requestHeadTooLarge') };
  return { status: 400, title: 'Bad Request', detail: say('problem.malformedRequest') };
}

/**
 * Answers a request Node's HTTP parser refused (a 2 MB URL, headers past the 16 KB limit, garbage).
 * Node's default destroys the socket at once, so a client still sending its long request gets a
 * connection reset instead of the answer. Here the answer is sent, the rest of what the client sends
 * is read and dropped, and the connection is closed once it is done (or after a few seconds).
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (socket.destroyed || !socket.writable) return;
  const { status, title, detail } = statusOf(error.code);
  const body = JSON.stringify({ type: 'about:blank', title, status, detail });
  socket.end(`HTTP/1.1 ${status} ${title}\r\nConnection: close\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  socket.resume();
  setTimeout(() => socket.destroy(), DRAIN_MS).unref();
}
