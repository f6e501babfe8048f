/**
 * Compiles the command line ahead of time (run by `npm ci` through the `prepare` script): src/cli.ts and
 * the extraction thread become plain JavaScript in dist/, so `coalition-desk` starts without loading
 * tsx and transforming TypeScript on every run. Each command's modules stay in their own chunk, loaded
 * when the command runs. Packages are not bundled (they load from node_modules as usual).
 *
 * Source files that find their data beside themselves (`import.meta.url`: migrations, seed CSV files,
 * public assets) keep pointing at their place in src/: `import.meta.url` is replaced with the source
 * file's own address. The extraction thread's launcher is the exception: it must find the compiled
 * worker beside the compiled code.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist');
const KEEP_OWN_URL = new Set(['extraction-thread.ts', 'tags-ahead.ts', 'parts-of-speech.ts'].map((file) => path.join(root, 'src/modules/ingest', file)));

const sourceAddresses = {
  name: 'source-addresses',
  setup(builder) {
    builder.onLoad({ filter: /[/\\]src[/\\].*\.tsx?$/ }, async (args) => {
      let contents = await fs.promises.readFile(args.path, 'utf8');
      if (!KEEP_OWN_URL.has(args.path)) contents = contents.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
      return { contents, loader: args.path.endsWith('.tsx') ? 'tsx' : 'ts' };
    });
  },
};

/**
 * Packages load from node_modules at run time, as Node resolves them. Two ways of importing that tsx
 * accepts and Node does not are fixed here: a JSON file of a package is bundled (Node wants an import
 * attribute the output would lose), and a deep import without its extension gets it.
 */
const hasExports = (name) => {
  try {
    return 'exports' in JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8'));
  } catch {
    return true;
  }
};

/**
 * Packages put in the build all the same: chrono-node is some eighty small ES modules, which Node would
 * find, read and link one by one at each `ingest` (issue 20); bundled, it is read with the chunk that uses it.
 * Only packages with no files of their own to find at run time, and whose objects no other package checks.
 */
const BUNDLED_PACKAGES = new Set(['chrono-node']);

/**
 * i18n-iso-countries' entry for Node registers the country names of all its eighty languages as it loads
 * (60 ms of `ingest`'s start). The extractor registers the three it reads (English, French, Arabic) itself
 * and asks for no other, so its files load the library without them. In the server the library is one
 * module whichever way it is loaded, and other modules still load it whole.
 */
const EXTRACTOR_FILE = /[/\\]src[/\\]modules[/\\]ingest[/\\](?:extract-[a-z-]+|actors)\.ts$/;

const packagesAsNodeLoadsThem = {
  name: 'packages-as-node-loads-them',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { path: args.path, external: true };
      if (args.path === 'i18n-iso-countries' && EXTRACTOR_FILE.test(args.importer)) return { path: 'i18n-iso-countries/index.js', external: true };
      if (args.path.endsWith('.json') || BUNDLED_PACKAGES.has(args.path.split('/')[0])) return undefined;
      const parts = args.path.split('/');
      const depth = args.path.startsWith('@') ? 2 : 1;
      if (parts.length > depth && !path.extname(args.path) && !hasExports(parts.slice(0, depth).join('/')) && fs.existsSync(path.join(root, 'node_modules', `${args.path}.js`))) return { path: `${args.path}.js`, external: true };
      return { path: args.path, external: true };
    });
  },
};

fs.rmSync(outdir, { recursive: true, force: true });
fs.mkdirSync(outdir, { recursive: true });

/**
 * The reference gazetteer, built here once from the seed CSV files and the country lists, and put in the
 * build in place of the file that builds it: the command reads no CSV file and loads neither the CSV
 * parser nor the country lists at start (issue 17). A change to those files is a change under src/, so
 * the launcher runs the source until the next build.
 */
