package dev.baton.engine.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Switches off the engine's own per-user lock after wrong passwords; {@link LoginThrottle} is
 * Baton's defence against guessing. The engine's lock refused the right password as "wrong" for
 * seconds after any wrong one, and after 10 wrong ones locked the user for good, so anyone who knew
 * a user name could lock that user (the admin included) out of the console and the API.
 */
@Component
class EngineLoginLock extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setLoginDelayBase(0);
    configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
  }
}
