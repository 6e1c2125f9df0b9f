import './login.css';
import { sessionHeaders } from '../api/session';
import { signInFailure } from './sign-in';

/**
 * The login page: posts user name and password to the server's form sign-in and, once it has a
 * session, opens the console at the address the user first asked for (the redirect here keeps the
 * `#/…` part).
 */
const form = document.querySelector<HTMLFormElement>('#js-login-form')!;
const error = document.querySelector<HTMLElement>('#js-login-error')!;
const submit = document.querySelector<HTMLButtonElement>('#js-login-submit')!;

function post(body: URLSearchParams): Promise<Response> {
  return fetch('login', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { Accept: 'application/json', ...sessionHeaders() },
    body,
  });
}

async function signIn(): Promise<void> {
  const body = new URLSearchParams(new FormData(form) as unknown as Record<string, string>);
  error.hidden = true;
  submit.disabled = true;
  try {
    let response = await post(body);
    if (response.status === 403) {
      // no CSRF cookie yet (e.g. cleared); the refusal has set one
      response = await post(body);
    }
    if (response.ok) {
      location.replace(`./${location.hash}`);
      return;
    }
    showError(await signInFailure(response));
  } catch {
    showError('The server is not reachable.');
  } finally {
    submit.disabled = false;
  }
}

function showError(message: string): void {
  error.textContent = message;
  error.hidden = false;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void signIn();
});
