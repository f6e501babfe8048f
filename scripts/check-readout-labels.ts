/**
 * Checks a folder of hand-labelled readouts (`NN-slug.txt` + `NN-slug.json`) against the label format
 * of the readouts corpora: exact key set, enums, date format, and that every quote, commitment and
 * speaker name occurs verbatim in the text. It reads only the labels and texts, never the extractor,
 * so a blind set can be checked without looking at what it is meant to measure.
 * Usage: npx tsx scripts/check-readout-labels.ts [DIR] (defaults to test/fixtures/readouts-blind)
 * Exits 1 and lists every problem if any file is wrong.
 */
import fs from 'node:fs';
import path from 'node:path';

const KEYS = [
  'file',
  'title',
  'source_url',
  'language',
  'text_complete',
  'date',
  'date_stated_in_text',
  'meeting_format',
  'setting',
  'location',
  'chair_or_speakers',
  'theaters',
  'branches',
  'working_groups',
  'new_members',
  'money',
  'incidents',
  'references_to_earlier_meetings',
  'commitments',
  'notes',
];
const LANGUAGES = ['en', 'fr', 'ar'];
const FORMATS = ['Small Group', 'Ministerial', 'Working Group', 'Focus Group', 'Council', 'Dialogue', 'Other'];
const SETTINGS = ['in-person', 'virtual', 'hybrid', null];
const MONEY_KINDS = ['pledge', 'disbursement'];
// Dates at the precision the evidence supports: year, month or day.
const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const MIN_CHARS = 1000;
const MAX_CHARS = 3000;

type Json = Record<string, unknown>;

function sameKeys(obj: Json, keys: string[]): string | null {
  const got = Object.keys(obj);
  const missing = keys.filter((k) => !got.includes(k));
  const extra = got.filter((k) => !keys.includes(k));
  if (missing.length === 0 && extra.length === 0) return null;
  return `missing [${missing.join(', ')}] extra [${extra.join(', ')}]`;
}

function validDate(value: unknown): boolean {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  if (value.length < 10) return true;
  // Reject impossible days such as 2025-02-30.
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string' && v.trim() !== '');
}

