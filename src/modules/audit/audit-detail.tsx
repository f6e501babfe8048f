import type { PageContext } from '../../platform/views/page-context.ts';
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
  return value.replace(/(?:[A-Za-z]:)?(?:[\\/][\w.@~+-]+){2,}/g, (path) => path.split(/[\\/]/).at(-1) ?? '');
}

function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return withoutServerPaths(text);
}

/** Past this many entries a list (of ids, of names) folds away, so one event does not make its row a page tall. */
const LIST_SHOWN_OPEN = 3;

function CollapsedList({ ctx, values }: { ctx: PageContext; values: unknown[] }) {
  return (
    <details>
      <summary>{ctx.t('audit.listOf', { count: values.length })}</summary>
      <ul class="audit-list">
        {values.map((value) => (
          <li dir="auto">{shown(value)}</li>
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

/** One event as a sentence: "Officer A — cleared — readout 1f3c…". */
export function AuditSentence({ ctx, event }: { ctx: PageContext; event: AuditEventRow }) {
  return (
    <span>
      {ctx.t('audit.sentence', {
        actor: event.actorLabel,
        action: actionInWords(event.action),
        record: recordInWords(event.entityType),
      })}
    </span>
  );
}

/** Changed fields as a before/after table; anything else as a short list of facts. Never raw JSON, never a server path. */
export function AuditDetail({ ctx, event }: { ctx: PageContext; event: AuditEventRow }) {
  const { t } = ctx;
  const changes = changesOf(event.detail);
  const others = event.detail && typeof event.detail === 'object' ? Object.entries(event.detail as Record<string, unknown>).filter(([key]) => key !== 'changes' || !changes) : [];
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
                <th scope="row">{field}</th>
                <td>{shown(change.from)}</td>
                <td>{shown(change.to)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {others.length > 0 && (
        <dl class="facts compact">
          {others.map(([key, value]) => (
            <>
              <dt>{key}</dt>
              <dd>{Array.isArray(value) && value.length > LIST_SHOWN_OPEN ? <CollapsedList ctx={ctx} values={value} /> : shown(value)}</dd>
            </>
          ))}
        </dl>
      )}
    </div>
  );
}
