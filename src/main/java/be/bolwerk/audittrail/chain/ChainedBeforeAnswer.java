package be.bolwerk.audittrail.chain;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request that appended audit rows answers once they are chained (ADR 0049), so that whoever made a change finds
 * it in the trail when the answer arrives. The request waits here, outermost, after Spring Session saved the session
 * and every connection went back to the pool: while it waits for the chainer it holds nothing another request needs.
 * Outside a request (a job, an event listener, a test calling a service) the caller waits right after its commit.
 */
class ChainedBeforeAnswer extends OncePerRequestFilter {

    /** The latest pass the request's rows need (passes end in order); absent outside a request. */
    private static final ThreadLocal<Deferred> DEFERRED = new ThreadLocal<>();

    private final Chainer chainer;

    ChainedBeforeAnswer(Chainer chainer) {
        this.chainer = chainer;
    }

    /** After a commit: in a request, remember the pass for the end of it; elsewhere, wait now. */
    static void chained(Chainer chainer, CompletableFuture<Void> pass) {
        Deferred deferred = DEFERRED.get();
        if (deferred != null) {
            deferred.pass = pass;
        } else {
            chainer.await(pass);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Deferred deferred = new Deferred();
        DEFERRED.set(deferred);
        try {
            chain.doFilter(request, response);
        } finally {
            DEFERRED.remove();
            if (deferred.pass != null) {
                chainer.await(deferred.pass);
            }
        }
    }

    private static final class Deferred {

        private CompletableFuture<Void> pass;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        /** Outside the database outage filter and Spring Session's filter, so that nothing holds a connection. */
        @Bean
        FilterRegistrationBean<ChainedBeforeAnswer> chainedBeforeAnswer(Chainer chainer) {
            FilterRegistrationBean<ChainedBeforeAnswer> registration =
                    new FilterRegistrationBean<>(new ChainedBeforeAnswer(chainer));
            registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 20);
            return registration;
        }
    }
}
