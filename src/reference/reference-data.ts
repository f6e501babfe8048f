import { readCsv } from '../db/seed/data-files.ts';
import { nameTranslations } from '../db/seed/translations.ts';
import type { Db } from '../db/client.ts';
import { systemActor } from '../platform/actor.ts';
import { appendAudit } from '../platform/audit.ts';
import { loadBranches } from '../db/seed/branches.ts';
import { loadJusticeCases } from './justice-cases.ts';
import { loadTheaters } from '../db/seed/theaters.ts';
import { normalizePartner } from '../modules/partners/partners.service.ts';
import * as repo from '../modules/partners/partners.repo.ts';
import type { PartnerInput } from '../modules/partners/partners.schema.ts';


/** French and Arabic names of the member organisations, which have no ISO code to derive them from. */
const ORGANISATION_NAMES: Record<string, { fr: string; ar: string }> = {
  'Arab League (League of Arab States)': { fr: 'Ligue arabe (Ligue des États arabes)', ar: 'جامعة الدول العربية' },
  'Community of Sahel-Saharan States (CEN-SAD)': { fr: 'Communauté des États sahélo-sahariens (CEN-SAD)', ar: 'تجمع دول الساحل والصحراء' },
  'European Union': { fr: 'Union européenne', ar: 'الاتحاد الأوروبي' },
  INTERPOL: { fr: 'INTERPOL', ar: 'الإنتربول' },
  NATO: { fr: 'OTAN', ar: 'حلف شمال الأطلسي (الناتو)' },
  Kosovo: { fr: 'Kosovo', ar: 'كوسوفو' },
};


/** Loads the coalition's public reference facts (partners, groups and their co-leads), with their sources. */
export async function loadReferenceData(db: Db): Promise<{ partners: number; groups: number }> {
  return db.transaction(async (tx) => {
    const byName = new Map<string, string>();
    for (const row of readCsv('partners.csv')) {
      const extra = ORGANISATION_NAMES[row.name ?? ''];
      const input: PartnerInput = {
        kind: row.kind === 'organisation' ? 'organisation' : 'state',
        iso3: row.iso3 || null,
        nameEn: row.name ?? '',
        nameFr: extra?.fr,
        nameAr: extra?.ar,
        joined: row.joined || null,
        source: row.source,
        asOf: row.as_of || null,
        confidence: (row.confidence as PartnerInput['confidence']) || null,
      };
      const { values } = normalizePartner(input);
      const partner = await repo.insertPartner(tx, { ...values, classification: 'public' });
      byName.set(partner.nameEn, partner.id);
    }
    let groupCount = 0;
    // French and Arabic names, with their sources, from translations.csv.
    const groupNames = nameTranslations('group');
    for (const row of readCsv('groups.csv')) {
      const translated = groupNames(row.name ?? '');
      const slug = (row.name ?? '').toLowerCase().replace(/\(.*?\)/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
      const group = await repo.insertGroup(tx, {
        slug,
        name: row.name ?? '',
        nameFr: translated.fr,
        nameAr: translated.ar,
        kind: row.kind as 'small-group',
        mandate: row.mandate ?? '',
        founded: row.founded || null,
        source: row.source ?? '',
        classification: 'public',
      });
      const coLeads = (row.co_leads ?? '').split(';').map((n) => n.trim()).filter(Boolean);
      const members = coLeads.flatMap((name) => {
        const partnerId = byName.get(name);
        return partnerId ? [{ partnerId, role: 'co-lead' as const }] : [];
      });
      await repo.replaceGroupMembers(tx, group.id, members);
      groupCount++;
    }
    const theaterCount = await loadTheaters(tx);
    const branchCount = await loadBranches(tx);
    await loadJusticeCases(tx);
    await appendAudit(tx, systemActor('system (reference data)'), {
      action: 'reference-data.loaded',
      entityType: 'partner',
      detail: { partners: byName.size, groups: groupCount, theaters: theaterCount, branches: branchCount, source: 'shared coalition reference data, as of 2026-11' },
    });
    return { partners: byName.size, groups: groupCount };
  });
}
