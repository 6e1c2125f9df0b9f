package dev.baton.engine.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.baton.engine.system.BatonProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;

class WorkerCredentialsTest {

  private final WorkerCredentialRepository repository = mock(WorkerCredentialRepository.class);

  @Test
  void shouldNotKeepNamesThatAreNoWorker() {
    // given
    WorkerCredentials credentials = credentials(10);
    when(repository.findById("guess")).thenReturn(Optional.empty());

    // when
    Optional<WorkerCredential> first = credentials.find("guess");
    Optional<WorkerCredential> second = credentials.find("guess");

    // then each look-up asks the database; nothing was cached for the name
    assertThat(first).isEmpty();
    assertThat(second).isEmpty();
    verify(repository, times(2)).findById("guess");
  }

  @Test
  void shouldKeepRegisteredWorkersBoundedEvictingTheLeastRecentlyUsed() {
    // given room for two workers
    WorkerCredentials credentials = credentials(2);
    for (String id : new String[] {"a", "b", "c"}) {
      when(repository.findById(id)).thenReturn(Optional.of(credential(id)));
    }

    // when three workers poll, then the first one again
    credentials.find("a");
    credentials.find("b");
    credentials.find("b");
    credentials.find("c");
    credentials.find("a");

    // then b stayed cached, a had to be read again after c took its place
    verify(repository, times(1)).findById("b");
    verify(repository, times(2)).findById("a");
  }

  private WorkerCredentials credentials(int maxTracked) {
    BatonProperties properties = new BatonProperties();
    properties.getWorkers().setMaxTracked(maxTracked);
    return new WorkerCredentials(
        repository,
        mock(IdentityService.class),
        Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC),
        properties);
  }

  private static WorkerCredential credential(String id) {
    return new WorkerCredential(id, "shipping", "hash", Instant.EPOCH, "admin");
  }
}
