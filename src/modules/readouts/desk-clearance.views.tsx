import { CsrfField, FormActions, TextField } from '../../platform/views/forms.tsx';
import type { DeskReadoutProps } from './readouts.views.tsx';

/** Where clearance stands for the current version, partner by partner, and the co-chair's decision. */
export function DeskClearance(props: DeskReadoutProps) {
  const { ctx, readout } = props;
  const { t } = ctx;
  const currentClearances = props.clearances.filter((c) => c.versionNumber === readout.currentVersion);
  return (
    <>
      <h2>{t('desk.clearance')}</h2>
      {readout.clearedOutside ? (
        <p>{t('readouts.clearedOutside')}</p>
      ) : (
      <ul>
        {[...props.coLeadNames].map(([partnerId, name]) => {
          const decision = currentClearances.filter((c) => c.partnerId === partnerId).at(-1);
          return (
            <li>
              {name}: {decision ? t(`clearanceDecision.${decision.decision}` as never) : t('desk.pending')}
              {decision?.comment ? ` — “${decision.comment}”` : ''}
            </li>
          );
        })}
      </ul>
      )}
      {props.may.clear && readout.status === 'in-clearance' && (
        <form method="post" action={`/desk/readouts/${readout.id}/clearance`} class="record-form">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="version" value={String(readout.currentVersion)} />
          <TextField name="comment" label={t('desk.comment')} hint={t('desk.commentHint')} errors={props.errors} />
          <FormActions>
            <button type="submit" name="decision" value="cleared">
              {t('desk.clear')}
            </button>
            <button type="submit" name="decision" value="returned" class="button--secondary">
              {t('desk.return')}
            </button>
          </FormActions>
        </form>
      )}
    </>
  );
}
