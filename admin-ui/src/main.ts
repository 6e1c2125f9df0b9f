import './styles.css';
import { ApiClient, describeError } from './api/client';
import { can, currentUser } from './api/permissions';
import { batchesScreen } from './batches/batches-page';
import { deploymentsScreen } from './deployments/deployments-page';
import { dashboardScreen } from './dashboard/dashboard-page';
import { incidentsScreen } from './incidents/incidents-page';
import { instanceScreen } from './instances/instance-page';
import { instancesScreen } from './instances/instances-page';
import { migrationScreen } from './migrations/migration-page';
import { modelerScreen } from './modeler/modeler-page';
import { definitionScreen } from './processes/definition-page';
import { processesScreen } from './processes/processes-page';
import { parseRoute, type Route } from './router';
import type { MountedScreen, Screen, Section } from './screen';
import { statusScreen } from './status/status-page';
import { timeZone } from './ui/format';
import { changeMyPassword } from './users/password-dialog';
import { usersScreen } from './users/users-page';
import { workersScreen } from './workers/workers-page';

/** Every screen; the first one is the start page (`#/`). */
const screens: Screen[] = [
  dashboardScreen,
  processesScreen,
  definitionScreen,
  migrationScreen,
  modelerScreen,
  instancesScreen,
  instanceScreen,
  incidentsScreen,
  batchesScreen,
  workersScreen,
  deploymentsScreen,
  usersScreen,
  statusScreen,
];

/** The header navigation, in order. */
const sections: { section: Section; label: string; path: string; adminOnly?: boolean }[] = [
  { section: 'dashboard', label: 'Dashboard', path: 'dashboard' },
  { section: 'processes', label: 'Processes', path: 'processes' },
  { section: 'modeler', label: 'Modeler', path: 'modeler' },
  { section: 'instances', label: 'Instances', path: 'instances' },
  { section: 'incidents', label: 'Incidents', path: 'incidents' },
  { section: 'batches', label: 'Batches', path: 'batches' },
  { section: 'workers', label: 'Workers', path: 'workers' },
  { section: 'deployments', label: 'Deployments', path: 'deployments' },
  { section: 'users', label: 'Users', path: 'users', adminOnly: true },
  { section: 'system', label: 'System', path: 'system' },
];

const api = new ApiClient();
const nav = document.querySelector<HTMLElement>('#js-nav')!;
const main = document.querySelector<HTMLElement>('#js-main')!;
const user = document.querySelector<HTMLElement>('#js-header-user')!;
const signOutButton = document.querySelector<HTMLButtonElement>('#js-logout')!;
const passwordButton = document.querySelector<HTMLButtonElement>('#js-change-password')!;
/** Whether the signed-in user may manage users (the Users link shows only then). */
let managesUsers = false;
let shown: { screen: Screen; mounted: MountedScreen } | undefined;

function screenFor(route: Route): Screen | undefined {
  return route.path.length === 0 ? screens[0] : screens.find((screen) => screen.matches(route));
}

function renderNav(active: Section | undefined): void {
  nav.replaceChildren(
    ...sections.filter(({ adminOnly }) => !adminOnly || managesUsers).map(({ section, label, path }) => {
      const link = document.createElement('a');
      link.href = `#/${path}`;
      link.textContent = label;
      link.id = `js-nav-${section}`;
      link.className = `app-nav-link js-nav-${section}`;
      link.dataset.testid = `js-nav-${section}`;
      if (section === active) {
        link.setAttribute('aria-current', 'page');
      }
      return link;
    }),
  );
}

function show(): void {
  const route = parseRoute(location.hash);
  const screen = screenFor(route);
  if (shown && shown.screen === screen && shown.mounted.update) {
    shown.mounted.update(route);
    return;
  }
  shown?.mounted.unmount();
  shown = undefined;
  main.replaceChildren();
  renderNav(screen?.section);
  if (!screen) {
    document.title = 'Not found · Baton';
    main.innerHTML = `
      <section class="page">
        <h1>Page not found</h1>
        <p class="state" id="js-empty" data-testid="js-empty">
          Nothing lives at this address. <a href="#/dashboard">Go to the dashboard</a>.
        </p>
      </section>`;
    return;
  }
  document.title = `${screen.title} · Baton`;
  shown = { screen, mounted: screen.mount(main, api, route) };
}

async function showUser(): Promise<void> {
  user.title = `Times are shown in ${timeZone()}`;
  try {
    const signedIn = await currentUser(api);
    user.textContent = signedIn.user;
    managesUsers = can(signedIn.roles, 'manageUsers');
    renderNav(shown?.screen.section);
  } catch (error) {
    user.textContent = describeError('Unknown user', error);
  }
}

/** The address shown; a screen that refuses to be left (unsaved edits) gets it back. */
let currentHash = location.hash;

async function navigate(): Promise<void> {
  const target = location.hash;
  if (target === currentHash) {
    return;
  }
  const guard = shown?.mounted.confirmLeave;
  if (guard && shown && screenFor(parseRoute(target)) !== shown.screen) {
    const answer = guard.call(shown.mounted);
    if (answer !== true) {
      // back to the screen's address while it asks; replaceState fires no hashchange
      history.replaceState(null, '', currentHash || '#/');
      if (!(await answer)) {
        return;
      }
      history.replaceState(null, '', target);
    }
  }
  currentHash = target;
  show();
}

/** The session ended (signed out elsewhere, timed out, server restarted): sign in again, come back here. */
function toLoginPage(): void {
  location.replace(`login.html${location.hash}`);
}

async function signOut(): Promise<void> {
  signOutButton.disabled = true;
  try {
    await api.signOut();
  } finally {
    // nothing to keep either way: a failed sign-out still leaves the login page as the way on
    location.replace('login.html');
  }
}

api.onUnauthorized = toLoginPage;
signOutButton.addEventListener('click', () => void signOut());
passwordButton.addEventListener('click', () => void changeMyPassword(api));
window.addEventListener('hashchange', () => void navigate());
show();
void showUser();
