import { describe, expect, it } from 'vitest';
import { signInFailure } from './sign-in';

describe('signInFailure', () => {
  it("should show the server's reason, e.g. the wait after too many failures", async () => {
    // given
    const response = new Response(JSON.stringify({ status: 429, detail: 'Too many failed sign-ins; try again in 30 s.' }), {
      status: 429,
      headers: { 'Content-Type': 'application/problem+json' },
    });

    // when
    const message = await signInFailure(response);

    // then
    expect(message).toBe('Too many failed sign-ins; try again in 30 s.');
  });

  it('should say what a bare status means', async () => {
    // given
    const response = new Response('', { status: 401 });

    // when / then
    expect(await signInFailure(response)).toBe('Wrong user name or password.');
    expect(await signInFailure(new Response('oops', { status: 502 }))).toBe('Sign-in failed (HTTP 502).');
  });
});
