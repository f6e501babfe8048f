import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';

/**
 * wink's English model, ready to use, kept in one file that the command line's build writes
 * (scripts/build-cli.mjs) and its part-of-speech thread reads (issue 20: `ingest` starts at once).
 *
 * The package reads its core model at each start the long way: it parses 3 MB of JSON, copies it whole
 * (a JSON round trip), decodes 1.9 MB of base64 byte by byte and indexes its word lists. The file holds
 * the result instead: the model's JSON without its two number tables, then those tables as raw bytes.
 * What cannot be written as JSON is rebuilt on reading exactly as the package builds it (the word
 * indexes, the part-of-speech clusters). The build writes the file only when the model read back from it
 * is deeply equal to the package's own, key order included; the file names the package's version, and a
 * file of another version is not used: the package is then loaded as usual.
 */

const PACKAGE = 'wink-eng-lite-web-model';

/** The core model as the package's `core()` returns it (its shape is the package's business). */
type CoreModel = Record<string, unknown> & {
  lexicon: Uint32Array | null;
  xpansions: Uint32Array | null;
  packing: { layout: Record<string, number[]> };
  features: Record<string, { list: unknown[]; hash?: Record<string, number> | null }>;
};

interface Layout {
  version: string;
  /** Byte lengths of the two number tables that follow the JSON, in this order. */
  lexicon: number;
  xpansions: number;
}

/** The features whose word index (`hash`) the package builds from their list when it reads the model. */
const indexedFeatures = (core: CoreModel) => ['lexeme', ...Object.keys(core.packing.layout).filter((feature) => core.packing.layout[feature]?.[3] === 0)];

function packageDirectory(from: string): string {
  return path.dirname(createRequire(from).resolve(`${PACKAGE}/package.json`));
}

