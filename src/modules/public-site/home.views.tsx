import type { ComponentChildren } from 'preact';
import { numberFormat } from '../../platform/i18n/formatters.ts';
import { intlLocale } from '../../platform/i18n/request-language.ts';
import { BarChart } from '../../platform/views/charts.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import type { CampaignSummary } from '../funding/campaign-summary.ts';
import type { CampaignRow } from '../funding/funding.repo.ts';
import { Headline } from '../funding/funding.views.tsx';
import { formatMoneyCompact, percentOf } from '../funding/money.ts';
import { meetingDay, meetingWhen } from '../meetings/meeting-time.ts';
import type { AgendaItemRow, MeetingRow } from '../meetings/meetings.repo.ts';
import { partnerName } from '../partners/partners.views.tsx';
import { readoutPath } from '../readouts/readouts.views.tsx';
import { casualties, IncidentMap, Place } from '../threats/threats.views.tsx';
import type { MyDesk, PublicFront } from './home.service.ts';
import { translated } from '../../platform/translated-text.ts';
import { Translated } from '../../platform/views/translated-name.tsx';

function Section({ id, title, children, more }: { id: string; title: string; children: ComponentChildren; more?: [href: string, label: string] }) {
  return (
    <section class="home-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
      {more && (
        <p class="more">
          <a href={more[0]}>{more[1]}</a>
        </p>
      )}
    </section>
  );
}

function Empty({ text }: { text: string }) {
  return <p class="empty">{text}</p>;
}

