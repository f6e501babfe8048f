import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { englishModelFromFile, writeEnglishModelFile } from './english-model-file.ts';

const require = createRequire(import.meta.url);
const winkNLP = require('wink-nlp') as (model: unknown, pipe: string[]) => { its: Record<string, unknown>; readDoc(text: string): { tokens(): { out(what: unknown): string[] } } };
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'english-model-'));
const file = path.join(folder, 'english-model.bin');

afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

function tagsWith(model: unknown, texts: string[]): string[][] {
  const nlp = winkNLP(model, ['sbd', 'pos']);
  return texts.map((text) => nlp.readDoc(text).tokens().out(nlp.its.pos));
}

describe('the English model file the command line reads (english-model-file.ts)', () => {
  it('tags words as the package does, unknown words included', () => {
    expect(writeEnglishModelFile(file, import.meta.url)).toBe(true);
    const texts = [
      'Minister Anna Berg met the press in Rome on 14 March 2024.',
      'The Qwertyzzian delegation of Blorfistan pledged EUR 25 million; Xylophonics Ltd. agreed.',
      'Les directeurs politiques se sont réunis à Paris.',
      'U.S. Acting Special Envoy John Godfrey chaired the ISIS-K discussion (virtual).',
    ];
    const fromFile = englishModelFromFile(file, import.meta.url);
    expect(fromFile).toBeDefined();
    expect(tagsWith(fromFile, texts)).toEqual(tagsWith(require('wink-eng-lite-web-model'), texts));
  });

  it('is not used when it was written for another version of the package, nor when it is missing', () => {
    const bytes = fs.readFileSync(file);
    const headLength = bytes.readUInt32LE(0);
    const head = JSON.parse(bytes.toString('utf8', 8, 8 + headLength)) as { version: string };
    const otherHead = Buffer.from(JSON.stringify({ ...head, version: '9'.repeat(head.version.length) }));
    const other = path.join(folder, 'other-version.bin');
    fs.writeFileSync(other, Buffer.concat([bytes.subarray(0, 8), otherHead, bytes.subarray(8 + headLength)]));
    expect(englishModelFromFile(other, import.meta.url)).toBeUndefined();
    expect(englishModelFromFile(path.join(folder, 'none.bin'), import.meta.url)).toBeUndefined();
  });
});
