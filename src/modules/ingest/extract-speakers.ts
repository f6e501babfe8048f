import countries from 'i18n-iso-countries';
import type { Speaker } from './extraction.ts';
import type { Sentence } from './text-spans.ts';

/** Words that make a phrase before a name a role: "Special Envoy", "Foreign Minister", "Ambassador". */
// Not \b (ASCII-only): French offices end in "é" ("envoyé") and follow an elided article ("L’ambassadeur").
const ROLE_WORD = /(?<![\p{L}])(Envoy|Minister|Secretary|Ambassador|Director|Coordinator|Representative|Chair|Co-Chair|President|Commissioner|Counselor|Counsellor|Adviser|Advisor|Head|Chief|Deputy|Spokesperson|General|Admiral|Commander|Under-Secretary|Undersecretary|officer|Officer|King|Queen|Prince|Emir|Sultan|Majesty|Highness|Governor|Ministre|Secrétaire|Président|Premier|ministre|secrétaire|présidente?|ambassadeur|ambassadrice|Ambassadeur|Ambassadrice|envoyée?|Envoyée?|représentante?|Représentante?|directeur|directrice|commissaire|coordinateur|coordinatrice|porte-parole|gouverneur)(?![\p{L}])/u;
/** Verbs that follow a speaker: "… John Godfrey provided an update". */
const SPEAKING = /^(provided|said|stressed|noted|opened|chaired|co-chaired|welcomed|highlighted|delivered|emphasi[sz]ed|underscored|thanked|hosted|co-hosted|led|gave|presented|briefed|announced|outlined|called|urged|reiterated|reaffirmed|affirmed|expressed|spoke|addressed|closed|recalled|commended|praised|updated|joined|represented|reconfirmed|reaffirmed|attended|declared|represent|chair|co-chair|host|open|brief|speak|deliver|lead|address|attend|present|présenté|ouvert|présidé|coprésidé|déclaré|souligné|rappelé|salué|annoncé|insisté|indiqué|accueilli|remercié|réaffirmé|affirmé|exprimé|conclu|clôturé|clos|pris)$/;
const CONNECTOR = /^(for|the|of|on|to|and|at|liaison|officer)$/;
/** Particles inside names: "Luigi Di Maio", "Qasim al-Araji" (the latter is one token). */
const PARTICLE = /^(Di|De|Da|Del|Van|Von|Le|La|Du|Dos|El|Al|Bin|Ibn|Abu)$/;
const CAPITALISED = /^(?:[A-Z][\p{L}'’-]*|(?:[A-Z]\.)+|al-[A-Z][\p{L}'’-]*)$/u;
const INITIAL = /^[A-Z]\.$/;
const MAX_RUN = 24;
/** Titles written before a name, with or without their full stop: "Sen Kashim …", "Dr Jane …". */
const TITLE = /^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Amb|Gen|Lt|Col|Prof|Sir|Dame|Sheikh|HE|H\.E|His|Her|Majesty|Highness|King|Queen|Prince|M|MM|Mme)$/;
/** Capitalised words that name offices, places and bodies, never a person. */
const NOT_NAME =
  /^(The|Coalition|Global|Group|Small|Working|Daesh|ISIS|ISIL|Defeat|Partners?|Representatives?|Affairs|State|States|United|Iraq|Syria|Africa|African|Afghanistan|Foreign|Special|Envoy|Minister|Secretary|Ambassador|Director|General|Acting|Deputy|Senior|Political|Directors?|Office|Ministry|Department|Security|Council|Nations|European|Union|Kingdom|Republic|Government|Cooperation|Operations|Process|Peace|Development|Counterterrorism|Defen[cs]e|Justice|Interior|Finance|Policy|Forces|Staff|Bureau|Affairs|Assistant|Advisor|Adviser|International|National|Middle|East|West|Democratic|Coordinator|Delegate|Chief|Commissioner|Representative|Cooperation|Programme|Communications)$/;

