import { describeError, type BatonApi, type Incident } from '../api/client';
import { h } from '../ui/dom';
import { formatDateTime, formatDateTimeLong } from '../ui/format';

/**
 * An open incident (`js-incident`, data-incident-id): where, when, the message, a stack trace
 * fetched on first "Show stack trace" (`js-stacktrace`), and `js-retry-incident`, which gives
 * the failed job or external task one more retry and then calls `onRetried`.
 */
export function incidentCard(api: BatonApi, incident: Incident, activityName: string, running: boolean, onRetried: () => void): HTMLElement {
  const error = h('p', { className: 'field-error', hook: 'js-incident-error', attrs: { role: 'alert' } });
  error.hidden = true;
  const trace = h('pre', { className: 'stacktrace', hook: 'js-stacktrace' });
  trace.hidden = true;
  const showTrace = h('button', { className: 'button button-small', hook: 'js-show-stacktrace', attrs: { type: 'button', 'aria-expanded': 'false' } }, 'Show stack trace');
  const retry = h('button', { className: 'button button-small button-primary', hook: 'js-retry-incident', attrs: { type: 'button' } }, 'Retry');
  let traceLoaded = false;

  showTrace.addEventListener('click', async () => {
    const open = trace.hidden;
    trace.hidden = !open;
    showTrace.setAttribute('aria-expanded', String(open));
    showTrace.textContent = open ? 'Hide stack trace' : 'Show stack trace';
    if (!open || traceLoaded) {
      return;
    }
    trace.textContent = 'Loading…';
    try {
      const text = await api.getStacktrace(incident.id);
      trace.textContent = text.trim() || 'No stack trace was recorded for this incident.';
      traceLoaded = true;
    } catch (failure) {
      trace.textContent = describeError('Could not load the stack trace', failure);
    }
  });

  retry.addEventListener('click', async () => {
    retry.disabled = true;
    retry.textContent = 'Retrying…';
    error.hidden = true;
    try {
      await api.retryIncident(incident.id);
      retry.textContent = 'Retried';
      onRetried();
    } catch (failure) {
      retry.disabled = false;
      retry.textContent = 'Retry';
      error.textContent = describeError('Could not retry', failure);
      error.hidden = false;
    }
  });

  return h(
    'article',
    { className: 'incident', hook: 'js-incident', dataset: { incidentId: incident.id, activityId: incident.activityId } },
    h(
      'div',
      { className: 'incident-header' },
      h('span', { className: 'strong' }, activityName),
      h('span', { className: 'muted small mono' }, incident.type),
      h('span', { className: 'muted small', title: formatDateTimeLong(incident.time) }, formatDateTime(incident.time)),
      h('span', { className: 'incident-actions' }, showTrace, running ? retry : null),
    ),
    h('p', { className: 'incident-message', hook: 'js-incident-message' }, incident.message || 'No message'),
    incidentFacts(incident),
    error,
    trace,
  );
}

/**
 * `js-incident-facts`: retries left (`js-retries-left`), the worker that failed it (`js-incident-worker`,
 * external tasks only) and the next attempt (`js-next-attempt`).
 */
function incidentFacts(incident: Incident): HTMLElement {
  const retries = incident.retriesLeft;
  const next = incident.nextAttempt
    ? formatDateTime(incident.nextAttempt)
    : retries === 0
      ? 'none until someone retries it'
      : '–';
  return h(
    'p',
    { className: 'incident-facts', hook: 'js-incident-facts' },
    h('span', null, 'Retries left ', h('span', { className: 'strong', hook: 'js-retries-left' }, retries === null || retries === undefined ? '–' : String(retries))),
    h('span', null, 'Worker ', h('span', { className: 'mono', hook: 'js-incident-worker' }, incident.workerId || (incident.type === 'failedJob' ? 'the engine (adapter step)' : '–'))),
    h('span', null, 'Next attempt ', h('span', { hook: 'js-next-attempt', title: formatDateTimeLong(incident.nextAttempt ?? null) }, next)),
  );
}
