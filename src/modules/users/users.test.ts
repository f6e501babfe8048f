import { describe, expect, it } from 'vitest';
import { postForm, loginAs, partnerId, userRow } from '../../../test/helpers/app.ts';
import { httpSuite } from '../../../test/helpers/http-suite.ts';

const suite = httpSuite(async (ctx) => {
  const admin = await loginAs(ctx, 'secretariat-admin');
  return { admin };
});

const post = (url: string, fields: Record<string, string | string[]>) => postForm(suite.ctx, suite.admin, url, fields);

describe('account administration', () => {
  it('creates an account from the form, shows its one-time password once, and requires a second factor', async () => {
    const france = await partnerId(suite.ctx.db, 'FRA');
    const response = await post('/admin/users', { email: 'new.delegate@example.fr', displayName: 'Nouvelle Déléguée', role: 'delegate', partnerId: france });
    expect(response.statusCode).toBe(201);
    expect(response.body).toContain('Account new.delegate@example.fr created.');
    const password = response.body.match(/<code dir="ltr">([A-Za-z0-9]{20})<\/code>/)?.[1];
    // The password shown works — and leads straight to setting up the second factor.
    const signInPage = await suite.ctx.app.inject({ method: 'GET', url: '/sign-in' });
    const formToken = /name="formToken" value="([^"]+)"/.exec(signInPage.body)?.[1] ?? '';
    const signIn = await suite.ctx.app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
      payload: new URLSearchParams({ email: 'new.delegate@example.fr', password: password as string, formToken }).toString(),
    });
    expect([signIn.statusCode, signIn.headers.location]).toEqual([303, '/account/second-factor']);
    // Shown once: the list of accounts does not show it again.
    expect((await suite.ctx.app.inject({ method: 'GET', url: '/admin/users', headers: { cookie: suite.admin.headers.cookie } })).body).not.toContain(password as string);
    const list = await suite.ctx.app.inject({ method: 'GET', url: '/api/v1/users', headers: suite.admin.headers });
    const created = list.json().find((u: { email: string }) => u.email === 'new.delegate@example.fr');
    expect(created).toMatchObject({ role: 'delegate', partnerId: france, totpEnabled: false, disabled: false });
    expect((await userRow(suite.ctx.db, created.id))?.totpRequired).toBe(true);
    expect((await userRow(suite.ctx.db, created.id))?.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('explains what is wrong and keeps the typed values', async () => {
    const response = await post('/admin/users', { email: 'no.partner@example.org', displayName: 'No Partner', role: 'co-chair' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('a co-chair speaks for a partner: choose one');
    expect(response.body).toContain('value="no.partner@example.org"');
  });

  it('refuses a second account with the same e-mail address, whatever its case', async () => {
    await post('/admin/users', { email: 'twice@example.org', displayName: 'Once', role: 'analyst' });
    const again = await post('/admin/users', { email: 'TWICE@example.org', displayName: 'Twice', role: 'analyst' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('is already in use');
  });

  it('disables and re-enables an account from the list', async () => {
    const target = await loginAs(suite.ctx, 'analyst');
    const disabled = await post(`/admin/users/${target.user.id}/disable`, {});
    expect(disabled.statusCode).toBe(303);
    expect((await suite.ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: target.headers })).statusCode).toBe(401);
    const page = await suite.ctx.app.inject({ method: 'GET', url: '/admin/users', headers: suite.admin.headers });
    expect(page.body).toContain(`/admin/users/${target.user.id}/enable`);
    await post(`/admin/users/${target.user.id}/enable`, {});
    expect((await userRow(suite.ctx.db, target.user.id))?.disabledAt).toBeNull();
  });
});
