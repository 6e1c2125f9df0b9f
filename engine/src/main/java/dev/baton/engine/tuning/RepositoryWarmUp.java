package dev.baton.engine.tuning;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Component;

/**
 * Builds the Spring Data repositories on a background thread once the application is ready. They
 * are bootstrapped lazily (not before readiness, which saves most of a second of boot), and this
 * spares the first request that needs one from building it; a repository that cannot be built is
 * logged here, and fails the first request that uses it.
 */
@Component
class RepositoryWarmUp {

  private static final Logger LOG = LoggerFactory.getLogger(RepositoryWarmUp.class);

  private final ListableBeanFactory beans;

  RepositoryWarmUp(ListableBeanFactory beans) {
    this.beans = beans;
  }

  @EventListener(ApplicationReadyEvent.class)
  void warmUpInBackground() {
    Thread thread = new Thread(this::warmUp, "repository-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  void warmUp() {
    try {
      long started = System.nanoTime();
      int count = beans.getBeansOfType(Repository.class).size();
      LOG.debug(
          "{} repositories built in {} ms after ready",
          count,
          (System.nanoTime() - started) / 1_000_000);
    } catch (RuntimeException e) {
      LOG.error("A repository could not be built", e);
    }
  }
}
