/**
 * What every request from the console's pages carries besides the session cookie: the CSRF token
 * (Spring Security's readable `XSRF-TOKEN` cookie, echoed in `X-XSRF-TOKEN`) and
 * `X-Requested-With`, which tells the server to answer 401 without a Basic challenge, so the
 * browser shows no password popup. Shared by the console and the login page.
 */
export function sessionHeaders(cookies: string = document.cookie): Record<string, string> {
  const headers: Record<string, string> = { 'X-Requested-With': 'XMLHttpRequest' };
  const token = readCookie(cookies, 'XSRF-TOKEN');
  if (token) {
    headers['X-XSRF-TOKEN'] = token;
  }
  return headers;
}

function readCookie(cookies: string, name: string): string | undefined {
  for (const part of cookies.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) {
      return decodeURIComponent(value.join('='));
    }
  }
  return undefined;
}
