/** Words for a refused sign-in: the server's problem detail, or the status when there is none. */
export async function signInFailure(response: Response): Promise<string> {
  try {
    const problem = (await response.json()) as { detail?: unknown };
    if (typeof problem.detail === 'string' && problem.detail) {
      return problem.detail;
    }
  } catch {
    // not JSON: fall through to the status
  }
  return response.status === 401
    ? 'Wrong user name or password.'
    : `Sign-in failed (HTTP ${response.status}).`;
}
