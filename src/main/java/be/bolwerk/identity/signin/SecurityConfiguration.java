package be.bolwerk.identity.signin;

import be.bolwerk.identity.account.AccountDetailsService;
import be.bolwerk.identity.account.UserAccounts;
import be.bolwerk.identity.factor.Factors;
import be.bolwerk.identity.factor.IdentityProperties;
import be.bolwerk.identity.factor.PasskeyCreationOptions;
import be.bolwerk.identity.factor.PasskeyProvider;
import be.bolwerk.identity.factor.PasskeyRegistrationGuard;
import be.bolwerk.identity.factor.Passkeys;
import be.bolwerk.identity.factor.SecondFactorChecks;
import be.bolwerk.identity.session.SessionConfiguration;
import be.bolwerk.identity.session.SessionLifetimeFilter;
import be.bolwerk.identity.token.ApiTokenFilters;
import be.bolwerk.identity.token.ApiTokens;
import be.bolwerk.shared.web.SecureCookies;
import be.bolwerk.shared.web.SecurityHeaders;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.authorization.DefaultAuthorizationManagerFactory;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.authorization.EnableMultiFactorAuthentication;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * Three filter chains: the JSON API (problem+json refusals, never a redirect), Actuator (health probes open,
 * the rest for platform admins) and the pages (own login page). All three share the same security headers.
 * Which role may use which function is decided next to the function with {@code @PreAuthorize}, so modules do
 * not have to register their URLs here; this class only decides who is signed in.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
// No global factor list here: it only switches on factor merging in Spring's own authentication filters. The
// rule "password and a second factor" is the factory bean below, which also reaches @PreAuthorize.
@EnableMultiFactorAuthentication(authorities = {})
class SecurityConfiguration {

    /**
     * Argon2id for every new hash (ASVS 11.4.2); bcrypt hashes from before still match and are rehashed at the
     * next sign-in ({@link AccountDetailsService#updatePassword}). The {id} prefix names the algorithm.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        Map<String, PasswordEncoder> encoders = Map.of(
                "argon2",
                Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt",
                new BCryptPasswordEncoder());
        return new DelegatingPasswordEncoder("argon2", encoders);
    }

    /**
     * Wraps every role and authentication rule — URL rules of all chains and {@code @PreAuthorize} — with
     * {@link SecondFactorRule}. Declared with the raw type on purpose: method security looks the factory up as
     * {@code DefaultAuthorizationManagerFactory<MethodInvocation>} and would miss a {@code <Object>} bean.
     */
    @Bean
    @SuppressWarnings({"rawtypes", "unchecked"})
    DefaultAuthorizationManagerFactory authorizationManagerFactory() {
        DefaultAuthorizationManagerFactory<Object> factory = new DefaultAuthorizationManagerFactory<>();
        factory.setAdditionalAuthorization(new SecondFactorRule<>());
        return factory;
    }

