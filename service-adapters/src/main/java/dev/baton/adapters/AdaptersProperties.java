package dev.baton.adapters;

import dev.baton.adapters.http.HttpAdapterSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Configuration of the adapters module: {@code baton.adapters.<name>.*}, one HTTP adapter each. */
@ConfigurationProperties(prefix = AdaptersProperties.PREFIX)
public class AdaptersProperties {

  public static final String PREFIX = "baton";

  /** HTTP adapters by name: url, method, timeout (a Duration, e.g. 5s), connect-timeout. */
  private Map<String, HttpAdapterSpec> adapters = new LinkedHashMap<>();

  public Map<String, HttpAdapterSpec> getAdapters() {
    return adapters;
  }

  public void setAdapters(Map<String, HttpAdapterSpec> adapters) {
    this.adapters = adapters;
  }
}
