import type { VNode } from 'preact';
import type { Db } from '../../db/client.ts';
import type { PageContext } from '../../platform/views/page-context.ts';
import { overviewOf } from './justice-overview.ts';
import { allJustice } from './justice.service.ts';
import { JusticeTable } from './justice.views.tsx';

/** The justice figures shown on a state's partner page: the latest verified figure of each kind, and a link to the rest. */
export async function partnerJusticeSection(db: Db, ctx: PageContext, partner: { id: string; iso3: string | null }): Promise<VNode> {
  const { t } = ctx;
  const rows = await allJustice(db, ctx.actor, { partnerId: partner.id, verifiedOnly: true }, 'justice-partner');
  const latest = overviewOf(rows).latest.flatMap((entry) => entry.figures);
  const iso3 = partner.iso3 ?? rows[0]?.stateIso3;
  return (
    <section aria-labelledby="justice-heading">
      <h2 id="justice-heading">{t('justice.partnerHeading')}</h2>
      <JusticeTable ctx={ctx} rows={latest} caption={t('justice.partnerHeading')} linkRecords={false} showState={false} />
      {iso3 && (
        <p>
          <a href={`/justice/states/${iso3}`}>{t('justice.partnerMore')}</a>
        </p>
      )}
    </section>
  );
}
