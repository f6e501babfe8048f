import type { Speaker } from './extraction.ts';
import type { Sentence } from './text-spans.ts';

/** Words that make a phrase before a name a role: "Special Envoy", "Foreign Minister", "Ambassador". */
const ROLE_WORD = /\b(Envoy|Minister|Secretary|Ambassador|Director|Coordinator|Representative|Chair|Co-Chair|President|Commissioner|Counselor|Counsellor|Adviser|Advisor|Head|Chief|Deputy|Spokesperson|General|Admiral|Commander|Under-Secretary|Undersecretary|officer|Officer)\b/;
/** Verbs that follow a speaker: "… John Godfrey provided an update". */
const SPEAKING = /^(provided|said|stressed|noted|opened|chaired|co-chaired|welcomed|highlighted|delivered|emphasi[sz]ed|underscored|thanked|hosted|co-hosted|led|gave|presented|briefed|announced|outlined|called|urged|reiterated|reaffirmed|affirmed|expressed|spoke|addressed|closed|recalled|commended|praised|updated|joined)$/;
const CONNECTOR = /^(for|the|of|on|to|and|at|liaison|officer)$/;
/** Particles inside names: "Luigi Di Maio", "Qasim al-Araji" (the latter is one token). */
const PARTICLE = /^(Di|De|Da|Del|Van|Von|Le|La|Du|Dos|El|Al|Bin|Ibn|Abu)$/;
const CAPITALISED = /^(?:[A-Z][\p{L}'’-]*|(?:[A-Z]\.)+|al-[A-Z][\p{L}'’-]*)$/u;
const INITIAL = /^[A-Z]\.$/;
const MAX_RUN = 24;
/** Titles written before a name, with or without their full stop: "Sen Kashim …", "Dr Jane …". */
const TITLE = /^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Amb|Gen|Lt|Col|Prof|Sir|Dame|Sheikh|HE|H\.E)$/;
/** Capitalised words that name offices, places and bodies, never a person. */
const NOT_NAME =
  /^(The|Coalition|Global|Group|Small|Working|Daesh|ISIS|ISIL|Defeat|Partners?|Representatives?|Affairs|State|States|United|Iraq|Syria|Africa|African|Afghanistan|Foreign|Special|Envoy|Minister|Secretary|Ambassador|Director|General|Acting|Deputy|Senior|Political|Directors?|Office|Ministry|Department|Security|Council|Nations|European|Union|Kingdom|Republic|Government|Cooperation|Operations|Process|Peace|Development|Counterterrorism|Defen[cs]e|Justice|Interior|Finance|Policy|Forces|Staff|Bureau|Affairs|Assistant|Advisor|Adviser|International|National|Middle|East|West|Democratic|Coordinator|Delegate|Chief|Commissioner|Representative|Cooperation|Programme|Communications)$/;

/** Words and the punctuation that ends a run; a word's full stop goes, an abbreviation's ("U.S.") stays. */
const tokenize = (text: string) => [...text.matchAll(/[\p{L}][\p{L}\p{M}.'’-]*|[,;:()—–]/gu)].map((match) => ({ word: /^(?:[A-Z]\.)+$/.test(match[0]) ? match[0] : match[0].replace(/\.$/, ''), index: match.index ?? 0 }));

/**
 * The person's name at the end of a run of capitalised words: the words from the end back to the first
 * office word, two to four of them ("Josep Borrell Fontelles" after "High Representative", "Bola Ahmed
 * Tinubu" after "President"), with initials and particles inside ("Luigi Di Maio", "Jane M. Doe").
 */
function nameAtEnd(run: string[]): string[] | null {
  const [second, last] = [run.at(-2), run.at(-1)];
  if (!second || !last || NOT_NAME.test(second) || NOT_NAME.test(last) || !/^[A-Za-z]/.test(second) || CONNECTOR.test(second) || PARTICLE.test(last) || INITIAL.test(last)) return null;
  let from = run.length - 2;
  while (from > 0 && run.length - from < 4) {
    const word = run[from - 1] as string;
    if (NOT_NAME.test(word) || ROLE_WORD.test(word) || CONNECTOR.test(word) || TITLE.test(word) || /^(?:[A-Z]\.){2,}$/.test(word)) break;
    from--;
  }
  return run.slice(from);
}

/**
 * Speakers and chairs with their roles as written: "U.S. Acting Special Envoy for the Global Coalition
 * John Godfrey provided …" → John Godfrey, "U.S. Acting Special Envoy for the Global Coalition"; also
 * "co-hosted by Role Name and Role Name" and "Name, Role of X,". Later mentions by surname alone
 * ("Special Envoy Godfrey") are the same person.
 */
export function speakersIn(sentences: Sentence[]): Speaker[] {
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
    const close = (next: string) => {
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
        else run.push(word);
        // A role and a name take a dozen words at most; a longer run (a list of names, a line in capitals) keeps only its end, so the work stays linear.
        if (run.length > MAX_RUN) run.shift();
        return;
      }
      if (run.length) close(word);
    });
    if (run.length) close('');
  }
  return speakers;
}