async function referenceGazetteerData() {
  const entry = path.join(root, 'src/modules/ingest/reference-gazetteer.ts');
  const bundled = path.join(outdir, 'reference-gazetteer.build.mjs');
  await build({ absWorkingDir: root, entryPoints: [entry], outfile: bundled, bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning', plugins: [packagesAsNodeLoadsThem, sourceAddresses] });
  try {
    const { buildReferenceGazetteer } = await import(pathToFileURL(bundled).href);
    const gazetteer = buildReferenceGazetteer();
    return JSON.stringify({ ...gazetteer, cities: [...gazetteer.cities] });
  } finally {
    fs.rmSync(bundled, { force: true });
  }
}
const gazetteerJson = await referenceGazetteerData();

/**
 * The patterns of the reference gazetteer's names (thousands of partner names, demonyms, cities), written
 * once here by reading a short self-written readout that touches every kind of fact, and put in the build
 * by the digest of their names: the command does not write them out again each time it starts.
 */
async function patternSources() {
  const bundled = path.join(outdir, 'patterns.build.mjs');
  const entry = `import { extractReadout } from './src/modules/ingest/extract.ts';\nimport { keepPatternSources, patternSourcesWritten } from './src/modules/ingest/text-spans.ts';\nexport { extractReadout, keepPatternSources, patternSourcesWritten };\n`;
  await build({ absWorkingDir: root, stdin: { contents: entry, resolveDir: root, loader: 'ts' }, outfile: bundled, bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning', jsx: 'automatic', jsxImportSource: 'preact', plugins: [packagesAsNodeLoadsThem, sourceAddresses] });
  try {
    const { extractReadout, keepPatternSources, patternSourcesWritten } = await import(pathToFileURL(bundled).href);
    keepPatternSources();
    extractReadout(PATTERN_SAMPLE, { publishedOn: '2021-09-29' });
    return JSON.stringify(patternSourcesWritten());
  } finally {
    fs.rmSync(bundled, { force: true });
  }
}
const PATTERN_SAMPLE = [
  'Readout of the Small Group Meeting',
  'The Political Directors of the Coalition met in Rome, Italy on June 28, 2021, with the Special Envoy, Ambassador Jane Doe, in the chair.',
  'They discussed Iraq, Syria, Afghanistan and the Lake Chad Basin, and the attack ISIS-K carried out on August 26 in Kabul.',
  'Italy pledged EUR 25 million and the United States committed $10 million to stabilization; the Coalition welcomed Tajikistan as a new member.',
  'Kazakhstan repatriated 45 women and children from the al-Hol camp, which held some 30,000 people; Iraq convicted 120 foreign terrorist fighters in 2023.',
  'Ministers agreed to focus the Communications, Counter ISIS Finance and FTF Working Groups on countering ISIS-K, carrying forward the discussion from the Ministerial in Rome.',
].join('\n\n');
const patternsJson = await patternSources();
const prebuiltPatterns = {
  name: 'prebuilt-patterns',
  setup(builder) {
    builder.onLoad({ filter: /[/\\]src[/\\]modules[/\\]ingest[/\\]prebuilt-patterns\.ts$/ }, () => ({
      contents: `export const PREBUILT_PATTERNS = new Map(JSON.parse(${JSON.stringify(patternsJson)}));\n`,
      loader: 'js',
    }));
  },
};

const prebuiltGazetteer = {
  name: 'prebuilt-reference-gazetteer',
  setup(builder) {
    builder.onLoad({ filter: /[/\\]src[/\\]modules[/\\]ingest[/\\]reference-gazetteer\.ts$/ }, () => ({
      contents: `const data = JSON.parse(${JSON.stringify(gazetteerJson)});\nexport function buildReferenceGazetteer() { return { ...data, cities: new Map(data.cities) }; }\n`,
      loader: 'js',
    }));
  },
};

await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.ts', 'extract.worker': 'src/modules/ingest/extract.worker.ts', 'tagger.worker': 'src/modules/ingest/tagger.worker.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  chunkNames: '[name]-[hash]',
  logLevel: 'warning',
  plugins: [prebuiltGazetteer, prebuiltPatterns, packagesAsNodeLoadsThem, sourceAddresses],
});
/**
 * wink's English model, written ready to read beside the compiled code (english-model-file.ts): the part-of-speech
 * thread reads it instead of the package's JSON, which it would parse, copy and decode at every start.
 */
async function writeEnglishModel() {
  const bundled = path.join(outdir, 'english-model.build.mjs');
  await build({ absWorkingDir: root, entryPoints: ['src/modules/ingest/english-model-file.ts'], outfile: bundled, bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning', plugins: [packagesAsNodeLoadsThem, sourceAddresses] });
  try {
    const { writeEnglishModelFile } = await import(pathToFileURL(bundled).href);
    if (!writeEnglishModelFile(path.join(outdir, 'english-model.bin'), path.join(root, 'src/modules/ingest/parts-of-speech.ts'))) console.warn('build-cli: the English model read back differs from the package\'s; the package will load it at each start');
  } finally {
    fs.rmSync(bundled, { force: true });
  }
}
await writeEnglishModel();
// The list of commands, written once here from the commands' own definitions: `coalition-desk --help`
// prints it instead of loading every command's modules to describe them (issue 20: start at once).
const help = execFileSync(process.execPath, [path.join(outdir, 'cli.js'), '--help'], { env: { ...process.env, COLUMNS: '80' }, encoding: 'utf8' });
fs.writeFileSync(path.join(outdir, 'help.txt'), help);
// The stamp the launcher compares with the sources: a build older than any source file is not used.
fs.writeFileSync(path.join(outdir, 'built-at'), new Date().toISOString());