/** Words and the punctuation that ends a run; a word's full stop goes, an abbreviation's ("U.S.") stays. */
const tokenize = (text: string) => [...text.matchAll(/[\p{L}][\p{L}\p{M}.'’-]*|[,;:()—–]/gu)].map((match) => ({ word: /^(?:[A-Z]\.)+$/.test(match[0]) ? match[0] : match[0].replace(/\.$/, ''), index: match.index ?? 0 }));

/** An office held by one person, after which a surname alone names them: "Vice President Biden". */
const OFFICE_BEFORE_SURNAME = /^(?:President|Minister|Envoy|Secretary|Ambassador|Chancellor|King|Governor)$/;
/** "Vice President Biden": the run ends in an office word and one surname; a king's regnal number stays with his name ("King Abdullah II"). */
function surnameAfterOffice(run: string[]): string[] | null {
  const [office, last] = [run.at(-2), run.at(-1)];
  if (office && last && /^[IVX]{1,4}$/.test(last) && run.length >= 3 && !NOT_NAME.test(office) && !ROLE_WORD.test(office)) return run.slice(-2);
  if (!office || !last || !OFFICE_BEFORE_SURNAME.test(office) || NOT_NAME.test(last) || ROLE_WORD.test(last) || !/^[A-Z][a-z]{2,}$/.test(last)) return null;
  return [last];
}

/**
 * The person's name at the end of a run of capitalised words: the words from the end back to the first
 * office word, two to four of them ("Josep Borrell Fontelles" after "High Representative", "Bola Ahmed
 * Tinubu" after "President"), with initials and particles inside ("Luigi Di Maio", "Jane M. Doe").
 */
function nameAtEnd(run: string[]): string[] | null {
  const [second, last] = [run.at(-2), run.at(-1)];
  if (!second || !last || NOT_NAME.test(second) || ROLE_WORD.test(second) || NOT_NAME.test(last) || !/^[A-Za-z]/.test(second) || CONNECTOR.test(second) || PARTICLE.test(last) || INITIAL.test(last)) return surnameAfterOffice(run);
  let from = run.length - 2;
  while (from > 0 && run.length - from < 4) {
    const word = run[from - 1] as string;
    if (NOT_NAME.test(word) || ROLE_WORD.test(word) || CONNECTOR.test(word) || TITLE.test(word) || /^(?:[A-Z]\.){2,}$/.test(word)) break;
    from--;
  }
  // "Assistant Secretary for Threat Prevention Jane Doe": the words after "for"/"of" begin the office's subject, so a
  // long run there keeps only the name's own two words (three with a middle initial).
  const keep = INITIAL.test(run.at(-2) as string) ? 3 : 2;
  if (from > 0 && CONNECTOR.test(run[from - 1] as string) && run.length - from > keep) from = run.length - keep;
  return run.slice(from);
}

/**
 * Speakers and chairs with their roles as written: "U.S. Acting Special Envoy for the Global Coalition
 * John Godfrey provided …" → John Godfrey, "U.S. Acting Special Envoy for the Global Coalition"; also
 * "co-hosted by Role Name and Role Name" and "Name, Role of X,". Later mentions by surname alone
 * ("Special Envoy Godfrey") are the same person.
 */
export function speakersIn(sentences: Sentence[], notPeople: Set<string> = new Set()): Speaker[] {
  const speakers: Speaker[] = [];
  const add = (name: string, role: string | null) => {
    const surname = name.split(' ').at(-1) as string;
    const same = speakers.find((speaker) => speaker.name === name || speaker.name.split(' ').at(-1) === surname);
    if (same) return;
    speakers.push({ name, role });
  };
  for (const sentence of sentences) {
    const tokens = tokenize(sentence.text);
    let run: string[] = [];
    let runStart = 0;
    // Where the sentence starts listing people a host met ("held separate meetings with …"): found once per sentence.
    const metWith = sentence.text.search(/\b(?:meetings?|met|talks|talked)\s+with\b/);
    const close = (next: string) => {
      // People a host "held separate meetings with" are met, not speakers.
      if (metWith >= 0 && runStart > metWith) {
        run = [];
        return;
      }
      // "… Counterterrorism and Acting Special Envoy …": an "and" inside a role joins it; one after a name ends that speaker.
      // Honours after a name ("GCON", "KBE") are not part of it.
      while (run.length > 2 && /^[A-Z]{3,5}$/.test(run.at(-1) as string)) run.pop();
      const name = nameAtEnd(run);
      const roleTokens = name ? run.slice(0, run.length - name.length) : [];
      while (roleTokens.length && CONNECTOR.test(roleTokens[0] as string)) roleTokens.shift();
      const role = roleTokens.join(' ');
      const follows = next === '' || next === ',' || next === 'and' || next === '(' || next === '—' || SPEAKING.test(next);
      if (name && ROLE_WORD.test(role) && follows) add(name.join(' '), role);
      run = [];
    };
    tokens.forEach((token, index) => {
      const word = token.word;
      // Connectors keep a role together when a capitalised word follows within two words: "Envoy for the Global Coalition".
      const continues = run.length > 0 && CONNECTOR.test(word) && [tokens[index + 1]?.word, tokens[index + 2]?.word].some((ahead) => ahead !== undefined && CAPITALISED.test(ahead));
      if (CAPITALISED.test(word) || continues) {
        // An "and" after a complete speaker ends the run: "… Luigi Di Maio and U.S. Secretary …".
        if (word === 'and' && nameAtEnd(run) && ROLE_WORD.test(run.join(' '))) close('and');
        else {
          if (!run.length) runStart = token.index;
          run.push(word);
        }
        // A role and a name take a dozen words at most; a longer run (a list of names, a line in capitals) keeps only its end, so the work stays linear.
        if (run.length > MAX_RUN) run.shift();
        return;
      }
      // "Vice President Biden also reconfirmed", "… today joined": the verb after the adverb tells.
      // "… Jane Doe will represent the partners": a modal before the verb tells the same.
      // French "a présenté", "a ensuite ouvert": the auxiliary (and an adverb) before the participle.
      const ahead = tokens[index + 1]?.word ?? '';
      const french = /^(?:a|ont)$/.test(word) ? (/^(?:ensuite|également|aussi|enfin|notamment)$/.test(ahead) ? (tokens[index + 2]?.word ?? '') : ahead) : null;
      if (run.length) close(french ?? (/^(?:also|today|then|again|formally|further|will|would|shall|later)$/.test(word) ? ahead : word));
    });
    if (run.length) close('');
    for (const speaker of appositiveSpeakers(sentence.text, notPeople)) add(speaker.name, speaker.role);
    for (const speaker of possessiveSpeakers(sentence.text, notPeople)) add(speaker.name, speaker.role);
  }
  for (const name of arabicSpeakers(sentences)) add(name, null);
  return speakers;
}

const NAME_WORD = /^(?:\p{Lu}[\p{L}'’-]+|al-\p{Lu}[\p{L}'’-]*|[A-Z]\.|de|di|van|von|bin|ibn|el|al)$/u;
/** Titles and joining words before a name in a list: "M. Laurent Fabius", "et John Kerry", "and Jane Doe". */
const LEAD = /^(?:(?:and|et|le|la|the)\s+)?(?:(?:M|MM|Mme|Mr|Mrs|Ms|Dr|HE|H\.E)\.?\s+)?/;

/** Two to four words that can only be a person's name: capitalised, no office or body word, not a state. */
function personName(words: string[], notPeople: Set<string>): boolean {
  if (words.length < 2 || words.length > 4) return false;
  if (!words.every((word) => NAME_WORD.test(word)) || !/^\p{Lu}/u.test(words[0] as string) || !/^(?:\p{Lu}|al-)/u.test(words.at(-1) as string)) return false;
  if (words.some((word) => NOT_NAME.test(word) || ROLE_WORD.test(word) || TITLE.test(word))) return false;
  // "Jordan Daily" is a newspaper: a word that names a state makes the words no person's name.
  return !notPeople.has(words.join(' ').toLowerCase()) && !words.some((word) => notPeople.has(word.toLowerCase()));
}

/**
 * Names set off by commas beside their office, in English and French: "chaired by the High Representative
 * …, Federica Mogherini.", "MM. Laurent Fabius, Ministre français des Affaires étrangères, Haïder
 * al-Abadi, Premier ministre irakien, et John Kerry, Secrétaire d'État". The sentence is cut at commas
 * once, so the work is linear.
 */
function appositiveSpeakers(sentence: string, notPeople: Set<string>): Speaker[] {
  const found: Speaker[] = [];
  // A country in brackets after a name ("M. Jean Dupont (France)") is not part of it.
  const parts = sentence.split(/\s*[,–—]\s+/).map((part) => part.replace(/[\s.;:]+$/, '').replace(/\s*\([^()]{1,40}\)$/, '').trim());
  parts.forEach((part, index) => {
    const previous = parts[index - 1];
    const next = parts[index + 1];
    const whole = part.replace(LEAD, '').split(/\s+/);
    const startsWithOffice = (text: string | undefined) => text !== undefined && ROLE_WORD.test(text.split(/\s+/).slice(0, 3).join(' '));
    // "…, Federica Mogherini" after an office, or "Laurent Fabius, Ministre …" before one.
    if (personName(whole, notPeople) && ((previous !== undefined && ROLE_WORD.test(previous)) || startsWithOffice(next))) {
      found.push({ name: whole.join(' '), role: startsWithOffice(next) ? (next as string) : null });
      return;
    }
    // "La réunion était coprésidée par MM. Laurent Fabius, Ministre …": the name ends its part, after a title.
    const titled = /(?:\b(?:M|MM|Mme|Mr|Mrs|Ms|Dr)\.?|\bpar|\bby)\s+((?:\S+\s+){1,3}\S+)$/u.exec(part);
    const tail = titled?.[1]?.replace(LEAD, '').split(/\s+/) ?? [];
    if (titled && personName(tail, notPeople) && startsWithOffice(next)) found.push({ name: tail.join(' '), role: next as string });
  });
  return found;
}

/** "Norway’s Kari Nordmann said", "… led the delegations, including Norway’s Kari Nordmann": a state's (or a ministry's) person. */
const POSSESSIVE = /(?<![\p{L}])((?:\p{Lu}[\p{L}.-]*\s+){0,3}\p{Lu}[\p{L}.-]*)[’']s\s+(\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+){1,2})(?=\s*(?:[,.;]|\band\b|$)|\s+(\p{Ll}+))/gu;

/**
 * A name after a state's possessive, when the sentence says the person acts: a verb of speaking follows,
 * or the sentence lists delegations. The owner must be a state (a registry name or any country's ISO name), or a ministry or department.
 */
function possessiveSpeakers(sentence: string, notPeople: Set<string>): Speaker[] {
  const delegations = /\bdelegations?\b|\b(?:led|headed) by\b/.test(sentence);
  const found: Speaker[] = [];
  for (const match of sentence.matchAll(POSSESSIVE)) {
    const owner = (match[1] as string).replace(/^(?:The|the)\s+/, '');
    // Any state, partner or not ("India’s …"): the registry's names, then the ISO names of every country.
    const tails = [...owner.split(/\s+/).keys()].map((from) => owner.split(/\s+/).slice(from).join(' '));
    const ownerIsState = tails.some((tail) => notPeople.has(tail.toLowerCase()) || countries.getAlpha2Code(tail, 'en') !== undefined);
    if (!ownerIsState && !/\b(?:Department|Ministry|Office)$/.test(owner)) continue;
    const verb = match[3];
    if (!(verb ? SPEAKING.test(verb) : delegations)) continue;
    const words = (match[2] as string).split(/\s+/);
    if (personName(words, notPeople)) found.push({ name: words.join(' '), role: null });
  }
  return found;
}

/** Titles before an Arabic name ("الدكتور", "السيد"), with or without "و" (and), and "كل من" (both). */
const ARABIC_LEAD = /(?:^|\s)(?:و?(?:الدكتور|الدكتورة|السيد|السيدة|الشيخ|معالي|سعادة|سمو)|كل من)\s+(?:(?:السفير|السفيرة|الوزير|الوزيرة|الدكتور|الدكتورة|السيد|السيدة|الشيخ|اللواء|الفريق|العميد)\s+)?/gu;
/** Offices that follow an Arabic name: minister, assistant, director, president, ambassador, envoy, secretary. */
const ARABIC_OFFICE = /^(?:وزير|وزيرة|مساعد|المدير|مدير|رئيس|سفير|المبعوث|الأمين|نائب|ممثل)$/u;

/** "افتتح الاجتماع الدكتور أنور بن محمد قرقاش وزير الدولة": two to four words after a title and before an office. */
function arabicSpeakers(sentences: Sentence[]): string[] {
  const names: string[] = [];
  for (const sentence of sentences) {
    const text = sentence.text.replace(/\s+/g, ' ');
    for (const lead of text.matchAll(ARABIC_LEAD)) {
      const words = text.slice((lead.index ?? 0) + lead[0].length, (lead.index ?? 0) + lead[0].length + 80).split(' ');
      const office = words.findIndex((word) => ARABIC_OFFICE.test(word));
      if (office >= 2 && office <= 4 && words.slice(0, office).every((word) => /^\p{Script=Arabic}+$/u.test(word) || /^(?:فون|دي|بن)$/.test(word))) names.push(words.slice(0, office).join(' '));
      // "وزير الخارجية التركي، السيد …، على أنه": the office comes first, and the name runs to the next comma.
      const comma = words.findIndex((word) => /[،,]$/.test(word));
      const before = text.slice(Math.max(0, (lead.index ?? 0) - 60), lead.index ?? 0).split(' ');
      if (office < 0 && comma >= 1 && comma <= 3 && before.some((word) => ARABIC_OFFICE.test(word))) {
        const name = words.slice(0, comma + 1).map((word) => word.replace(/[،,]$/, ''));
        if (name.every((word) => /^\p{Script=Arabic}+$/u.test(word))) names.push(name.join(' '));
      }
    }
  }
  return names;
}
