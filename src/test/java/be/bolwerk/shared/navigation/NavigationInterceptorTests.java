package be.bolwerk.shared.navigation;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.TestUsers;
import be.bolwerk.shared.security.Persona;
import jakarta.servlet.DispatcherType;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.ModelAndView;

/**
 * The menu marks the item of the page's own address: the request's, or the one a page answering a form names in its
 * model (ADR 0048); an error page keeps the mark of the failed request.
 */
class NavigationInterceptorTests {

    private final StaticMessageSource messages = new StaticMessageSource();
    private final NavigationInterceptor interceptor = new NavigationInterceptor(messages);

    @BeforeEach
    void signIn() {
        messages.setUseCodeAsDefaultMessage(true);
        SecurityContextHolder.getContext()
                .setAuthentication(TestUsers.fullySignedIn(TestUsers.persona(Persona.PROGRAMME_OFFICER)));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aPageThatNamesAnotherAddressMarksThatAddresssItem() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/frameworks/import");

        interceptor.preHandle(request, new MockHttpServletResponse(), null);
        interceptor.postHandle(
                request,
                new MockHttpServletResponse(),
                null,
                new ModelAndView("x", Map.of("requestPath", "/organisations")));

        assertThat(current(request)).isEqualTo("/organisations");
    }

    @Test
    void anErrorPageKeepsTheMarkOfTheFailedRequest() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/organisations");
        interceptor.preHandle(request, new MockHttpServletResponse(), null);
        request.setDispatcherType(DispatcherType.ERROR);

        interceptor.postHandle(
                request, new MockHttpServletResponse(), null, new ModelAndView("error", Map.of("requestPath", "/")));

        assertThat(current(request)).isEqualTo("/organisations");
    }

    private static String current(MockHttpServletRequest request) {
        Navigation navigation = (Navigation) request.getAttribute(Navigation.ATTRIBUTE);
        return navigation.items().stream()
                .filter(Navigation.Item::current)
                .map(Navigation.Item::href)
                .findFirst()
                .orElse("none");
    }
}
