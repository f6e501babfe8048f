import type { AppModule } from '../../platform/module.ts';
import { ProblemResponses } from '../../platform/openapi.ts';
import { ExtractRequest, ExtractResponse } from './ingest.schema.ts';
import { extractFromRequest } from './ingest.service.ts';

export const ingestRoutes: AppModule = async (app) => {
  app.post(
    '/api/v1/ingest/extract',
    {
      config: { access: 'ingest.run' },
      schema: { tags: ['ingest'], summary: 'Read a readout (text, HTML or PDF) into proposed facts, each with its verbatim span; nothing is recorded', body: ExtractRequest, response: { 200: ExtractResponse, ...ProblemResponses } },
    },
    async (request) => extractFromRequest(request.actor, request.body),
  );
};
