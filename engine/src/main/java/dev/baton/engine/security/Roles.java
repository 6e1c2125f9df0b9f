package dev.baton.engine.security;

import java.util.List;

/** Baton's roles; each is a group in Camunda's identity tables. */
public final class Roles {

  public static final String ANALYST = "analyst";
  public static final String OPERATOR = "operator";
  public static final String ADMIN = "admin";

  public static final List<String> ALL = List.of(ANALYST, OPERATOR, ADMIN);

  private Roles() {}
}
