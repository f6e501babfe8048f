import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';

/** Cookies, forms and uploads, each held to the body limit. */
export async function installRequestBodies(app: FastifyInstance, bodyLimitBytes: number): Promise<void> {
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: bodyLimitBytes });
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: bodyLimitBytes, files: 8, fields: 20 },
    // Files reach the handlers as buffers, as before; their own names are kept beside them (a batch shows its file's name).
    async onFile(part) {
      (part as unknown as { value: Buffer }).value = await part.toBuffer();
      this.uploadedFileNames = { ...this.uploadedFileNames, [part.fieldname]: part.filename };
    },
  });
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The names the uploaded files had on the sender's machine, by form field (set by the multipart reader). */
    uploadedFileNames?: Record<string, string>;
  }
}
