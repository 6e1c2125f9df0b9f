package dev.baton.engine.tuning;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;

/** Whether the DMN engine has built its FEEL engine yet (tests and diagnostics). */
public final class LazyFeelEngines {

  private LazyFeelEngines() {}

  /** Whether this is Baton's lazily built FEEL engine and it has been built. */
  public static boolean isBuilt(FeelEngine engine) {
    return engine instanceof LazyFeelEngineFactory.LazyFeelEngine lazy && lazy.isCreated();
  }
}
