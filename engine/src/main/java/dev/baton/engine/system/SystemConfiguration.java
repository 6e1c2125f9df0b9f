package dev.baton.engine.system;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Cross-cutting beans: the clock everything reads time from, scheduling. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SystemConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
