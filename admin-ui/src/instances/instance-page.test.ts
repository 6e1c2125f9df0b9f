import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type InstanceDetail } from '../api/client';
import { parseRoute } from '../router';
import { FakeDiagram, activity } from '../test/fake-diagram';
import { fakeApi, settle } from '../test/fake-api';
import { mountInstancePage } from './instance-page';

const diagram = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock('../diagram/diagram', async (original) => ({
  ...(await original<typeof import('../diagram/diagram')>()),
  openDiagram: vi.fn(async () => ({ view: diagram.current, warnings: [] })),
}));

const XML = `<?xml version="1.0"?><definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="order">
  <startEvent id="start" name="Order received"/><serviceTask id="charge" name="Charge payment"/><serviceTask id="ship" name="Ship order"/></process></definitions>`;

function stuckAtShipping(): InstanceDetail {
  return {
    instance: {
      id: 'i-1',
      businessKey: 'order-7',
      definitionId: 'order:3:abc',
      definitionKey: 'order',
      definitionVersion: 3,
      state: 'INCIDENT',
      startTime: '2026-11-26T10:00:00Z',
      endTime: null,
      endActivityId: null,
      activeActivityIds: ['ship'],
    },
    xml: XML,
    activities: [
      { id: 'a1', activityId: 'start', activityName: 'Order received', activityType: 'startEvent', startTime: '2026-11-26T10:00:00Z', endTime: '2026-11-26T10:00:00Z', durationMillis: 0, state: 'COMPLETED' },
      { id: 'a2', activityId: 'charge', activityName: 'Charge payment', activityType: 'serviceTask', startTime: '2026-11-26T10:00:01Z', endTime: '2026-11-26T10:00:02Z', durationMillis: 1200, state: 'COMPLETED' },
    ],
    incidents: [{ id: 'inc-1', type: 'failedJob', activityId: 'ship', message: 'HTTP 503 from shipping', time: '2026-11-26T10:00:20Z' }],
    variables: [
      { name: 'amount', type: 'Integer', value: 120, editable: true },
      { name: 'items', type: 'Json', value: [{ sku: 'A-1' }], editable: true },
      { name: 'receipt', type: 'Object', value: 'rO0AB…', editable: false },
    ],
    operations: [{ timestamp: '2026-11-26T10:05:00Z', userId: 'demo', operationType: 'SetVariable', entityType: 'Variable', property: 'amount', orgValue: '100', newValue: '120' }],
  };
}

function completed(): InstanceDetail {
  const detail = stuckAtShipping();
  return {
    ...detail,
    instance: { ...detail.instance, state: 'COMPLETED', endTime: '2026-11-26T10:01:00Z', endActivityId: 'ship', activeActivityIds: [] },
    incidents: [],
  };
}

