import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { translator } from '../../platform/i18n/i18n.ts';
import type { PageContext } from '../../platform/views/page-context.ts';
import type { AuditEventRow } from './audit.service.ts';
import { AuditDetail } from './audit-detail.tsx';

const ctx = (locale: 'en' | 'ar') => ({ t: translator(locale), locale, actor: null, csrfToken: '', url: '/admin/audit', attention: 0, rtl: locale === 'ar' }) as PageContext;
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
