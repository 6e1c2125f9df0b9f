package dev.baton.engine.commits;

import java.util.Set;
import org.camunda.bpm.engine.impl.cmd.CompleteExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskFailureCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * First in the engine's command chain: starts and external-task outcomes called outside any
 * transaction (Camunda REST, Baton's API, the official clients) run through {@link SharedCommits},
 * every way in alike. Other commands, and these inside a command or transaction, pass as before.
 */
final class SharedCommitInterceptor extends CommandInterceptor {

  private static final Set<Class<?>> SHARED =
      Set.of(
          StartProcessInstanceCmd.class,
          CompleteExternalTaskCmd.class,
          HandleExternalTaskFailureCmd.class,
          HandleExternalTaskBpmnErrorCmd.class);

  private final SharedCommits commits;

  SharedCommitInterceptor(SharedCommits commits) {
    this.commits = commits;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (SHARED.contains(command.getClass()) && Context.getCommandContext() == null) {
      return commits.run(() -> next.execute(command));
    }
    return next.execute(command);
  }
}
