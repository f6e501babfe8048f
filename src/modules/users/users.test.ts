import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postForm, type SignedInClient, type TestContext, buildTestApp, loginAs, partnerId, userRow } from '../../../test/helpers/app.ts';

let ctx: TestContext;
let admin: SignedInClient;
beforeAll(async () => {
  ctx = await buildTestApp();
  admin = await loginAs(ctx, 'secretariat-admin');
});
afterAll(() => ctx.close());

const post = (url: string, fields: Record<string, string | string[]>) => postForm(ctx, admin, url, fields);

describe('account administration', () => {
  it('creates an account from the form, shows its one-time password once, and requires a second factor', async () => {
    const france = await partnerId(ctx.db, 'FRA');
    const response = await post('/admin/users', { email: 'new.delegate@example.fr', displayName: 'Nouvelle Déléguée', role: 'delegate', partnerId: france });
    expect(response.statusCode).toBe(201);
    expect(response.body).toContain('Account new.delegate@example.fr created.');
    const password = response.body.match(/<code dir="ltr">([A-Za-z0-9]{20})<\/code>/)?.[1];
    // The password shown works — and leads straight to setting up the second factor.
    const signInPage = await ctx.app.inject({ method: 'GET', url: '/sign-in' });
    const formToken = /name="formToken" value="([^"]+)"/.exec(signInPage.body)?.[1] ?? '';
    const signIn = await ctx.app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
      payload: new URLSearchParams({ email: 'new.delegate@example.fr', password: password as string, formToken }).toString(),
    });
    expect([signIn.statusCode, signIn.headers.location]).toEqual([303, '/account/second-factor']);
    // Shown once: the list of accounts does not show it again.
    expect((await ctx.app.inject({ method: 'GET', url: '/admin/users', headers: { cookie: admin.headers.cookie } })).body).not.toContain(password as string);
    const list = await ctx.app.inject({ method: 'GET', url: '/api/v1/users', headers: admin.headers });
    const created = list.json().find((u: { email: string }) => u.email === 'new.delegate@example.fr');
    expect(created).toMatchObject({ role: 'delegate', partnerId: france, totpEnabled: false, disabled: false });
    expect((await userRow(ctx.db, created.id))?.totpRequired).toBe(true);
    expect((await userRow(ctx.db, created.id))?.passwordHash).toMatch(/^\$argon2id\$/);
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
    const target = await loginAs(ctx, 'analyst');
    const disabled = await post(`/admin/users/${target.user.id}/disable`, {});
    expect(disabled.statusCode).toBe(303);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: target.headers })).statusCode).toBe(401);
    const page = await ctx.app.inject({ method: 'GET', url: '/admin/users', headers: admin.headers });
    expect(page.body).toContain(`/admin/users/${target.user.id}/enable`);
    await post(`/admin/users/${target.user.id}/enable`, {});
    expect((await userRow(ctx.db, target.user.id))?.disabledAt).toBeNull();
  });
});
