package dev.baton.engine.security;

import static dev.baton.engine.security.CanonicalPathMatcher.paths;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.system.ApiPaths;
import dev.baton.engine.system.BatonProperties;
import dev.baton.engine.variables.VariableInputFilter;
import dev.baton.engine.workers.ExternalTaskGate;
import dev.baton.engine.workers.TaskActivity;
import dev.baton.engine.workers.WorkerAccess;
import dev.baton.engine.workers.WorkerAuthenticationProvider;
import dev.baton.engine.workers.WorkerPrincipal;
import jakarta.servlet.DispatcherType;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * Who may call what. Open: health, the login page and the demo services' business endpoints
 * (stand-ins for third-party services that Baton calls). Workers (signed in with their key): the
 * external-task protocol only. People: by role. The console signs in with a form and keeps a
 * session (changes need a CSRF token); tools and workers send HTTP Basic on each request and get no
 * session.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  /** The demo services' endpoints that adapters call; they are stand-ins for external services. */
  static final String[] DEMO_SERVICE_CALLS = {
    ApiPaths.DEMO + "/inventory/reserve",
    ApiPaths.DEMO + "/inventory/release",
    ApiPaths.DEMO + "/payment/charge",
    ApiPaths.DEMO + "/payment/refund",
    ApiPaths.DEMO + "/shipping/ship"
  };

  private static final String[] PEOPLE = {Roles.ANALYST, Roles.OPERATOR, Roles.ADMIN};

  private static final String REST = ApiPaths.ENGINE_REST;

  /**
   * Camunda REST resources only administrators reach: identity, authorizations, stored filters, the
   * schema log and telemetry. {@code /identity/verify} (a password check without throttling) is not
   * among them: nobody reaches it.
   */
  static final String[] CAMUNDA_ADMIN_ONLY = {
    REST + "/user/**",
    REST + "/group/**",
    REST + "/tenant/**",
    REST + "/authorization/**",
    REST + "/filter/**",
    REST + "/identity/groups",
    REST + "/identity/password-policy",
    REST + "/schema/**",
    REST + "/telemetry/**"
  };

  /** Camunda REST calls that deploy: analysts and administrators, as Baton's own deployments. */
  static final String[] CAMUNDA_DEPLOY = {
    REST + "/deployment/create", REST + "/deployment/*/redeploy"
  };

  /** Camunda REST resources about models, which every signed-in person may read. */
  static final String[] CAMUNDA_DEFINITIONS = {
    REST + "/engine",
    REST + "/version",
    REST + "/process-definition/**",
    REST + "/decision-definition/**",
    REST + "/decision-requirements-definition/**",
    REST + "/deployment/**"
  };

  /** Camunda REST resources about running work: operators (and administrators). */
  static final String[] CAMUNDA_OPERATIONS = {
    REST + "/process-definition/**",
    REST + "/process-instance/**",
    REST + "/execution/**",
    REST + "/task/**",
    REST + "/message/**",
    REST + "/signal/**",
    REST + "/condition/**",
    REST + "/variable-instance/**",
    REST + "/event-subscription/**",
    REST + "/job-definition/**",
    REST + "/job/**",
    REST + "/incident/**",
    REST + "/external-task/**",
    REST + "/history/**",
    REST + "/migration/**",
    REST + "/modification/**",
    REST + "/batch/**",
    REST + "/decision-definition/**",
    REST + "/decision-requirements-definition/**",
    REST + "/metrics/**"
  };

  /**
   * Baton's API for running work: instances, variables, incidents, batches, migrations, messages
   * (sending one moves or starts instances; analysts may not), the event outbox's status, workers,
   * topics, demo controls.
   */
  static final String[] OPERATOR_DATA = {
    ApiPaths.INSTANCES + "/**",
    ApiPaths.MESSAGES + "/**",
    ApiPaths.BATCHES + "/**",
    ApiPaths.MIGRATIONS + "/**",
    ApiPaths.API + "/processes/**",
    ApiPaths.INCIDENTS + "/**",
    ApiPaths.WORKERS + "/**",
    ApiPaths.TOPICS + "/**",
    ApiPaths.EVENTS + "/**",
    ApiPaths.DEMO + "/**"
  };

  /** Runs before every other filter, the servlet container's own included. */
  @Bean
  FilterRegistrationBean<CanonicalFormFilter> canonicalFormFilter(RejectedRequests rejected) {
    FilterRegistrationBean<CanonicalFormFilter> registration =
        new FilterRegistrationBean<>(new CanonicalFormFilter(rejected));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http,
      WorkerAuthenticationProvider workers,
      IdentityAuthenticationProvider users,
      ProblemAuthenticationHandlers problems,
      IdentityService identity,
      WorkerAccess workerAccess,
      TaskActivity taskActivity,
      ObjectMapper mapper,
      LoginHandlers login,
      LoginThrottle throttle,
      BatonProperties properties,
      ServerProperties server,
      SessionRefresh sessions)
      throws Exception {
    String sessionCookie = server.getServlet().getSession().getCookie().getName();
    http.csrf(
            csrf ->
                csrf.csrfTokenRepository(BrowserCsrf.repository(server))
                    .csrfTokenRequestHandler(new BrowserCsrf())
                    .requireCsrfProtectionMatcher(BrowserCsrf.required()))
        // Sessions come only from the sign-in form. No sessionCreationPolicy call: naming one, even
        // the default, adds a filter that stores every HTTP Basic sign-in in a new session.
        // Nor is a refused request remembered in one.
        .requestCache(cache -> cache.requestCache(new NullRequestCache()))
        .formLogin(
            form ->
                form.loginPage(ApiPaths.LOGIN_PAGE)
                    .loginProcessingUrl(ApiPaths.LOGIN)
                    .successHandler(login)
                    .failureHandler(login)
                    .permitAll())
        .logout(
            logout ->
                logout
                    .logoutUrl(ApiPaths.LOGOUT)
                    .deleteCookies(sessionCookie == null ? "JSESSIONID" : sessionCookie)
                    .logoutSuccessHandler(
                        new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
        .headers(SecurityHeaders.from(properties.getSecurity().getHeaders()))
        .authenticationProvider(workers)
        .authenticationProvider(users)
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .authorizeHttpRequests(
            requests ->
                requests
                    // an error page rendered for another request; asked for directly it is refused
                    .dispatcherTypeMatchers(DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers(paths(ApiPaths.HEALTH + "/**"))
                    .permitAll()
                    .requestMatchers(paths(HttpMethod.GET, ApiPaths.LOGIN_ASSETS + "/**"))
                    .permitAll()
                    .requestMatchers(paths(HttpMethod.POST, DEMO_SERVICE_CALLS))
                    .permitAll()
                    .requestMatchers(paths("/error/**"))
                    .denyAll()
                    // Camunda REST: an allowlist per role; whatever is not named is refused
                    .requestMatchers(paths(ApiPaths.EXTERNAL_TASKS + "/**"))
                    .hasAnyRole(WorkerPrincipal.ROLE, Roles.OPERATOR, Roles.ADMIN)
                    .requestMatchers(paths(CAMUNDA_ADMIN_ONLY))
                    .hasRole(Roles.ADMIN)
                    .requestMatchers(paths(HttpMethod.DELETE, REST + "/deployment/**"))
                    .hasRole(Roles.ADMIN)
                    .requestMatchers(paths(HttpMethod.POST, CAMUNDA_DEPLOY))
                    .hasAnyRole(Roles.ANALYST, Roles.ADMIN)
                    .requestMatchers(paths(HttpMethod.GET, CAMUNDA_DEFINITIONS))
                    .hasAnyRole(PEOPLE)
                    .requestMatchers(paths(CAMUNDA_OPERATIONS))
                    .hasAnyRole(Roles.OPERATOR, Roles.ADMIN)
                    .requestMatchers(paths(REST + "/**"))
                    .denyAll()
                    // Baton's API
                    .requestMatchers(paths(HttpMethod.POST, ApiPaths.DEPLOYMENTS))
                    .hasAnyRole(Roles.ANALYST, Roles.ADMIN)
                    .requestMatchers(paths(HttpMethod.DELETE, ApiPaths.DEPLOYMENTS + "/**"))
                    .hasRole(Roles.ADMIN)
                    .requestMatchers(paths(HttpMethod.PUT, ApiPaths.DEFINITIONS + "/*/suspension"))
                    .hasAnyRole(Roles.OPERATOR, Roles.ADMIN)
                    .requestMatchers(paths(HttpMethod.POST, ApiPaths.WORKERS + "/**"))
                    .hasRole(Roles.ADMIN)
                    .requestMatchers(paths(HttpMethod.DELETE, ApiPaths.WORKERS + "/**"))
                    .hasRole(Roles.ADMIN)
                    // webhooks: a URL makes the server send requests there, so registering and
                    // removing one is an administrator's; operators watch and retry deliveries
                    .requestMatchers(
                        paths(HttpMethod.POST, ApiPaths.WEBHOOKS + "/*/deliveries/*/retry"))
                    .hasAnyRole(Roles.OPERATOR, Roles.ADMIN)
                    .requestMatchers(
                        paths(HttpMethod.GET, ApiPaths.WEBHOOKS, ApiPaths.WEBHOOKS + "/**"))
                    .hasAnyRole(Roles.OPERATOR, Roles.ADMIN)
                    .requestMatchers(paths(ApiPaths.WEBHOOKS, ApiPaths.WEBHOOKS + "/**"))
                    .hasRole(Roles.ADMIN)
                    // people and the history cleanup's settings: administrators only
                    .requestMatchers(paths(ApiPaths.USERS, ApiPaths.USERS + "/**"))
                    .hasRole(Roles.ADMIN)
                    .requestMatchers(paths(ApiPaths.HISTORY_CLEANUP))
                    .hasRole(Roles.ADMIN)
                    // every person changes their own password (knowing the current one)
                    .requestMatchers(paths(HttpMethod.PUT, ApiPaths.MY_PASSWORD))
                    .hasAnyRole(PEOPLE)
                    .requestMatchers(paths(ApiPaths.ACTUATOR + "/**"))
                    .hasAnyRole(Roles.OPERATOR, Roles.ADMIN)
                    // instances, their variables and incidents, workers: operators
                    .requestMatchers(paths(OPERATOR_DATA))
                    .hasAnyRole(Roles.OPERATOR, Roles.ADMIN)
                    // definitions, lint, adapters, dashboard, system, the console: everyone
                    .anyRequest()
                    .hasAnyRole(PEOPLE))
        .addFilterBefore(
            new LoginThrottleFilter(throttle, mapper), UsernamePasswordAuthenticationFilter.class)
        .addFilterBefore(new SessionRefreshFilter(sessions), AuthorizationFilter.class)
        .addFilterAfter(
            new ExternalTaskGate(workerAccess, taskActivity, mapper), AuthorizationFilter.class)
        .addFilterAfter(
            new VariableInputFilter(mapper, properties.getVariables()), ExternalTaskGate.class)
        .addFilterAfter(new EngineUserFilter(identity), VariableInputFilter.class);
    return http.build();
  }
}
