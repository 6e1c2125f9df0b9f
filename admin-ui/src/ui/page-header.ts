/**
 * The top of a page that reloads itself: its title, when it last loaded, a Refresh button and the
 * error banner. The ids are the ones the pages and the browser tests look for.
 */
export function refreshingPageHeader(title: string): string {
  return `
    <div class="page-header">
      <h1>${title}</h1>
      <div class="page-actions">
        <span class="muted" id="js-last-updated" data-testid="js-last-updated"></span>
        <button type="button" class="button" id="js-refresh" data-testid="js-refresh">Refresh</button>
      </div>
    </div>
    <div class="alert alert-error" id="js-error" data-testid="js-error" role="alert" hidden></div>`;
}
