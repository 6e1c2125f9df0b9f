import { describeError, isAbort, type BatonApi, type DeploymentSummary } from '../api/client';
import { can, currentUser } from '../api/permissions';
import { href } from '../router';
import type { Screen } from '../screen';
import { confirmAction, type OpenDialog } from '../ui/confirm-dialog';
import { byId, cell, h, showMessages } from '../ui/dom';
import { formatCount, formatDateTime, formatDateTimeLong, plural } from '../ui/format';
import { refreshingPageHeader } from '../ui/page-header';
import { Pager, pageOf, pageSizeOf } from '../ui/pager';

const template = `
  <section class="page">
    ${refreshingPageHeader('Deployments')}
    <p class="muted state" id="js-loading" data-testid="js-loading" hidden>Loading…</p>
    <div class="table-scroll">
    <table class="table">
      <colgroup><col /><col /><col /><col /><col /><col class="col-actions-narrow" /><col class="col-actions-narrow" /><col class="col-actions-narrow js-admin-column" /></colgroup>
      <thead>
        <tr>
          <th scope="col">Deployed</th>
          <th scope="col">Name</th>
          <th scope="col">By</th>
          <th scope="col">Note</th>
          <th scope="col">Files</th>
          <th scope="col" class="num">Running</th>
          <th scope="col" class="num">Ended</th>
          <th scope="col" class="js-admin-column" hidden></th>
        </tr>
      </thead>
      <tbody id="js-deployments" data-testid="js-deployments"></tbody>
    </table>
    <p class="state" id="js-empty" data-testid="js-empty" hidden>Nothing deployed</p>
    </div>
    <div id="js-pager-slot"></div>
  </section>`;

/**
 * Every deployment, newest first, paged on the server: when, who and why, its files (download) and
 * its running and ended instances; an administrator deletes one after a confirmation with those
 * counts (with its instances only when asked).
 */
export function mountDeploymentsPage(container: HTMLElement, api: BatonApi, page: number, size: number): { unmount(): void } {
  container.innerHTML = template;
  const find = <T extends HTMLElement = HTMLElement>(id: string) => byId<T>(container, id);
  const pager = new Pager((next, nextSize) => (location.hash = href(['deployments'], { page: next, size: nextSize })));
  find('js-pager-slot').replaceWith(pager.element);
  let admin = false;
  let shown: DeploymentSummary[] = [];
  let pending: AbortController | undefined;
  let dialog: OpenDialog | undefined;

  function render(): void {
    find('js-deployments').replaceChildren(...shown.map((d) => row(d)));
    find('js-empty').hidden = shown.length > 0;
  }

  function row(deployment: DeploymentSummary): HTMLTableRowElement {
    const files = h(
      'td',
      { className: 'resource-links' },
      ...deployment.resources.map((r) => h('a', { hook: 'js-resource-link', href: api.deploymentResourceUrl(deployment.id, r.id), attrs: { download: '' } }, r.name)),
    );
    const tr = h(
      'tr',
      { hook: 'js-deployment-row', dataset: { deploymentId: deployment.id } },
      cell(formatDateTime(deployment.deployedAt), '', formatDateTimeLong(deployment.deployedAt)),
      cell(deployment.name ?? '–', 'mono'),
      cell(deployment.deployedBy ?? '–', deployment.deployedBy ? '' : 'muted', deployment.deployedBy ? '' : 'Deployed at start-up or by a tool without a user'),
      cell(deployment.note ?? '', 'js-deployment-note'),
      files,
      cell(formatCount(deployment.running), 'num js-deployment-running'),
      cell(formatCount(deployment.ended), 'num js-deployment-ended'),
    );
    if (admin) {
      const remove = h('button', { className: 'button button-small button-danger', hook: 'js-delete-deployment', attrs: { type: 'button' } }, 'Delete');
      remove.addEventListener('click', () => confirmDelete(deployment));
      tr.append(h('td', { className: 'actions' }, remove));
    }
    return tr;
  }

  function confirmDelete(deployment: DeploymentSummary): void {
    const running = plural(deployment.running, 'running instance');
    const ended = plural(deployment.ended, 'ended instance');
    dialog = confirmAction({
      title: `Delete deployment ${deployment.name ?? deployment.id}?`,
      text:
        `It holds ${running} and ${ended}. Its definitions, files and the history of its instances are deleted. ` +
        (deployment.running > 0 ? 'Without the option below a deployment with running instances is refused.' : ''),
      optionLabel: deployment.running > 0 ? `Also cancel and delete its ${running}` : undefined,
      confirmLabel: 'Delete deployment',
      danger: true,
      failure: 'Could not delete the deployment',
      action: (_reason, cascade) => api.deleteDeployment(deployment.id, cascade),
    });
    void dialog.closed.then((done) => done && void load());
  }

  async function load(): Promise<void> {
    pending?.abort();
    const controller = new AbortController();
    pending = controller;
    find<HTMLButtonElement>('js-refresh').disabled = true;
    find('js-loading').hidden = false;
    pager.setBusy(true);
    try {
      const result = await api.getDeployments(page, size, controller.signal);
      shown = result.items;
      render();
      pager.show({ page: result.page, size: result.size, total: result.total, shown: result.items.length });
      showMessages(find('js-error'), []);
      find('js-last-updated').textContent = `Updated ${new Date().toLocaleTimeString()}`;
    } catch (error) {
      if (!isAbort(error)) {
        showMessages(find('js-error'), [describeError('Could not load the deployments', error)]);
      }
    } finally {
      if (pending === controller) {
        find<HTMLButtonElement>('js-refresh').disabled = false;
        find('js-loading').hidden = true;
        pager.setBusy(false);
      }
    }
  }

  find('js-refresh').addEventListener('click', () => void load());
  void load();
  currentUser(api).then(
    (user) => {
      admin = can(user.roles, 'deleteDeployment');
      container.querySelectorAll<HTMLElement>('.js-admin-column').forEach((column) => (column.hidden = !admin));
      render();
    },
    () => {},
  );
  return {
    unmount: () => {
      pending?.abort();
      dialog?.dismiss();
    },
  };
}

export const deploymentsScreen: Screen = {
  section: 'deployments',
  title: 'Deployments',
  matches: (route) => route.path.length === 1 && route.path[0] === 'deployments',
  mount: (container, api, route) => mountDeploymentsPage(container, api, pageOf(route.query.get('page')), pageSizeOf(route.query.get('size'))),
};
