package dev.baton.engine.commits;

import dev.baton.engine.system.BatonProperties;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.transaction.PlatformTransactionManager;

/** Calls that share commits ({@code baton.engine.commits}). */
@Configuration(proxyBeanMethods = false)
class CommitsConfiguration {

  @Bean
  static CommitCounts callCommits() {
    return new CommitCounts("baton.calls", "calls");
  }

  @Bean
  SharedCommits sharedCommits(
      PlatformTransactionManager transactions,
      @Lazy IdentityService identity,
      BatonProperties properties,
      CommitCounts callCommits) {
    BatonProperties.Commits settings = properties.getCommits();
    return new SharedCommits(
        transactions,
        identity,
        settings.getCallsPerTransaction(),
        settings.getConcurrentTransactions(),
        settings.getMaxWait(),
        callCommits);
  }

  @Bean
  ProcessEnginePlugin sharedCommitsPlugin(SharedCommits commits) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> first = new ArrayList<>();
        first.add(new SharedCommitInterceptor(commits));
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
          first.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        configuration.setCustomPreCommandInterceptorsTxRequired(first);
      }

      @Override
      public String toString() {
        return "SharedCommits";
      }
    };
  }
}
