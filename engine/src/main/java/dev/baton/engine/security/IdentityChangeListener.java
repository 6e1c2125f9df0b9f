package dev.baton.engine.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.SaveGroupCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Makes the {@link PasswordCheckCache} and the {@link SessionIdentityCache} forget what they
 * remember whenever a user, group or membership changes through the engine (Camunda's REST API,
 * Baton's bootstrap, any Java caller), as soon as the change is committed.
 */
@Component
class IdentityChangeListener extends AbstractProcessEnginePlugin {

  private static final Set<Class<?>> IDENTITY_CHANGES =
      Set.of(
          SaveUserCmd.class,
          DeleteUserCmd.class,
          SaveGroupCmd.class,
          DeleteGroupCmd.class,
          CreateMembershipCmd.class,
          DeleteMembershipCmd.class);

  private final PasswordCheckCache cache;
  private final SessionIdentityCache sessions;

  IdentityChangeListener(PasswordCheckCache cache, SessionIdentityCache sessions) {
    this.cache = cache;
    this.sessions = sessions;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    interceptors.add(new ForgetOnIdentityChange());
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  /** Runs before the transaction interceptor, so it sees the command after its commit. */
  private class ForgetOnIdentityChange extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } finally {
        if (IDENTITY_CHANGES.contains(command.getClass())) {
          cache.forgetAll();
          sessions.forgetAll();
        }
      }
    }
  }
}
