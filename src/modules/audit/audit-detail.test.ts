import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { translator } from '../../platform/i18n/i18n.ts';
import type { PageContext } from '../../platform/views/page-context.ts';
import type { AuditEventRow } from './audit.service.ts';
import { AuditDetail, AuditSentence } from './audit-detail.tsx';

const ctx = (locale: 'en' | 'fr' | 'ar', actor: PageContext['actor'] = null) => ({ t: translator(locale), locale, actor, csrfToken: '', url: '/admin/audit', attention: 0, rtl: locale === 'ar' }) as PageContext;
const event = (detail: unknown) => ({ detail }) as AuditEventRow;

describe('an audit event’s detail', () => {
  it('folds a long list of ids into a count the reader opens, so the row stays short', () => {
    const ids = Array.from({ length: 12 }, (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`);
    const html = render(AuditDetail({ ctx: ctx('en'), event: event({ factIds: ids, documentTitle: 'Readout' }) }));
    expect(html).toContain('<details><summary>12 entries</summary>');
    expect(html.match(/<li dir="auto">/g)).toHaveLength(12);
    expect(render(AuditDetail({ ctx: ctx('ar'), event: event({ factIds: ids }) }))).toContain('<summary>12 عنصرًا</summary>');
    // A short list stays in line.
    expect(render(AuditDetail({ ctx: ctx('en'), event: event({ factIds: ids.slice(0, 2) }) }))).not.toContain('<details>');
  });
});

describe('an audit event as a sentence', () => {
  const admin = { userId: null, label: 'Admin', role: 'secretariat-admin', partnerId: null, groupIds: [], ip: null } as PageContext['actor'];
  const delegate = { userId: null, label: 'Delegate', role: 'delegate', partnerId: null, groupIds: [], ip: null } as PageContext['actor'];
  const cleared = { action: 'readout.cleared', actorLabel: 'Officer A', entityType: 'readout', entityId: '11111111-2222-4333-8444-555555555555', detail: { title: 'Readout of the Rome ministerial' } } as unknown as AuditEventRow;
  const text = (html: string) => html.replace(/<[^>]+>/g, '');

  it('names who did what to which record, in each language, linking the record only for a reader who may open it', () => {
    const english = render(AuditSentence({ ctx: ctx('en', admin), event: cleared }));
    expect(text(english)).toBe('Officer A cleared the readout Readout of the Rome ministerial');
    expect(english).toContain('<a href="/desk/readouts/11111111-2222-4333-8444-555555555555"><bdi>Readout of the Rome ministerial</bdi></a>');
    expect(render(AuditSentence({ ctx: ctx('en', delegate), event: cleared }))).not.toContain('<a ');
    expect(text(render(AuditSentence({ ctx: ctx('fr', admin), event: cleared })))).toBe('Officer A a validé le compte rendu Readout of the Rome ministerial');
    expect(text(render(AuditSentence({ ctx: ctx('ar', admin), event: cleared })))).toBe('اعتمد Officer A المحضر Readout of the Rome ministerial');
  });

  it('gives every event type the platform writes its own wording in English, French and Arabic', async () => {
    const { CATALOGUES } = await import('../../platform/i18n/i18n.ts');
    const fs = await import('node:fs');
    const path = await import('node:path');
    const written = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.tsx?$/.test(entry.name) && !entry.name.includes('.test.')) for (const match of fs.readFileSync(file, 'utf8').matchAll(/action: '([a-z-]+\.[a-z-]+)'/g)) written.add(match[1] ?? '');
      }
    };
    walk(path.resolve(import.meta.dirname, '../../modules'));
    // Written from a variable: the readout workflow's steps, the contribution review's outcomes, the account switches.
    for (const action of ['readout.submitted', 'readout.withdrawn', 'readout.cleared', 'readout.returned', 'readout.edited', 'readout.corrected', 'funding.contribution-verified', 'funding.contribution-rejected', 'user.disabled', 'user.enabled', 'user.approved', 'ingest.fact-accepted', 'ingest.fact-rejected']) written.add(action);
    const unworded = [...written].filter((action) => !(`auditEvent.${action}` in CATALOGUES.en));
    expect(unworded.length, unworded.join(', ')).toBeLessThanOrEqual(UNWORDED_YET);
    for (const locale of ['fr', 'ar'] as const) for (const key of Object.keys(CATALOGUES.en).filter((k) => k.startsWith('auditEvent.'))) expect(CATALOGUES[locale][key], `${locale} ${key}`).toBeTruthy();
  });
});

/** Every event type the modules write has its wording; a new one must get its own before it ships. */
const UNWORDED_YET = 0;
