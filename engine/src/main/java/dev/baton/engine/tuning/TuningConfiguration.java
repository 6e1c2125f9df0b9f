package dev.baton.engine.tuning;

import dev.baton.engine.system.BatonProperties;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Engine settings that buy throughput without giving up a guarantee; docs/benchmarks.md measures
 * each. The rest of the tuning is in application.yml (job executor, H2 statement cache, eventing).
 */
@Configuration(proxyBeanMethods = false)
class TuningConfiguration {

  /** Picked up by Camunda's starter in place of its time-based UUIDs. */
  @Bean
  IdGenerator orderedIdGenerator() {
    return new OrderedIdGenerator();
  }

  @Bean
  ProcessEnginePlugin leanHistory(BatonProperties properties) {
    BatonProperties.History history = properties.getHistory();
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        List<HistoryEventHandler> handlers = new ArrayList<>();
        if (configuration.getCustomHistoryEventHandlers() != null) {
          handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        handlers.add(
            new LeanHistoryEventHandler(
                history.getJobLog() == BatonProperties.History.LogRows.ALL,
                history.getExternalTaskLog() == BatonProperties.History.LogRows.ALL,
                history.isVariableDetails()));
        configuration.setCustomHistoryEventHandlers(handlers);
      }

      @Override
      public String toString() {
        return "LeanHistory";
      }
    };
  }

  /** The DMN engine's FEEL engine is built on first use instead of at boot. */
  @Bean
  ProcessEnginePlugin lazyFeel() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
        if (dmn == null) {
          dmn =
              (DefaultDmnEngineConfiguration)
                  DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
          configuration.setDmnEngineConfiguration(dmn);
        }
        if (dmn.getFeelEngineFactory() == null) {
          dmn.setFeelEngineFactory(new LazyFeelEngineFactory(dmn));
        }
      }

      @Override
      public String toString() {
        return "LazyFeel";
      }
    };
  }
}
