package dev.baton.engine.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OrderedIdGeneratorTest {

  @Test
  void shouldMakeIdsThatSortInTheOrderTheyWereMade() {
    // given
    OrderedIdGenerator ids = new OrderedIdGenerator(42);

    // when
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      made.add(ids.getNextId());
    }

    // then
    List<String> sorted = new ArrayList<>(made);
    Collections.sort(sorted);
    assertThat(sorted).isEqualTo(made);
    assertThat(Set.copyOf(made)).hasSize(made.size());
    assertThat(made.get(0)).hasSize(33).matches("[0-9a-f]{16}-000000000000002a");
  }

  @Test
  void shouldNeverRepeatAnIdAcrossThreads() throws Exception {
    // given
    OrderedIdGenerator ids = new OrderedIdGenerator(7);
    Set<String> made = ConcurrentHashMap.newKeySet();
    ExecutorService threads = Executors.newFixedThreadPool(4);

    // when
    for (int t = 0; t < 4; t++) {
      threads.submit(
          () -> {
            for (int i = 0; i < 50_000; i++) {
              made.add(ids.getNextId());
            }
          });
    }
    threads.shutdown();
    assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    // then
    assertThat(made).hasSize(200_000);
  }

  @Test
  void shouldKeepNodesApart() {
    // given two nodes making ids in the same millisecond
    OrderedIdGenerator one = new OrderedIdGenerator(1);
    OrderedIdGenerator two = new OrderedIdGenerator(2);

    // when / then
    assertThat(one.getNextId()).isNotEqualTo(two.getNextId()).endsWith("0001");
  }
}
