import { type Gazetteer, type GazetteerEntry, fromGazetteer } from './gazetteer.ts';
import { wordsPattern } from './text-spans.ts';

type Group = GazetteerEntry & { kind: string };

/**
 * Working groups named by what they do rather than by name: "the Coalition working groups on countering
 * Daesh terrorism financing, furthering stabilization efforts …", "مجموعة العمل المعنية بالاستقرار",
 * "groupe de travail sur la stabilisation". Each function word is matched to the registry group whose
 * name carries the second pattern, so a group the registry does not hold is never invented.
 */
const FUNCTIONS: [RegExp, RegExp][] = [
  [/financ|تمويل/i, /financ/i],
  [/stabili[sz]|الاستقرار/i, /stabili[sz]/i],
  [/foreign terrorist fighter|\bFTF\b|combattants? terroristes? étrangers|المقاتلين الإرهابيين الأجانب/i, /foreign terrorist fighter/i],
  [/messag|communicat|propaganda|الاتصالات/i, /communicat/i],
  [/terrorist travel/i, /terrorist travel/i],
  // Only after "مجموعة التركيز" or "groupe de réflexion" (focus group): Africa names the Africa Focus Group.
  [/(?:ال)?[أإا]فريقي|[أإا]فريقيا|\bAfrique\b|\bAfrica\b/, /^africa focus/i],
];
/** Where a text starts naming groups by function: "working groups on", "groupe de travail sur", "groupe de lutte contre", "مجموعة العمل المعنية"; or a focus group by region: "groupe de réflexion", "مجموعة التركيز". */
const BY_FUNCTION = /\bworking groups?\s+(?:on|for|dealing with)\s|\bgroupes? de travail\s+(?:sur|chargés? de)\s|\bgroupes? de lutte contre\s|\bgroupes? de réflexion(?:\s+sur)?\s|مجموعة العمل المعنية|(?:مجموعة|مجموعات|فريق) (?:ال)?عمل|مجموعة التركيز(?: الخاصة ب| المعنية ب)?/gi;
/** How far an Arabic group's description runs: "مجموعة عمل التحالف الدولي، المتخصصة بالمقاتلين الإرهابيين الأجانب" has no full stop for a long way. */
const ARABIC_DESCRIPTION = 90;

/** Registry groups whose name ends a run of names ("the Communications, Counter-ISIS Finance, and FTF Working Groups"): each name in the run, in one left-to-right pass. */
function namedGroups(text: string, groups: Group[], gazetteer: Gazetteer) {
  const { byVariant, pattern } = fromGazetteer(gazetteer, 'group-variants', () => {
    const byVariant = new Map(groups.flatMap((group) => group.variants.map((variant) => [variant.toLowerCase().replace(/[\s-]+/g, ' '), group.canonical] as const)));
    return { byVariant, pattern: wordsPattern([...byVariant.keys()], 'gi') };
  });
  const anchored = new RegExp(`^(?:${pattern.source})`, 'iu');
  const found: { canonical: string; index: number }[] = [];
  for (const hit of text.matchAll(pattern)) {
    const run = [{ canonical: byVariant.get(hit[0].toLowerCase().replace(/[\s-]+/g, ' ')), index: hit.index ?? 0 }];
    let at = (hit.index ?? 0) + hit[0].length;
    // Further names of the same list: a separator, then another registry name; bounded by the list's length.
    for (let step = 0; step < 6; step++) {
      const separator = /^(?:\s*,\s*|\s+)(?:and\s+|&\s+|the\s+)?/.exec(text.slice(at, at + 12));
      const next = separator ? anchored.exec(text.slice(at + separator[0].length, at + separator[0].length + 80)) : null;
      if (!separator || !next) break;
      run.push({ canonical: byVariant.get(next[0].toLowerCase().replace(/[\s-]+/g, ' ')), index: at + separator[0].length });
      at += separator[0].length + next[0].length;
    }
    // An acronym ("CIFG", "FTF") names its group alone; a word in capitals ("STABILIZATION" in a heading) does not.
    const acronym = /^[A-Z]{3,6}$/.test(hit[0]) && groups.some((group) => group.variants.includes(hit[0]));
    // "WG" is how readouts shorten "Working Group" ("the Communications WG").
    if (acronym || /^\s+(?:(?:Support\s+)?(?:Working\s+|Focus\s+)?Groups?\b|WGs?\b)/.test(text.slice(at, at + 40))) for (const item of run) if (item.canonical) found.push({ canonical: item.canonical, index: item.index });
  }
  return found;
}

