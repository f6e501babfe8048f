/**
 * Grows a Coalition Desk database to N times the demo data in what grows in real use: meetings with
 * agendas, readouts and their versions, contributions, incidents, taskings and report-backs,
 * commitments, screening batches and audit events (scripts/scale/plan.ts gives the counts per unit).
 *
 * Usage: npm run seed:scale -- --factor N
 * Works on the database the platform would use: DATA_DIR (embedded, ./data by default) or DATABASE_URL.
 * An empty database gets the demo data set first. Run it again to add another N units.
 */
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { isEmptyDatabase, loadDemoData, writeDemoSignIns } from '../src/demo/demo.ts';
import { growDatabase } from './scale/grow.ts';

const { values } = parseArgs({ options: { factor: { type: 'string', default: '1' } } });
const factor = Number(values.factor);
if (!Number.isInteger(factor) || factor < 1 || factor > 1000) {
  console.error(`--factor must be a whole number from 1 to 1000 (got "${values.factor}")`);
  process.exit(2);
}

const config = loadConfig();
const database = await openDatabase(config);
try {
  await database.migrate();
  if (await isEmptyDatabase(database.db)) {
    console.error('Empty database: loading the demo data set first…');
    const signIns = await loadDemoData(database.db);
    if (!config.databaseUrl) console.error(`Demo sign-ins written to ${writeDemoSignIns(config.dataDir, signIns)}`);
  }
  const bar = new SingleBar({
    format: 'Seeding ×{factor} [{bar}] {percentage}% | {value}/{total} rows | {step} | {eta_formatted} left',
    stream: process.stderr,
    hideCursor: true,
    noTTYOutput: !process.stderr.isTTY,
    notTTYSchedule: 5000,
  });
  const started = performance.now();
  const { rows, tag } = await growDatabase(database.db, factor, {
    start: (total) => bar.start(total, 0, { factor, step: 'meetings' }),
    advance: (count, step) => bar.increment(count, { step }),
  });
  bar.stop();
  console.error(`Added ${rows.toLocaleString('en')} rows (×${factor}, tag ${tag}) in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
} finally {
  await database.close();
}
