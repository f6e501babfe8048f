import { ErrorSummary } from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { ReadoutVersionRow } from './readouts.repo.ts';
import { Translated } from '../../platform/views/translated-name.tsx';
import { readoutPath } from './readouts.views.tsx';
import type { DeskReadoutProps } from './readouts.views.tsx';
import { DeskClearance } from './desk-clearance.views.tsx';
import { DeskEditing } from './desk-editing.views.tsx';
import { DeskHistory } from './desk-history.views.tsx';
import { TranslationForms } from './readout-translations.views.tsx';

export function DeskReadoutPage(props: DeskReadoutProps) {
  const { ctx, readout, versions } = props;
  const { t } = ctx;
  const current = versions.at(-1) as ReadoutVersionRow;
  const editable = props.may.write && readout.status !== 'withdrawn';
  return (
    <Layout ctx={ctx} title={current.title}>
      <p>
        <a href="/desk/readouts">{t('desk.backToList')}</a>
      </p>
      <h1>{current.title}</h1>
      <p>
        {t('readouts.status')}: <strong>{t(`readoutStatus.${readout.status}` as never)}</strong> · {t('readouts.version')} {readout.currentVersion} ·{' '}
        <a href={`/meetings/${props.meeting.id}`}>
          <Translated ctx={ctx} record={props.meeting} field="title" />
        </a>
        {readout.status === 'published' && (
          <>
            {' '}
            · <a href={readoutPath(readout)}>{t('desk.viewPublished')}</a>
          </>
        )}
      </p>
      {props.message && (
        <p class="alert" role="alert">
          {props.message}
        </p>
      )}
      {props.conflict && (
        <div class="alert" role="alert">
          <p>{t('desk.conflict', { number: props.conflict.number, author: props.conflict.authorLabel })}</p>
          <h2>{t('desk.theirVersion')}</h2>
          <pre class="conflict-text">{`${props.conflict.title}\n\n${props.conflict.bodyMarkdown}`}</pre>
          <p>{t('desk.yourVersionBelow')}</p>
        </div>
      )}
      <ErrorSummary ctx={ctx} errors={props.errors} />

      <DeskClearance {...props} />
      {editable && <DeskEditing {...props} />}
      <DeskHistory {...props} />
      {editable && <TranslationForms ctx={ctx} readoutId={readout.id} translations={props.translations ?? []} />}
    </Layout>
  );
}

