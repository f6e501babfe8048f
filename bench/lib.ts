/** Shared pieces of the HTTP benchmarks: a bare baseline server, one measurement, and the result table. */
import os from 'node:os';
import autocannon from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';

export function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

export interface Figures {
  requestsPerSecond: number;
  p99Ms: number;
  errors: number;
}

export async function measure(url: string, options: { connections: number; seconds: number; headers?: Record<string, string> }): Promise<Figures> {
  const result = await autocannon({ url, connections: options.connections, duration: options.seconds, headers: options.headers ?? {} });
  return { requestsPerSecond: result.requests.average, p99Ms: result.latency.p99, errors: result.errors + result.non2xx };
}

export async function warmUp(urls: string[], connections: number, headers: Record<string, string> = {}): Promise<void> {
  for (const url of urls) await autocannon({ url, connections, duration: 2, headers });
}

/** The baseline every figure is divided by: Fastify answering a constant JSON object. */
export async function startBareServer(): Promise<FastifyInstance> {
  const bare = Fastify({ logger: false });
  bare.get('/hello', async () => ({ hello: 'world' }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  return bare;
}

export function portOf(server: FastifyInstance): number {
  return (server.server.address() as { port: number }).port;
}

export function printTable(title: string, baseline: Figures, rows: { name: string; figures: Figures; target?: number; extra?: string }[]): void {
  const line = (name: string, f: Figures, target?: number, extra = '') => {
    const ratio = f.requestsPerSecond / baseline.requestsPerSecond;
    const verdict = target === undefined ? '' : ratio >= target ? ` (target ≥ ${target}: met)` : ` (target ≥ ${target}: NOT met)`;
    return `| ${name} | ${f.requestsPerSecond.toFixed(0)} | ${f.p99Ms} | ${ratio.toFixed(3)}${verdict} | ${f.errors} |${extra}`;
  };
  console.log(`\n${title} · ${new Date().toISOString()} · ${os.cpus().length} cores · Node ${process.version}\n`);
  console.log('| route | req/s | p99 ms | ratio to bare | errors |');
  console.log('|---|---:|---:|---:|---:|');
  console.log(line('bare Fastify /hello', baseline));
  for (const row of rows) console.log(line(row.name, row.figures, row.target, row.extra));
}
