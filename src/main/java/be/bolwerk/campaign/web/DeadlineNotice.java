package be.bolwerk.campaign.web;

import be.bolwerk.campaign.CampaignDeadline;
import be.bolwerk.campaign.Campaigns;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Puts the signed-in member's campaign deadlines on the self-evaluations page ({@code assessment/list}), which
 * the assessment module renders and which includes {@code campaign/deadlines :: deadlines}. An interceptor and
 * not a call from the assessment module: campaigns build on assessments, not the other way round. Only the
 * person's own organisations are asked for.
 */
@Component
class DeadlineNotice implements HandlerInterceptor {

    static final String ATTRIBUTE = "campaignDeadlines";
    private static final String VIEW = "assessment/list";

    private final Campaigns campaigns;
    private final Clock clock;

    DeadlineNotice(Campaigns campaigns, Clock clock) {
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
        if (view == null || !VIEW.equals(view.getViewName())) {
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof CurrentUser user)) {
            return;
        }
        Object names = view.getModel().get("organisationNames");
        LocalDate today = BelgianTime.today(clock);
        List<DeadlineLine> lines = campaigns.openFor(user.memberships().keySet()).stream()
                .map(d -> line(d, names instanceof Map<?, ?> map ? map.get(d.organisationId()) : null, today))
                .toList();
        view.addObject(ATTRIBUTE, lines);
    }

    private static DeadlineLine line(CampaignDeadline deadline, Object organisation, LocalDate today) {
        return new DeadlineLine(
                organisation == null ? "" : organisation.toString(),
                deadline.name(),
                Lines.date(deadline.deadline()),
                deadline.extensionReason(),
                deadline.deadline().isBefore(today));
    }
}
