package dev.baton.engine.commits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

class SharedCommitsTest {

  private final ExecutorService callers = Executors.newFixedThreadPool(8);
  private JdbcTemplate jdbc;
  private JdbcTransactionManager transactions;
  private CommitCounts counts;
  private SharedCommits commits;

  @BeforeEach
  void setUp() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    jdbc = new JdbcTemplate(dataSource);
    jdbc.execute("CREATE TABLE written (name VARCHAR(50) PRIMARY KEY)");
    transactions = new JdbcTransactionManager(dataSource);
    counts = new CommitCounts("test", "calls");
    commits = sharedCommits(Duration.ofSeconds(10));
  }

  private SharedCommits sharedCommits(Duration maxWait) {
    return new SharedCommits(transactions, mock(IdentityService.class), 32, 1, maxWait, counts);
  }

  @AfterEach
  void tearDown() {
    callers.shutdownNow();
    jdbc.execute("DROP ALL OBJECTS");
  }

  @Test
  void shouldAnswerCallsThatArriveTogetherAfterOneSharedCommit() throws Exception {
    // given a first call whose transaction is open while three more arrive
    CountDownLatch othersWaiting = new CountDownLatch(1);
    Future<String> first =
        call(
            () -> {
              write("first");
              awaitUninterruptibly(othersWaiting);
              return "first";
            });
    await().until(() -> commits.open() == 1);
    List<Future<String>> others = new ArrayList<>();
    for (String name : List.of("a", "b", "c")) {
      others.add(queued(() -> write(name)));
    }

    // when the first call's work ends
    othersWaiting.countDown();

    // then its transaction took the three others in, one commit for all, and each caller got its
    // own result
    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
    assertThat(results(others)).containsExactly("a", "b", "c");
    assertThat(counts.commits()).isEqualTo(1);
    assertThat(counts.committed()).isEqualTo(4);
    assertThat(written()).containsExactlyInAnyOrder("first", "a", "b", "c");
  }

  @Test
  void shouldRollBackOnlyTheCallThatFailed() throws Exception {
    // given a transaction open while three calls wait, the second of which fails after writing
    CountDownLatch release = new CountDownLatch(1);
    Future<String> blocker = leadOpenTransactionUntil(release);
    Future<String> a = queued(() -> write("a"));
    Future<String> b =
        queued(
            () -> {
              write("b");
              throw new IllegalStateException("b fails");
            });
    Future<String> c = queued(() -> write("c"));

    // when
    release.countDown();

    // then the failing call alone failed, and nothing of it was kept
    blocker.get(10, TimeUnit.SECONDS);
    assertThat(a.get(10, TimeUnit.SECONDS)).isEqualTo("a");
    assertThat(c.get(10, TimeUnit.SECONDS)).isEqualTo("c");
    assertThatThrownBy(() -> b.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IllegalStateException.class)
        .hasRootCauseMessage("b fails");
    assertThat(counts.largest()).isEqualTo(4);
    assertThat(written()).containsExactlyInAnyOrder("a", "c");
  }

  @Test
  void shouldFailEveryCallOfATransactionWhoseCommitFails() throws Exception {
    // given a transaction that takes two waiting calls, one of which makes its commit fail
    CountDownLatch release = new CountDownLatch(1);
    Future<String> blocker = leadOpenTransactionUntil(release);
    Future<String> a = queued(() -> write("a"));
    Future<String> b =
        queued(
            () -> {
              TransactionSynchronizationManager.registerSynchronization(
                  new TransactionSynchronization() {
                    @Override
                    public void beforeCommit(boolean readOnly) {
                      throw new IllegalStateException("the commit fails");
                    }
                  });
              return write("b");
            });

    // when
    release.countDown();

    // then no caller of that transaction hears of success, and nothing was kept
    for (Future<String> call : List.of(blocker, a, b)) {
      assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS))
          .hasRootCauseMessage("the commit fails");
    }
    assertThat(written()).isEmpty();
  }

  @Test
  void shouldRunAnotherCallersWorkWithThatCallersSecurityContext() throws Exception {
    // given a caller signed in as alice whose call waits for a transaction led by another thread
    CountDownLatch release = new CountDownLatch(1);
    Future<String> leader = leadOpenTransactionUntil(release);
    Future<String> alice =
        callers.submit(
            () -> {
              SecurityContextHolder.setContext(
                  new SecurityContextImpl(new TestingAuthenticationToken("alice", "")));
              try {
                return commits.run(
                    () ->
                        Thread.currentThread().getName()
                            + "/"
                            + SecurityContextHolder.getContext().getAuthentication().getName());
              } finally {
                SecurityContextHolder.clearContext();
              }
            });
    await().until(() -> commits.waiting() == 1);

    // when
    release.countDown();

    // then alice's work ran as alice (on whichever thread led its transaction)
    leader.get(10, TimeUnit.SECONDS);
    assertThat(alice.get(10, TimeUnit.SECONDS)).endsWith("/alice");
  }

  @Test
  void shouldLeadItsOwnTransactionAfterWaitingTheLongestWait() throws Exception {
    // given calls wait at most 200 ms, and a slow call's transaction is open
    commits = sharedCommits(Duration.ofMillis(200));
    CountDownLatch release = new CountDownLatch(1);
    Future<String> slow = leadOpenTransactionUntil(release);

    // when another call arrives
    Future<String> quick = call(() -> write("quick"));

    // then it committed in a transaction of its own while the slow one is still open
    assertThat(quick.get(5, TimeUnit.SECONDS)).isEqualTo("quick");
    assertThat(slow.isDone()).isFalse();
    assertThat(written()).containsExactly("quick");
    release.countDown();
    assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("leader");
  }

  @Test
  void shouldRunInTheTransactionAlreadyOpenOnTheThread() {
    // given an open transaction
    TransactionTemplate outer = new TransactionTemplate(transactions);

    // when a call runs inside it that then rolls back
    outer.executeWithoutResult(
        status -> {
          commits.run(() -> write("inside"));
          status.setRollbackOnly();
        });

    // then it was part of that transaction, not a shared one
    assertThat(written()).isEmpty();
    assertThat(counts.commits()).isZero();
  }

  /** A call that waits for a transaction: one is open. */
  private Future<String> queued(Supplier<String> work) {
    int before = commits.waiting();
    Future<String> call = call(work);
    await().until(() -> commits.waiting() == before + 1);
    return call;
  }

  private Future<String> call(Supplier<String> work) {
    return callers.submit(() -> commits.run(work));
  }

  private String write(String name) {
    jdbc.update("INSERT INTO written (name) VALUES (?)", name);
    return name;
  }

  /** A call whose transaction stays open until {@code release}; calls made meanwhile wait. */
  private Future<String> leadOpenTransactionUntil(CountDownLatch release) {
    Future<String> leader =
        call(
            () -> {
              awaitUninterruptibly(release);
              return "leader";
            });
    await().until(() -> commits.open() == 1);
    return leader;
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private List<String> written() {
    return jdbc.queryForList("SELECT name FROM written", String.class);
  }

  private static List<String> results(List<Future<String>> futures) throws Exception {
    List<String> results = new ArrayList<>();
    for (Future<String> future : futures) {
      results.add(future.get(10, TimeUnit.SECONDS));
    }
    return results;
  }
}
