package dev.baton.engine.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.system.ApiPaths;
import dev.baton.engine.workers.ExternalTaskGate;
import dev.baton.engine.workers.TaskActivity;
import dev.baton.engine.workers.WorkerAccess;
import dev.baton.engine.workers.WorkerAuthenticationProvider;
import dev.baton.engine.workers.WorkerPrincipal;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Who may call what. Open: health and the demo services' business endpoints (stand-ins for
 * third-party services that Baton calls). Workers (signed in with their key): the external-task
 * protocol only. People: by role. HTTP Basic, no session.
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

  /** Camunda REST resources that manage who may do what. */
  static final String[] CAMUNDA_ADMIN_ONLY = {
    ApiPaths.ENGINE_REST + "/user/**",
    ApiPaths.ENGINE_REST + "/group/**",
    ApiPaths.ENGINE_REST + "/tenant/**",
    ApiPaths.ENGINE_REST + "/authorization/**",
    ApiPaths.ENGINE_REST + "/identity/**"
  };

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http,
      WorkerAuthenticationProvider workers,
      IdentityAuthenticationProvider users,
      ProblemAuthenticationHandlers problems,
      IdentityService identity,
      WorkerAccess workerAccess,
      TaskActivity taskActivity,
      ObjectMapper mapper)
      throws Exception {
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authenticationProvider(workers)
        .authenticationProvider(users)
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(ApiPaths.HEALTH, ApiPaths.HEALTH + "/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, DEMO_SERVICE_CALLS)
                    .permitAll()
                    .requestMatchers("/error")
                    .permitAll()
                    .requestMatchers(ApiPaths.EXTERNAL_TASKS, ApiPaths.EXTERNAL_TASKS + "/**")
                    .hasAnyRole(WorkerPrincipal.ROLE, Roles.OPERATOR, Roles.ADMIN)
                    .requestMatchers(HttpMethod.POST, ApiPaths.DEPLOYMENTS)
                    .hasAnyRole(Roles.ANALYST, Roles.ADMIN)
                    // Camunda's identity, authorization and deployment deletion: administrators
                    // only
                    .requestMatchers(CAMUNDA_ADMIN_ONLY)
                    .hasRole(Roles.ADMIN)
                    .requestMatchers(HttpMethod.DELETE, ApiPaths.ENGINE_REST + "/deployment/**")
                    .hasRole(Roles.ADMIN)
                    // repairs on running instances: operators
                    .requestMatchers(HttpMethod.PUT, ApiPaths.INSTANCES + "/*/variables/*")
                    .hasAnyRole(Roles.OPERATOR, Roles.ADMIN)
                    .requestMatchers(
                        HttpMethod.POST,
                        ApiPaths.INSTANCES + "/*/cancel",
                        ApiPaths.INCIDENTS + "/**")
                    .hasAnyRole(Roles.OPERATOR, Roles.ADMIN)
                    .requestMatchers(HttpMethod.POST, ApiPaths.WORKERS)
                    .hasRole(Roles.ADMIN)
                    .requestMatchers(HttpMethod.DELETE, ApiPaths.WORKERS + "/*/credentials")
                    .hasRole(Roles.ADMIN)
                    .requestMatchers("/actuator/**")
                    .hasAnyRole(Roles.OPERATOR, Roles.ADMIN)
                    .anyRequest()
                    .hasAnyRole(PEOPLE))
        .addFilterAfter(
            new ExternalTaskGate(workerAccess, taskActivity, mapper), AuthorizationFilter.class)
        .addFilterAfter(new JavaSerializationFilter(mapper), ExternalTaskGate.class)
        .addFilterAfter(new EngineUserFilter(identity), JavaSerializationFilter.class);
    return http.build();
  }
}
