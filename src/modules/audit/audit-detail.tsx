import { type Action, can } from '../../platform/authz.ts';
import { CATALOGUES, type MessageKey } from '../../platform/i18n/i18n.ts';
import type { PageContext } from '../../platform/views/page-context.ts';
import { partsSeparator } from '../../platform/i18n/formatters.ts';
import type { AuditEventRow } from './audit.service.ts';

/** "screening.list-imported" → "list imported": the event's verb in words, for the sentence. */
export function actionInWords(action: string): string {
  return (action.split('.').at(-1) ?? action).replaceAll('-', ' ');
}

/** "funding-campaign" → "funding campaign". */
export function recordInWords(entityType: string): string {
  return entityType.replaceAll('-', ' ').replaceAll('_', ' ');
}

/**
 * An audit detail may hold the path a file was read from on the server; readers see only its name.
 * A path is two or more segments after a slash or drive letter, like /srv/lists/UN.xml or C:\lists\UN.xml.
 */
export function withoutServerPaths(value: string): string {
  // A web address is a citation, not a server path: it is kept whole.
  return value.replace(/(https?:\/\/\S+)|(?:[A-Za-z]:)?(?:[\\/][\w.@~+-]+){2,}/g, (path, url) => url ?? path.split(/[\\/]/).at(-1) ?? '');
}

/** A value past this length is cut, its whole text a hover away, so one long source does not make its row a page tall. */
const LONGEST_SHOWN = 140;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Values that are codes the platform writes, with their wording: "owed" → "still to give". */
const VALUE_WORDS: Record<string, Record<string, string>> = {
  view: { site: 'site', sites: 'sites', nationalities: 'nationalities', repatriations: 'repatriations', repatriation: 'repatriation' },
  status: { reported: 'reported', verified: 'verified', rejected: 'rejected' },
  confidence: { high: 'high', medium: 'medium', low: 'low' },
  secondFactor: { 'not required (demo account)': 'notRequired', owed: 'owed', 'must enrol': 'mustEnrol', totp: 'totp', 'recovery code': 'recoveryCode', 'checked by the provider': 'byProvider' },
};

function plain(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return withoutServerPaths(value);
  if (Array.isArray(value)) return value.map(plain).join(', ');
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).map(([key, inner]) => `${key}: ${plain(inner)}`).join('; ');
  return String(value);
}

/** A value for reading: words for known codes and yes/no, a record id shortened, a long text cut; never raw JSON or a server path. */
function Shown({ ctx, field, value }: { ctx: PageContext; field?: string; value: unknown }) {
  if (typeof value === 'boolean') return <>{ctx.t(value ? 'auditValue.yes' : 'auditValue.no')}</>;
  const word = field && typeof value === 'string' ? VALUE_WORDS[field]?.[value] : undefined;
  if (word) return <>{ctx.t(`auditValue.${field}.${word}` as MessageKey)}</>;
  if (typeof value === 'string' && UUID.test(value)) return <bdi title={value}>{value.slice(0, 8)}</bdi>;
  if (Array.isArray(value) && value.length > 0 && value.length <= LIST_SHOWN_OPEN) {
    return <>{value.map((item, index) => [index > 0 ? partsSeparator(ctx.locale) : '', <Shown ctx={ctx} value={item} />])}</>;
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    // A nested record (what a replaced figure was): its fields named in words too.
    return (
      <>
        {Object.entries(value as Record<string, unknown>).map(([key, inner], index) => [
          index > 0 ? (ctx.locale === 'ar' ? '؛ ' : '; ') : '',
          <FieldName ctx={ctx} field={key} />,
          ': ',
          <Shown ctx={ctx} field={key} value={inner} />,
        ])}
      </>
    );
  }
  const text = plain(value);
  return text.length > LONGEST_SHOWN ? (
    <bdi title={text}>{`${text.slice(0, LONGEST_SHOWN)}…`}</bdi>
  ) : (
    <bdi>{text}</bdi>
  );
}

/**
 * A detail's or a changed field's name in the reader's words ("restrictedRecords" → "restricted records
 * read"). A field without its wording yet is spelled out in English words, marked as English, never a code.
 */
export function FieldName({ ctx, field }: { ctx: PageContext; field: string }) {
  const key = `auditField.${field}`;
  if (key in CATALOGUES.en) return <>{ctx.t(key as MessageKey)}</>;
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replaceAll(/[-_]/g, ' ').toLowerCase();
  return ctx.locale === 'en' ? <>{words}</> : <span lang="en">{words}</span>;
}

/** Past this many entries a list (of ids, of names) folds away, so one event does not make its row a page tall. */
const LIST_SHOWN_OPEN = 3;

function CollapsedList({ ctx, values }: { ctx: PageContext; values: unknown[] }) {
  return (
    <details>
      <summary>{ctx.t('audit.listOf', { count: values.length })}</summary>
      <ul class="audit-list">
        {values.map((value) => (
          <li dir="auto">
            <Shown ctx={ctx} value={value} />
          </li>
        ))}
      </ul>
    </details>
  );
}

type Changes = Record<string, { from: unknown; to: unknown }>;