function packageVersion(directory: string): string {
  return (JSON.parse(fs.readFileSync(path.join(directory, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The package's model object, whose core is read from `core` instead of its own JSON. */
function modelWithCore(directory: string, core: () => CoreModel): Record<string, unknown> {
  const require = createRequire(path.join(directory, 'package.json'));
  // The package's dist/model.js, part by part, without its core reader (which would parse the JSON anyway).
  const part = (file: string) => require(`./dist/${file}`) as unknown;
  const model = Object.create(null) as Record<string, unknown>;
  model.core = core;
  model.sbd = part('load-sbd-model.js');
  model.pos = part('load-pos-model.js');
  model.ner = part('load-ner-model.js');
  model.negation = part('load-negation-model.js');
  model.sa = part('load-sa-model.js');
  model.metaCER = part('load-cer-meta-model.js');
  model.featureFn = part('feature.js');
  const addons = Object.create(null) as Record<string, unknown>;
  addons.stem = part('porter-stemmer.js');
  // Its word lists (220 KB of code) are read when a lemma is first asked for; the tagger asks for none.
  Object.defineProperty(addons, 'lemmatize', { enumerable: true, configurable: true, get: () => part('lemmatize.js') });
  addons.readabilityStats = part('readability-stats.js');
  addons.wordVectors = undefined;
  model.addons = addons;
  return model;
}

/** Whether two models are made of the same parts (the same modules, in the same order). */
function sameParts(ours: Record<string, unknown>, packaged: Record<string, unknown>): boolean {
  const entries = (model: Record<string, unknown>) => Object.entries(model).flatMap(([key, value]) => (key === 'addons' ? Object.entries(value as object).map(([addon, part]) => [`addons.${addon}`, part]) : [[key, value]]));
  const theirs = entries(packaged);
  const mine = entries(ours);
  return mine.length === theirs.length && mine.every(([key, part], index) => theirs[index]?.[0] === key && theirs[index]?.[1] === part);
}

/** Objects' own keys in order, all the way down: deep equality does not look at the order. */
function sameKeyOrder(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || ArrayBuffer.isView(a) || a instanceof Set) return true;
  const keys = Object.keys(a);
  if (keys.join('\u0000') !== Object.keys(b as object).join('\u0000')) return false;
  return keys.every((key) => sameKeyOrder((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/**
 * Writes the model file from the installed package; answers false (and writes nothing) when the package's
 * model is not of the shape this reader rebuilds, or the model read back differs from the package's in any way.
 */
export function writeEnglishModelFile(file: string, from: string): boolean {
  const directory = packageDirectory(from);
  const packaged = createRequire(path.join(directory, 'package.json'))(PACKAGE) as Record<string, unknown> & { core: () => CoreModel };
  if (!sameParts(modelWithCore(directory, packaged.core), packaged)) return false;
  const core = packaged.core();
  if (!(core.lexicon instanceof Uint32Array) || !(core.xpansions instanceof Uint32Array)) return false;
  const { lexicon, xpansions } = core;
  const clusters = core.features.posClusters?.list;
  if (!clusters?.every((cluster) => cluster instanceof Set)) return false;
  const hashes = new Map(indexedFeatures(core).map((feature) => [feature, core.features[feature]?.hash]));
  // The JSON keeps every key in its place; what it cannot hold is null there and rebuilt on reading.
  const json = JSON.stringify(core, function (this: unknown, key, value) {
    if (this === core && (key === 'lexicon' || key === 'xpansions')) return null;
    if (key === 'hash' && [...hashes.values()].includes(value)) return null;
    if (value instanceof Set) return [...value];
    return value;
  });
  const layout: Layout = { version: packageVersion(directory), lexicon: lexicon.byteLength, xpansions: xpansions.byteLength };
  const head = Buffer.from(JSON.stringify(layout));
  const body = Buffer.from(json);
  const lengths = Buffer.alloc(8);
  lengths.writeUInt32LE(head.length, 0);
  lengths.writeUInt32LE(body.length, 4);
  const written = Buffer.concat([lengths, head, body, Buffer.from(lexicon.buffer, lexicon.byteOffset, lexicon.byteLength), Buffer.from(xpansions.buffer, xpansions.byteOffset, xpansions.byteLength)]);
  const readBack = coreFrom(written);
  if (!isDeepStrictEqual(readBack, packaged.core()) || !sameKeyOrder(readBack, packaged.core())) return false;
  fs.writeFileSync(file, written);
  return true;
}

/** A copy of `length` bytes at `offset` as 32-bit numbers, in a buffer of their own as the package makes them. */
function numbers(bytes: Buffer, offset: number, length: number): Uint32Array {
  const own = new Uint8Array(length);
  own.set(bytes.subarray(offset, offset + length));
  return new Uint32Array(own.buffer);
}

function coreFrom(bytes: Buffer): CoreModel {
  const headLength = bytes.readUInt32LE(0);
  const bodyLength = bytes.readUInt32LE(4);
  const layout = JSON.parse(bytes.toString('utf8', 8, 8 + headLength)) as Layout;
  const bodyStart = 8 + headLength;
  const core = JSON.parse(bytes.toString('utf8', bodyStart, bodyStart + bodyLength)) as CoreModel;
  const tables = bodyStart + bodyLength;
  core.lexicon = numbers(bytes, tables, layout.lexicon);
  core.xpansions = numbers(bytes, tables + layout.lexicon, layout.xpansions);
  // As the package's read-core-model.js builds them: each word's place in its feature's list.
  for (const name of indexedFeatures(core)) {
    const feature = core.features[name] as { list: string[]; hash: Record<string, number> | null };
    const hash = Object.create(null) as Record<string, number>;
    for (let index = 0; index < feature.list.length; index += 1) hash[feature.list[index] as string] = index;
    feature.hash = hash;
  }
  const clusters = core.features.posClusters as { list: unknown[] };
  clusters.list = clusters.list.map((cluster) => new Set(cluster as number[]));
  return core;
}

/**
 * The model to give wink-nlp: the package's, with its core read from `file` when that file was written
 * for the installed version of the package; undefined otherwise (then the package is loaded as usual).
 */
export function englishModelFromFile(file: string, from: string): Record<string, unknown> | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  const directory = packageDirectory(from);
  const layout = JSON.parse(bytes.toString('utf8', 8, 8 + bytes.readUInt32LE(0))) as Layout;
  if (layout.version !== packageVersion(directory)) return undefined;
  // wink calls core() once for each instance it makes, and each gets a model of its own, as from the package.
  return modelWithCore(directory, () => coreFrom(bytes));
}
