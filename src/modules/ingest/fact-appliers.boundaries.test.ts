import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

// Accepting a fact makes other modules' records: through their services (which authorize, check, audit
// and filter by visibility), never by reading or writing their tables or repos (ARCHITECTURE: "a module
// may use another module's service, never its repo").
describe('what accepting a fact may touch', () => {
  it('imports other modules through their services only, and no table but its own', () => {
    const source = fs.readFileSync(new URL('./fact-appliers.ts', import.meta.url), 'utf8');
    const imports = [...source.matchAll(/^import .* from '([^']+)';$/gm)].map((match) => match[1] as string);
    expect(imports.filter((from) => from.startsWith('../') && !from.startsWith('../../') && !/\.service\.ts$/.test(from))).toEqual([]);
    expect(imports.filter((from) => from.startsWith('../../db/schema/') && from !== '../../db/schema/ingest.ts')).toEqual([]);
  });
});
