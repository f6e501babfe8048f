import type { ComponentChild } from 'preact';
import { CsrfField, FormActions, TextField } from '../../platform/views/forms.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import type { DecidedHit } from './decisions.service.ts';

type Entity = DecidedHit['entity'];

/**
 * One hit: why it matched, the listed record, and a decision form posting to `action` with `hidden`
 * fields that bring the reader back to the same screening (or the same filtered page of a batch).
 */
export function HitCard({ ctx, hit, hidden, action = '/screening/decisions', noteField = `note-${hit.ref}`, sameSubjectAsAbove, heading = 'h3' }: { ctx: PageContext; hit: DecidedHit; hidden: Record<string, string>; action?: string; noteField?: string; sameSubjectAsAbove?: boolean; heading?: 'h3' | 'h4' }) {
  const Heading = heading;
  const Sub = heading === 'h3' ? 'h4' : 'h5';
  return (
    <article class="hit">
      <Heading>
        <span dir="auto">{hit.name}</span> — {hit.ref} · {ctx.t('screening.score')} {hit.score.toFixed(2)}
      </Heading>
      {sameSubjectAsAbove && <SameSubject ctx={ctx} hit={hit} />}
      {hit.decision && <EarlierDecision ctx={ctx} decision={hit.decision} />}
      <Sub>{ctx.t('screening.why')}</Sub>
      <WhyItMatched ctx={ctx} explanation={hit.explanation} />
      <ListedRecord ctx={ctx} entity={hit.entity} />
      <DecisionForm ctx={ctx} action={action} hidden={hidden} hitRef={hit.ref} noteField={noteField} />
    </article>
  );
}

/** Says that this hit is the person or body of the hit above, on another list, and how that is known. */
function SameSubject({ ctx, hit }: { ctx: PageContext; hit: DecidedHit }) {
  return (
    <p>
      {ctx.t('screening.sameSubject')}
      {hit.groupedBy && ` ${ctx.t(`screening.groupedBy.${hit.groupedBy}` as never)}`}
    </p>
  );
}

/** The latest decision on this name and listing; flagged when the listing has changed since. */
function EarlierDecision({ ctx, decision }: { ctx: PageContext; decision: NonNullable<DecidedHit['decision']> }) {
  const { t } = ctx;
  return (
    <p class={decision.listingChanged ? 'alert' : 'notice'}>
      {t(decision.decision === 'confirmed-match' ? 'screening.confirmedBy' : 'screening.clearedBy', { by: decision.by, date: decision.at.toISOString().slice(0, 10), note: decision.note })}
      {decision.listingChanged && ` ${t('screening.listingChanged')}`}
    </p>
  );
}

/** Each word matched and how, the words that differ or stayed unmatched, and what raised or lowered the score. */
function WhyItMatched({ ctx, explanation }: { ctx: PageContext; explanation: DecidedHit['explanation'] }) {
  const { t } = ctx;
  return (
    <ul>
      {explanation.matched.map((match) => (
        <li dir="auto">
          {t('screening.tokenMatch', { query: match.query, listed: match.listed, how: t(`screening.how.${match.how}` as never), similarity: match.similarity.toFixed(2), weight: match.weight.toFixed(2) })}
          {match.aynDropped && ` — ${t('screening.aynDropped')}`}
        </li>
      ))}
      {(explanation.differing ?? []).map((pair) => (
        <li dir="auto">{t('screening.differing', pair)}</li>
      ))}
      {explanation.unmatchedQuery.length > 0 && <li dir="auto">{t('screening.unmatchedQuery', { tokens: explanation.unmatchedQuery.join(', ') })}</li>}
      {explanation.unmatchedListed.length > 0 && <li dir="auto">{t('screening.unmatchedListed', { tokens: explanation.unmatchedListed.join(', ') })}</li>}
      {explanation.adjustments.map((adjustment) => (
        <li>{`${t(`screening.adjustment.${adjustment.code}` as never, adjustment.values)}: ${adjustment.change > 0 ? '+' : ''}${adjustment.change.toFixed(2)}`}</li>
      ))}
    </ul>
  );
}

/** A list of values, one per line in their own direction, or a dash when there is none. */
function ValuesOrDash({ values }: { values: ComponentChild[] }) {
  return values.length ? (
    <ul>
      {values.map((value) => (
        <li dir="auto">{value}</li>
      ))}
    </ul>
  ) : (
    '—'
  );
}

/** The listed record as the lists in force have it, folded; with the list file's own record when kept. */
function ListedRecord({ ctx, entity }: { ctx: PageContext; entity: Entity }) {
  const { t } = ctx;
  return (
    <details>
      <summary>{t('screening.record')}</summary>
      <dl class="facts">
        <dt>{t('screening.kind')}</dt>
        <dd>{entity.kind}</dd>
        <dt>{t('screening.names')}</dt>
        <dd>
          <ValuesOrDash values={entity.names.map((name) => `${name.full} ${name.quality === 'low' ? `(${t('screening.weakAlias')})` : ''}`)} />
        </dd>
        <dt>{t('screening.born')}</dt>
        <dd dir="ltr">{entity.birthDates.join(', ') || '—'}</dd>
        <dt>{t('screening.birthPlace')}</dt>
        <dd dir="auto">{entity.birthPlaces.join('; ') || '—'}</dd>
        <dt>{t('screening.nationality')}</dt>
        <dd>{entity.nationalities.join(', ') || '—'}</dd>
        <dt>{t('screening.documents')}</dt>
        <dd>
          <ValuesOrDash values={entity.documents.map((document) => [`${document.type} ${document.number}`, document.country, document.note].filter(Boolean).join(' · '))} />
        </dd>
        <dt>{t('screening.addresses')}</dt>
        <dd>
          <ValuesOrDash values={entity.addresses} />
        </dd>
        <dt>{t('screening.programmes')}</dt>
        <dd>{entity.programmes.join(', ') || '—'}</dd>
        <dt>{t('screening.listedOn')}</dt>
        <dd dir="ltr">{entity.listedOn ?? '—'}</dd>
      </dl>
      {entity.raw !== undefined && entity.raw !== null && (
        <details>
          <summary>{t('screening.raw')}</summary>
          <pre class="raw-record" dir="ltr">
            {JSON.stringify(entity.raw, null, 2)}
          </pre>
        </details>
      )}
    </details>
  );
}

/** Confirmed match or false positive, with a note; the hidden fields bring the reader back where they were. */
function DecisionForm({ ctx, action, hidden, hitRef, noteField }: { ctx: PageContext; action: string; hidden: Record<string, string>; hitRef: string; noteField: string }) {
  const { t } = ctx;
  return (
    <form method="post" action={action} class="record-form">
      <CsrfField ctx={ctx} />
      {Object.entries(hidden).map(([field, value]) => (
        <input type="hidden" name={field} value={value} />
      ))}
      <input type="hidden" name="ref" value={hitRef} />
      <fieldset>
        <legend>{t('screening.decide')}</legend>
        <label class="checkbox">
          <input type="radio" name="decision" value="confirmed-match" required /> {t('screening.decision.confirmed-match')}
        </label>
        <label class="checkbox">
          <input type="radio" name="decision" value="false-positive" /> {t('screening.decision.false-positive')}
        </label>
      </fieldset>
      <TextField name={noteField} label={t('screening.decisionNote')} required maxLength={2000} />
      <FormActions>
        <button type="submit">{t('screening.recordDecision')}</button>
      </FormActions>
    </form>
  );
}
