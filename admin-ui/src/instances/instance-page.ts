import { describeError, isAbort, type BatonApi, type InstanceDetail } from '../api/client';
import { watchEvents, type LiveUpdates } from '../api/events';
import { can, currentUser } from '../api/permissions';
import { bpmnNames, bpmnTypes } from '../diagram/bpmn-names';
import type { DiagramView } from '../diagram/diagram';
import { DiagramPanel } from '../diagram/diagram-panel';
import { href, type Route } from '../router';
import type { Screen } from '../screen';
import { stateBadge } from '../ui/badges';
import { confirmAction, type OpenDialog } from '../ui/confirm-dialog';
import { byId, h, showMessages } from '../ui/dom';
import { formatDateTime, formatDateTimeLong, formatDuration } from '../ui/format';
import { REFRESH_INTERVAL_MS, Refresher } from '../ui/refresher';
import { activityRows, operationRows, pastIncidentRows, withIncidents } from './instance-history';
import { incidentCard } from './instance-incidents';
import { liveIndicator } from './live-indicator';
import { instanceRepair } from './instance-repair';
import { MARKERS, pathMarkers } from './path-markers';
import { variableRows } from './variables';

const template = `
  <section class="page">
    <div class="page-header">
      <div class="title-block">
        <h1 id="js-instance-title" data-testid="js-instance-title">Instance</h1>
        <span id="js-instance-state-slot"></span>
        <span id="js-live-slot"></span>
      </div>
      <div class="page-actions">
        <button type="button" class="button" id="js-refresh" data-testid="js-refresh">Refresh</button>
        <span id="js-repair-slot"></span>
        <span id="js-cancel-slot"></span>
      </div>
    </div>
    <div class="alert alert-error" id="js-error" data-testid="js-error" role="alert" hidden></div>
    <div class="alert alert-success" id="js-notice" data-testid="js-notice" role="status" hidden></div>
    <p class="muted state" id="js-loading" data-testid="js-loading" hidden>Loading…</p>
    <div id="js-instance-body" hidden>
      <dl class="facts facts-compact">
        <div><dt>Process</dt><dd><a id="js-instance-definition" data-testid="js-instance-definition" href="#/processes"></a></dd></div>
        <div><dt>Started</dt><dd id="js-instance-start" data-testid="js-instance-start"></dd></div>
        <div><dt id="js-instance-end-label">Ended</dt><dd id="js-instance-end" data-testid="js-instance-end"></dd></div>
        <div><dt>Duration</dt><dd id="js-instance-duration" data-testid="js-instance-duration"></dd></div>
        <div id="js-parent-fact" hidden><dt>Called by</dt><dd><a id="js-parent-instance" data-testid="js-parent-instance" class="mono"></a></dd></div>
        <div id="js-root-fact" hidden><dt>Root instance</dt><dd><a id="js-root-instance" data-testid="js-root-instance" class="mono"></a></dd></div>
        <div id="js-called-fact" hidden><dt>Called instances</dt><dd><a id="js-called-instances" data-testid="js-called-instances"></a></dd></div>
        <div class="fact-wide" id="js-cancel-reason-fact" hidden><dt>Cancel reason</dt><dd id="js-cancel-reason" data-testid="js-cancel-reason"></dd></div>
      </dl>
      <p class="muted small">Id <span class="mono" id="js-instance-id" data-testid="js-instance-id"></span>
        · <button type="button" class="link-button" data-scroll="incidents-section">Incidents</button> · <button type="button" class="link-button" data-scroll="history-section">History</button> · <button type="button" class="link-button" data-scroll="variables-section">Variables</button> · <button type="button" class="link-button" data-scroll="operations-section">Operation log</button></p>
      <section id="incidents-section" class="incidents-section">
        <h2>Open incidents</h2>
        <div id="js-incidents" data-testid="js-incidents" class="incident-list"></div>
        <p class="state state-note" id="js-incidents-empty" data-testid="js-incidents-empty" hidden>No open incidents</p>
        <div id="js-resolved-incidents-block" hidden>
          <h3>Resolved incidents</h3>
          <div class="table-scroll">
            <table class="table table-wrap">
              <colgroup><col class="col-activity" /><col /><col class="col-time" /><col class="col-time" /><col class="col-state" /></colgroup>
              <thead><tr><th scope="col">Activity</th><th scope="col">Message</th><th scope="col">Raised</th><th scope="col">Ended</th><th scope="col">State</th></tr></thead>
              <tbody id="js-resolved-incidents" data-testid="js-resolved-incidents"></tbody>
            </table>
          </div>
        </div>
      </section>
      <div class="toolbar muted small">
        <span class="legend-swatch legend-active"></span> waiting here
        <span class="legend-swatch legend-completed"></span> done
        <span class="legend-swatch legend-incident"></span> incident
        <span id="js-suspended-note" data-testid="js-suspended-note" class="badge" hidden>Suspended</span>
      </div>
      <div id="js-repair-panel-slot"></div>
      <div id="js-diagram-slot"></div>
      <h2 id="history-section">Activity history</h2>
      <div class="table-scroll">
      <table class="table">
        <colgroup><col class="col-wide" /><col class="col-activity" /><col class="col-time" /><col class="col-time" /><col class="col-num" /><col class="col-state" /></colgroup>
        <thead><tr><th scope="col">Activity</th><th scope="col">Type</th><th scope="col">Started</th><th scope="col">Ended</th><th scope="col" class="num">Duration</th><th scope="col">State</th></tr></thead>
        <tbody id="js-activities" data-testid="js-activities"></tbody>
      </table>
      </div>
      <h2 id="variables-section">Variables</h2>
      <div class="table-scroll">
      <table class="table table-wrap">
        <colgroup><col class="col-text" /><col class="col-type" /><col /><col class="col-actions" /></colgroup>
        <thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Value</th><th scope="col"><span class="visually-hidden">Edit</span></th></tr></thead>
        <tbody id="js-variables" data-testid="js-variables"></tbody>
      </table>
      </div>
      <p class="state" id="js-variables-empty" data-testid="js-variables-empty" hidden>No variables</p>
      <h2 id="operations-section">Operation log</h2>
      <div class="table-scroll">
      <table class="table">
        <colgroup><col class="col-time" /><col class="col-type" /><col class="col-activity" /><col class="col-activity" /><col class="col-type" /><col /><col /></colgroup>
        <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Operation</th><th scope="col">Entity</th><th scope="col">Property</th><th scope="col">Old → new</th><th scope="col">Annotation</th></tr></thead>
        <tbody id="js-operations" data-testid="js-operations"></tbody>
      </table>
      </div>
      <p class="state" id="js-operations-empty" data-testid="js-operations-empty" hidden>Nobody has changed this instance by hand</p>
    </div>
  </section>`;

