import countries from 'i18n-iso-countries';
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { scaleSqrt } from 'd3-scale';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json' with { type: 'json' };

const WIDTH = 960;
const HEIGHT = 500;
const countryShapes = feature(world as unknown as Topology, (world as unknown as Topology).objects.countries as GeometryCollection);
const projection = geoNaturalEarth1().fitSize([WIDTH, HEIGHT], countryShapes);
const path = geoPath(projection);

export interface MapSite {
  name: string;
  latitude: number;
  longitude: number;
  population: number | null;
  label: string;
}

/** Shading steps for people repatriated; a legend names each step. */
const STEPS = [1, 10, 100, 500] as const;

function shade(value: number | undefined): string {
  if (!value) return 'map-country';
  const step = STEPS.filter((threshold) => value >= threshold).length;
  return `map-country map-shade-${step}`;
}

/**
 * Server-rendered SVG (world-atlas 1:110m + d3-geo): receiving states shaded by people repatriated and
 * sites as circles sized by population. No tiles, no third-party requests; a table beside it carries
 * the same figures for screen readers.
 */
export function DetentionMap(props: { title: string; repatriatedByIso3: Map<string, number>; sites: MapSite[]; legend: { repatriated: string; site: string } }) {
  const radius = scaleSqrt()
    .domain([0, Math.max(1, ...props.sites.map((site) => site.population ?? 0))])
    .range([3, 28]);
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={props.title} width="100%">
        {countryShapes.features.map((country) => {
          const alpha3 = countries.numericToAlpha3(String(country.id ?? '')) ?? '';
          const repatriated = props.repatriatedByIso3.get(alpha3);
          return (
            <path class={shade(repatriated)} d={path(country) ?? ''}>
              {repatriated ? <title>{`${(country.properties as { name?: string })?.name ?? alpha3}: ${repatriated}`}</title> : null}
            </path>
          );
        })}
        {props.sites.map((site) => {
          const point = projection([site.longitude, site.latitude]);
          if (!point) return null;
          return (
            <circle class="map-site" cx={point[0]} cy={point[1]} r={radius(site.population ?? 0)}>
              <title>{site.label}</title>
            </circle>
          );
        })}
      </svg>
      <figcaption class="chart-legend" aria-hidden="true">
        {STEPS.map((threshold, index) => (
          <span>
            <span class={`chart-swatch map-shade-${index + 1}`} /> {`≥ ${threshold}`}
          </span>
        ))}
        <span>{props.legend.repatriated}</span>
        <span>
          <span class="chart-swatch map-site-swatch" /> {props.legend.site}
        </span>
      </figcaption>
    </figure>
  );
}
