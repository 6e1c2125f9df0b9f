/**
 * A message for the next screen, shown once: e.g. the processes list saying which deployment was
 * just deleted from the definition screen that no longer exists. Kept in memory, so a reload or a
 * shared link never shows it again.
 */
let pending: string | undefined;

/** Leaves `message` for the next screen that shows notices. */
export function flash(message: string): void {
  pending = message;
}

/** The message left for this screen, if any; it is gone afterwards. */
export function takeFlash(): string | undefined {
  const message = pending;
  pending = undefined;
  return message;
}