const RUNNING_STATES = new Set(['RUNNING', 'INCIDENT']);

/** After a retry or an edit, the engine moves on within moments: look again this soon. */
export const FOLLOW_UP_MS = 2_000;

/**
 * One instance, running or ended: where it stands on its diagram, its activity history,
 * incidents (retry, stack trace), variables (editable while running), the operation log and
 * "Cancel instance" with a confirmation that says what stops. Reloads every `refreshMs` while the
 * page is visible (not while a variable is being edited, a stack trace is open or a dialog asks),
 * and {@link FOLLOW_UP_MS} after a change, so a retried step shows its outcome without a click.
 * For operators and admins it also listens to the live event stream and reloads, debounced, as
 * soon as the engine committed work of this instance.
 */
export function mountInstancePage(container: HTMLElement, api: BatonApi, route: Route, refreshMs = REFRESH_INTERVAL_MS): () => void {
  const instanceId = route.path[1] ?? '';
  container.innerHTML = template;
  const find = <T extends HTMLElement = HTMLElement>(id: string) => byId<T>(container, id);
  const panel = new DiagramPanel();
  find('js-diagram-slot').replaceWith(panel.element);
  let view: DiagramView | undefined;
  let diagramXml: string | undefined;
  let detail: InstanceDetail | undefined;
  let names = new Map<string, string>();
  let types = new Map<string, string>();
  let dialog: OpenDialog | undefined;
  let live: LiveUpdates | undefined;
  let left = false;
  const indicator = liveIndicator();
  find('js-live-slot').replaceWith(indicator.element);
  const repair = instanceRepair(api, {
    nameOf: (activityId) => nameOf(activityId),
    activeSteps: () => (detail ? waitingAt(detail.instance.activeActivityIds, detail.incidents.map((incident) => incident.activityId)) : []),
    repaint: () => paint(),
    changed: (message) => reloadAfter(message),
  });
  find('js-repair-slot').replaceWith(repair.buttons);
  find('js-repair-panel-slot').replaceWith(repair.panel);

  function notice(message: string): void {
    const element = find('js-notice');
    element.textContent = message;
    element.hidden = !message;
  }

  function reloadAfter(message: string): void {
    notice(message);
    void refresher.restart().then(() => refresher.soon(FOLLOW_UP_MS));
  }

  /** The user is in the middle of something a reload would throw away. */
  function busy(): boolean {
    return dialog !== undefined || repair.busy() || container.querySelector('.js-variable-row.editing') !== null || [...container.querySelectorAll<HTMLElement>('.js-stacktrace')].some((trace) => !trace.hidden);
  }

  function nameOf(activityId: string): string {
    return names.get(activityId) ?? detail?.activities.find((activity) => activity.activityId === activityId)?.activityName ?? activityId;
  }

  function show(loaded: InstanceDetail): void {
    detail = loaded;
    if (loaded.xml !== diagramXml) {
      names = bpmnNames(loaded.xml);
      types = bpmnTypes(loaded.xml);
    }
    const { instance } = loaded;
    const running = RUNNING_STATES.has(instance.state);
    const label = instance.businessKey || instance.id;
    find('js-instance-title').textContent = `Instance ${label}`;
    document.title = `${label} · Baton`;
    const badge = stateBadge(instance.state);
    badge.id = 'js-instance-state';
    badge.dataset.testid = 'js-instance-state';
    badge.classList.add('state-badge-large');
    find('js-instance-state-slot').replaceChildren(badge);
    const definitionLink = find<HTMLAnchorElement>('js-instance-definition');
    definitionLink.textContent = `${instance.definitionKey} v${instance.definitionVersion}`;
    definitionLink.href = href(['processes', instance.definitionId]);
    find('js-instance-start').textContent = formatDateTime(instance.startTime);
    find('js-instance-start').title = formatDateTimeLong(instance.startTime);
    find('js-instance-end-label').textContent = running ? 'Waiting at' : 'Ended';
    find('js-instance-end').textContent = running
      ? waitingAt(instance.activeActivityIds, loaded.incidents.map((incident) => incident.activityId)).map(nameOf).join(', ') || '–'
      : `${formatDateTime(instance.endTime)}${instance.endActivityId ? ` at ${nameOf(instance.endActivityId)}` : ''}`;
    const end = instance.endTime ? new Date(instance.endTime).getTime() : Date.now();
    find('js-instance-duration').textContent = `${formatDuration(end - new Date(instance.startTime).getTime())}${running ? ' so far' : ''}`;
    find('js-instance-id').textContent = instance.id;
    showLineage(loaded);
    find('js-cancel-reason').textContent = instance.cancelReason ?? '';
    find('js-cancel-reason-fact').hidden = instance.state !== 'CANCELED' || !instance.cancelReason;

    find('js-cancel-slot').replaceChildren(...(running ? [cancelButton()] : []));
    find('js-suspended-note').hidden = !(running && loaded.suspended);
    repair.show(loaded, running);
    find('js-incidents').replaceChildren(
      ...loaded.incidents.map((incident) => incidentCard(api, incident, nameOf(incident.activityId), running, () => reloadAfter(`Incident at ${nameOf(incident.activityId)} retried.`))),
    );
    find('js-incidents-empty').hidden = loaded.incidents.length > 0;
    const resolved = loaded.resolvedIncidents ?? [];
    find('js-resolved-incidents').replaceChildren(...pastIncidentRows(resolved, nameOf));
    find('js-resolved-incidents-block').hidden = resolved.length === 0;
    const incidentsSection = find('incidents-section');
    incidentsSection.classList.toggle('has-incidents', loaded.incidents.length > 0);
    // an ended instance has no open incidents to speak of, only resolved ones
    incidentsSection.hidden = !running && loaded.incidents.length === 0 && resolved.length === 0;
    find('js-activities').replaceChildren(...activityRows(withIncidents(loaded.activities, loaded.incidents, { names, types })));
    find('js-variables').replaceChildren(...variableRows(api, loaded.variables, { instanceId, running, onSaved: (name) => reloadAfter(`Variable ${name} saved.`) }));
    find('js-variables-empty').hidden = loaded.variables.length > 0;
    find('js-operations').replaceChildren(...operationRows(loaded.operations));
    find('js-operations-empty').hidden = loaded.operations.length > 0;
    find('js-instance-body').hidden = false;
  }

  /** Links up to the parent and root a call activity came from, and down to the instances it called. */
  function showLineage(loaded: InstanceDetail): void {
    const lineage = loaded.lineage;
    const link = (id: string, instanceId: string | null | undefined, key: string | null | undefined) => {
      const anchor = find<HTMLAnchorElement>(id);
      anchor.textContent = instanceId ? `${key ?? 'instance'} · ${instanceId}` : '';
      anchor.href = instanceId ? href(['instances', instanceId]) : '#/instances';
      return Boolean(instanceId);
    };
    find('js-parent-fact').hidden = !link('js-parent-instance', lineage?.parentInstanceId, lineage?.parentDefinitionKey);
    const root = lineage?.rootInstanceId !== lineage?.parentInstanceId ? lineage?.rootInstanceId : undefined;
    find('js-root-fact').hidden = !link('js-root-instance', root, lineage?.rootDefinitionKey);
    const called = calledInstances(loaded);
    const calledLink = find<HTMLAnchorElement>('js-called-instances');
    calledLink.textContent = called.length === 1 ? '1 instance' : `${called.length} instances`;
    calledLink.href = href(['instances'], { parentInstanceId: loaded.instance.id });
    find('js-called-fact').hidden = called.length === 0;
  }

  function paint(): void {
    if (!view || !detail) {
      return;
    }
    const markers = pathMarkers(detail, view.flows());
    for (const element of [...view.activities(), ...view.flows()]) {
      Object.values(MARKERS).forEach((marker) => view!.removeMarker(element.id, marker));
    }
    markers.completed.forEach((id) => view!.addMarker(id, MARKERS.completed));
    markers.canceled.forEach((id) => view!.addMarker(id, MARKERS.canceled));
    markers.takenFlows.forEach((id) => view!.addMarker(id, MARKERS.takenFlow));
    markers.active.forEach((id) => view!.addMarker(id, MARKERS.active));
    markers.incident.forEach((id) => view!.addMarker(id, MARKERS.incident));
    view.clearBadges();
    const perActivity = new Map<string, number>();
    detail.incidents.forEach((incident) => perActivity.set(incident.activityId, (perActivity.get(incident.activityId) ?? 0) + 1));
    perActivity.forEach((count, activityId) => {
      const badge = h('span', { className: 'diagram-badge diagram-badge-incidents', hook: 'js-badge-incidents', title: count === 1 ? '1 open incident' : `${count} open incidents`, dataset: { activityId } }, `⚠ ${count}`);
      view!.addBadge(activityId, badge, 'bottom-right');
    });
    repair.paint(view);
    const calledBy = new Map<string, string[]>();
    calledInstances(detail).forEach(({ activityId, instanceId }) => calledBy.set(activityId, [...(calledBy.get(activityId) ?? []), instanceId]));
    calledBy.forEach((ids, activityId) => {
      const target = ids.length === 1 ? href(['instances', ids[0]!]) : href(['instances'], { parentInstanceId: instanceId });
      const title = ids.length === 1 ? `Open the instance this call activity started (${ids[0]})` : `${ids.length} instances this call activity started`;
      view!.addBadge(activityId, h('a', { className: 'diagram-badge diagram-badge-called', hook: 'js-badge-called', title, attrs: { href: target }, dataset: { activityId } }, `↳ ${ids.length}`), 'top-right');
    });
  }

  function cancelButton(): HTMLButtonElement {
    const button = h('button', { className: 'button button-danger', attrs: { type: 'button', id: 'js-cancel-instance', 'data-testid': 'js-cancel-instance' } }, 'Cancel instance…');
    button.addEventListener('click', () => {
      if (!detail) {
        return;
      }
      const { instance } = detail;
      const label = instance.businessKey ? `${instance.businessKey} (${instance.id})` : instance.id;
      const at = waitingAt(instance.activeActivityIds, detail.incidents.map((incident) => incident.activityId)).map(nameOf).join(' and ') || 'its current step';
      dialog = confirmAction({
        title: 'Cancel instance',
        text: `Cancel instance ${label} of ${instance.definitionKey} v${instance.definitionVersion}? It stops at ${at}, no further steps run, this cannot be undone.`,
        confirmLabel: 'Cancel instance',
        dismissLabel: 'Keep running',
        danger: true,
        reasonLabel: 'Reason (optional)',
        failure: 'Could not cancel the instance',
        action: (reason) => api.cancelInstance(instance.id, reason),
      });
      void dialog.closed.then((done) => {
        dialog = undefined;
        if (done) {
          reloadAfter(`Instance ${label} canceled.`);
        }
      });
    });
    return button;
  }

  const refresher = new Refresher(async (signal, { background }) => {
    if (background && busy()) {
      return;
    }
    const refreshButton = find<HTMLButtonElement>('js-refresh');
    refreshButton.disabled = true;
    find('js-loading').hidden = detail !== undefined;
    try {
      const loaded = await api.getInstanceDetail(instanceId, signal);
      show(loaded);
      showMessages(find('js-error'), []);
      if (loaded.xml !== diagramXml) {
        diagramXml = loaded.xml;
        view?.destroy();
        view = await panel.show(loaded.xml);
      }
      paint();
    } catch (failure) {
      if (!isAbort(failure)) {
        showMessages(find('js-error'), [describeError('Could not load the instance', failure)]);
      }
    } finally {
      find('js-loading').hidden = true;
      refreshButton.disabled = false;
    }
  }, refreshMs);

  // in-page links would change the hash route; scroll instead
  container.querySelectorAll<HTMLElement>('[data-scroll]').forEach((link) =>
    link.addEventListener('click', () => byId(container, link.dataset.scroll!).scrollIntoView({ behavior: 'smooth' })),
  );
  find('js-refresh').addEventListener('click', () => {
    notice('');
    void refresher.restart();
  });
  void refresher.now();
  currentUser(api).then(
    (user) => {
      repair.allow(user.roles ?? []);
      // analysts may not read the stream: they keep polling and see no error
      if (!left && can(user.roles ?? [], 'watchEvents')) {
        live = watchEvents({
          filter: { instanceId },
          relevant: (event) => event.processInstanceId === instanceId,
          changed: () => refresher.soon(0),
          status: indicator.show,
        });
      }
    },
    (failure: unknown) => showMessages(find('js-error'), [describeError('Could not load your roles; the repair actions are hidden', failure)]),
  );

  return () => {
    left = true;
    live?.close();
    refresher.stop();
    repair.close();
    dialog?.dismiss();
    panel.destroy();
  };
}

/** The instances this one's call activities started, in the order they were called. */
function calledInstances(detail: InstanceDetail): { activityId: string; instanceId: string }[] {
  return detail.activities.filter((activity) => activity.calledInstanceId).map((activity) => ({ activityId: activity.activityId, instanceId: activity.calledInstanceId! }));
}

/** Where the instance stands: its active activities, and where its incidents are. */
function waitingAt(activeActivityIds: readonly string[], incidentActivityIds: readonly string[]): string[] {
  return [...new Set([...activeActivityIds, ...incidentActivityIds])];
}

export const instanceScreen: Screen = {
  section: 'instances',
  title: 'Instance',
  matches: (route) => route.path.length === 2 && route.path[0] === 'instances',
  mount: (container, api, route) => ({ unmount: mountInstancePage(container, api, route) }),
};
