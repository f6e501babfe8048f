/** Latency of one URL: requests one after another, or from several clients at once. */
export interface PageTimes {
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

async function timedGet(url: string, headers: Record<string, string>): Promise<{ ms: number; ok: boolean }> {
  const started = performance.now();
  const response = await fetch(url, { headers, redirect: 'manual' });
  await response.arrayBuffer();
  return { ms: performance.now() - started, ok: response.status === 200 };
}

function summarise(samples: { ms: number; ok: boolean }[]): PageTimes {
  const times = samples.map((sample) => sample.ms);
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95), p99: quantile(times, 0.99), errors: samples.filter((sample) => !sample.ok).length };
}

/** One client: a few warm-up requests, then `count` timed ones in turn. */
export async function timeSequential(url: string, headers: Record<string, string>, count: number): Promise<PageTimes> {
  for (let i = 0; i < 3; i++) await timedGet(url, headers);
  const samples = [];
  for (let i = 0; i < count; i++) samples.push(await timedGet(url, headers));
  return summarise(samples);
}

/** `clients` clients each sending their next request as soon as the last is answered, `total` in all. */
export async function timeConcurrent(url: string, headers: Record<string, string>, clients: number, total: number): Promise<PageTimes> {
  const samples: { ms: number; ok: boolean }[] = [];
  let sent = 0;
  const client = async () => {
    while (sent < total) {
      sent++;
      samples.push(await timedGet(url, headers));
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return summarise(samples);
}
