import { geoBounds } from 'd3-geo';
import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json' with { type: 'json' };

/** Country outlines at 1:110m (world-atlas), for maps drawn on the server and for rough place checks. */
export const countryShapes = feature(world as unknown as Topology, (world as unknown as Topology).objects.countries as GeometryCollection);

export function alpha3Of(numericId: string | number | undefined): string {
  return countries.numericToAlpha3(String(numericId ?? '')) ?? '';
}

const boundsByAlpha3 = new Map(countryShapes.features.map((shape) => [alpha3Of(shape.id), geoBounds(shape)]));

/**
 * Whether a point lies in a country's bounding box (with a margin for the coarse outlines); undefined
 * when the map has no outline for the country. Boxes that cross the antimeridian are taken as the
 * whole longitude range.
 */
export function insideCountryBox(alpha3: string, latitude: number, longitude: number, marginDegrees = 0.5): boolean | undefined {
  const bounds = boundsByAlpha3.get(alpha3);
  if (!bounds) return undefined;
  const [[west, south], [east, north]] = bounds;
  if (latitude < south - marginDegrees || latitude > north + marginDegrees) return false;
  if (west > east) return true;
  return longitude >= west - marginDegrees && longitude <= east + marginDegrees;
}
