package dev.baton.engine.security;

import dev.baton.engine.system.ApiPaths;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Everything needs a signed-in user except health and the demo services' business endpoints (they
 * stand for third-party services that Baton calls). HTTP Basic, no session.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  /** The demo services' endpoints that adapters call; they are stand-ins for external services. */
  static final String[] DEMO_SERVICE_CALLS = {
    ApiPaths.DEMO + "/inventory/reserve",
    ApiPaths.DEMO + "/inventory/release",
    ApiPaths.DEMO + "/payment/charge",
    ApiPaths.DEMO + "/shipping/ship"
  };

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http,
      IdentityAuthenticationProvider provider,
      ProblemAuthenticationHandlers problems,
      IdentityService identity)
      throws Exception {
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authenticationProvider(provider)
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
                    .anyRequest()
                    .authenticated())
        .addFilterAfter(new EngineUserFilter(identity), AuthorizationFilter.class);
    return http.build();
  }
}