    /** Refused requests and method calls become events, which the audit trail records (ASVS 16.3.2). */
    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher events) {
        return new SpringAuthorizationEventPublisher(events);
    }

    /**
     * No Micrometer observation around every security filter, authentication and authorization: they cost 5-8 %
     * of each page's time (docs/performance.md) and nobody reads them. Requests are still timed as a whole
     * ({@code http.server.requests}), and refused requests still reach the audit trail as events (above).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The firewall refuses some requests (a double slash, an encoded dot segment, a path parameter) before any
     * chain runs, so no header writer has touched the answer, and the error dispatch that renders the Dutch
     * page skips them too. The headers are written here; the error page then explains in Dutch.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> {
            SecurityHeaders.write(response, request.isSecure());
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        };
    }

    @Bean
    PublicKeyCredentialUserEntityRepository passkeyUsers(JdbcOperations jdbc) {
        return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
    }

    /** Picked up by {@code http.webAuthn()}; a bean so that {@link PasskeyProvider} checks with the same one. */
    @Bean
    WebAuthnRelyingPartyOperations relyingParty(
            PublicKeyCredentialUserEntityRepository passkeyUsers, Passkeys passkeys, IdentityProperties properties) {
        IdentityProperties.Passkeys settings = properties.passkeys();
        return new Webauthn4JRelyingPartyOperations(
                passkeyUsers,
                passkeys,
                PublicKeyCredentialRpEntity.builder()
                        .id(settings.rpId())
                        .name(settings.rpName())
                        .build(),
                settings.origins());
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new DelegatingSecurityContextRepository(
                new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
    }

    /**
     * The filter chains need the servlet stack; the command-line verification of the audit trail runs without
     * it ({@code --spring.main.web-application-type=none}) and must still start.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class FilterChains {

        @Bean
        @Order(1)
        SecurityFilterChain apiChain(
                HttpSecurity http, ProblemResponses problems, Clock clock, ApiTokens tokens, UserAccounts accounts)
                throws Exception {
            http.securityMatcher("/api/**")
                    .addFilterAfter(new SessionLifetimeFilter(clock), SecurityContextHolderFilter.class)
                    .addFilterBefore(
                            ApiTokenFilters.authentication(tokens, accounts, problems), AuthorizationFilter.class)
                    .addFilterAfter(ApiTokenFilters.scope(problems), AuthorizationFilter.class)
                    // A bearer token is never sent by a browser on its own, so it cannot be forged cross-site.
                    .csrf(csrf -> csrf.ignoringRequestMatchers(ApiTokenFilters.BEARER))
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .exceptionHandling(exceptions -> exceptions
                            .authenticationEntryPoint(problems::unauthenticated)
                            .accessDeniedHandler(problems::forbidden))
                    .headers(SecurityConfiguration::headers);
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain actuatorChain(HttpSecurity http) throws Exception {
            http.securityMatcher(EndpointRequest.toAnyEndpoint())
                    .authorizeHttpRequests(requests -> requests.requestMatchers(EndpointRequest.to("health"))
                            .permitAll()
                            .anyRequest()
                            .hasRole("PLATFORM_ADMIN"))
                    .exceptionHandling(exceptions ->
                            exceptions.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                    .headers(SecurityConfiguration::headers);
            return http.build();
        }

        @Bean
        @Order(3)
        SecurityFilterChain pageChain(
                HttpSecurity http,
                LoginThrottle throttle,
                SecondFactorChecks secondFactorChecks,
                UserDetailsService users,
                SecurityContextRepository contexts,
                @Value(SecureCookies.SWITCH) boolean secureCookies,
                Clock clock,
                WebAuthnRelyingPartyOperations relyingParty,
                Reauthentication reauthentication)
                throws Exception {
            // The pages that collect the second factor need the password step only; built directly, so the
            // factory above does not wrap them (that would send the person to /mfa for ever).
            AuthorizationManager<RequestAuthorizationContext> passwordOnly =
                    AuthorityAuthorizationManager.hasAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY);
            // Registering a passkey changes a factor: fully signed in and proved again a moment ago (7.5.1). Removing
            // one goes through our own page, which asks for a confirmation; Spring's DELETE endpoint stays closed.
            AuthorizationManager<RequestAuthorizationContext> addPasskey =
                    AuthorizationManagers.allOf(new SecondFactorRule<>(), reauthentication.recentProof());
            http.authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
                            .permitAll()
                            .requestMatchers("/mfa", "/mfa/**")
                            .access(passwordOnly)
                            .requestMatchers(HttpMethod.POST, "/webauthn/register")
                            .access(addPasskey)
                            .requestMatchers(HttpMethod.DELETE, "/webauthn/register/**")
                            .denyAll()
                            .requestMatchers(
                                    "/login",
                                    "/login/throttled",
                                    "/invitation/*",
                                    "/password-reset",
                                    "/password-reset/*",
                                    // The CRT's emergency number: for someone who cannot sign in (ADR 0036).
                                    "/noodnummer",
                                    "/css/**",
                                    "/js/**",
                                    "/images/**",
                                    "/webjars/**",
                                    "/favicon.ico")
                            .permitAll()
                            .anyRequest()
                            .authenticated())
                    .formLogin(form -> form.loginPage("/login")
                            .usernameParameter("email")
                            .passwordParameter("password")
                            // Not "always": after the second factor the person goes back to the page they asked for.
                            .defaultSuccessUrl("/")
                            .failureUrl("/login?error"))
                    .logout(logout -> logout.logoutUrl("/logout")
                            .logoutSuccessUrl("/login?logout")
                            .invalidateHttpSession(true)
                            .deleteCookies(SecureCookies.name(SessionConfiguration.COOKIE_NAME, secureCookies)))
                    .webAuthn(webAuthn -> webAuthn.disableDefaultRegistrationPage(true)
                            .creationOptionsRepository(new PasskeyCreationOptions())
                            .withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
                                @Override
                                public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                                    // A passkey is a second factor here, never a sign-in on its own.
                                    filter.setAuthenticationManager(
                                            new ProviderManager(new PasskeyProvider(relyingParty, users)));
                                    filter.setMfaEnabled(true);
                                    filter.setSecurityContextRepository(contexts);
                                    return filter;
                                }
                            }))
                    // Same place as Spring's registration filter, which webAuthn() adds later, so the guard runs first.
                    .addFilterAfter(new PasskeyRegistrationGuard(), AuthorizationFilter.class)
                    .addFilterAfter(new SessionLifetimeFilter(clock), SecurityContextHolderFilter.class)
                    .addFilterBefore(ThrottleFilter.password(throttle), UsernamePasswordAuthenticationFilter.class)
                    .addFilterBefore(
                            SecondFactorFilter.create(secondFactorChecks, users, contexts), AuthorizationFilter.class)
                    // After the CSRF check, so that a forged request counts nothing; before the code is looked at.
                    .addFilterAfter(ThrottleFilter.secondFactor(throttle), CsrfFilter.class)
                    .exceptionHandling(exceptions -> exceptions.defaultDeniedHandlerForMissingAuthority(
                            new LoginUrlAuthenticationEntryPoint("/mfa"), Factors.TOTP))
                    .requestCache(Customizer.withDefaults())
                    .headers(SecurityConfiguration::headers);
            return http.build();
        }
    }

    /** HSTS (one year, subdomains) is Spring Security's default and is written on every HTTPS response. */
    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                .contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", SecurityHeaders.PERMISSIONS_POLICY));
    }
}
