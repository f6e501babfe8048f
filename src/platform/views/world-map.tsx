import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { scaleSqrt } from 'd3-scale';
import { countryNameIn } from '../i18n/country-names.ts';
import type { Locale } from '../i18n/i18n.ts';
import { alpha3Of, countryShapes } from '../world.ts';

const WIDTH = 960;
const HEIGHT = 500;
const projection = geoNaturalEarth1().fitSize([WIDTH, HEIGHT], countryShapes);

/**
 * The countries' outlines never change, so they are projected once per process rather than on every
 * page, with coordinates to a tenth of a pixel: finer adds bytes no screen shows.
 */
const countryOutlines = (() => {
  const path = geoPath(projection).digits(1);
  return countryShapes.features.map((country) => ({ alpha3: alpha3Of(country.id), d: path(country) ?? '' }));
})();

export interface MapPoint {
  latitude: number;
  longitude: number;
  /** Sets the circle's area. */
  size: number;
  label: string;
}

/**
 * A world map drawn on the server as SVG (world-atlas 1:110m + d3-geo): countries shaded in steps by a
 * value, points as circles whose area follows their size. No tiles, no third-party requests; each
 * page that shows it puts a table with the same figures beside it. Countries are named in the reader's
 * language (the atlas names them in English only).
 */
export function WorldMap(props: { locale: Locale; title: string; shadeBy: Map<string, number>; steps: readonly number[]; points: MapPoint[]; legend: { shade: string; point: string } }) {
  const radius = scaleSqrt()
    .domain([0, Math.max(1, ...props.points.map((point) => point.size))])
    .range([3, 28]);
  const shadeClass = (value: number | undefined) => {
    if (!value) return 'map-country';
    return `map-country map-shade-${props.steps.filter((threshold) => value >= threshold).length}`;
  };
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={props.title} width="100%">
        {countryOutlines.map((country) => {
          const value = props.shadeBy.get(country.alpha3);
          return (
            <path class={shadeClass(value)} d={country.d}>
              {value ? <title>{`${countryNameIn(props.locale, country.alpha3)}: ${value}`}</title> : null}
            </path>
          );
        })}
        {props.points.map((point) => {
          const at = projection([point.longitude, point.latitude]);
          if (!at) return null;
          return (
            <circle class="map-site" cx={at[0].toFixed(1)} cy={at[1].toFixed(1)} r={radius(point.size).toFixed(1)}>
              <title>{point.label}</title>
            </circle>
          );
        })}
      </svg>
      <figcaption class="chart-legend" aria-hidden="true">
        {props.steps.map((threshold, index) => (
          <span>
            <span class={`chart-swatch map-shade-${index + 1}`} /> {`≥ ${threshold}`}
          </span>
        ))}
        <span>{props.legend.shade}</span>
        <span>
          <span class="chart-swatch map-site-swatch" /> {props.legend.point}
        </span>
      </figcaption>
    </figure>
  );
}
