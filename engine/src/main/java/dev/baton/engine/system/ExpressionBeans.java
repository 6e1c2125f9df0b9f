package dev.baton.engine.system;

import dev.baton.adapters.AdapterDelegate;
import dev.baton.adapters.rules.ExpressionVocabulary;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.Expression;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.FunctionMapper;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The engine's expression language sees one bean, the adapter delegate, instead of the whole Spring
 * context: a diagram's {@code ${...}} cannot call Baton's services, its data source or its security
 * (Camunda's {@code beans} restriction). Since JUEL calls methods on any object an expression
 * reaches, every read and call also goes through {@link ClosedElResolver}, and only the functions
 * {@link ExpressionVocabulary} names resolve.
 */
@Component
class ExpressionBeans extends AbstractProcessEnginePlugin {

  private final AdapterDelegate adapterDelegate;
  private final ApplicationContext context;

  ExpressionBeans(AdapterDelegate adapterDelegate, ApplicationContext context) {
    this.adapterDelegate = adapterDelegate;
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    Map<Object, Object> beans = Map.of(AdapterDelegate.BEAN_NAME, adapterDelegate);
    configuration.setBeans(beans);
    // the starter built its expression manager before plugins run, with every bean: replace it
    configuration.setExpressionManager(new ClosedExpressionManager(context, beans));
  }

  /** Camunda's Spring expression manager with the closed resolver and function mapper. */
  static final class ClosedExpressionManager extends SpringExpressionManager {

    ClosedExpressionManager(ApplicationContext context, Map<Object, Object> beans) {
      super(context, beans);
    }

    @Override
    public Expression createExpression(String expression) {
      return new StepExpression(createValueExpression(expression), this, expression);
    }

    @Override
    protected ELResolver createElResolver() {
      return new ClosedElResolver(super.createElResolver());
    }

    @Override
    protected FunctionMapper createFunctionMapper() {
      FunctionMapper all = super.createFunctionMapper();
      return new FunctionMapper() {
        @Override
        public java.lang.reflect.Method resolveFunction(String prefix, String localName) {
          return ExpressionVocabulary.isFunction(prefix, localName)
              ? all.resolveFunction(prefix, localName)
              : null;
        }
      };
    }
  }
}
