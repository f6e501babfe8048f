import fs from 'node:fs';
import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { BarChart, LineChart } from './charts.tsx';

const bars = (rtl: boolean) => render(BarChart({ title: 'Pledged by partner', series: [{ name: 'Pledged', tone: 'tone-pledge' }], rows: [{ label: 'France', values: [100] }, { label: 'Italy', values: [50] }], formatTick: String, rtl }));
const lines = (rtl: boolean) => render(LineChart({ title: 'Over time', series: [{ name: 'Total', tone: 'tone-pledge' }], points: [{ label: '2021-01', values: [1] }, { label: '2021-02', values: [2] }], formatTick: String, rtl }));
const first = (svg: string, pattern: RegExp) => Number(pattern.exec(svg)?.[1]);

describe('charts on right-to-left pages', () => {
  it('put the bar labels on the right and grow the bars leftwards', () => {
    expect(bars(false)).toContain('x="174" y="8" text-anchor="end">France');
    expect(bars(true)).toContain('x="466" y="8" text-anchor="start">France');
    // France's bar starts at the label column on the left, or ends at it on the right.
    expect(first(bars(false), /<rect[^>]*x="([\d.]+)"/)).toBe(180);
    const width = first(bars(true), /<rect[^>]*width="([\d.]+)"/);
    expect(first(bars(true), /<rect[^>]*x="([\d.]+)"/) + width).toBe(460);
  });

  it('run time from right to left, with the value axis on the right', () => {
    const month = (svg: string, label: string) => first(svg, new RegExp(`x="([\\d.]+)"[^>]*>${label}<`));
    expect(month(lines(false), '2021-01')).toBeLessThan(month(lines(false), '2021-02'));
    expect(month(lines(true), '2021-01')).toBeGreaterThan(month(lines(true), '2021-02'));
    expect(lines(true)).toMatch(/x="576" y="4" text-anchor="start"/);
  });
});

describe('chart axes', () => {
  it('leave room past the last tick for half of its centred label, on either side', () => {
    const tickPositions = (svg: string) => [...svg.matchAll(/<g transform="translate\(([\d.]+),0\)"><line class="chart-grid"/g)].map((match) => Number(match[1]));
    // "USD 700 million" at 12px is about 100 units wide: half of it must fit inside the 640-unit picture.
    expect(Math.max(...tickPositions(bars(false)))).toBeLessThanOrEqual(640 - 50);
    expect(Math.min(...tickPositions(bars(true)))).toBeGreaterThanOrEqual(50);
  });
});

describe('charts say what colour says in another way too', () => {
  it('name the series and value of every bar on pointing at it', () => {
    expect(bars(false)).toContain('<title>Pledged: 100</title>');
    expect(bars(false)).toContain('<title>Pledged: 50</title>');
  });

  it('draw the lines of the three stages with three different dashes, shown in the key', () => {
    const css = fs.readFileSync(new URL('../../../public/app.css', import.meta.url), 'utf8');
    const dash = (tone: string) => new RegExp(`\\.chart-line\\.${tone} \\{([^}]*)\\}`).exec(css)?.[1]?.match(/stroke-dasharray:\s*([^;]+)/)?.[1] ?? 'solid';
    expect(new Set(['tone-pledge', 'tone-commitment', 'tone-disbursement'].map(dash)).size).toBe(3);
    expect(lines(false)).toMatch(/<figcaption[^>]*>.*<line class="chart-line tone-pledge"/s);
  });
});
