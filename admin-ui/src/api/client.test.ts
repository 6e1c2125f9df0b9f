import { describe, expect, it, vi } from 'vitest';
import { ApiClient, ApiError, describeError, type FetchFn } from './client';

function answering(status: number, body: unknown, contentType = 'application/json', statusText = ''): FetchFn {
  return vi.fn<FetchFn>(async () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      statusText,
      headers: { 'Content-Type': contentType },
    }),
  );
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected the call to fail'),
    (error: unknown) => error,
  );
}

describe('ApiClient', () => {
  it('should send same-origin credentials and ask for JSON', async () => {
    // given
    const fetchFn = answering(200, { name: 'Baton', version: '0.1.0-SNAPSHOT', engineVersion: '7.24.0', database: 'H2', user: 'demo' });
    const client = new ApiClient('', fetchFn);

    // when
    const system = await client.getSystem();

    // then
    expect(system.engineVersion).toBe('7.24.0');
    expect(fetchFn).toHaveBeenCalledWith(
      'api/system',
      expect.objectContaining({ credentials: 'same-origin', headers: { Accept: 'application/json' } }),
    );
  });

  it('should describe a problem+json answer with its detail', async () => {
    // given
    const client = new ApiClient(
      '',
      answering(500, { title: 'Internal Server Error', status: 500, detail: 'Database unavailable' }, 'application/problem+json', 'Internal Server Error'),
    );

    // when
    const error = await failureOf(client.getDefinitions());

    // then
    expect(error).toBeInstanceOf(ApiError);
    expect(describeError('Could not load definitions', error)).toBe(
      'Could not load definitions: HTTP 500 Internal Server Error — Database unavailable',
    );
  });

  it('should fall back to the problem title when there is no detail', async () => {
    // given
    const client = new ApiClient('', answering(403, { title: 'Forbidden', status: 403 }, 'application/problem+json'));

    // when
    const error = await failureOf(client.getDefinitions());

    // then
    expect(describeError('Could not load definitions', error)).toBe('Could not load definitions: HTTP 403 — Forbidden');
  });

  it('should say "Not signed in" for a 401', async () => {
    // given
    const client = new ApiClient('', answering(401, '', 'text/plain', 'Unauthorized'));

    // when
    const error = await failureOf(client.getSystem());

    // then
    expect(describeError('Could not load system information', error)).toBe('Not signed in');
  });

  it('should reject an answer that is not JSON', async () => {
    // given
    const client = new ApiClient('', answering(200, '<html>login</html>', 'text/html'));

    // when
    const error = await failureOf(client.getDefinitions());

    // then
    expect(describeError('Could not load definitions', error)).toBe(
      'Could not load definitions: the server did not answer with JSON (text/html)',
    );
  });

  it('should say the server is not reachable when fetch fails', async () => {
    // given
    const client = new ApiClient('', vi.fn<FetchFn>(async () => Promise.reject(new TypeError('Failed to fetch'))));

    // when
    const error = await failureOf(client.getDefinitions());

    // then
    expect(describeError('Could not load definitions', error)).toBe(
      'Could not load definitions: the server is not reachable (Failed to fetch)',
    );
  });
});
