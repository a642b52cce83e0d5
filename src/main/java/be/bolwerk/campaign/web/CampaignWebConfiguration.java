package be.bolwerk.campaign.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the deadline notice for the self-evaluations page only. */
@Configuration(proxyBeanMethods = false)
class CampaignWebConfiguration implements WebMvcConfigurer {

    private final DeadlineNotice deadlines;

    CampaignWebConfiguration(DeadlineNotice deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(deadlines).addPathPatterns("/assessments");
    }
}
