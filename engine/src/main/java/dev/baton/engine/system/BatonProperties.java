package dev.baton.engine.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Configuration of the engine module, under {@code baton.engine}. */
@ConfigurationProperties(prefix = BatonProperties.PREFIX)
public class BatonProperties {

  public static final String PREFIX = "baton.engine";

  /** Who may sign in before any user administration exists. */
  private final Security security = new Security();

  /** The demo order services (payment, inventory, shipping) served by this application. */
  private final Demo demo = new Demo();

  public Security getSecurity() {
    return security;
  }

  public Demo getDemo() {
    return demo;
  }

  /** Bootstrap identities. */
  public static class Security {

    /** Create the user demo/demo holding every role (never in production). */
    private boolean demoUser = false;

    /** Name of the administrator created at startup when {@link #adminPassword} is set. */
    private String adminUser = "admin";

    /** Password of the bootstrap administrator; required when no administrator exists yet. */
    private String adminPassword;

    public boolean isDemoUser() {
      return demoUser;
    }

    public void setDemoUser(boolean demoUser) {
      this.demoUser = demoUser;
    }

    public String getAdminUser() {
      return adminUser;
    }

    public void setAdminUser(String adminUser) {
      this.adminUser = adminUser;
    }

    public String getAdminPassword() {
      return adminPassword;
    }

    public void setAdminPassword(String adminPassword) {
      this.adminPassword = adminPassword;
    }
  }

  /** Demo services. */
  public static class Demo {

    /** Serve the demo order services under /demo. */
    private boolean enabled = false;

    /** Payments above this amount are declined (a business rejection). */
    private long paymentLimit = 10_000;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public long getPaymentLimit() {
      return paymentLimit;
    }

    public void setPaymentLimit(long paymentLimit) {
      this.paymentLimit = paymentLimit;
    }
  }
}
