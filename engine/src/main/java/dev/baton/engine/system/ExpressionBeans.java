package dev.baton.engine.system;

import dev.baton.adapters.AdapterDelegate;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The engine's expression language sees one bean, the adapter delegate, instead of the whole Spring
 * context: a diagram's {@code ${...}} cannot call Baton's services, its data source or its security
 * (Camunda's {@code beans} restriction).
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
    configuration.setExpressionManager(new SpringExpressionManager(context, beans));
  }
}
