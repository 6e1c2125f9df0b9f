package dev.baton.engine.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ch.qos.logback.classic.Level;
import dev.baton.engine.LogCapture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.data.repository.Repository;

class RepositoryWarmUpTest {

  private final DefaultListableBeanFactory beans = new DefaultListableBeanFactory();

  @Test
  void shouldBuildTheRepositoriesThatWereLeftForFirstUse() {
    // given a repository bean that is built on first use only
    AtomicInteger built = new AtomicInteger();
    register(
        "orders",
        () -> {
          built.incrementAndGet();
          return new OrderRepository() {};
        });

    // when
    new RepositoryWarmUp(beans).warmUp();

    // then it is built now, once
    assertThat(built).hasValue(1);
    assertThat(beans.containsSingleton("orders")).isTrue();
  }

  @Test
  void shouldLogARepositoryThatCannotBeBuiltInsteadOfThrowing() {
    // given
    register(
        "broken",
        () -> {
          throw new IllegalStateException("no such table");
        });

    // when
    try (LogCapture log = LogCapture.of(RepositoryWarmUp.class)) {
      assertThatCode(() -> new RepositoryWarmUp(beans).warmUp()).doesNotThrowAnyException();

      // then the failure is logged as an error with its cause
      assertThat(log.events())
          .filteredOn(event -> event.getLevel() == Level.ERROR)
          .singleElement()
          .satisfies(
              event -> {
                assertThat(event.getFormattedMessage()).contains("could not be built");
                assertThat(event.getThrowableProxy()).isNotNull();
              });
    }
  }

  private void register(String name, java.util.function.Supplier<OrderRepository> supplier) {
    RootBeanDefinition definition = new RootBeanDefinition(OrderRepository.class, supplier);
    definition.setLazyInit(true);
    beans.registerBeanDefinition(name, definition);
  }

  interface OrderRepository extends Repository<Object, String> {}
}
