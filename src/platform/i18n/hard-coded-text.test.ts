import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Text people read must come from the catalogues, or a French or Arabic reader gets English. This scans
 * the source of every module and the platform for the shapes such text takes when written in place:
 * a field problem's message, a refusal's message, a helper that refuses with a message, an ingest note,
 * and words between JSX tags. The command line (English only), API summaries (developer documentation) and
 * plain `Error`s (a 500: the reader sees only the request id) are not scanned.
 */
const ROOTS = ['src/modules', 'src/platform'];

const SHAPES: { name: string; pattern: RegExp }[] = [
  { name: 'field problem with a written message', pattern: /message: ['"`][\p{L}$]/u },
  { name: 'refusal with a written message', pattern: /new (?:Conflict|Forbidden|Unauthenticated|TooManyAttempts|ListFileError)\(['"`][\p{L}$]/u },
  { name: 'refusing helper with a written message', pattern: /\bfail\(['"`][\p{L}$]|\bneed\('[^']*', ['"`][\p{L}$]/u },
  { name: 'note written in place', pattern: /notes?\.(?:push|add)\(['"`]/ },
  { name: 'words between JSX tags', pattern: />[ \t]*\p{L}[\p{L} ,.’:;-]*\p{Ll}{2,} \p{L}[\p{L} ,.’:;-]*</u },
  { name: 'a JSX line of words', pattern: /^\s+\p{Lu}\p{Ll}+(?: [\p{L}’'-]+){2,}[.:,]?\s*$/u },
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !/\.cli\.ts$/.test(entry.name) ? [full] : [];
  });
}

describe('text people read comes from the catalogues', () => {
  it('no module or platform source writes a message, note or page text in place', () => {
    const found: string[] = [];
    for (const file of ROOTS.flatMap(sourceFiles)) {
      for (const [index, line] of fs.readFileSync(file, 'utf8').split('\n').entries()) {
        if (line.trimStart().startsWith('//') || line.trimStart().startsWith('*')) continue;
        for (const shape of SHAPES) if (shape.pattern.test(line)) found.push(`${file}:${index + 1} ${shape.name}: ${line.trim().slice(0, 120)}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('the scan finds each shape it looks for', () => {
    const samples = [
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a line of source text the scan must catch, not a template
      "problems.push({ field: 'x', message: `${value} is wrong` });",
      "throw new Conflict('Another partner has this name.');",
      "need('date', 'give the date');",
      "notes.add('Not converted');",
      '<p>Nothing to show here</p>',
      '        Nothing to show here yet',
    ];
    for (const [index, sample] of samples.entries()) expect(SHAPES[index]?.pattern.test(sample), sample).toBe(true);
    expect(SHAPES.some((shape) => shape.pattern.test("message: say('problem.notBlank')"))).toBe(false);
  });
});
