package dev.baton.engine.system;

import dev.baton.adapters.rules.ExpressionVocabulary;
import java.beans.FeatureDescriptor;
import java.util.Iterator;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * The engine's EL resolver behind Baton's closed expression language: every property read, write
 * and method call an expression makes on a value passes here, and what {@link ExpressionVocabulary}
 * does not allow is refused before the engine's own resolvers (which would call any public method,
 * {@code getClass()} included) see it. It holds for expressions that never went through the deploy
 * check, such as those deployed before it existed.
 */
final class ClosedElResolver extends ELResolver {

  private final ELResolver delegate;

  ClosedElResolver(ELResolver delegate) {
    this.delegate = delegate;
  }

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    if (base != null && !ExpressionVocabulary.mayRead(base, property)) {
      throw refused("read '" + property + "' of a " + base.getClass().getSimpleName());
    }
    return delegate.getValue(context, base, property);
  }

  @Override
  public Object invoke(
      ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
    if (base == null || !ExpressionVocabulary.mayInvoke(base, method)) {
      throw refused(
          "call "
              + method
              + "() on "
              + (base == null ? "nothing" : "a " + base.getClass().getSimpleName()));
    }
    return delegate.invoke(context, base, method, paramTypes, params);
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    if (base != null && !ExpressionVocabulary.mayRead(base, property)) {
      throw refused("write '" + property + "' of a " + base.getClass().getSimpleName());
    }
    delegate.setValue(context, base, property, value);
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    if (base != null && !ExpressionVocabulary.mayRead(base, property)) {
      throw refused("inspect '" + property + "' of a " + base.getClass().getSimpleName());
    }
    return delegate.getType(context, base, property);
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    return delegate.isReadOnly(context, base, property);
  }

  @Override
  public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
    return delegate.getFeatureDescriptors(context, base);
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return delegate.getCommonPropertyType(context, base);
  }

  private static ELException refused(String what) {
    return new ELException("Baton's expression language does not allow an expression to " + what);
  }
}
