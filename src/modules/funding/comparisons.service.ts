import type { Db } from '../../db/client.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { authorize } from '../../platform/authz.ts';
import { type CampaignWithTotals, listCampaigns, partnerAcrossCampaigns } from './campaigns.service.ts';
import { outstandingPledges } from './funding-totals.repo.ts';

export interface Comparisons {
  campaigns: CampaignWithTotals[];
  partnerCampaigns: CampaignWithTotals[] | null;
  outstanding: Awaited<ReturnType<typeof outstandingPledges>>;
}

/**
 * The comparison page: every campaign year on year, one partner across campaigns when one is chosen,
 * and who pledged but has not yet committed.
 */
export async function comparisons(db: Db, actor: MaybeActor, partnerId?: string): Promise<Comparisons> {
  authorize(actor, 'funding.read');
  const [campaigns, partnerCampaigns, outstanding] = await Promise.all([
    listCampaigns(db, actor),
    partnerId ? partnerAcrossCampaigns(db, actor, partnerId) : Promise.resolve(null),
    outstandingPledges(db, actor),
  ]);
  return { campaigns: [...campaigns].sort((a, b) => a.startsOn.localeCompare(b.startsOn)), partnerCampaigns, outstanding };
}
