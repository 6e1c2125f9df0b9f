package dev.baton.engine.tuning;

import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.juel.FeelEngineFactoryImpl;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.context.VariableContext;

/**
 * Builds the DMN engine's FEEL engine when a decision first evaluates FEEL, not at boot. The Scala
 * FEEL engine takes most of a second to load; a server that runs no decision never needs it
 * (docs/benchmarks.md, boot). The engine it builds is the one Camunda would have built, with the
 * same custom functions and legacy switch.
 */
public final class LazyFeelEngineFactory implements FeelEngineFactory {

  private final DefaultDmnEngineConfiguration configuration;

  LazyFeelEngineFactory(DefaultDmnEngineConfiguration configuration) {
    this.configuration = configuration;
  }

  @Override
  public FeelEngine createInstance() {
    return new LazyFeelEngine(this::createDelegate);
  }

  /**
   * Whether this is Baton's lazily built FEEL engine and it has been built (tests, diagnostics).
   */
  public static boolean isBuilt(FeelEngine engine) {
    return engine instanceof LazyFeelEngine lazy && lazy.isCreated();
  }

  private FeelEngine createDelegate() {
    FeelEngineFactory factory =
        configuration.isEnableFeelLegacyBehavior()
            ? new FeelEngineFactoryImpl()
            : new ScalaFeelEngineFactory(configuration.getFeelCustomFunctionProviders());
    return factory.createInstance();
  }

  /** Creates its delegate on first use, once, and then passes every call to it. */
  static final class LazyFeelEngine implements FeelEngine {

    private final Supplier<FeelEngine> factory;
    private volatile FeelEngine delegate;

    LazyFeelEngine(Supplier<FeelEngine> factory) {
      this.factory = factory;
    }

    boolean isCreated() {
      return delegate != null;
    }

    @Override
    public <T> T evaluateSimpleExpression(String expression, VariableContext context) {
      return delegate().evaluateSimpleExpression(expression, context);
    }

    @Override
    public boolean evaluateSimpleUnaryTests(
        String expression, String inputVariable, VariableContext context) {
      return delegate().evaluateSimpleUnaryTests(expression, inputVariable, context);
    }

    private FeelEngine delegate() {
      FeelEngine engine = delegate;
      if (engine == null) {
        synchronized (this) {
          engine = delegate;
          if (engine == null) {
            engine = factory.get();
            delegate = engine;
          }
        }
      }
      return engine;
    }
  }
}
