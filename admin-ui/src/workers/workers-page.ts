import { describeError, type BatonApi, type Topic, type Worker } from '../api/client';
import { can, currentUser } from '../api/permissions';
import { workerActions, workerActionsCell } from './worker-actions';
import type { Screen } from '../screen';
import { stateBadge } from '../ui/badges';
import { byId, cell, h, showMessages } from '../ui/dom';
import { formatAge, formatAgo, formatCount, formatDateTimeLong } from '../ui/format';
import { Refresher } from '../ui/refresher';
import { refreshingPageHeader } from '../ui/page-header';

export const REFRESH_INTERVAL_MS = 10_000;

/** Active first, then the ones that stopped, then the ones that never started. */
const STATUS_ORDER: readonly string[] = ['ACTIVE', 'STALE', 'REGISTERED'];

const template = `
  <section class="page">
    ${refreshingPageHeader('Workers')}
    <p class="muted state" id="js-loading" data-testid="js-loading" hidden>Loading…</p>
    <div class="section-header">
      <h2>Workers</h2>
      <button type="button" class="button button-primary" id="js-register-worker" data-testid="js-register-worker" hidden>Register worker</button>
    </div>
    <div class="table-scroll">
    <table class="table">
      <colgroup><col class="col-text" /><col class="col-state" /><col class="col-text" /><col class="col-type" /><col class="col-num" /><col class="col-num" /><col class="col-num" /><col class="col-num" /><col class="col-num" /><col class="col-num" /><col class="col-actions-keys js-admin-column" /></colgroup>
      <thead>
        <tr>
          <th scope="col">Worker</th>
          <th scope="col">Status</th>
          <th scope="col">Topics</th>
          <th scope="col">Last poll</th>
          <th scope="col" class="num">Locked now</th>
          <th scope="col" class="num">Fetched</th>
          <th scope="col" class="num">Completed</th>
          <th scope="col" class="num">Failed</th>
          <th scope="col" class="num">BPMN errors</th>
          <th scope="col">Registered</th>
          <th scope="col" class="js-admin-column" hidden>Key</th>
        </tr>
      </thead>
      <tbody id="js-workers" data-testid="js-workers"></tbody>
    </table>
    <p class="state" id="js-empty" data-testid="js-empty" hidden>No worker has polled since Baton started</p>
    </div>
    <h2>Topics</h2>
    <div class="table-scroll">
    <table class="table">
      <colgroup><col class="col-process" /><col class="col-process" /><col class="col-num" /><col class="col-num" /><col class="col-num-wide" /><col class="col-type" /><col class="col-wide" /></colgroup>
      <thead>
        <tr>
          <th scope="col">Topic</th>
          <th scope="col">Used by</th>
          <th scope="col" class="num">Waiting</th>
          <th scope="col" class="num">Locked</th>
          <th scope="col" class="num" title="Tasks whose retries are used up: each has an incident">Without retries</th>
          <th scope="col" title="How long the oldest unlocked task has waited">Oldest waiting</th>
          <th scope="col">Polled by</th>
        </tr>
      </thead>
      <tbody id="js-topics" data-testid="js-topics"></tbody>
    </table>
    <p class="state" id="js-topics-empty" data-testid="js-topics-empty" hidden>No external-task topics: no deployed process has external tasks and no worker has polled</p>
    </div>
  </section>`;

/**
 * External-task workers (active, stale, or registered and never polled) and topics (every topic a
 * deployed diagram names or a worker polls, with its queue); reloads every 10 s.
 */
export function mountWorkersPage(container: HTMLElement, api: BatonApi, refreshMs = REFRESH_INTERVAL_MS): () => void {
  container.innerHTML = template;
  const find = <T extends HTMLElement = HTMLElement>(id: string) => byId<T>(container, id);
  const refreshButton = find<HTMLButtonElement>('js-refresh');
  let shown = false;
  let admin = false;
  let lastWorkers: Worker[] = [];
  const actions = workerActions(api, () => void refresher.now());

  function renderWorkers(workers: Worker[]): void {
    lastWorkers = workers;
    const now = Date.now();
    const sorted = [...workers].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || a.workerId.localeCompare(b.workerId));
    find('js-workers').replaceChildren(
      ...sorted.map((worker) => {
        const row = workerRow(worker, now);
        if (admin) {
          row.append(workerActionsCell(worker));
        }
        return row;
      }),
    );
    find('js-empty').hidden = sorted.length > 0;
  }

  const refresher = new Refresher(async (signal) => {
    refreshButton.disabled = true;
    find('js-loading').hidden = shown;
    const [workers, topics] = await Promise.allSettled([api.getWorkers(signal), api.getTopics(signal)]);
    if (signal.aborted) {
      return;
    }
    const errors: string[] = [];
    if (workers.status === 'fulfilled') {
      renderWorkers(workers.value);
    } else {
      errors.push(describeError('Could not load the workers', workers.reason));
    }
    if (topics.status === 'fulfilled') {
      const sorted = [...topics.value].sort((a, b) => a.topic.localeCompare(b.topic));
      find('js-topics').replaceChildren(...sorted.map(topicRow));
      find('js-topics-empty').hidden = sorted.length > 0;
    } else {
      errors.push(describeError('Could not load the topics', topics.reason));
    }
    showMessages(find('js-error'), errors);
    shown = shown || errors.length < 2;
    if (errors.length === 0) {
      find('js-last-updated').textContent = `Updated ${new Date().toLocaleTimeString()}`;
    }
    find('js-loading').hidden = true;
    refreshButton.disabled = false;
  }, refreshMs);
  refreshButton.addEventListener('click', () => void refresher.now());
  find('js-register-worker').addEventListener('click', () => actions.register());
  find('js-workers').addEventListener('click', (event) => actions.onRowClick(event, lastWorkers));
  void refresher.now();
  currentUser(api).then(
    (user) => {
      admin = can(user.roles, 'manageWorkers');
      find('js-register-worker').hidden = !admin;
      container.querySelectorAll<HTMLElement>('.js-admin-column').forEach((column) => (column.hidden = !admin));
      renderWorkers(lastWorkers);
    },
    () => {},
  );
  return () => {
    refresher.stop();
    actions.close();
  };
}

