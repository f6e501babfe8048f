import type { AppModule } from '../../platform/module.ts';
import { ProblemResponses } from '../../platform/openapi.ts';
import { pageContext } from '../../platform/views/page-context.ts';
import { sendCsvStream } from '../../platform/csv-stream.ts';
import { sendPage } from '../../platform/views/render.ts';
import { AuditPage as AuditPageView, AuditQuery } from './audit.schema.ts';
import { exportAuditCsv, listAuditEvents } from './audit.service.ts';
import { AuditPage } from './audit.views.tsx';

export const auditModule: AppModule = async (app, { db }) => {
  app.get('/admin/audit', { config: { access: 'audit.read' }, schema: { querystring: AuditQuery, hide: true } }, async (request, reply) => {
    const found = await listAuditEvents(db, request.actor, request.query);
    return sendPage(reply, <AuditPage ctx={pageContext(request)} found={found} query={request.query} />);
  });

  app.get('/admin/audit/export.csv', { config: { access: 'audit.read' }, schema: { querystring: AuditQuery, hide: true } }, async (request, reply) =>
    sendCsvStream(reply, 'audit.csv', exportAuditCsv(db, request.actor, request.query)),
  );

  app.get('/api/v1/audit', { config: { access: 'audit.read' }, schema: { tags: ['audit'], summary: 'Audit events, newest first', querystring: AuditQuery, response: { 200: AuditPageView, ...ProblemResponses } } }, async (request) => {
    const { rows, ...rest } = await listAuditEvents(db, request.actor, request.query);
    return { items: rows.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() })), ...rest };
  });
};
