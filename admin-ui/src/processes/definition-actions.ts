import { describeError, type BatonApi, type ProcessDefinitionDetail } from '../api/client';
import { can } from '../api/permissions';
import { href } from '../router';
import { confirmAction, type OpenDialog } from '../ui/confirm-dialog';
import { h } from '../ui/dom';
import { flash } from '../ui/flash';
import { plural } from '../ui/format';

/** What the definition page does for its actions. */
export interface DefinitionActionsHost {
  /** Shows a failure in the page's error alert; `undefined` clears it. */
  error(message: string | undefined): void;
  /** The definition changed on the server: say so and show its new state. */
  changed(message: string): void;
}

/** The buttons, to place in the page's actions; `show` and `allow` fill them in. */
export interface DefinitionActions {
  element: HTMLElement;
  /** The definition as last loaded (state, running count, deployment). */
  show(definition: ProcessDefinitionDetail): void;
  /** The signed-in user's roles: the buttons appear only for those who may use them. */
  allow(roles: readonly string[]): void;
  /** Closes an open dialog (the screen is left). */
  close(): void;
}

/**
 * Migrate (a link to the migration screen) and Suspend/Activate (operators, admins) and Delete
 * deployment (admins) for one definition version, the changes confirmed in a dialog that says what will happen and offers to include the running
 * instances. A failure shows in the dialog and in the page's error alert.
 */
export function definitionActions(api: BatonApi, host: DefinitionActionsHost): DefinitionActions {
  const hook = (id: string) => ({ id, 'data-testid': id, type: 'button', hidden: '' });
  const suspendButton = h('button', { className: 'button', attrs: hook('js-suspend-definition') });
  const deleteButton = h('button', { className: 'button button-danger', attrs: hook('js-delete-deployment') }, 'Delete deployment…');
  const migrateLink = h('a', { className: 'button', attrs: { id: 'js-migrate-definition', 'data-testid': 'js-migrate-definition', hidden: '' } }, 'Migrate…');
  let definition: ProcessDefinitionDetail | undefined;
  let roles: readonly string[] = [];
  let dialog: OpenDialog | undefined;

  function render(): void {
    suspendButton.hidden = !definition || !can(roles, 'suspendDefinition');
    suspendButton.textContent = definition?.suspended ? 'Activate…' : 'Suspend…';
    deleteButton.hidden = !definition || !can(roles, 'deleteDeployment');
    migrateLink.hidden = !definition || !can(roles, 'migrateInstances');
    migrateLink.href = definition ? href(['migrations'], { source: definition.id }) : '#/processes';
  }

  /** Runs a change; a failure also goes to the page's alert, never only into the dialog. */
  async function attempt(failure: string, change: () => Promise<void>): Promise<void> {
    try {
      await change();
      host.error(undefined);
    } catch (problem) {
      host.error(describeError(failure, problem));
      throw problem;
    }
  }

  function open(options: Parameters<typeof confirmAction>[0], done: () => void): void {
    dialog = confirmAction(options);
    void dialog.closed.then((succeeded) => {
      dialog = undefined;
      if (succeeded) {
        done();
      }
    });
  }

  suspendButton.addEventListener('click', () => {
    if (!definition) {
      return;
    }
    const { id, suspended, runningInstances } = definition;
    const label = labelOf(definition);
    const suspend = !suspended;
    const failure = suspend ? 'Could not suspend the definition' : 'Could not activate the definition';
    open(
      {
        title: suspend ? `Suspend ${label}` : `Activate ${label}`,
        text: suspend
          ? `Suspend ${label}? No new instances will start, timer starts stop. Running instances go on unless included below.`
          : `Activate ${label}? Instances can be started again and its timer start events fire again.`,
        optionLabel: suspend ? `Also suspend its ${plural(runningInstances, 'running instance')}` : `Also activate its ${plural(runningInstances, 'instance')}`,
        confirmLabel: suspend ? 'Suspend' : 'Activate',
        failure,
        action: (_reason, includeInstances) => attempt(failure, () => api.setDefinitionSuspension(id, suspend, includeInstances)),
      },
      () => host.changed(suspend ? `${label} suspended: no new instances start.` : `${label} activated.`),
    );
  });

  deleteButton.addEventListener('click', () => {
    if (!definition) {
      return;
    }
    const { deploymentId, runningInstances } = definition;
    const label = labelOf(definition);
    const failure = 'Could not delete the deployment';
    let cascaded = false;
    const running = runningInstances === 0 ? 'No instance of it is running.' : `It has ${plural(runningInstances, 'running instance')}; unless they are included below, the server refuses while any runs.`;
    open(
      {
        title: 'Delete deployment',
        text: `Delete deployment ${deploymentId} with ${label}? The version is removed from the engine and its timer starts stop; this cannot be undone. ${running}`,
        optionLabel: `Also cancel and delete its ${plural(runningInstances, 'running instance')}`,
        confirmLabel: 'Delete deployment',
        dismissLabel: 'Keep it',
        danger: true,
        failure,
        action: (_reason, cascade) =>
          attempt(failure, async () => {
            await api.deleteDeployment(deploymentId, cascade);
            cascaded = cascade;
          }),
      },
      () => {
        flash(`Deployment ${deploymentId} deleted with ${label}${cascaded ? ' and its instances' : ''}.`);
        location.hash = href(['processes']);
      },
    );
  });

  render();
  return {
    element: h('span', { className: 'page-actions' }, migrateLink, suspendButton, deleteButton),
    show(loaded) {
      definition = loaded;
      render();
    },
    allow(given) {
      roles = given;
      render();
    },
    close() {
      dialog?.dismiss();
    },
  };
}

function labelOf(definition: ProcessDefinitionDetail): string {
  return `${definition.name || definition.key} v${definition.version}`;
}