function changesOf(detail: unknown): Changes | null {
  if (!detail || typeof detail !== 'object') return null;
  const changes = (detail as { changes?: unknown }).changes;
  if (!changes || typeof changes !== 'object') return null;
  const entries = Object.entries(changes as Record<string, unknown>);
  return entries.every(([, change]) => change && typeof change === 'object' && 'from' in change && 'to' in change) ? (changes as Changes) : null;
}

/** Where an audited record can be read, and the permission that reading it needs. */
const RECORD_PAGES: Record<string, { path: string; access: Action }> = {
  meeting: { path: '/meetings/', access: 'meeting.read' },
  readout: { path: '/desk/readouts/', access: 'readout.manage' },
  'funding-campaign': { path: '/funding/campaigns/', access: 'funding.read' },
  'funding-contribution': { path: '/funding/contributions/', access: 'funding.read' },
  'detention-site': { path: '/detention/sites/', access: 'detention.read' },
  repatriation: { path: '/detention/repatriations/', access: 'detention.read' },
  group: { path: '/groups/', access: 'group.read' },
  partner: { path: '/partners/', access: 'partner.read' },
  tasking: { path: '/taskings/', access: 'tasking.read' },
  incident: { path: '/threats/incidents/', access: 'threat.read' },
  // A branch is known by its slug, which its events keep as their record id.
  branch: { path: '/threats/branches/', access: 'threat.read' },
  'justice-record': { path: '/justice/records/', access: 'justice.read' },
  'ingest-document': { path: '/ingest/', access: 'ingest.run' },
};

/** The record as the event names it (its title or name when the detail keeps one), linked only for a reader who may open it. */
function RecordReference({ ctx, event }: { ctx: PageContext; event: AuditEventRow }) {
  const detail = (event.detail ?? {}) as Record<string, unknown>;
  const named = [detail.title, detail.name, detail.documentTitle].find((value): value is string => typeof value === 'string' && value.trim() !== '');
  const label = named ? withoutServerPaths(named) : (event.entityId?.slice(0, 8) ?? recordInWords(event.entityType));
  const page = RECORD_PAGES[event.entityType];
  const text = <bdi>{label}</bdi>;
  return page && event.entityId && can(ctx.actor, page.access) ? <a href={`${page.path}${event.entityId}`}>{text}</a> : text;
}

/** Private-use characters no wording contains. */
const ACTOR_MARK = '\uE000actor\uE000';
const RECORD_MARK = '\uE000record\uE000';

/** One event as a sentence in the reader's language: "Officer A cleared the readout X". */
export function AuditSentence({ ctx, event }: { ctx: PageContext; event: AuditEventRow }) {
  const key = `auditEvent.${event.action}`;
  const actor = <bdi>{event.actorLabel}</bdi>;
  if (!(key in CATALOGUES.en)) {
    // An event type without its own wording yet (a new one): said with its code words, never dropped.
    return <span>{ctx.t('audit.sentence', { actor: event.actorLabel, action: actionInWords(event.action), record: recordInWords(event.entityType) })}</span>;
  }
  const sentence = ctx.t(key as MessageKey, { actor: ACTOR_MARK, record: RECORD_MARK });
  // The wording decides where the actor and the record go; they come back as elements at their marks.
  const record = <RecordReference ctx={ctx} event={event} />;
  const pieces = sentence.split(ACTOR_MARK).flatMap((chunk, index) => [...(index > 0 ? [actor] : []), ...chunk.split(RECORD_MARK).flatMap((part, at) => [...(at > 0 ? [record] : []), part])]);
  return <span>{pieces}</span>;
}

/** Changed fields as a before/after table; anything else as a short list of facts. Never raw JSON, never a server path. */
export function AuditDetail({ ctx, event }: { ctx: PageContext; event: AuditEventRow }) {
  const { t } = ctx;
  const changes = changesOf(event.detail);
  // An empty field says nothing: left out, so an event's detail is as short as what it holds.
  const empty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  const others = event.detail && typeof event.detail === 'object' ? Object.entries(event.detail as Record<string, unknown>).filter(([key, value]) => (key !== 'changes' || !changes) && !empty(value)) : [];
  return (
    <div class="audit-detail">
      {changes && Object.keys(changes).length > 0 && (
        <table class="before-after">
          <thead>
            <tr>
              <th scope="col">{t('audit.field')}</th>
              <th scope="col">{t('audit.before')}</th>
              <th scope="col">{t('audit.after')}</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(changes).map(([field, change]) => (
              <tr>
                <th scope="row">
                  <FieldName ctx={ctx} field={field} />
                </th>
                <td>
                  <Shown ctx={ctx} field={field} value={change.from} />
                </td>
                <td>
                  <Shown ctx={ctx} field={field} value={change.to} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {others.length > 0 && (
        <dl class="facts compact">
          {others.map(([key, value]) => (
            <>
              <dt>
                <FieldName ctx={ctx} field={key} />
              </dt>
              <dd>{Array.isArray(value) && value.length > LIST_SHOWN_OPEN ? <CollapsedList ctx={ctx} values={value} /> : <Shown ctx={ctx} field={key} value={value} />}</dd>
            </>
          ))}
        </dl>
      )}
    </div>
  );
}
