import { ApiError, describeError, type BatonApi, type InstanceDetail, type ModificationInstruction } from '../api/client';
import { can } from '../api/permissions';
import type { DiagramView } from '../diagram/diagram';
import { href } from '../router';
import { confirmAction, type OpenDialog } from '../ui/confirm-dialog';
import { h } from '../ui/dom';
import { clickOutcome, describeInstruction, paintPlan, parseVariables } from './modify-plan';

/** What the instance page lends the repair tools. */
export interface RepairHost {
  nameOf(activityId: string): string;
  /** Where the instance holds tokens now (active steps and incident steps). */
  activeSteps(): string[];
  /** Repaint the diagram (path markers, then {@link InstanceRepair.paint}). */
  repaint(): void;
  /** The instance changed on the server: say so and reload. */
  changed(message: string): void;
}

export interface InstanceRepair {
  /** Modify…, Suspend/Activate (running) or Restart… (ended): for the page's actions. */
  buttons: HTMLElement;
  /** The plan being built, shown above the diagram while a mode is on. */
  panel: HTMLElement;
  show(detail: InstanceDetail, running: boolean): void;
  allow(roles: readonly string[]): void;
  /** Draws the plan on a freshly painted diagram; wires clicks the first time it sees a view. */
  paint(view: DiagramView): void;
  /** A mode or a dialog is open: a background reload would throw it away. */
  busy(): boolean;
  close(): void;
}

type Mode = 'off' | 'modify' | 'restart';

/**
 * Repair tools of one instance (operators, admins): "Modify" builds a plan by clicking steps on
 * the diagram (cancel active ones, start before or after others), shows it on the diagram, asks
 * for an annotation and runs it as one modification; "Restart" starts an ended instance again
 * before a clicked step; "Suspend"/"Activate" hold or release a running one.
 */
