import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';

/**
 * Server-rendered SVG charts. They are pictures for sighted readers: each sits beside a data table
 * carrying the same figures, so the SVG is labelled as an image and its numbers are not read twice.
 * Geometry uses plain numbers (pixels); the money itself is never computed here.
 */
export interface ChartSeries {
  name: string;
  /** A CSS class choosing the series' colour, so charts follow the site's palette and print. */
  tone: string;
}

const WIDTH = 640;

/**
 * Right-to-left pages mirror the charts, as Arabic charts are drawn: labels on the right, bars growing
 * leftwards, time running from right to left. Positions are mirrored; the text itself is not.
 */
function mirror(rtl: boolean | undefined) {
  return {
    x: (value: number) => (rtl ? WIDTH - value : value),
    anchor: (anchor: 'start' | 'middle' | 'end') => (rtl && anchor !== 'middle' ? (anchor === 'start' ? 'end' : 'start') : anchor),
  };
}
const LABEL_WIDTH = 180;
const BAR_HEIGHT = 8;
const ROW_GAP = 10;
const TICK_LABEL_HALF_WIDTH = 56;

/** Horizontal grouped bars: one row per label, one bar per series. */
export function BarChart(props: { title: string; series: ChartSeries[]; rows: { label: string; values: number[] }[]; formatTick: (value: number) => string; rtl?: boolean }) {
  const m = mirror(props.rtl);
  const max = Math.max(1, ...props.rows.flatMap((row) => row.values));
  // The margin past the last tick holds half of its centred label ("USD 700 million"), which was cut off at 20.
  const x = scaleLinear().domain([0, max]).nice().range([0, WIDTH - LABEL_WIDTH - TICK_LABEL_HALF_WIDTH]);
  const rowHeight = props.series.length * BAR_HEIGHT + ROW_GAP;
  const height = props.rows.length * rowHeight + 40;
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={props.title} width="100%" preserveAspectRatio="xMinYMin meet">
        {x.ticks(4).map((tick) => (
          <g transform={`translate(${m.x(LABEL_WIDTH + x(tick))},0)`}>
            <line class="chart-grid" y1="0" y2={height - 30} />
            <text class="chart-tick" y={height - 14} text-anchor="middle">
              {props.formatTick(tick)}
            </text>
          </g>
        ))}
        {props.rows.map((row, index) => (
          <g transform={`translate(0,${index * rowHeight})`}>
            <text class="chart-label" x={m.x(LABEL_WIDTH - 6)} y={(props.series.length * BAR_HEIGHT) / 2 + 4} text-anchor={m.anchor('end')}>
              {row.label.length > 26 ? `${row.label.slice(0, 25)}…` : row.label}
            </text>
            {row.values.map((value, seriesIndex) => (
              <rect class={`chart-bar ${props.series[seriesIndex]?.tone ?? ''}`} x={Math.min(m.x(LABEL_WIDTH), m.x(LABEL_WIDTH + Math.max(0, x(value))))} y={seriesIndex * BAR_HEIGHT} width={Math.max(0, x(value))} height={BAR_HEIGHT - 1}>
                <title>{`${props.series[seriesIndex]?.name ?? ''}: ${props.formatTick(value)}`}</title>
              </rect>
            ))}
          </g>
        ))}
      </svg>
      <ChartLegend series={props.series} />
    </figure>
  );
}

/** Lines over ordered points (months, dates); a point with a `note` gets a marker whose tooltip is the note (e.g. its source). */
export function LineChart(props: { title: string; series: ChartSeries[]; points: { label: string; values: number[]; note?: string }[]; target?: { value: number; label: string }; formatTick: (value: number) => string; rtl?: boolean }) {
  const m = mirror(props.rtl);
  const height = 260;
  const left = 70;
  const bottom = 30;
  const max = Math.max(1, props.target?.value ?? 0, ...props.points.flatMap((point) => point.values));
  const y = scaleLinear().domain([0, max]).nice().range([height - bottom, 10]);
  const x = scalePoint<string>().domain(props.points.map((point) => point.label)).range([m.x(left), m.x(WIDTH - 10)]).padding(0.5);
  const every = Math.max(1, Math.ceil(props.points.length / 8));
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={props.title} width="100%" preserveAspectRatio="xMinYMin meet">
        {y.ticks(5).map((tick) => (
          <g transform={`translate(0,${y(tick)})`}>
            <line class="chart-grid" x1={m.x(left)} x2={m.x(WIDTH - 10)} />
            <text class="chart-tick" x={m.x(left - 6)} y="4" text-anchor={m.anchor('end')}>
              {props.formatTick(tick)}
            </text>
          </g>
        ))}
        {props.points.map((point, index) =>
          index % every === 0 ? (
            <text class="chart-tick" x={x(point.label)} y={height - 10} text-anchor="middle">
              {point.label}
            </text>
          ) : null,
        )}
        {props.target && (
          <g>
            <line class="chart-target" x1={m.x(left)} x2={m.x(WIDTH - 10)} y1={y(props.target.value)} y2={y(props.target.value)} />
            <text class="chart-tick" x={m.x(WIDTH - 12)} y={y(props.target.value) - 4} text-anchor={m.anchor('end')}>
              {props.target.label}
            </text>
          </g>
        )}
        {props.series.map((series, seriesIndex) => {
          const path = line<{ label: string; values: number[] }>()
            .x((point) => x(point.label) ?? m.x(left))
            .y((point) => y(point.values[seriesIndex] ?? 0))(props.points);
          return <path class={`chart-line ${series.tone}`} d={path ?? ''} />;
        })}
        {props.points.map((point) =>
          point.note ? (
            <circle class="chart-point" cx={x(point.label) ?? m.x(left)} cy={y(point.values[0] ?? 0)} r="4">
              <title>{point.note}</title>
            </circle>
          ) : null,
        )}
      </svg>
      <ChartLegend series={props.series} target={props.target?.label} lines />
    </figure>
  );
}

/** The key: a swatch per series (for lines, a piece of the line with its dash), in the order bars are drawn. */
function ChartLegend(props: { series: ChartSeries[]; target?: string; lines?: boolean }) {
  return (
    <figcaption class="chart-legend" aria-hidden="true">
      {props.series.map((series) => (
        <span>
          {props.lines ? (
            <svg class="chart-line-swatch" viewBox="0 0 28 10" aria-hidden="true">
              <line class={`chart-line ${series.tone}`} x1="0" y1="5" x2="28" y2="5" />
            </svg>
          ) : (
            <span class={`chart-swatch ${series.tone}`} />
          )}{' '}
          {series.name}
        </span>
      ))}
      {props.target && (
        <span>
          <span class="chart-swatch chart-target-swatch" /> {props.target}
        </span>
      )}
    </figcaption>
  );
}
