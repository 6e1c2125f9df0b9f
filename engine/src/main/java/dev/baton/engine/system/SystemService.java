package dev.baton.engine.system;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Service;

/** Facts about this Baton node. */
@Service
public class SystemService {

  private final ProcessEngine engine;
  private final String version;

  SystemService(ProcessEngine engine, ObjectProvider<BuildProperties> build) {
    this.engine = engine;
    BuildProperties properties = build.getIfAvailable();
    String implementation = SystemService.class.getPackage().getImplementationVersion();
    this.version =
        properties != null
            ? properties.getVersion()
            : implementation != null ? implementation : "dev";
  }

  public SystemInfo info(String user, java.util.List<String> roles) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return new SystemInfo(
        "Baton",
        version,
        ProductPropertiesUtil.getProductVersion(),
        configuration.getDatabaseType(),
        user,
        roles);
  }
}
