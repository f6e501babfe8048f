import { DataTable } from '../../platform/views/data-table.tsx';
import { CsrfField, FormActions, SelectField } from '../../platform/views/forms.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import { partnerName } from '../partners/partners.views.tsx';
import type { ParticipantRow } from './meetings.repo.ts';
import { PARTICIPANT_ROLES } from './meetings.schema.ts';
import type { MeetingEditingChoices, MeetingRecordView } from './meetings.views.tsx';

/** Who took part, and adding or removing a participant. */
export function MeetingParticipants({ ctx, record, editing }: { ctx: PageContext; record: MeetingRecordView; editing: MeetingEditingChoices | null }) {
  const { t, locale } = ctx;
  const { meeting } = record;
  return (
    <>
      <h2>{t('meetings.participants')}</h2>
      <DataTable
        caption={t('meetings.participants')}
        rows={record.participants}
        empty={t('meetings.noParticipants')}
        columns={[
          { header: t('people.partner'), cell: (p) => <a href={`/partners/${p.partnerId}`}>{partnerName({ nameEn: p.partnerNameEn, nameFr: p.partnerNameFr, nameAr: p.partnerNameAr }, locale)}</a> },
          { header: t('meetings.representedBy'), cell: (p) => (p.personName ? [p.personName, p.personTitle].filter(Boolean).join(', ') : '—') },
          { header: t('meetings.role'), cell: (p) => t(`participantRole.${p.role}` as never) },
          ...(editing
            ? [
                {
                  header: <span class="visually-hidden">{t('tokens.actions')}</span>,
                  cell: (p: ParticipantRow) => (
                    <form method="post" action={`/meetings/${meeting.id}/participants/${p.id}/remove`}>
                      <CsrfField ctx={ctx} />
                      <button type="submit" class="button--secondary">
                        {t('meetings.remove')}
                        <span class="visually-hidden"> {p.partnerNameEn}</span>
                      </button>
                    </form>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <form method="post" action={`/meetings/${meeting.id}/participants`} class="filters">
          <CsrfField ctx={ctx} />
          <SelectField name="partnerId" label={t('people.partner')} required emptyLabel="—" options={editing.partners.map((p) => [p.id, partnerName(p, locale)])} />
          <SelectField name="personId" label={t('meetings.representedBy')} emptyLabel="—" options={editing.people.map((p) => [p.id, p.name])} />
          <SelectField name="role" label={t('meetings.role')} value="member" options={PARTICIPANT_ROLES.map((r) => [r, t(`participantRole.${r}` as never)])} />
          <FormActions>
            <button type="submit">{t('meetings.addParticipant')}</button>
          </FormActions>
        </form>
      )}
    </>
  );
}
