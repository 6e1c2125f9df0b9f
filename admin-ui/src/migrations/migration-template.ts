/** The migration screen's static layout; data goes in as text by the page. */
export const template = `
  <section class="page">
    <div class="page-header">
      <div class="title-block">
        <h1 id="js-migration-title" data-testid="js-migration-title">Migrate instances</h1>
        <label class="inline-field">To version
          <select class="select" id="js-migration-target" data-testid="js-migration-target" aria-label="Target version"></select>
        </label>
      </div>
      <div class="page-actions">
        <a class="button" id="js-migration-back" data-testid="js-migration-back" href="#/processes">Back to the definition</a>
      </div>
    </div>
    <div class="alert alert-error" id="js-error" data-testid="js-error" role="alert" hidden></div>
    <p class="muted">Tokens waiting at a source activity move to the target activity with the same number. Change a target in the table, then validate.</p>
    <div class="migration-diagrams">
      <div><h2>Source</h2><div id="js-source-slot"></div></div>
      <div><h2>Target</h2><div id="js-target-slot"></div></div>
    </div>
    <h2>Mapping</h2>
    <p id="js-plan-status" data-testid="js-plan-status" role="status"></p>
    <div class="alert alert-error" id="js-plan-problems" data-testid="js-plan-problems" role="alert" hidden></div>
    <div class="table-scroll">
      <table class="table table-wrap">
        <colgroup><col class="col-num" /><col class="col-wide" /><col class="col-wide" /><col /></colgroup>
        <thead><tr><th scope="col" class="num">#</th><th scope="col">Source activity</th><th scope="col">Target activity</th><th scope="col">Problems</th></tr></thead>
        <tbody id="js-mapping-rows" data-testid="js-mapping-rows"></tbody>
      </table>
    </div>
    <h2>Instances</h2>
    <p class="muted" id="js-list-filter" data-testid="js-list-filter" hidden></p>
    <div class="migration-selection">
      <label class="field">Business key starts with (empty: all running instances of this version)
        <input class="input" id="js-filter-prefix" data-testid="js-filter-prefix" />
      </label>
      <label class="field">Or only these instance ids, one per line
        <textarea class="input" id="js-instance-ids" data-testid="js-instance-ids" rows="2"></textarea>
      </label>
    </div>
    <div class="toolbar">
      <button type="button" class="button" id="js-validate" data-testid="js-validate">Validate</button>
      <button type="button" class="button" id="js-dry-run" data-testid="js-dry-run">Dry run</button>
      <button type="button" class="button button-primary" id="js-migrate" data-testid="js-migrate">Migrate…</button>
    </div>
    <section class="panel" id="js-dry-run-result" data-testid="js-dry-run-result" hidden>
      <div class="panel-header"><h2>Dry run</h2></div>
      <p id="js-dry-run-summary" data-testid="js-dry-run-summary" role="status"></p>
      <div class="table-scroll">
        <table class="table table-wrap">
          <colgroup><col class="col-text" /><col /></colgroup>
          <thead><tr><th scope="col">Instance that would fail</th><th scope="col">Why</th></tr></thead>
          <tbody id="js-dry-run-failing" data-testid="js-dry-run-failing"></tbody>
        </table>
      </div>
    </section>
    <section class="panel" id="js-migration-progress" data-testid="js-migration-progress" hidden>
      <div class="panel-header"><h2>Migrating</h2></div>
      <progress class="progress" id="js-migration-bar" data-testid="js-migration-bar" max="1" value="0"></progress>
      <p id="js-migration-summary" data-testid="js-migration-summary" role="status"></p>
      <a class="button" id="js-migration-target-link" data-testid="js-migration-target-link" hidden>Show the target version</a>
    </section>
  </section>`;
