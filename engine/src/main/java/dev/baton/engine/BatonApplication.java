package dev.baton.engine;

import dev.baton.adapters.AdaptersConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** Baton: the Camunda 7 engine with Baton's API, console and adapters, as one application. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(AdaptersConfiguration.class)
public class BatonApplication {

  public static void main(String[] args) {
    SpringApplication.run(BatonApplication.class, args);
  }
}
