import { Type } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { can, isSecretariat } from '../../platform/authz.ts';
import type { AppModule } from '../../platform/module.ts';
import { formList, recordFormInput } from '../../platform/validate.ts';
import { pageContext } from '../../platform/views/page-context.ts';
import { sendCsv, sendPage } from '../../platform/views/render.ts';
import { saveForm, withCurrentVersion } from '../../platform/views/save-form.ts';
import * as groupsService from './groups.service.ts';
import { ImportRejected } from '../../platform/csv-import.ts';
import { exportGroupsCsv, exportPartnersCsv, exportPeopleCsv, importPartnersCsv } from './partners.csv.ts';
import type { PartnerRow } from './partners.repo.ts';
import { ListQuery, PeopleQuery } from './partners.schema.ts';
import * as partnersService from './partners.service.ts';
import * as peopleService from './people.service.ts';
import { GroupDetailPage, GroupFormPage, GroupListPage, PeopleListPage, PersonFormPage } from './people-groups.views.tsx';
import { PartnerDetailPage, PartnerFormPage, PartnerImportPage, PartnerListPage } from './partners.views.tsx';
import { FormBody, IdParams } from '../../platform/route-schemas.ts';
import { partnerJusticeSection } from '../justice/justice-partner.tsx';



export const partnersPages: AppModule = async (app, { db }) => {
  const writers = (request: FastifyRequest) => can(request.actor, 'partner.write');
  const allGroups = (request: FastifyRequest) => groupsService.listGroups(db, request.actor, app.figures);
  const allPartners = (request: FastifyRequest) => partnersService.listPartners(db, request.actor, { pageSize: 200 }).then((r) => r.rows);

  app.get('/partners', { config: { access: 'partner.read' }, schema: { querystring: ListQuery, hide: true } }, async (request, reply) => {
    const { rows, total } = await partnersService.listPartners(db, request.actor, request.query);
    return sendPage(reply, <PartnerListPage ctx={pageContext(request)} rows={rows} total={total} query={request.query} canWrite={writers(request)} />);
  });

  app.get('/partners/export.csv', { config: { access: 'partner.read' }, schema: { hide: true } }, async (request, reply) =>
    sendCsv(reply, 'partners.csv', await exportPartnersCsv(db, request.actor)),
  );

  app.get('/partners/import', { config: { access: 'partner.write' }, schema: { hide: true } }, async (request, reply) =>
    sendPage(reply, <PartnerImportPage ctx={pageContext(request)} />),
  );

  app.post('/partners/import', { config: { access: 'partner.write' }, schema: { body: FormBody, hide: true } }, async (request, reply) => {
    const file = (request.body as Record<string, unknown>).file;
    const ctx = pageContext(request);
    if (!Buffer.isBuffer(file) || file.length === 0) return sendPage(reply, <PartnerImportPage ctx={ctx} message={request.t('partners.importNoFile')} />, 400);
    const text = new TextDecoder('utf-8', { fatal: false }).decode(file);
    try {
      const result = await importPartnersCsv(db, request.actor, text);
      return sendPage(reply, <PartnerImportPage ctx={ctx} result={result} />);
    } catch (error) {
      if (error instanceof ImportRejected) return sendPage(reply, <PartnerImportPage ctx={ctx} problems={error.rows} />, 400);
      throw error;
    }
  });

  app.get('/partners/new', { config: { access: 'partner.write' }, schema: { hide: true } }, async (request, reply) =>
    sendPage(reply, <PartnerFormPage ctx={pageContext(request)} action="/partners" title={request.t('partners.new')} values={{ kind: 'state', status: 'member', classification: 'public' }} groups={await allGroups(request)} />),
  );

  app.post('/partners', { config: { access: 'partner.write' }, schema: { body: FormBody, hide: true } }, async (request, reply) => {
    const input = recordFormInput(request.body);
    return saveForm(
      reply,
      async () => `/partners/${(await partnersService.createPartner(db, request.actor, input)).id}`,
      async ({ errors }) => <PartnerFormPage ctx={pageContext(request)} action="/partners" title={request.t('partners.new')} values={input} groups={await allGroups(request)} errors={errors} />,
    );
  });

  app.get('/partners/:id', { config: { access: 'partner.read' }, schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const partner = await partnersService.getPartner(db, request.actor, request.params.id);
    const [people, groups] = await Promise.all([
      request.actor ? peopleService.listPeople(db, request.actor, { partnerId: partner.id, pageSize: 200 }).then((r) => r.rows) : Promise.resolve([]),
      groupsService.groupsOfPartner(db, request.actor, partner.id),
    ]);
    const canAddPeople = can(request.actor, 'person.write', { partnerId: partner.id });
    const ctx = pageContext(request);
    const justice = partner.kind === 'state' ? await partnerJusticeSection(db, ctx, partner) : undefined;
    return sendPage(reply, <PartnerDetailPage ctx={ctx} partner={partner} people={people} groups={groups} canWrite={writers(request)} canAddPeople={canAddPeople} justice={justice} />);
  });

  app.get('/partners/:id/edit', { config: { access: 'partner.write' }, schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const partner = await partnersService.getPartner(db, request.actor, request.params.id);
    return sendPage(reply, <PartnerFormPage ctx={pageContext(request)} action={`/partners/${partner.id}`} title={request.t('partners.edit')} values={partner} groups={await allGroups(request)} />);
  });

  app.post('/partners/:id', { config: { access: 'partner.write' }, schema: { params: IdParams, body: FormBody, hide: true } }, async (request, reply) => {
    const input = recordFormInput(request.body);
    return saveForm(
      reply,
      async () => `/partners/${(await partnersService.updatePartner(db, request.actor, request.params.id, input)).id}`,
      async ({ errors, stale }) => {
        const current = stale?.current as PartnerRow | undefined;
        return <PartnerFormPage ctx={pageContext(request)} action={`/partners/${request.params.id}`} title={request.t('partners.edit')} values={withCurrentVersion(input, stale)} groups={await allGroups(request)} errors={errors} conflict={current ?? null} />;
      },
    );
  });

  // People

  app.get('/people', { config: { access: 'person.read' }, schema: { querystring: PeopleQuery, hide: true } }, async (request, reply) => {
    const { rows, total } = await peopleService.listPeople(db, request.actor, request.query);
    return sendPage(reply, <PeopleListPage ctx={pageContext(request)} people={rows} total={total} query={request.query} canAdd={can(request.actor, 'person.write')} />);
  });

  app.get('/people/export.csv', { config: { access: 'person.read' }, schema: { querystring: PeopleQuery, hide: true } }, async (request, reply) =>
    sendCsv(reply, 'people.csv', await exportPeopleCsv(db, request.actor, request.query)),
  );

  const personPartners = async (request: FastifyRequest) => {
    const partners = await allPartners(request);
    // A delegate picks only their own partner: the form offers nothing they could not save.
    return isSecretariat(request.actor) ? partners : partners.filter((p) => p.id === request.actor?.partnerId);
  };

  app.get('/people/new', { config: { access: 'person.write' }, schema: { querystring: Type.Object({ partnerId: Type.Optional(Type.String({ format: 'uuid' })) }), hide: true } }, async (request, reply) =>
    sendPage(
      reply,
      <PersonFormPage ctx={pageContext(request)} action="/people" title={request.t('people.new')} values={{ partnerId: request.query.partnerId ?? request.actor?.partnerId }} partners={await personPartners(request)} groups={await allGroups(request)} />,
    ),
  );

  app.post('/people', { config: { access: 'person.write' }, schema: { body: FormBody, hide: true } }, async (request, reply) => {
    const input = recordFormInput(request.body);
    return saveForm(
      reply,
      async () => `/partners/${(await peopleService.createPerson(db, request.actor, input)).partnerId}`,
      async ({ errors }) => <PersonFormPage ctx={pageContext(request)} action="/people" title={request.t('people.new')} values={input} partners={await personPartners(request)} groups={await allGroups(request)} errors={errors} />,
    );
  });

  app.get('/people/:id/edit', { config: { access: 'person.write' }, schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const person = await peopleService.getPerson(db, request.actor, request.params.id);
    return sendPage(reply, <PersonFormPage ctx={pageContext(request)} action={`/people/${person.id}`} title={request.t('people.edit')} values={person} partners={await personPartners(request)} groups={await allGroups(request)} />);
  });

  app.post('/people/:id', { config: { access: 'person.write' }, schema: { params: IdParams, body: FormBody, hide: true } }, async (request, reply) => {
    const input = recordFormInput(request.body);
    return saveForm(
      reply,
      async () => `/partners/${(await peopleService.updatePerson(db, request.actor, request.params.id, input)).partnerId}`,
      async ({ errors, stale }) => {
        return <PersonFormPage ctx={pageContext(request)} action={`/people/${request.params.id}`} title={request.t('people.edit')} values={withCurrentVersion(input, stale)} partners={await personPartners(request)} groups={await allGroups(request)} errors={errors} stale={Boolean(stale)} />;
      },
    );
  });

  // Groups

  const groupForm = (body: unknown) => {
    const input = recordFormInput(body);
    const coLeads = formList(input.coLeads);
    const memberIds = formList(input.memberIds).filter((id) => !coLeads.includes(id));
    const { coLeads: _c, memberIds: _m, ...rest } = input;
    return {
      input: { ...rest, members: [...coLeads.map((partnerId) => ({ partnerId, role: 'co-lead' })), ...memberIds.map((partnerId) => ({ partnerId, role: 'member' }))] },
      values: { ...rest, coLeads, memberIds },
    };
  };

  app.get('/groups', { config: { access: 'group.read' }, schema: { querystring: Type.Object({ lang: Type.Optional(Type.String()) }), hide: true } }, async (request, reply) =>
    sendPage(reply, <GroupListPage ctx={pageContext(request)} groups={await groupsService.listGroups(db, request.actor, app.figures)} canWrite={can(request.actor, 'group.write')} />),
  );

  app.get('/groups/export.csv', { config: { access: 'group.read' }, schema: { hide: true } }, async (request, reply) =>
    sendCsv(reply, 'groups.csv', await exportGroupsCsv(db, request.actor)),
  );

  app.get('/groups/new', { config: { access: 'group.write' }, schema: { hide: true } }, async (request, reply) =>
    sendPage(reply, <GroupFormPage ctx={pageContext(request)} action="/groups" title={request.t('groups.new')} values={{ kind: 'working-group' }} partners={await allPartners(request)} groups={await allGroups(request)} />),
  );

  app.post('/groups', { config: { access: 'group.write' }, schema: { body: FormBody, hide: true } }, async (request, reply) => {
    const { input, values } = groupForm(request.body);
    return saveForm(
      reply,
      async () => `/groups/${(await groupsService.createGroup(db, request.actor, input)).id}`,
      async ({ errors }) => <GroupFormPage ctx={pageContext(request)} action="/groups" title={request.t('groups.new')} values={values} partners={await allPartners(request)} groups={await allGroups(request)} errors={errors} />,
    );
  });

  app.get('/groups/:id', { config: { access: 'group.read' }, schema: { params: IdParams, querystring: Type.Object({ lang: Type.Optional(Type.String()) }), hide: true } }, async (request, reply) => {
    const group = await groupsService.getGroup(db, request.actor, request.params.id);
    return sendPage(reply, <GroupDetailPage ctx={pageContext(request)} group={group} canWrite={can(request.actor, 'group.write')} />);
  });

  app.get('/groups/:id/edit', { config: { access: 'group.write' }, schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const group = await groupsService.getGroup(db, request.actor, request.params.id);
    const values = {
      ...group,
      coLeads: group.members.filter((m) => m.role === 'co-lead').map((m) => m.partnerId),
      memberIds: group.members.filter((m) => m.role === 'member').map((m) => m.partnerId),
    };
    return sendPage(reply, <GroupFormPage ctx={pageContext(request)} action={`/groups/${group.id}`} title={request.t('groups.edit')} values={values} partners={await allPartners(request)} groups={await allGroups(request)} />);
  });

  app.post('/groups/:id', { config: { access: 'group.write' }, schema: { params: IdParams, body: FormBody, hide: true } }, async (request, reply) => {
    const { input, values } = groupForm(request.body);
    return saveForm(
      reply,
      async () => `/groups/${(await groupsService.updateGroup(db, request.actor, request.params.id, input)).id}`,
      async ({ errors, stale }) => {
        return <GroupFormPage ctx={pageContext(request)} action={`/groups/${request.params.id}`} title={request.t('groups.edit')} values={withCurrentVersion(values, stale)} partners={await allPartners(request)} groups={await allGroups(request)} errors={errors} stale={Boolean(stale)} />;
      },
    );
  });
};
