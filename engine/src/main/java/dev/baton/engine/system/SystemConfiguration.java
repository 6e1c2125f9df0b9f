package dev.baton.engine.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import java.time.Clock;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Cross-cutting beans: the clock everything reads time from, scheduling. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SystemConfiguration {

  /**
   * Savepoints for {@code PROPAGATION_NESTED} through the one transaction manager ({@link
   * SavepointJpaDialect}); set after Spring has given it the entity manager factory's dialect.
   */
  @Bean
  static BeanPostProcessor savepointsForJpaTransactions() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof JpaTransactionManager transactions) {
          transactions.setJpaDialect(new SavepointJpaDialect());
        }
        return bean;
      }
    };
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** {@code /actuator/health} component {@code engineDatabase}: a query on the engine's tables. */
  @Bean
  HealthIndicator engineDatabaseHealthIndicator(
      DataSource dataSource, ProcessEngineConfigurationImpl engine) {
    return new DatabaseHealth(dataSource, engine.getDatabaseTablePrefix());
  }

  @Bean
  OpenAPI batonOpenApi(ObjectProvider<BuildProperties> build) {
    BuildProperties properties = build.getIfAvailable();
    return new OpenAPI()
        .info(
            new Info()
                .title("Baton API")
                .version(properties == null ? "dev" : properties.getVersion())
                .description(
                    "Baton's own API for the console and tools. Camunda's REST API is at /engine-rest."));
  }
}
