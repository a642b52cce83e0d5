package be.bolwerk.shared.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Tomcat answers some requests itself, before any filter runs: a path with {@code %00}, {@code %ZZ} or an
 * encoded dot segment is refused while the request is parsed. Its own error page for those is English, names
 * the server and carries none of our security headers. This replaces the error report of the host with a static
 * Dutch page and the same headers as every other answer. Whatever reaches the application still gets the
 * application's error pages ({@link ErrorPageController}); this only speaks when nothing else did. Its page is
 * the application's own error page, rendered once at start without a request (standalone: no layout).
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrorPages {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> dutchContainerErrorPages(ITemplateEngine templates) {
        String clientError = page(templates, 400);
        String serverError = page(templates, 500);
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                // Spring Boot adds a plain ErrorReportValve here; the host adds one at start unless the class
                // it is told to use is already there. Both would answer in English, so ours is the only one.
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new DutchErrorReport(clientError, serverError));
                host.setErrorReportValveClass(DutchErrorReport.class.getName());
            }
        });
    }

    private static String page(ITemplateEngine templates, int status) {
        return templates.process(
                "error/page", new Context(Locale.forLanguageTag("nl"), Map.of("status", status, "standalone", true)));
    }

    /** Tomcat's error report, answering with a fixed Dutch page (no report, no server details). */
    static final class DutchErrorReport extends ErrorReportValve {

        private final String clientError;
        private final String serverError;

        DutchErrorReport(String clientError, String serverError) {
            this.clientError = clientError;
            this.serverError = serverError;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            // The same guards as Tomcat's own report: only an error that nobody has answered yet.
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            try {
                SecurityHeaders.write(response, request.isSecure());
                response.setContentType("text/html");
                response.setCharacterEncoding("UTF-8");
                response.setHeader("Content-Language", "nl");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(status < 500 ? clientError : serverError);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException gone) {
                // The client went away or the response was taken over: nothing left to tell anyone.
            }
        }
    }
}
