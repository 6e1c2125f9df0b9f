package dev.baton.adapters;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.adapters.http.HttpServiceAdapter;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires the adapter registry from two sources: {@link ServiceAdapter} beans (named by bean name)
 * and HTTP adapters declared in YAML. Also exposes the generic delegate BPMN files name.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdaptersProperties.class)
public class AdaptersConfiguration {

  /**
   * The built-in adapter that calls nothing and returns nothing: a placeholder for a step whose
   * service does not exist yet, and the in-process step of the benchmarks.
   */
  public static final String NOOP = "noop";

  @Bean
  AdapterRegistry adapterRegistry(
      AdaptersProperties properties,
      ListableBeanFactory beans,
      ObjectProvider<ObjectMapper> mapper,
      Environment environment) {
    Map<String, ServiceAdapter> adapters = new LinkedHashMap<>();
    adapters.put(NOOP, call -> Map.of());
    adapters.putAll(beans.getBeansOfType(ServiceAdapter.class));
    ObjectMapper json = mapper.getIfAvailable(ObjectMapper::new);
    Function<String, URI> resolver = url -> resolve(url, environment);
    properties
        .getAdapters()
        .forEach(
            (name, spec) -> adapters.put(name, new HttpServiceAdapter(name, spec, resolver, json)));
    return new AdapterRegistry(adapters);
  }

  @Bean(AdapterDelegate.BEAN_NAME)
  AdapterDelegate batonAdapter(AdapterRegistry registry, ObjectProvider<ObjectMapper> mapper) {
    return new AdapterDelegate(
        registry, new AdapterBinding(), mapper.getIfAvailable(ObjectMapper::new));
  }

  /** Adapter steps are save points unless a diagram opts out (see {@link SavePoints}). */
  @Bean
  SavePoints batonSavePoints() {
    return new SavePoints();
  }

  /** A path starting with "/" calls this server (the demo services); anything else is absolute. */
  static URI resolve(String url, Environment environment) {
    if (!url.startsWith("/")) {
      return URI.create(url);
    }
    String port =
        environment.getProperty(
            "local.server.port", environment.getProperty("server.port", "8080"));
    return URI.create("http://127.0.0.1:" + port + url);
  }
}
