package dev.baton.engine.variables;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.system.BatonProperties;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Data cannot run code, and bodies are bounded: the variable policy, the engine's deserialization
 * type validation on Baton's allowlist, and the body limit in front of every other filter. The
 * request filter that applies the policy at arrival is registered in the security chain.
 */
@Configuration(proxyBeanMethods = false)
class VariablesConfiguration {

  @Bean
  VariablePolicy variablePolicy(BatonProperties properties) {
    return new VariablePolicy(properties.getVariables());
  }

  /**
   * Camunda's own check, off by default: before Spin turns a stored {@code Object} value into Java
   * objects (a worker fetching with {@code deserializeValues}, an operator reading variables), each
   * class it names must pass {@link VariablePolicy#allowsClass}. A stored value that fails this (or
   * cannot be parsed) is read serialized instead of failing the read ({@link ReadableSerializer}).
   */
  @Bean
  ProcessEnginePlugin deserializationTypeValidation(VariablePolicy policy) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setDeserializationTypeValidationEnabled(true);
        configuration.setDeserializationTypeValidator(policy::allowsClass);
        configuration.setJavaSerializationFormatEnabled(false);
      }

      // after every plugin's postInit: Spin registers its serializers there
      @Override
      public void postProcessEngineBuild(ProcessEngine engine) {
        ReadableSerializer.wrapAll(
            ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getVariableSerializers());
      }

      @Override
      public String toString() {
        return "DeserializationTypeValidation";
      }
    };
  }

  /** Before Spring Security, so no filter behind it (the worker gate included) holds a big body. */
  @Bean
  FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(
      ObjectMapper mapper, BatonProperties properties) {
    FilterRegistrationBean<BodyLimitFilter> registration =
        new FilterRegistrationBean<>(
            new BodyLimitFilter(mapper, properties.getVariables().getMaxBodySize().toBytes()));
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
    return registration;
  }
}