function checkDocument(dir: string, jsonName: string): string[] {
  const problems: string[] = [];
  const say = (msg: string) => problems.push(`${jsonName}: ${msg}`);
  let label: Json;
  try {
    label = JSON.parse(fs.readFileSync(path.join(dir, jsonName), 'utf8'));
  } catch (e) {
    return [`${jsonName}: not valid JSON (${(e as Error).message})`];
  }
  const keyProblem = sameKeys(label, KEYS);
  if (keyProblem) say(`key set differs: ${keyProblem}`);

  const txtName = jsonName.replace(/\.json$/, '.txt');
  if (label.file !== txtName) say(`"file" is ${JSON.stringify(label.file)}, expected "${txtName}"`);
  const txtPath = path.join(dir, txtName);
  if (!fs.existsSync(txtPath)) return [...problems, `${jsonName}: ${txtName} is missing`];
  const text = fs.readFileSync(txtPath, 'utf8');
  const chars = [...text].length;
  if (chars < MIN_CHARS || chars > MAX_CHARS) say(`text has ${chars} characters, outside ${MIN_CHARS}-${MAX_CHARS}`);
  const verbatim = (what: string, s: unknown) => {
    if (typeof s !== 'string' || s.trim() === '') say(`${what} is not a non-empty string`);
    else if (!text.includes(s)) say(`${what} does not occur verbatim in the text: ${JSON.stringify(s)}`);
  };

  if (typeof label.title !== 'string' || label.title.trim() === '') say('title is empty');
  if (label.source_url !== null && typeof label.source_url !== 'string') say('source_url must be a string or null');
  if (!LANGUAGES.includes(label.language as string)) say(`language ${JSON.stringify(label.language)} not in ${LANGUAGES}`);
  if (typeof label.text_complete !== 'boolean') say('text_complete must be boolean');
  if (label.date !== null && !validDate(label.date)) say(`date ${JSON.stringify(label.date)} is not YYYY, YYYY-MM or YYYY-MM-DD`);
  if (typeof label.date_stated_in_text !== 'boolean') say('date_stated_in_text must be boolean');
  if (label.date === null && label.date_stated_in_text === true) say('date is null but date_stated_in_text is true');
  if (!FORMATS.includes(label.meeting_format as string)) say(`meeting_format ${JSON.stringify(label.meeting_format)} not in ${FORMATS}`);
  if (!SETTINGS.includes(label.setting as string | null)) say(`setting ${JSON.stringify(label.setting)} not in ${SETTINGS}`);
  if (label.location !== null && !(typeof label.location === 'string' && label.location.includes(', ')))
    say(`location ${JSON.stringify(label.location)} must be "City, Country" or null`);

  const speakers = label.chair_or_speakers;
  if (!Array.isArray(speakers)) say('chair_or_speakers must be an array');
  else
    speakers.forEach((p: Json, i) => {
      const k = sameKeys(p, ['name', 'role']);
      if (k) say(`chair_or_speakers[${i}] ${k}`);
      verbatim(`chair_or_speakers[${i}].name`, p.name);
      if (typeof p.role !== 'string' || p.role.trim() === '') say(`chair_or_speakers[${i}].role is empty`);
    });

  for (const key of ['theaters', 'branches', 'working_groups', 'new_members']) {
    if (!isStringArray(label[key])) say(`${key} must be an array of non-empty strings`);
  }

  const money = label.money;
  if (!Array.isArray(money)) say('money must be an array');
  else
    money.forEach((m: Json, i) => {
      const k = sameKeys(m, ['amount', 'currency', 'amount_usd', 'kind', 'actor', 'quote']);
      if (k) say(`money[${i}] ${k}`);
      if (typeof m.amount !== 'number' || !(m.amount > 0)) say(`money[${i}].amount must be a positive number`);
      if (typeof m.currency !== 'string' || !/^[A-Z]{3}$/.test(m.currency)) say(`money[${i}].currency must be an ISO 4217 code`);
      if (m.amount_usd !== null && typeof m.amount_usd !== 'number') say(`money[${i}].amount_usd must be a number or null`);
      if (m.currency === 'USD' && m.amount_usd !== m.amount) say(`money[${i}]: a USD amount must equal amount_usd`);
      if (!MONEY_KINDS.includes(m.kind as string)) say(`money[${i}].kind ${JSON.stringify(m.kind)} not in ${MONEY_KINDS}`);
      if (m.actor !== null && typeof m.actor !== 'string') say(`money[${i}].actor must be a string or null`);
      verbatim(`money[${i}].quote`, m.quote);
    });

  const incidents = label.incidents;
  if (!Array.isArray(incidents)) say('incidents must be an array');
  else
    incidents.forEach((inc: Json, i) => {
      const k = sameKeys(inc, ['date', 'place', 'perpetrator', 'quote']);
      if (k) say(`incidents[${i}] ${k}`);
      if (inc.date !== null && !validDate(inc.date)) say(`incidents[${i}].date ${JSON.stringify(inc.date)} is malformed`);
      if (typeof inc.place !== 'string' || inc.place.trim() === '') say(`incidents[${i}].place is empty`);
      if (inc.perpetrator !== null && typeof inc.perpetrator !== 'string') say(`incidents[${i}].perpetrator must be a string or null`);
      verbatim(`incidents[${i}].quote`, inc.quote);
    });

  const refs = label.references_to_earlier_meetings;
  if (!Array.isArray(refs)) say('references_to_earlier_meetings must be an array');
  else
    refs.forEach((r: Json, i) => {
      const k = sameKeys(r, ['what', 'quote']);
      if (k) say(`references_to_earlier_meetings[${i}] ${k}`);
      if (typeof r.what !== 'string' || r.what.trim() === '') say(`references_to_earlier_meetings[${i}].what is empty`);
      verbatim(`references_to_earlier_meetings[${i}].quote`, r.quote);
    });

  const commitments = label.commitments;
  if (!Array.isArray(commitments)) say('commitments must be an array');
  else
    commitments.forEach((c, i) => {
      verbatim(`commitments[${i}]`, c);
    });

  if (typeof label.notes !== 'string') say('notes must be a string');
  return problems;
}

function main() {
  const dir = path.resolve(process.argv[2] ?? 'test/fixtures/readouts-blind');
  const files = fs.readdirSync(dir);
  const labels = files.filter((f) => /^\d\d-.+\.json$/.test(f)).sort();
  const orphans = files.filter((f) => f.endsWith('.txt') && !files.includes(f.replace(/\.txt$/, '.json')));
  const problems = labels.flatMap((f) => checkDocument(dir, f));
  for (const o of orphans) problems.push(`${o}: no matching .json label file`);

  const count = (key: string) => {
    const tally: Record<string, number> = {};
    for (const f of labels) {
      try {
        const v = String(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))[key]);
        tally[v] = (tally[v] ?? 0) + 1;
      } catch {
        // Already reported as invalid JSON above.
      }
    }
    return Object.entries(tally)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  };
  console.log(`${labels.length} labelled documents in ${dir}`);
  console.log(`languages: ${count('language')}`);
  console.log(`formats: ${count('meeting_format')}`);
  console.log(`complete texts: ${count('text_complete')}`);
  if (problems.length > 0) {
    console.log(`\n${problems.length} problem(s):`);
    for (const p of problems) console.log(`- ${p}`);
    process.exitCode = 1;
  } else {
    console.log('\nAll labels well-formed; every quote, commitment and name occurs verbatim in its text.');
  }
}

main();