export function instanceRepair(api: BatonApi, host: RepairHost): InstanceRepair {
  const button = (id: string, text: string) => h('button', { className: 'button', attrs: { type: 'button', id, 'data-testid': id, hidden: '' } }, text);
  const modifyButton = button('js-modify', 'Modify…');
  const restartButton = button('js-restart', 'Restart…');
  const suspendButton = button('js-suspend-instance', 'Suspend…');
  const field = (id: string, tag: 'input' | 'textarea', placeholder: string) =>
    h(tag, { className: 'input', attrs: { id, 'data-testid': id, placeholder, 'aria-label': placeholder } });
  const hint = h('p', { className: 'muted small', hook: 'js-repair-hint' });
  const choice = h('div', { className: 'toolbar', hook: 'js-modify-choice' });
  const plan = h('ol', { className: 'plan-list', hook: 'js-modify-plan' });
  const variables = field('js-modify-variables', 'textarea', 'Variables (optional JSON object, e.g. {"trackingNumber": "T-1"})');
  const annotation = field('js-repair-annotation', 'input', 'Annotation: why (kept in the operation log)');
  const problems = h('ul', { className: 'alert alert-error', hook: 'js-repair-problems', attrs: { role: 'alert' } });
  const execute = h('button', { className: 'button button-primary', attrs: { type: 'button', id: 'js-repair-execute', 'data-testid': 'js-repair-execute' } }, 'Execute…');
  const exit = h('button', { className: 'button', attrs: { type: 'button', id: 'js-repair-exit', 'data-testid': 'js-repair-exit' } }, 'Leave');
  const title = h('h2', null);
  const panel = h('section', { className: 'repair-panel', hook: 'js-repair-panel', attrs: { id: 'js-repair-panel' } }, title, hint, choice, plan, variables, annotation, problems, h('div', { className: 'toolbar' }, execute, exit));
  panel.hidden = true;

  let detail: InstanceDetail | undefined;
  let running = false;
  let roles: readonly string[] = [];
  let mode: Mode = 'off';
  let instructions: ModificationInstruction[] = [];
  let selected: string | undefined;
  let dialog: OpenDialog | undefined;
  let wired: DiagramView | undefined;
  let unsubscribe: (() => void) | undefined;

  function render(): void {
    const allowed = can(roles, 'repairInstance') && detail !== undefined;
    modifyButton.hidden = !allowed || !running || mode !== 'off';
    suspendButton.hidden = !allowed || !running;
    suspendButton.textContent = detail?.suspended ? 'Activate…' : 'Suspend…';
    restartButton.hidden = !allowed || running || mode !== 'off';
    panel.hidden = mode === 'off';
    title.textContent = mode === 'modify' ? 'Modify instance' : 'Restart instance';
    hint.textContent =
      mode === 'modify'
        ? 'Click a step on the diagram: an active step is canceled; any other step can be started before or after. The plan runs as one operation.'
        : 'Click the step the new instance starts before; it gets this instance’s last variables.';
    variables.hidden = mode !== 'modify';
    plan.hidden = mode !== 'modify';
    plan.replaceChildren(...instructions.map((instruction, index) => planRow(instruction, index)));
    choice.replaceChildren(...choiceButtons());
    choice.hidden = choice.childElementCount === 0;
    problems.hidden = problems.childElementCount === 0;
    execute.textContent = mode === 'modify' ? 'Execute…' : 'Restart…';
    execute.disabled = mode === 'modify' ? instructions.length === 0 || !annotation.value.trim() : !selected;
    host.repaint();
  }

  function planRow(instruction: ModificationInstruction, index: number): HTMLElement {
    const remove = h('button', { className: 'link-button', hook: 'js-plan-remove', attrs: { type: 'button', 'aria-label': 'Remove' } }, 'remove');
    remove.addEventListener('click', () => {
      instructions = instructions.filter((_, at) => at !== index);
      render();
    });
    return h('li', { hook: 'js-plan-row', dataset: { type: instruction.type, activityId: instruction.activityId } }, `${describeInstruction(instruction, host.nameOf)} `, remove);
  }

  function choiceButtons(): HTMLElement[] {
    if (mode === 'restart') {
      return selected ? [h('span', { hook: 'js-restart-step' }, `Restart before ${host.nameOf(selected)}`)] : [];
    }
    if (!selected) {
      return [];
    }
    const add = (type: ModificationInstruction['type'], text: string) => {
      const choose = h('button', { className: 'button button-small', attrs: { type: 'button', id: `js-choose-${type}`, 'data-testid': `js-choose-${type}` } }, text);
      choose.addEventListener('click', () => {
        instructions = [...instructions, { type, activityId: selected! }];
        selected = undefined;
        render();
      });
      return choose;
    };
    return [h('span', null, `${host.nameOf(selected)}: `), add('startBefore', 'Start before'), add('startAfter', 'Start after')];
  }

  function clicked(activityId: string): void {
    if (mode === 'off') {
      return;
    }
    if (mode === 'restart') {
      selected = activityId;
    } else {
      const outcome = clickOutcome(activityId, host.activeSteps(), instructions);
      if (outcome === 'choose') {
        selected = activityId;
      } else {
        instructions = [...instructions, outcome];
        selected = undefined;
      }
    }
    render();
  }

  function enter(next: Mode): void {
    mode = next;
    instructions = [];
    selected = undefined;
    variables.value = '';
    annotation.value = '';
    problems.replaceChildren();
    render();
  }

  function fail(error: unknown, action: string): void {
    const listed = error instanceof ApiError ? ((error.problem as { problems?: { index: number; message: string }[] } | undefined)?.problems ?? []) : [];
    const lines = listed.length
      ? listed.map((problem) => `Instruction ${problem.index + 1} (${describeInstruction(instructions[problem.index] ?? { type: 'cancel', activityId: '?' }, host.nameOf)}): ${problem.message}`)
      : [describeError(action, error)];
    problems.replaceChildren(...lines.map((line) => h('li', { hook: 'js-repair-problem' }, line)));
    render();
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

  function executeModification(instance: InstanceDetail['instance']): void {
    let body: Record<string, unknown> | undefined;
    try {
      body = parseVariables(variables.value);
    } catch (error) {
      fail(error, 'Could not read the variables');
      return;
    }
    const steps = instructions.map((instruction) => describeInstruction(instruction, host.nameOf)).join(', then ');
    const note = annotation.value.trim();
    open(
      {
        title: 'Modify instance',
        text: `${steps}${body ? `, setting ${Object.keys(body).join(', ')}` : ''}. Steps run as the plan says; this cannot be undone.`,
        confirmLabel: 'Execute',
        failure: 'Could not modify the instance',
        action: async () => {
          try {
            await api.modifyInstance(instance.id, { instructions, variables: body, annotation: note });
          } catch (error) {
            fail(error, 'Could not modify the instance');
            throw error;
          }
        },
      },
      () => {
        enter('off');
        host.changed(`Instance modified: ${steps}.`);
      },
    );
  }

  function executeRestart(instance: InstanceDetail['instance']): void {
    const step = selected!;
    open(
      {
        title: 'Restart instance',
        text: `Start a new instance of ${instance.definitionKey} v${instance.definitionVersion} before ${host.nameOf(step)}, with this instance’s last variables?`,
        confirmLabel: 'Restart',
        failure: 'Could not restart the instance',
        action: async () => {
          const started = await api.restartInstance(instance.id, step, annotation.value.trim());
          enter('off');
          window.location.hash = href(['instances', started]);
        },
      },
      () => undefined,
    );
  }

  modifyButton.addEventListener('click', () => enter('modify'));
  restartButton.addEventListener('click', () => enter('restart'));
  exit.addEventListener('click', () => enter('off'));
  annotation.addEventListener('input', () => {
    execute.disabled = mode === 'modify' ? instructions.length === 0 || !annotation.value.trim() : !selected;
  });
  execute.addEventListener('click', () => {
    if (detail) {
      (mode === 'modify' ? executeModification : executeRestart)(detail.instance);
    }
  });
  suspendButton.addEventListener('click', () => {
    if (!detail) {
      return;
    }
    const { instance, suspended } = detail;
    open(
      {
        title: suspended ? 'Activate instance' : 'Suspend instance',
        text: suspended ? 'Activate this instance? Its jobs and tasks run again.' : 'Suspend this instance? None of its jobs or tasks runs until it is activated.',
        confirmLabel: suspended ? 'Activate' : 'Suspend',
        failure: suspended ? 'Could not activate the instance' : 'Could not suspend the instance',
        action: () => api.setInstanceSuspension(instance.id, !suspended),
      },
      () => host.changed(suspended ? 'Instance activated.' : 'Instance suspended.'),
    );
  });

  return {
    buttons: h('span', { className: 'repair-buttons' }, modifyButton, suspendButton, restartButton),
    panel,
    show(loaded, isRunning) {
      detail = loaded;
      running = isRunning;
      if ((mode === 'modify' && !running) || (mode === 'restart' && running)) {
        enter('off');
      }
      render();
    },
    allow(granted) {
      roles = granted;
      render();
    },
    paint(view) {
      if (wired !== view) {
        unsubscribe?.();
        unsubscribe = view.onActivityClick(clicked);
        wired = view;
      }
      paintPlan(view, mode === 'modify' ? instructions : [], selected);
    },
    busy: () => mode !== 'off' || dialog !== undefined,
    close() {
      dialog?.dismiss();
      unsubscribe?.();
    },
  };
}
