import { describe, expect, it, vi } from 'vitest';
import { ApiClient, ApiError, describeError, incidentQueryString, instanceQueryString, type FetchFn } from './client';

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
      expect.objectContaining({ credentials: 'same-origin', headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } }),
    );
  });

  it('should send the CSRF token from the XSRF-TOKEN cookie with a change', async () => {
    // given
    const fetchFn = answering(204, '');
    const client = new ApiClient('', fetchFn, () => 'XSRF-TOKEN=t0k3n');

    // when
    await client.retryIncident('i-1');

    // then
    expect(fetchFn).toHaveBeenCalledWith(
      'api/incidents/i-1/retry',
      expect.objectContaining({
        method: 'POST',
        headers: expect.objectContaining({ 'X-XSRF-TOKEN': 't0k3n', 'X-Requested-With': 'XMLHttpRequest' }),
      }),
    );
  });

  it('should report a 401 so the console can go to the login page', async () => {
    // given
    const client = new ApiClient('', answering(401, { status: 401, detail: 'Sign in' }, 'application/problem+json'));
    const onUnauthorized = vi.fn();
    client.onUnauthorized = onUnauthorized;

    // when
    const error = await failureOf(client.getDashboard());

    // then
    expect((error as ApiError).unauthorized).toBe(true);
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('should sign out with a POST to logout', async () => {
    // given
    const fetchFn = answering(204, '');
    const client = new ApiClient('', fetchFn, () => 'XSRF-TOKEN=abc');

    // when
    await client.signOut();

    // then
    expect(fetchFn).toHaveBeenCalledWith(
      'logout',
      expect.objectContaining({ method: 'POST', headers: expect.objectContaining({ 'X-XSRF-TOKEN': 'abc' }) }),
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

describe('query strings', () => {
  it('should leave out every empty filter', () => {
    // given
    const query = { definitionKey: '', state: undefined, page: 0, size: 50, sort: 'startTime,desc' as const };

    // when
    const text = instanceQueryString(query);

    // then
    expect(text).toBe('?page=0&size=50&sort=startTime%2Cdesc');
  });

  it('should encode every instance filter in the API order', () => {
    // given
    const query = {
      definitionKey: 'order-fulfillment',
      definitionVersion: 3,
      state: 'INCIDENT' as const,
      businessKeyPrefix: 'order 1&2',
      startedAfter: '2026-11-26T10:00:00.000Z',
      startedBefore: '2026-11-26T11:00:00.000Z',
      variableName: 'amount',
      variableValue: '120',
      page: 2,
      size: 25,
      sort: 'startTime,asc' as const,
    };

    // when
    const parameters = new URLSearchParams(instanceQueryString(query));

    // then
    expect([...parameters.keys()]).toEqual([
      'definitionKey',
      'definitionVersion',
      'state',
      'businessKeyPrefix',
      'startedAfter',
      'startedBefore',
      'variableName',
      'variableValue',
      'page',
      'size',
      'sort',
    ]);
    expect(parameters.get('businessKeyPrefix')).toBe('order 1&2');
    expect(parameters.get('startedAfter')).toBe('2026-11-26T10:00:00.000Z');
    expect(instanceQueryString(query)).toContain('businessKeyPrefix=order+1%262');
  });

  it('should send a variable value only with a variable name', () => {
    // when
    const text = instanceQueryString({ variableValue: '120' });

    // then
    expect(text).toBe('');
  });

  it('should leave out an empty variable value like every empty filter', () => {
    // when
    const text = instanceQueryString({ variableName: 'note', variableValue: '' });

    // then
    expect(text).toBe('?variableName=note');
  });

  it('should build the incident query', () => {
    // when
    const text = incidentQueryString({ definitionKey: 'order', activityId: 'shipOrder', message: 'HTTP 503', page: 0, size: 100 });

    // then
    expect(text).toBe('?definitionKey=order&activityId=shipOrder&message=HTTP+503&page=0&size=100');
  });
});

describe('ApiClient calls', () => {
  function recording(status = 200, body: unknown = {}, contentType = 'application/json') {
    const calls: { url: string; init: RequestInit }[] = [];
    const fetchFn: FetchFn = async (url, init) => {
      calls.push({ url, init });
      return new Response(status === 204 ? null : typeof body === 'string' ? body : JSON.stringify(body), {
        status,
        headers: { 'Content-Type': contentType },
      });
    };
    return { calls, client: new ApiClient('', fetchFn) };
  }

  it('should encode a definition id with colons as one path segment', async () => {
    // given
    const { calls, client } = recording(200, '<definitions/>', 'application/xml');

    // when
    const xml = await client.getDefinitionXml('order:3:a/b');

    // then
    expect(xml).toBe('<definitions/>');
    expect(calls[0]!.url).toBe('api/definitions/order%3A3%3Aa%2Fb/xml');
    expect(calls[0]!.init.headers).toEqual({ Accept: 'application/xml', 'X-Requested-With': 'XMLHttpRequest' });
  });

  it('should put a variable with its value as raw JSON, keeping a Long exact', async () => {
    // given
    const { calls, client } = recording(204);

    // when
    await client.setVariable('i-1', 'order total', 'Long', '9007199254740993');

    // then
    expect(calls[0]!.url).toBe('api/instances/i-1/variables/order%20total');
    expect(calls[0]!.init.method).toBe('PUT');
    expect(calls[0]!.init.body).toBe('{"type":"Long","value":9007199254740993}');
    expect(calls[0]!.init.headers).toEqual({ Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', 'Content-Type': 'application/json' });
  });

  it('should describe a refused variable with the problem detail', async () => {
    // given
    const { client } = recording(400, { title: 'Bad request', status: 400, detail: "'abc' is not an Integer" }, 'application/problem+json');

    // when
    const error = await failureOf(client.setVariable('i-1', 'amount', 'Integer', '"abc"'));

    // then
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem?.detail).toBe("'abc' is not an Integer");
  });

  it('should cancel with the reason and start a retry batch', async () => {
    // given
    const { calls, client } = recording(202, { batchId: 'batch-1', total: 2 });

    // when
    await client.cancelInstance('i-1', 'duplicate order');
    const batch = await client.startRetryBatch({ incidentIds: ['a', 'b'] });

    // then
    expect(calls[0]!.url).toBe('api/instances/i-1/cancel');
    expect(calls[0]!.init.body).toBe('{"reason":"duplicate order"}');
    expect(calls[1]!.url).toBe('api/incidents/retry');
    expect(calls[1]!.init.body).toBe('{"incidentIds":["a","b"]}');
    expect(batch).toEqual({ batchId: 'batch-1', total: 2 });
  });

  it('should start an operation on all matching instances with the filter, without its empty fields', async () => {
    // given
    const { calls, client } = recording(202, { batchId: 'batch-2', total: 500 });

    // when
    const batch = await client.startInstanceBatch('cancel', { filter: { definitionKey: 'order', state: 'RUNNING', businessKey: undefined, businessKeyPrefix: '' } }, 'wrong prices');

    // then
    expect(calls[0]!.url).toBe('api/instances/batch/cancel');
    expect(calls[0]!.init.method).toBe('POST');
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual({ filter: { definitionKey: 'order', state: 'RUNNING' }, reason: 'wrong prices' });
    expect(batch).toEqual({ batchId: 'batch-2', total: 500 });
  });

  it('should read, list and cancel batches', async () => {
    // given
    const { calls, client } = recording(200, { id: 'b 1', state: 'CANCELED' });

    // when
    await client.getBatch('b 1');
    await client.getBatches(2, 20);
    const canceled = await client.cancelBatch('b 1');

    // then
    expect(calls.map((call) => call.url)).toEqual(['api/batches/b%201', 'api/batches?page=2&size=20', 'api/batches/b%201/cancel']);
    expect(calls[2]!.init.method).toBe('POST');
    expect(canceled.state).toBe('CANCELED');
  });

  it('should suspend a definition and delete a deployment with the flags in the body and the query', async () => {
    // given
    const { calls, client } = recording(204, '');

    // when
    await client.setDefinitionSuspension('order:2:abc', true, false);
    await client.deleteDeployment('dep 1', true);
    await client.deleteDeployment('dep-2', false);

    // then
    expect(calls.map((call) => `${call.init.method} ${call.url} ${call.init.body ?? ''}`)).toEqual([
      'PUT api/definitions/order%3A2%3Aabc/suspension {"suspended":true,"includeInstances":false}',
      'DELETE api/deployments/dep%201?cascade=true ',
      'DELETE api/deployments/dep-2?cascade=false ',
    ]);
    expect(calls[0]!.init.headers).toEqual(expect.objectContaining({ 'Content-Type': 'application/json' }));
  });

  it('should read a stack trace as text', async () => {
    // given
    const { calls, client } = recording(200, 'java.lang.IllegalStateException: down', 'text/plain');

    // when
    const trace = await client.getStacktrace('inc-1');

    // then
    expect(trace).toBe('java.lang.IllegalStateException: down');
    expect(calls[0]!.url).toBe('api/incidents/inc-1/stacktrace');
  });
});

describe('ApiClient for the modeler', () => {
  it('should load adapters and the versions of a key', async () => {
    // given
    const fetchFn = answering(200, [{ name: 'payment-charge', kind: 'http', method: 'POST', url: '/demo/payment/charge', inputs: ['amount'], outputs: ['paymentId'] }]);
    const client = new ApiClient('', fetchFn);

    // when
    const adapters = await client.getAdapters();
    await client.getDefinitionVersions('order fulfillment');

    // then
    expect(adapters[0]!.name).toBe('payment-charge');
    expect(fetchFn).toHaveBeenNthCalledWith(1, 'api/adapters', expect.objectContaining({ method: 'GET' }));
    expect(fetchFn).toHaveBeenNthCalledWith(2, 'api/definitions/order%20fulfillment/versions', expect.objectContaining({ method: 'GET' }));
  });

  it('should send the XML to the server lint as application/xml', async () => {
    // given
    const fetchFn = answering(200, { problems: [{ rule: 'baton/history-time-to-live', elementId: 'p', message: 'm', severity: 'error', line: 3, column: 1 }] });
    const client = new ApiClient('', fetchFn);

    // when
    const result = await client.lintXml('<bpmn:definitions />');

    // then
    expect(result.problems[0]!.elementId).toBe('p');
    expect(fetchFn).toHaveBeenCalledWith(
      'api/definitions/lint',
      expect.objectContaining({ method: 'POST', body: '<bpmn:definitions />', headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', 'Content-Type': 'application/xml' } }),
    );
  });

  it('should deploy the diagram as a multipart file with its version tag and note', async () => {
    // given
    const fetchFn = answering(201, { deploymentId: 'd3', changed: true, definitions: [{ id: 'order:3:x', key: 'order', version: 3 }] });
    const client = new ApiClient('', fetchFn);

    // when
    const result = await client.deploy({ xml: '<x />', fileName: 'order.bpmn', versionTag: '2026.11', note: 'retry 3 times' });

    // then
    expect(result.definitions[0]!.version).toBe(3);
    const init = vi.mocked(fetchFn).mock.calls[0]![1];
    expect(init.headers).toEqual({ Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' });
    const form = init.body as FormData;
    const file = form.get('file') as File;
    expect(file.name).toBe('order.bpmn');
    expect(await file.text()).toBe('<x />');
    expect(form.get('versionTag')).toBe('2026.11');
    expect(form.get('note')).toBe('retry 3 times');
  });

  it('should keep the problems of a rejected deployment', async () => {
    // given
    const problems = [{ rule: 'baton/external-task-topic', elementId: 'ship', message: 'External task has no topic', severity: 'error', line: 9, column: 4 }];
    const client = new ApiClient('', answering(400, { title: 'Bad Request', status: 400, detail: 'The diagram has 1 problem', problems }, 'application/problem+json', 'Bad Request'));

    // when
    const error = await failureOf(client.deploy({ xml: '<x />', fileName: 'order.bpmn' }));

    // then
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem?.problems).toEqual(problems);
    expect(describeError('Could not deploy', error)).toBe('Could not deploy: HTTP 400 Bad Request — The diagram has 1 problem');
  });
});
