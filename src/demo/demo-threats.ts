import { createIncident } from '../modules/threats/threats.service.ts';
import type { Actor } from '../platform/actor.ts';
import type { Db } from '../db/client.ts';
import { nameTranslations } from '../db/seed/translations.ts';

const PLACE = 'Abbey Gate, Hamid Karzai International Airport';

/** The attack the founding readout names: "the horrific terrorist attack ISIS-K perpetrated on August 26 in Kabul". */
export async function loadDemoThreats(db: Db, actor: Actor): Promise<void> {
  const placeInOtherLanguages = nameTranslations('place')(PLACE);
  await createIncident(db, actor, {
    occurredOn: '2021-08-26',
    timeZone: 'Asia/Kabul',
    city: 'Kabul',
    place: PLACE,
    placeFr: placeInOtherLanguages.fr,
    placeAr: placeInOtherLanguages.ar,
    countryIso3: 'AFG',
    latitude: 34.566,
    longitude: 69.212,
    branchSlug: 'isis-k',
    theaterSlug: 'afghanistan',
    attribution: 'claimed',
    // Reported as at least 170 Afghans and 13 U.S. service members killed; counts differ between sources.
    killedLow: 183,
    killedHigh: null,
    injuredLow: 150,
    injuredHigh: null,
    targets: 'Crowds at the airport gate during the evacuation; U.S. forces screening evacuees',
    description: 'Suicide bombing at the airport gate during the evacuation of Kabul, claimed by ISIS-K. Casualty figures are lower bounds; sources differ.',
    sources: [
      { title: 'Readout of the Political Directors Small Group Meeting of the Global Coalition to Defeat Daesh/ISIS', publisher: 'U.S. Department of State', url: 'https://theglobalcoalition.org/en/political-directors-global-coalition/', date: null },
      { title: 'Briefing on the attack at Hamid Karzai International Airport (Gen. Kenneth F. McKenzie Jr.)', publisher: 'U.S. Department of Defense', url: null, date: '2021-08-26' },
    ],
    classification: 'public',
  });
}