function MeetingsWithAgenda({ ctx, meetings }: { ctx: PageContext; meetings: { meeting: MeetingRow; agenda: AgendaItemRow[] }[] }) {
  const { t, locale } = ctx;
  if (meetings.length === 0) return <Empty text={t('home.noUpcomingMeetings')} />;
  return (
    <ul class="home-list">
      {meetings.map(({ meeting, agenda }) => (
        <li>
          <a href={`/meetings/${meeting.id}`}><Translated ctx={ctx} record={meeting} field="title" /></a> <span class="muted">{meetingWhen(meeting, locale)}</span>
          {agenda.length > 0 && (
            <ol class="agenda-brief">
              {agenda.map((item) => (
                <li>{item.title}</li>
              ))}
            </ol>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The drive against its goal: a headline in words and the same figures as bars. */
function PledgeDrive({ ctx, campaign, summary, href }: { ctx: PageContext; campaign: CampaignRow; summary: CampaignSummary; href: string }) {
  const { t, locale } = ctx;
  // A stage with nothing verified is not recorded, not zero: it gets no bar and says so in the table.
  const stages = [
    { label: t('funding.stage.pledge.total'), amount: summary.verified.pledge },
    { label: t('funding.stage.commitment.total'), amount: summary.verified.commitment },
    { label: t('funding.stage.disbursement.total'), amount: summary.verified.disbursement },
  ].map(({ label, amount }) => ({ label, value: amount.isZero() ? null : amount.toFixed(0) }));
  const rows: { label: string; value: string | null }[] = [...(campaign.goalAmount ? [{ label: t('funding.goal'), value: campaign.goalAmount }] : []), ...stages];
  const bars = rows.filter((row): row is { label: string; value: string } => row.value !== null);
  return (
    <div class="pledge-drive">
      <p>
        <a href={href}><Translated ctx={ctx} record={campaign} field="name" /></a>
      </p>
      <Headline ctx={ctx} campaign={campaign} verified={summary.verified} />
      <BarChart
        title={t('home.driveChart', { campaign: translated(campaign, ctx.locale, 'name') })}
        series={[{ name: campaign.currency, tone: 'tone-pledge' }]}
        rows={bars.map((bar) => ({ label: bar.label, values: [Number(bar.value)] }))}
        formatTick={(value) => formatMoneyCompact(String(Math.round(value)), campaign.currency, locale)}
        rtl={ctx.rtl}
      />
      <table class="compact">
        <caption class="visually-hidden">{t('home.driveChart', { campaign: translated(campaign, ctx.locale, 'name') })}</caption>
        <tbody>
          {rows.map((row) => (
            <tr>
              <th scope="row">{row.label}</th>
              {row.value === null ? (
                <td class="empty" colSpan={2}>
                  {t('funding.notRecorded')}
                </td>
              ) : (
                <>
                  <td class="number" dir="ltr">
                    {formatMoneyCompact(row.value, campaign.currency, locale)}
                  </td>
                  <td class="number">{campaign.goalAmount && row.value !== campaign.goalAmount ? `${percentOf(row.value, campaign.goalAmount) ?? 0}%` : ''}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The signed-in home: what waits for this person, what comes next, how things stand. */
export function MyDeskPage({ ctx, desk }: { ctx: PageContext; desk: MyDesk }) {
  const { t, locale } = ctx;
  const count = (value: number) => numberFormat(intlLocale(locale)).format(value);
  const waiting = [desk.readouts, desk.taskings, desk.contributions, desk.repatriations, desk.alerts, desk.drafts].some((part) => part !== null);
  return (
    <Layout ctx={ctx} title={t('home.deskTitle')}>
      <h1>{t('home.deskTitle')}</h1>
      <p class="lead">{t('home.deskIntro', { name: ctx.actor?.label ?? '' })}</p>
      {waiting && (
        <div class="home-grid" id="waiting">
          {desk.readouts && (
            <Section id="readouts" title={t('home.readoutsWaiting')} more={['/desk/readouts', t('home.toReadoutDesk')]}>
              {desk.readouts.awaitingClearance.length + desk.readouts.returned.length === 0 ? (
                <Empty text={t('home.noReadoutsWaiting')} />
              ) : (
                <ul class="home-list">
                  {desk.readouts.awaitingClearance.map((row) => (
                    <li>
                      <a href={`/desk/readouts/${row.id}`}>{row.title}</a> <span class="tag">{t('home.toClear')}</span>
                    </li>
                  ))}
                  {desk.readouts.returned.map((row) => (
                    <li>
                      <a href={`/desk/readouts/${row.id}`}>{row.title}</a> <span class="tag">{t('home.returned')}</span>
                      {row.comment && <span class="muted"> “{row.comment}”</span>}
                    </li>
                  ))}
                </ul>
              )}
            </Section>
          )}
          {desk.taskings && (
            <Section id="taskings" title={t('home.taskingsDue')} more={['/taskings', t('home.allTaskings')]}>
              {desk.taskings.rows.length === 0 ? (
                <Empty text={t('home.noTaskingsDue')} />
              ) : (
                <ul class="home-list">
                  {desk.taskings.rows.map((row) => {
                    const overdue = row.dueOn !== null && row.dueOn < desk.taskings!.today;
                    return (
                      <li>
                        <a href={`/taskings/${row.id}`}>{row.title}</a>{' '}
                        {row.dueOn && (
                          <span class={overdue ? 'tag overdue' : 'muted'}>
                            {t(overdue ? 'home.overdueSince' : 'home.dueOn', { date: row.dueOn })}
                          </span>
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
            </Section>
          )}
          {(desk.contributions || desk.repatriations) && (
            <Section id="verification" title={t('home.awaitingVerification')}>
              <ul class="home-list">
                {desk.contributions && (
                  <li>
                    <a href="/funding/review">{t('home.contributionsAwaiting', { count: desk.contributions.total })}</a>
                  </li>
                )}
                {desk.repatriations && (
                  <li>
                    <a href="/detention/repatriations">{t('home.repatriationsAwaiting', { count: desk.repatriations.length })}</a>
                  </li>
                )}
              </ul>
            </Section>
          )}
          {desk.alerts && (
            <Section id="alerts" title={t('home.screeningAlerts')} more={['/screening/alerts', t('home.allAlerts')]}>
              {desk.alerts.total === 0 ? (
                <Empty text={t('home.noAlerts')} />
              ) : (
                <ul class="home-list">
                  {desk.alerts.rows.slice(0, 5).map((alert) => (
                    <li>
                      {alert.name} → {alert.listedName} <span class="muted">{alert.raisedAt.toISOString().slice(0, 10)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </Section>
          )}
          {desk.drafts && (
            <Section id="ingest" title={t('home.ingestDrafts')} more={['/ingest', t('home.toIngest')]}>
              {desk.drafts.length === 0 ? (
                <Empty text={t('home.noIngestDrafts')} />
              ) : (
                <ul class="home-list">
                  {desk.drafts.slice(0, 5).map((row) => (
                    <li>
                      <a href={`/ingest/${row.document.id}`}>{row.document.title}</a> <span class="muted">{t('home.factsWaiting', { count: row.waiting })}</span>
                    </li>
                  ))}
                </ul>
              )}
            </Section>
          )}
        </div>
      )}
      <Section id="upcoming" title={t('home.upcomingMeetings')} more={['/meetings?when=upcoming', t('home.allMeetings')]}>
        <MeetingsWithAgenda ctx={ctx} meetings={desk.meetings} />
      </Section>
      <div class="home-grid">
        {desk.drive && (
          <Section id="drive" title={t('home.pledgeDrive')} more={['/funding', t('home.allCampaigns')]}>
            {desk.drive.campaign && desk.drive.summary ? <PledgeDrive ctx={ctx} campaign={desk.drive.campaign} summary={desk.drive.summary} href={`/funding/campaigns/${desk.drive.campaign.id}`} /> : <Empty text={t('funding.noCampaigns')} />}
          </Section>
        )}
        {desk.detention && (
          <Section id="detention" title={t('home.detentionTotals')} more={['/detention', t('home.toDetention')]}>
            {desk.detention.length === 0 ? (
              <Empty text={t('home.noDetentionFigures')} />
            ) : (
              <table class="compact">
                <thead>
                  <tr>
                    <th scope="col">{t('home.site')}</th>
                    <th scope="col">{t('home.latest')}</th>
                    <th scope="col">{t('home.change')}</th>
                  </tr>
                </thead>
                <tbody>
                  {desk.detention.map(({ site, latest, previous }) => {
                    const change = latest?.total != null && previous?.total != null ? latest.total - previous.total : null;
                    return (
                      <tr>
                        <th scope="row">
                          <a href={`/detention/sites/${site.id}`}><Translated ctx={ctx} record={site} field="name" /></a>
                        </th>
                        <td class="number">{latest?.total != null ? `${count(latest.total)} (${latest.asOf})` : '—'}</td>
                        <td class="number" dir="ltr">
                          {change === null ? '—' : `${change > 0 ? '▲ +' : change < 0 ? '▼ ' : ''}${count(change)}`}
                          {change !== null && previous && <span class="muted"> {t('home.since', { date: previous.asOf })}</span>}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </Section>
        )}
        {desk.incidents && (
          <Section id="incidents" title={t('home.latestIncidents')} more={['/threats', t('home.allIncidents')]}>
            {desk.incidents.rows.length === 0 ? (
              <Empty text={t('home.noIncidents')} />
            ) : (
              <ul class="home-list">
                {desk.incidents.rows.map((row) => (
                  <li>
                    <a href={`/threats/incidents/${row.id}`}>
                      {row.occurredOn} · {desk.branchNames[row.branchSlug] ?? row.branchSlug}
                    </a>{' '}
                    <span class="muted">
                      <Place ctx={ctx} row={row} /> · {t('home.killed', { count: casualties(ctx, row.killedLow, row.killedHigh) })}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Section>
        )}
      </div>
    </Layout>
  );
}

/** The anonymous front page: published, public, verified and sourced only. */
export function PublicFrontPage({ ctx, front }: { ctx: PageContext; front: PublicFront }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('home.title')}>
      <h1>{t('home.title')}</h1>
      <p class="lead">{t('home.intro')}</p>
      <div class="home-grid">
        <Section id="readouts" title={t('home.latestReadouts')} more={['/readouts', t('home.allReadouts')]}>
          {front.readouts.length === 0 ? (
            <Empty text={t('readouts.empty')} />
          ) : (
            <ul class="home-list">
              {front.readouts.map(({ readout, version, meeting }) => (
                <li>
                  <a href={readoutPath(readout)} lang="en" dir="auto">
                    {version.title}
                  </a>{' '}
                  <span class="muted">{meetingDay(meeting)}</span>
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section id="drive" title={t('home.pledgeDrive')} more={['/stabilization', t('home.allCampaigns')]}>
          {front.drive ? <PledgeDrive ctx={ctx} campaign={front.drive.campaign} summary={front.drive.summary} href={`/stabilization/${front.drive.campaign.id}`} /> : <Empty text={t('funding.noCampaigns')} />}
        </Section>
        <Section id="members" title={t('home.members')} more={['/partners', t('home.allPartners')]}>
          <p class="big-figure">{t('home.partnersLink', { count: front.members.total })}</p>
          {front.members.rows.length > 0 && (
            <>
              <h3>{t('home.newestMembers')}</h3>
              <ul class="home-list">
                {front.members.rows.map((partner) => (
                  <li>
                    <a href={`/partners/${partner.id}`}>{partnerName(partner, locale)}</a> {partner.joined && <span class="muted">{partner.joined}</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </Section>
        <Section id="upcoming" title={t('home.upcomingPublicMeetings')} more={['/meetings?when=upcoming', t('home.allMeetings')]}>
          <MeetingsWithAgenda ctx={ctx} meetings={front.meetings} />
        </Section>
      </div>
      <Section id="incident-map" title={t('home.incidentMap')} more={['/threats', t('home.allIncidents')]}>
        {front.incidents.length === 0 ? <Empty text={t('home.noIncidents')} /> : <IncidentMap ctx={ctx} rows={front.incidents} branchName={(slug) => front.branchNames[slug] ?? slug} />}
      </Section>
      <Section id="privacy" title={t('home.privacyTitle')}>
        <p>
          {t('home.privacyText')} <a href="/cookies">{t('nav.cookies')}</a>
        </p>
      </Section>
    </Layout>
  );
}
