package dev.baton.engine.system;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's REST API answers 500 when a command names something that does not exist (e.g. {@code
 * PUT /process-instance/{unknown}/variables/x}): the engine throws {@link NullValueException}, and
 * the resource wraps it in a 500 {@link RestException}. These mappers answer 404 instead, in
 * Camunda's own error format ({@code {type, message}}) which its clients parse. They rank before
 * Camunda's mappers of the same exception types. The same resources wrap a step's failed expression
 * ({@link StepExpressionException}, the caller's data or the model at fault) in a 500 too: that one
 * answers 400.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestErrors {

  private static final int BEFORE_CAMUNDA = Priorities.USER - 100;

  @Bean
  ResourceConfigCustomizer engineRestNotFound() {
    return config -> {
      config.register(WrappedMissing.class, BEFORE_CAMUNDA);
      config.register(Missing.class, BEFORE_CAMUNDA);
      config.register(CheckedMissing.class, BEFORE_CAMUNDA);
      config.register(WrappedStepExpression.class, BEFORE_CAMUNDA);
    };
  }

  /** A 500 that only wraps the engine's "does not exist". */
  public static class WrappedMissing implements ExtendedExceptionMapper<RestException> {
    @Override
    public boolean isMappable(RestException e) {
      return e.getCause() instanceof NullValueException
          && (e.getStatus() == null || e.getStatus() == Response.Status.INTERNAL_SERVER_ERROR);
    }

    @Override
    public Response toResponse(RestException e) {
      return answer(e);
    }
  }

  /** The engine's "does not exist" thrown straight through a resource. */
  public static class Missing implements ExceptionMapper<NullValueException> {
    @Override
    public Response toResponse(NullValueException e) {
      return answer(e);
    }
  }

  /**
   * With authorization checks on, Camunda checks the permission on an entity before it looks
   * whether the entity exists, and some checkers then fail on the missing entity ({@code GET
   * /task/{unknown}/deployed-form}): that too is "does not exist", not a server error.
   */
  public static class CheckedMissing implements ExtendedExceptionMapper<NullPointerException> {
    private static final String CHECKER =
        "org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker";

    @Override
    public boolean isMappable(NullPointerException e) {
      StackTraceElement[] trace = e.getStackTrace();
      return trace.length > 0 && CHECKER.equals(trace[0].getClassName());
    }

    @Override
    public Response toResponse(NullPointerException e) {
      return Response.status(Response.Status.NOT_FOUND)
          .entity(
              ExceptionHandlerHelper.getInstance()
                  .fromException(new NullValueException("No such entity: " + e.getMessage())))
          .type(MediaType.APPLICATION_JSON_TYPE)
          .build();
    }
  }

  /** A 500 that only wraps a step's expression failure (a start's synchronous first step). */
  public static class WrappedStepExpression implements ExtendedExceptionMapper<RestException> {
    @Override
    public boolean isMappable(RestException e) {
      return e.getCause() instanceof StepExpressionException;
    }

    @Override
    public Response toResponse(RestException e) {
      return Response.status(Response.Status.BAD_REQUEST)
          .entity(ExceptionHandlerHelper.getInstance().fromException((Exception) e.getCause()))
          .type(MediaType.APPLICATION_JSON_TYPE)
          .build();
    }
  }

  private static Response answer(Exception e) {
    return Response.status(Response.Status.NOT_FOUND)
        .entity(ExceptionHandlerHelper.getInstance().fromException(e))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }
}