/** Nobody polls while tasks wait: the queue is stuck and only a worker can drain it. */
export function isStuck(topic: Topic): boolean {
  return topic.openTasks > 0 && topic.workers.length === 0;
}

function topicRow(topic: Topic): HTMLTableRowElement {
  const stuck = isStuck(topic);
  const row = h(
    'tr',
    { hook: 'js-topic-row', dataset: { topic: topic.topic, stuck: String(stuck) } },
    cell(topic.topic, 'mono'),
    cell((topic.processes ?? []).join(', ') || '–', 'mono js-topic-processes', (topic.processes ?? []).length ? 'Deployed processes with an external task on this topic' : 'No deployed process names this topic'),
    cell(formatCount(topic.openTasks), 'num'),
    cell(formatCount(topic.lockedTasks), 'num'),
    h('td', { className: 'num' }, topic.tasksWithoutRetries > 0 ? h('span', { className: 'badge badge-danger' }, formatCount(topic.tasksWithoutRetries)) : '0'),
    cell(topic.oldestUnlockedAgeSeconds === null ? '–' : formatAge(topic.oldestUnlockedAgeSeconds).replace(' ago', ''), undefined, formatDateTimeLong(topic.oldestUnlockedSince)),
    stuck
      ? h('td', { className: 'warning-text', title: 'Tasks wait on this topic and no active worker polls it' }, h('span', { className: 'badge badge-warning' }, 'No worker'), ' nobody polls: tasks wait')
      : cell(topic.workers.join(', ') || '–', 'mono'),
  );
  if (stuck) {
    row.classList.add('row-warning');
  }
  return row;
}

const WORKER_STATUS_LABELS: Record<string, string> = { ACTIVE: 'Active', STALE: 'Stale', REGISTERED: 'Registered' };

/** The topics it polls; one that never polled shows the topics its key allows, marked so. */
function workerTopics(worker: Worker): HTMLTableCellElement {
  if (worker.topics.length === 0 && worker.allowedTopics && worker.allowedTopics.length > 0) {
    return cell(`may fetch ${worker.allowedTopics.join(', ')}`, 'mono muted js-worker-topics', 'Has not polled yet: the topics its key allows');
  }
  return cell(worker.topics.join(', ') || '–', 'mono js-worker-topics', worker.allowedTopics ? `May fetch: ${worker.allowedTopics.join(', ')}` : '');
}

function workerRow(worker: Worker, now: number): HTMLTableRowElement {
  const row = h(
    'tr',
    { hook: 'js-worker-row', dataset: { workerId: worker.workerId, status: worker.status } },
    h('td', { title: worker.remoteAddress ? `from ${worker.remoteAddress}` : '' }, h('span', { className: 'mono' }, worker.workerId)),
    h('td', null, stateBadge(worker.status, WORKER_STATUS_LABELS[worker.status] ?? worker.status)),
    workerTopics(worker),
    worker.lastSeen ? cell(formatAgo(worker.lastSeen, now), 'js-worker-last-poll', formatDateTimeLong(worker.lastSeen)) : cell('never polled', 'muted js-worker-last-poll'),
    cell(formatCount(worker.lockedTasks), 'num'),
    cell(formatCount(worker.fetched), 'num'),
    cell(formatCount(worker.completed), 'num'),
    h('td', { className: 'num' }, worker.failed > 0 ? h('span', { className: 'badge badge-danger' }, formatCount(worker.failed)) : '0'),
    cell(formatCount(worker.bpmnErrors), 'num'),
    cell(worker.registered ? 'yes' : 'no', worker.registered ? '' : 'muted', worker.registered ? 'Has its own credentials' : 'Polls with a user’s credentials'),
  );
  if (worker.status === 'STALE') {
    row.classList.add(worker.lockedTasks > 0 ? 'row-warning' : 'row-stale');
    if (worker.lockedTasks > 0) {
      // a dead worker: its tasks stay locked until the lock expires
      row.title = `Stale with ${worker.lockedTasks} locked task(s): they wait until their locks expire`;
    }
  }
  return row;
}

export const workersScreen: Screen = {
  section: 'workers',
  title: 'Workers',
  matches: (route) => route.path.length === 1 && route.path[0] === 'workers',
  mount: (container, api) => ({ unmount: mountWorkersPage(container, api) }),
};