describe('instance page', () => {
  let container: HTMLElement;
  let unmount: (() => void) | undefined;
  let view: FakeDiagram;
  const byId = <T extends HTMLElement = HTMLElement>(id: string) => container.querySelector<T>(`#${id}`)!;
  const variableRow = (name: string) => container.querySelector<HTMLElement>(`.js-variable-row[data-name="${name}"]`)!;

  beforeEach(() => {
    vi.useFakeTimers();
    container = document.createElement('div');
    document.body.append(container);
    view = new FakeDiagram([activity('start', 'Order received', 0, 'bpmn:StartEvent'), activity('charge', 'Charge payment', 100), activity('ship', 'Ship order', 200)], [
      { id: 'toCharge', sourceId: 'start', targetId: 'charge' },
      { id: 'toShip', sourceId: 'charge', targetId: 'ship' },
    ]);
    diagram.current = view;
  });

  afterEach(() => {
    unmount?.();
    container.remove();
    document.querySelector('#js-confirm-dialog')?.remove();
    vi.useRealTimers();
  });

  async function mount(detail: () => Promise<InstanceDetail>, calls = {}, roles = ['operator']) {
    const api = fakeApi({ getSystem: async () => ({ name: 'Baton', version: '1', engineVersion: '7.24.0', database: 'H2', user: 'someone', roles }), getInstanceDetail: detail, ...calls });
    unmount = mountInstancePage(container, api, parseRoute('#/instances/i-1'));
    await settle();
    return api;
  }

  it('should show where the instance stands on its diagram', async () => {
    // when
    await mount(async () => stuckAtShipping());

    // then
    expect(byId('js-instance-state').dataset.state).toBe('INCIDENT');
    expect(byId('js-instance-state').textContent).toBe('Incident');
    expect(byId('js-instance-end').textContent).toBe('Ship order');
    expect(view.marked('active-activity')).toEqual(['ship']);
    expect(view.marked('incident-activity')).toEqual(['ship']);
    expect(view.marked('completed-activity')).toEqual(['charge', 'start']);
    expect(view.marked('taken-flow')).toEqual(['toCharge', 'toShip']);
    expect(view.badges.map((badge) => [badge.elementId, badge.badge.className])).toEqual([['ship', 'diagram-badge diagram-badge-incidents js-badge-incidents']]);
    expect([...container.querySelectorAll<HTMLElement>('.js-activity-row')].map((row) => row.dataset.activityId)).toEqual(['start', 'charge', 'ship']);
    expect(container.querySelectorAll('.js-operation-row')[0]!.textContent).toContain('100 → 120');
  });

  it('should link a called instance to its parent and root, and a call activity to what it called', async () => {
    // given
    const child = { ...stuckAtShipping(), lineage: { parentInstanceId: 'p-1', parentDefinitionKey: 'batch', rootInstanceId: 'r-1', rootDefinitionKey: 'campaign' } };
    child.activities = [...child.activities, { id: 'a3', activityId: 'charge', activityName: 'Charge payment', activityType: 'callActivity', startTime: '2026-11-26T10:00:03Z', endTime: null, durationMillis: null, state: 'ACTIVE', calledInstanceId: 'c-9' }];

    // when
    await mount(async () => child);

    // then
    expect(byId('js-parent-fact').hidden).toBe(false);
    expect(byId<HTMLAnchorElement>('js-parent-instance').getAttribute('href')).toBe('#/instances/p-1');
    expect(byId('js-parent-instance').textContent).toBe('batch · p-1');
    expect(byId<HTMLAnchorElement>('js-root-instance').getAttribute('href')).toBe('#/instances/r-1');
    expect(byId('js-called-fact').hidden).toBe(false);
    expect(byId<HTMLAnchorElement>('js-called-instances').getAttribute('href')).toBe('#/instances?parentInstanceId=i-1');
    const called = view.badges.find(({ badge }) => badge.classList.contains('js-badge-called'))!;
    expect(called.elementId).toBe('charge');
    expect(called.badge.getAttribute('href')).toBe('#/instances/c-9');
    expect(container.querySelector('.js-called-link')!.getAttribute('href')).toBe('#/instances/c-9');
  });

  it('should show no parent, root or called instances for a root instance that called nothing', async () => {
    // when
    await mount(async () => stuckAtShipping());

    // then
    expect(byId('js-parent-fact').hidden).toBe(true);
    expect(byId('js-root-fact').hidden).toBe(true);
    expect(byId('js-called-fact').hidden).toBe(true);
  });

  it('should refuse an invalid value under the field and send nothing', async () => {
    // given
    const api = await mount(async () => stuckAtShipping());
    variableRow('amount').querySelector<HTMLButtonElement>('.js-edit-variable')!.click();
    variableRow('amount').querySelector<HTMLInputElement>('.js-variable-input')!.value = 'abc';

    // when
    variableRow('amount').querySelector<HTMLButtonElement>('.js-save-variable')!.click();
    await settle();

    // then
    const error = variableRow('amount').querySelector<HTMLElement>('.js-variable-error')!;
    expect(error.hidden).toBe(false);
    expect(error.textContent).toBe("'abc' is not an Integer (a whole number, e.g. 42).");
    expect(api.setVariable).not.toHaveBeenCalled();
  });

  it('should save a valid value and reload', async () => {
    // given
    const api = await mount(async () => stuckAtShipping(), { setVariable: async () => undefined });
    variableRow('amount').querySelector<HTMLButtonElement>('.js-edit-variable')!.click();
    variableRow('amount').querySelector<HTMLInputElement>('.js-variable-input')!.value = '150';

    // when
    variableRow('amount').querySelector<HTMLButtonElement>('.js-save-variable')!.click();
    await settle();

    // then
    expect(api.setVariable).toHaveBeenCalledWith('i-1', 'amount', 'Integer', '150');
    expect(api.getInstanceDetail).toHaveBeenCalledTimes(2);
    expect(byId('js-notice').textContent).toBe('Variable amount saved.');
  });

  it('should show the server’s reason when it refuses a value', async () => {
    // given
    const refuse = async () => {
      throw new ApiError(400, 'Bad Request', { detail: "'[1' is not valid JSON" });
    };
    await mount(async () => stuckAtShipping(), { setVariable: refuse });
    variableRow('items').querySelector<HTMLButtonElement>('.js-edit-variable')!.click();

    // when
    variableRow('items').querySelector<HTMLButtonElement>('.js-save-variable')!.click();
    await settle();

    // then
    expect(variableRow('items').querySelector('.js-variable-error')!.textContent).toBe("'[1' is not valid JSON");
  });

  it('should not offer to edit a value of a type it cannot write', async () => {
    // when
    await mount(async () => stuckAtShipping());

    // then
    expect(variableRow('receipt').querySelector('.js-edit-variable')).toBeNull();
  });

  it('should fetch the stack trace only when asked', async () => {
    // given
    const api = await mount(async () => stuckAtShipping(), { getStacktrace: async () => 'java.io.IOException: refused' });
    const incident = container.querySelector<HTMLElement>('.js-incident[data-incident-id="inc-1"]')!;
    expect(api.getStacktrace).not.toHaveBeenCalled();

    // when
    incident.querySelector<HTMLButtonElement>('.js-show-stacktrace')!.click();
    await settle();

    // then
    expect(incident.querySelector<HTMLElement>('.js-stacktrace')!.hidden).toBe(false);
    expect(incident.querySelector('.js-stacktrace')!.textContent).toBe('java.io.IOException: refused');
  });

  it('should retry an incident and reload', async () => {
    // given
    const api = await mount(async () => stuckAtShipping(), { retryIncident: async () => undefined });

    // when
    container.querySelector<HTMLButtonElement>('.js-retry-incident')!.click();
    await settle();

    // then
    expect(api.retryIncident).toHaveBeenCalledWith('inc-1');
    expect(api.getInstanceDetail).toHaveBeenCalledTimes(2);
  });

  it('should cancel only after a confirmation that says what stops', async () => {
    // given
    const api = await mount(async () => stuckAtShipping(), { cancelInstance: async () => undefined });

    // when
    byId('js-cancel-instance').click();

    // then
    const dialog = document.querySelector<HTMLElement>('#js-confirm-dialog')!;
    expect(document.querySelector('#js-confirm-text')!.textContent).toBe(
      'Cancel instance order-7 (i-1) of order v3? It stops at Ship order, no further steps run, this cannot be undone.',
    );
    expect(api.cancelInstance).not.toHaveBeenCalled();
    dialog.querySelector<HTMLTextAreaElement>('#js-confirm-reason')!.value = 'duplicate';
    dialog.querySelector<HTMLButtonElement>('#js-confirm')!.click();
    await settle();
    expect(api.cancelInstance).toHaveBeenCalledWith('i-1', 'duplicate');
    expect(document.querySelector('#js-confirm-dialog')).toBeNull();
    expect(api.getInstanceDetail).toHaveBeenCalledTimes(2);
  });

  it('should keep the dialog open with the reason when canceling fails', async () => {
    // given
    const conflict = async () => {
      throw new ApiError(409, 'Conflict', { detail: 'The instance has ended' });
    };
    await mount(async () => stuckAtShipping(), { cancelInstance: conflict });
    byId('js-cancel-instance').click();

    // when
    document.querySelector<HTMLButtonElement>('#js-confirm')!.click();
    await settle();

    // then
    expect(document.querySelector('#js-confirm-error')!.textContent).toBe('Could not cancel the instance: HTTP 409 Conflict — The instance has ended');
    document.querySelector<HTMLButtonElement>('#js-dismiss')!.click();
    expect(document.querySelector('#js-confirm-dialog')).toBeNull();
  });

  it('should show an ended instance read-only: no cancel, no edit, no retry', async () => {
    // when
    await mount(async () => completed());

    // then
    expect(byId('js-instance-state').dataset.state).toBe('COMPLETED');
    expect(byId('js-cancel-instance')).toBeNull();
    expect(container.querySelector('.js-edit-variable')).toBeNull();
    expect(view.marked('active-activity')).toEqual([]);
    expect(byId('js-instance-end').textContent).toContain('at Ship order');
  });

  it('should list the step in incident in the activity history even without an activity instance', async () => {
    // when: the save point's job failed before the step started, so history has no row for it
    await mount(async () => stuckAtShipping());

    // then
    const rows = [...container.querySelectorAll<HTMLElement>('.js-activity-row')];
    expect(rows.map((row) => `${row.dataset.activityId}:${row.dataset.state}`)).toEqual(['start:COMPLETED', 'charge:COMPLETED', 'ship:INCIDENT']);
    expect(rows[2]!.textContent).toContain('Ship order');
    expect(rows[2]!.textContent).toContain('Service task');
  });

  it('should mark a running step with an incident as in incident, not add a second row', async () => {
    // given
    const detail = stuckAtShipping();
    detail.activities.push({ id: 'a3', activityId: 'ship', activityName: 'Ship order', activityType: 'serviceTask', startTime: '2026-11-26T10:00:03Z', endTime: null, durationMillis: null, state: 'ACTIVE' });

    // when
    await mount(async () => detail);

    // then
    const rows = [...container.querySelectorAll<HTMLElement>('.js-activity-row')];
    expect(rows.map((row) => `${row.dataset.activityId}:${row.dataset.state}`)).toEqual(['start:COMPLETED', 'charge:COMPLETED', 'ship:INCIDENT']);
  });

  it('should say on an incident how many retries are left, which worker failed it and when it is tried next', async () => {
    // given
    const detail = stuckAtShipping();
    detail.incidents = [{ id: 'inc-1', type: 'failedExternalTask', activityId: 'ship', message: 'carrier down', time: '2026-11-26T10:00:20Z', retriesLeft: 0, workerId: 'shipping-worker-1', nextAttempt: null }];

    // when
    await mount(async () => detail);

    // then
    const incident = container.querySelector<HTMLElement>('.js-incident[data-incident-id="inc-1"]')!;
    expect(incident.querySelector('.js-retries-left')!.textContent).toBe('0');
    expect(incident.querySelector('.js-incident-worker')!.textContent).toBe('shipping-worker-1');
    expect(incident.querySelector('.js-next-attempt')!.textContent).toBe('none until someone retries it');
  });

  it('should keep resolved incidents in the history', async () => {
    // given
    const detail = completed();
    detail.resolvedIncidents = [{ id: 'inc-0', type: 'failedJob', activityId: 'charge', message: 'HTTP 503 from payment', time: '2026-11-26T10:00:05Z', endTime: '2026-11-26T10:00:30Z', state: 'RESOLVED' }];

    // when
    await mount(async () => detail);

    // then
    expect(byId('incidents-section').hidden).toBe(false);
    const rows = [...container.querySelectorAll<HTMLElement>('.js-resolved-incident')];
    expect(rows.map((row) => `${row.dataset.incidentId}:${row.dataset.state}`)).toEqual(['inc-0:RESOLVED']);
    expect(rows[0]!.textContent).toContain('Charge payment');
    expect(rows[0]!.textContent).toContain('HTTP 503 from payment');
    expect(rows[0]!.textContent).toContain('Resolved');
  });

  it('should name the variable and its new value in a Set variable row', async () => {
    // given
    const detail = stuckAtShipping();
    detail.operations = [{ timestamp: '2026-11-26T10:05:00Z', userId: 'demo', operationType: 'SetVariable', entityType: 'ProcessInstance', property: 'amount', orgValue: null, newValue: '77' }];

    // when
    await mount(async () => detail);

    // then
    const row = container.querySelector<HTMLElement>('.js-operation-row')!;
    expect(row.textContent).toContain('Set variable');
    expect(row.textContent).toContain('amount');
    expect(row.textContent).toContain('= 77');
  });

  it('should reload by itself every ten seconds', async () => {
    // given
    const answers = [stuckAtShipping(), completed()];
    const api = await mount(async () => answers.shift() ?? completed());
    expect(byId('js-instance-state').dataset.state).toBe('INCIDENT');

    // when
    await vi.advanceTimersByTimeAsync(10_000);

    // then
    expect(api.getInstanceDetail).toHaveBeenCalledTimes(2);
    expect(byId('js-instance-state').dataset.state).toBe('COMPLETED');
  });

  it('should show the outcome of a retry shortly after, without a click', async () => {
    // given: right after the retry it still runs; moments later the step is done
    const answers = [stuckAtShipping(), { ...stuckAtShipping(), incidents: [], instance: { ...stuckAtShipping().instance, state: 'RUNNING' as const } }, completed()];
    const api = await mount(async () => answers.shift() ?? completed(), { retryIncident: async () => undefined });

    // when
    container.querySelector<HTMLButtonElement>('.js-retry-incident')!.click();
    await settle();
    expect(byId('js-instance-state').dataset.state).toBe('RUNNING');
    await vi.advanceTimersByTimeAsync(2_000);

    // then
    expect(api.getInstanceDetail).toHaveBeenCalledTimes(3);
    expect(byId('js-instance-state').dataset.state).toBe('COMPLETED');
  });

  it('should not reload under a variable being edited', async () => {
    // given
    const api = await mount(async () => stuckAtShipping());
    variableRow('amount').querySelector<HTMLButtonElement>('.js-edit-variable')!.click();
    variableRow('amount').querySelector<HTMLInputElement>('.js-variable-input')!.value = '150';

    // when
    await vi.advanceTimersByTimeAsync(30_000);

    // then
    expect(api.getInstanceDetail).toHaveBeenCalledTimes(1);
    expect(variableRow('amount').querySelector<HTMLInputElement>('.js-variable-input')!.value).toBe('150');
  });

  it('should show why a canceled instance was canceled', async () => {
    // given
    const detail = completed();
    const canceled = { ...detail, instance: { ...detail.instance, state: 'CANCELED' as const, cancelReason: 'customer withdrew' } };

    // when
    await mount(async () => canceled);

    // then
    expect(byId('js-cancel-reason-fact').hidden).toBe(false);
    expect(byId('js-cancel-reason').textContent).toBe('customer withdrew');
  });

  it('should show no cancel reason on a completed instance', async () => {
    // when
    await mount(async () => completed());

    // then
    expect(byId('js-cancel-reason-fact').hidden).toBe(true);
  });

  it('should say in words when the instance cannot be loaded', async () => {
    // when
    await mount(async () => {
      throw new ApiError(404, 'Not Found', { detail: 'No process instance i-1' });
    });

    // then
    expect(byId('js-error').textContent).toBe('Could not load the instance: HTTP 404 Not Found — No process instance i-1');
    expect(byId('js-instance-body').hidden).toBe(true);
  });
  it('should build a plan by clicking steps, draw it, and run it with the annotation', async () => {
    // given
    const api = await mount(async () => stuckAtShipping(), { modifyInstance: async () => undefined });
    byId('js-modify').click();

    // when the failing step is clicked (canceled), then clicked again and started after
    view.click('ship');
    view.click('ship');
    byId('js-choose-startAfter').click();
    byId<HTMLTextAreaElement>('js-modify-variables').value = '{"trackingNumber": "T-1"}';
    const annotation = byId<HTMLInputElement>('js-repair-annotation');
    annotation.value = 'carrier booked by phone';
    annotation.dispatchEvent(new Event('input'));

    // then the plan is listed and drawn before anything runs
    expect([...container.querySelectorAll('.js-plan-row')].map((row) => row.textContent)).toEqual(['Cancel Ship order remove', 'Start after Ship order remove']);
    expect(view.marked('plan-cancel')).toEqual(['ship']);
    expect(view.marked('plan-start')).toEqual(['ship']);
    expect(view.badges.filter((badge) => badge.badge.classList.contains('js-plan-badge')).map((badge) => badge.badge.textContent)).toEqual(['✕ 1 cancel', '2 start after ▶']);
    expect(api.modifyInstance).not.toHaveBeenCalled();

    // and when executed and confirmed
    byId<HTMLButtonElement>('js-repair-execute').click();
    document.querySelector<HTMLButtonElement>('#js-confirm')!.click();
    await settle();

    // then one modification ran with everything, and the page left modify mode and reloaded
    expect(api.modifyInstance).toHaveBeenCalledWith('i-1', {
      instructions: [
        { type: 'cancel', activityId: 'ship' },
        { type: 'startAfter', activityId: 'ship' },
      ],
      variables: { trackingNumber: 'T-1' },
      annotation: 'carrier booked by phone',
    });
    expect(byId('js-repair-panel').hidden).toBe(true);
    expect(view.marked('plan-cancel')).toEqual([]);
    expect(api.getInstanceDetail).toHaveBeenCalledTimes(2);
  });

  it('should need an annotation before a plan can run', async () => {
    // given
    await mount(async () => stuckAtShipping());
    byId('js-modify').click();

    // when
    view.click('ship');

    // then
    expect(byId<HTMLButtonElement>('js-repair-execute').disabled).toBe(true);
  });

  it('should name each instruction the server refused', async () => {
    // given
    const refused = async () => {
      throw new ApiError(400, 'Bad Request', { detail: '1 instruction', problems: [{ index: 0, message: "nothing is active at 'charge' to cancel" }] } as never);
    };
    await mount(async () => stuckAtShipping(), { modifyInstance: refused });
    byId('js-modify').click();
    view.click('charge');
    byId('js-choose-startBefore').click();
    const annotation = byId<HTMLInputElement>('js-repair-annotation');
    annotation.value = 'again';
    annotation.dispatchEvent(new Event('input'));

    // when
    byId<HTMLButtonElement>('js-repair-execute').click();
    document.querySelector<HTMLButtonElement>('#js-confirm')!.click();
    await settle();

    // then
    expect([...container.querySelectorAll('.js-repair-problem')].map((item) => item.textContent)).toEqual([
      "Instruction 1 (Start before Charge payment): nothing is active at 'charge' to cancel",
    ]);
  });

  it('should restart an ended instance before a clicked step and open the new one', async () => {
    // given
    const api = await mount(async () => completed(), { restartInstance: async () => 'i-2' });
    expect(byId('js-modify').hidden).toBe(true);
    byId('js-restart').click();

    // when
    view.click('ship');
    byId<HTMLButtonElement>('js-repair-execute').click();
    document.querySelector<HTMLButtonElement>('#js-confirm')!.click();
    await settle();

    // then
    expect(api.restartInstance).toHaveBeenCalledWith('i-1', 'ship', '');
    expect(window.location.hash).toBe('#/instances/i-2');
  });

  it('should suspend a running instance after confirming', async () => {
    // given
    const api = await mount(async () => stuckAtShipping(), { setInstanceSuspension: async () => undefined });

    // when
    byId('js-suspend-instance').click();
    document.querySelector<HTMLButtonElement>('#js-confirm')!.click();
    await settle();

    // then
    expect(api.setInstanceSuspension).toHaveBeenCalledWith('i-1', true);
  });

  it('should offer no repair to a role that may not repair', async () => {
    // when
    await mount(async () => stuckAtShipping(), {}, ['analyst']);

    // then
    expect(byId('js-modify').hidden).toBe(true);
    expect(byId('js-suspend-instance').hidden).toBe(true);
    expect(byId('js-restart').hidden).toBe(true);
  });
});
