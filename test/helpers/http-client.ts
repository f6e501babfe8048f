/**
 * A signed-in client of a running server, over real HTTP: what a browser does, by hand. The session
 * cookie travels in a header (the `__Host-` cookie is HTTPS-only in a browser; the server reads it
 * from the header either way).
 */
export interface RemoteSession {
  cookie: string;
  csrfToken: string;
}

/** Signs in through the sign-in form; resolves with the session, or rejects with the page's status. */
export async function signInOver(base: string, email: string, password: string): Promise<RemoteSession> {
  const response = await postSignIn(base, email, password);
  if (response.status !== 303) throw new Error(`sign-in answered ${response.status}`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] as string)
    .find((pair) => pair.startsWith('__Host-cd_session='));
  if (!cookie) throw new Error('sign-in set no session cookie');
  return { cookie, csrfToken: await csrfTokenOver(base, cookie) };
}

/** Posts the sign-in form as a browser would, with the form token of a fresh sign-in page (and the browser's cookies, if given). */
export async function postSignIn(base: string, email: string, password: string, cookie?: string): Promise<Response> {
  const form = await (await fetch(`${base}/sign-in`)).text();
  const formToken = /name="formToken" value="([^"]+)"/.exec(form)?.[1] ?? '';
  return fetch(`${base}/sign-in`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, ...(cookie ? { cookie } : {}) }, body: new URLSearchParams({ email, password, formToken }) });
}

/** The CSRF token the account page's forms carry for this session. */
export async function csrfTokenOver(base: string, cookie: string): Promise<string> {
  const page = await (await fetch(`${base}/account`, { headers: { cookie } })).text();
  const token = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
  if (!token) throw new Error('the account page carries no CSRF token: the session is not valid here');
  return token;
}

/** A JSON (or other) API call with the session's cookie and CSRF header. */
export function apiOver(base: string, session: RemoteSession, method: string, url: string, body?: unknown, contentType = 'application/json'): Promise<Response> {
  const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  return fetch(`${base}${url}`, {
    method,
    redirect: 'manual',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, ...(payload !== undefined ? { 'content-type': contentType } : {}) },
    body: payload,
  });
}
