package dev.baton.engine.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JobGroupsTest {

  @Test
  void shouldFillGroupsUpToTheJobsPerTransaction() {
    // given five single-job batches
    List<List<String>> batches =
        List.of(List.of("a"), List.of("b"), List.of("c"), List.of("d"), List.of("e"));

    // when
    List<List<String>> groups = JobGroups.of(batches, 2);

    // then
    assertThat(groups).containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e"));
  }

  @Test
  void shouldKeepAnInstancesBatchTogetherAndInOrder() {
    // given an instance's exclusive jobs as one batch that does not fit beside another
    List<List<String>> batches = List.of(List.of("a"), List.of("x1", "x2", "x3"), List.of("b"));

    // when
    List<List<String>> groups = JobGroups.of(batches, 3);

    // then the batch starts a group of its own, whole and in order
    assertThat(groups).containsExactly(List.of("a"), List.of("x1", "x2", "x3"), List.of("b"));
  }

  @Test
  void shouldGiveABatchLargerThanAGroupAGroupOfItsOwn() {
    // given
    List<List<String>> batches = List.of(List.of("x1", "x2", "x3"), List.of(), List.of("a"));

    // when
    List<List<String>> groups = JobGroups.of(batches, 2);

    // then
    assertThat(groups).containsExactly(List.of("x1", "x2", "x3"), List.of("a"));
  }

  @Test
  void shouldMakeOneGroupPerBatchWhenEveryJobCommitsAlone() {
    // given
    List<List<String>> batches = List.of(List.of("a"), List.of("b"));

    // when
    List<List<String>> groups = JobGroups.of(batches, 1);

    // then
    assertThat(groups).containsExactly(List.of("a"), List.of("b"));
  }
}
