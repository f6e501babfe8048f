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

describe('an audit event’s detail in words', () => {
  const viewed = event({ view: 'sites', restrictedRecords: 2, ids: ['11111111-2222-4333-8444-555555555555', '66666666-2222-4333-8444-555555555555'] });
  const text = (html: string) => html.replace(/<[^>]+>/g, ' ');

  it('names each field and known value from the catalogues, in all three languages, never the raw key', () => {
    const arabic = render(AuditDetail({ ctx: ctx('ar'), event: viewed }));
    for (const raw of ['restrictedRecords', '>ids<', '>view<', '>sites<']) expect(arabic).not.toContain(raw);
    expect(text(arabic)).toContain('السجلات المقيدة المطلع عليها');
    expect(text(arabic)).toContain('المواقع');
    // Record ids are shortened, the whole id a hover away.
    expect(arabic).toContain('<bdi title="11111111-2222-4333-8444-555555555555">11111111</bdi>');
    expect(text(render(AuditDetail({ ctx: ctx('fr'), event: viewed })))).toContain('enregistrements restreints consultés');
    expect(text(render(AuditDetail({ ctx: ctx('en'), event: event({ secondFactor: 'owed', failuresSincePreviousSignIn: 0 }) })))).toContain('second factor');
    expect(text(render(AuditDetail({ ctx: ctx('fr'), event: event({ secondFactor: 'owed' }) })))).toContain('encore à fournir');
    // Before/after tables name their fields too.
    const changed = render(AuditDetail({ ctx: ctx('ar'), event: event({ changes: { nameFr: { from: null, to: 'Camp' } } }) }));
    expect(text(changed)).toContain('الاسم بالفرنسية');
    expect(changed).not.toContain('nameFr');
  });

  it('leaves out empty fields, keeps a web address whole and cuts a very long value', () => {
    const text = (html: string) => html.replace(/<[^>]+>/g, ' ');
    const html = render(AuditDetail({ ctx: ctx('en'), event: event({ note: null, source: 'https://example.org/news/2021/repatriation', reason: 'x'.repeat(400) }) }));
    expect(html).not.toContain('note');
    expect(html).toContain('https://example.org/news/2021/repatriation');
    expect(html).toContain(`${'x'.repeat(140)}…`);
    // Cut on the page; the whole text stays in the hover title.
    expect(text(html)).not.toContain('x'.repeat(141));
    expect(html).toContain(`title="${'x'.repeat(400)}"`);
  });

  it('has words in English, French and Arabic for every detail field the modules write', async () => {
    const { CATALOGUES } = await import('../../platform/i18n/i18n.ts');
    const fs = await import('node:fs');
    const path = await import('node:path');
    const written = new Set<string>();
    const topLevelKeys = (body: string) => {
      let depth = 0;
      let part = '';
      const parts: string[] = [];
      for (const char of body) {
        if ('{(['.includes(char)) depth++;
        if ('})]'.includes(char)) depth--;
        if (char === ',' && depth === 0) {
          parts.push(part);
          part = '';
        } else part += char;
      }
      parts.push(part);
      return parts.map((entry) => /^\s*['"]?([A-Za-z_]\w*)/.exec(entry)?.[1]).filter((key): key is string => Boolean(key));
    };
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.tsx?$/.test(entry.name) && !entry.name.includes('.test.')) {
          const source = fs.readFileSync(file, 'utf8');
          for (const match of source.matchAll(/\bdetail: \{/g)) {
            let depth = 1;
            let end = (match.index ?? 0) + match[0].length;
            while (depth > 0 && end < source.length) {
              const char = source[end++] as string;
              if ('{(['.includes(char)) depth++;
              if ('})]'.includes(char)) depth--;
            }
            for (const key of topLevelKeys(source.slice((match.index ?? 0) + match[0].length, end - 1))) if (key !== 'changes') written.add(key);
          }
        }
      }
    };
    walk(path.resolve(import.meta.dirname, '../../modules'));
    expect(written.size).toBeGreaterThan(50);
    const unworded = [...written].filter((key) => !(['en', 'fr', 'ar'] as const).every((locale) => CATALOGUES[locale][`auditField.${key}`]));
    expect(unworded, unworded.join(', ')).toEqual([]);
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