/** Long names the text shortens in brackets: "Gulf Cooperation Council (GCC)" → GCC. */
function acronymsDefined(text: string): [string, string][] {
  // Words start only at a word's start and are at most 30 letters long, so a line of capitals is read once (no quadratic backtracking).
  return [...text.matchAll(/(?<![\w'’-])((?:[A-Z][\w'’-]{0,30}\s+){1,5}[A-Z][\w'’-]{0,30})\s+\(([A-Z]{2,6})\)/g)].map((match) => [match[1] as string, match[2] as string]);
}

/**
 * Another body's working groups, named in full and led by that body's short name ("U.S.-GCC Iran Working
 * Group"), reported as written with the text's own acronyms ("U.S.-Gulf Cooperation Council …" → "U.S.-GCC …").
 */
function otherBodiesGroups(text: string): { name: string; index: number }[] {
  const acronyms = acronymsDefined(text);
  const found: { name: string; index: number }[] = [];
  // One word per step, at most five words before "Working Group", so the pattern cannot backtrack far.
  for (const match of text.matchAll(/(?<![\p{L}.-])((?:[A-Z]\.){2,}(?:-[\p{L}.]+)?|[A-Z]{2,6}(?:-[A-Z]{2,6})?)((?:\s+[A-Z][\p{L}'’-]*){0,5}?)\s+Working\s+Group\b/gu)) {
    const body = match[1] as string;
    if (/^(?:ISIS|ISIL|IS|D-ISIS|CIFG|FTF|THE|A)$/.test(body)) continue;
    let name = `${body}${match[2]} Working Group`;
    for (const [long, short] of acronyms) name = name.replace(long, short);
    found.push({ name, index: match.index ?? 0 });
  }
  return found;
}

const isRegistryAcronym = (acronym: string, groups: Group[]) => /^(?:ISIS|ISIL|IS|UN|EU|US|UK)$/.test(acronym) || groups.some((group) => group.variants.includes(acronym));

/** The body whose meeting the text reports, by the short name its opening defines: "… Global Counterterrorism Forum (GCTF) Coordinating Committee …" → GCTF. */
function hostingBody(text: string, groups: Group[]): string | undefined {
  // The long name must be a body's ("… Forum", "… Council"), not a thing's ("Foreign Terrorist Fighters (FTF)").
  const BODY = /\b(?:Forum|Council|Organi[sz]ation|Union|Alliance|Initiative|Community|Partnership|Committee|Commission|League|Network|Process|Dialogue|Centre|Center|Agency|Secretariat)$/;
  return acronymsDefined(text.slice(0, 300)).find(([long, short]) => !isRegistryAcronym(short, groups) && BODY.test(long))?.[1];
}

/**
 * A working group the text names in full and shortens in brackets, "… Counter-Terrorism Working Group (CTWG)":
 * reported as written when it is not a registry group (those are matched by name).
 */
function definedGroups(text: string, groups: Group[]): { name: string; index: number }[] {
  return acronymsDefined(text)
    .filter(([long, short]) => /\bWorking Group$/.test(long) && !isRegistryAcronym(short, groups) && !groups.some((group) => group.variants.some((variant) => long.toLowerCase().replace(/-/g, ' ').includes(variant.toLowerCase().replace(/-/g, ' ')))))
    .map(([long]) => ({ name: long, index: text.indexOf(long) }));
}

/**
 * Working and focus groups, matched to the registry however they are written ("Countering-ISIS Finance"
 * in "the Communications, Countering-ISIS Finance, and Foreign Terrorist Fighters Working Groups" is the
 * Counter ISIS Finance Group), named by function, or another body's group named in full.
 */
export function groupsIn(text: string, gazetteer: Gazetteer): string[] {
  const groups = gazetteer.groups.filter((group) => group.kind === 'working-group' || group.kind === 'focus-group');
  const others = otherBodiesGroups(text);
  // A registry name inside another body's group ("GCC … Foreign Terrorist Fighters Working Group") is that body's group.
  const inOthers = (index: number) => others.some((other) => index >= other.index && index < other.index + other.name.length + 40);
  const found = namedGroups(text, groups, gazetteer).filter((hit) => !inOthers(hit.index));
  for (const start of text.matchAll(BY_FUNCTION)) {
    const rest = text.slice((start.index ?? 0) + start[0].length, (start.index ?? 0) + start[0].length + 300);
    const arabic = /\p{Script=Arabic}/u.test(start[0]);
    const list = (arabic ? rest.slice(0, ARABIC_DESCRIPTION) : rest).slice(0, rest.search(/[.;\n]|$/));
    const focusGroup = start[0].includes('التركيز') || /réflexion/i.test(start[0]);
    for (const [said, named] of FUNCTIONS) {
      // A focus group is named by its region, a working group by its function: neither by the other's.
      if (named.source.startsWith('^africa') !== focusGroup) continue;
      const at = list.search(said);
      const group = at >= 0 ? groups.find((each) => named.test(each.canonical)) : undefined;
      if (group) found.push({ canonical: group.canonical, index: (start.index ?? 0) + start[0].length + at });
    }
  }
  // A text about another body's meeting that never names the Coalition: the groups it names are that body's ("GCTF Foreign Terrorist Fighters Working Group").
  const body = /coalition|التحالف/i.test(text) ? undefined : hostingBody(text, groups);
  const named = body ? found.map((hit) => ({ ...hit, canonical: `${body} ${hit.canonical}` })) : found;
  const defined = definedGroups(text, groups).filter((group) => !others.some((other) => other.name === group.name));
  const all = [...named, ...others.map((other) => ({ canonical: other.name, index: other.index })), ...defined.map((group) => ({ canonical: group.name, index: group.index }))];
  return [...new Set(all.sort((a, b) => a.index - b.index).map((hit) => hit.canonical))];
}
