import './styles.css';
import { ApiClient } from './api/client';
import type { Screen } from './screen';
import { statusScreen } from './status/status-page';

// Add new screens here; the first one is the start page.
const screens: Screen[] = [statusScreen];

const api = new ApiClient();
const nav = document.querySelector<HTMLElement>('#js-nav')!;
const main = document.querySelector<HTMLElement>('#js-main')!;
let unmount: (() => void) | undefined;

function currentScreen(): Screen {
  const path = location.hash.replace(/^#\/?/, '');
  return screens.find((screen) => screen.path === path) ?? screens[0]!;
}

function renderNav(active: Screen): void {
  nav.replaceChildren(
    ...screens.map((screen) => {
      const link = document.createElement('a');
      link.href = `#/${screen.path}`;
      link.textContent = screen.title;
      link.className = `app-nav-link js-nav-${screen.path}`;
      if (screen === active) {
        link.setAttribute('aria-current', 'page');
      }
      return link;
    }),
  );
}

function show(): void {
  const screen = currentScreen();
  unmount?.();
  renderNav(screen);
  document.title = `${screen.title} · Baton`;
  main.replaceChildren();
  unmount = screen.mount(main, api);
}

window.addEventListener('hashchange', show);
show();
