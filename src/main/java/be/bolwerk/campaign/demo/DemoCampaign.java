package be.bolwerk.campaign.demo;

import be.bolwerk.campaign.CampaignId;
import be.bolwerk.campaign.running.Campaign;
import be.bolwerk.campaign.running.CampaignStore;
import be.bolwerk.campaign.running.ReminderSchedule;
import be.bolwerk.framework.FrameworkSource;
import be.bolwerk.framework.FrameworkSummary;
import be.bolwerk.framework.Frameworks;
import be.bolwerk.shared.BelgianTime;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo profile only: this year's campaign for the built-in self-evaluation, every demo organisation invited,
 * started a month ago with its deadline six weeks ahead. Written straight into the store, without mails: the demo
 * outbox should show what people do in the demo, not three hundred invitations nobody sent.
 */
@Component
@Profile("demo")
@Order(40)
class DemoCampaign implements ApplicationRunner {

    static final UUID ID = UUID.nameUUIDFromBytes("bolwerk-demo-campaign".getBytes());
    private static final UUID DEMO_PERSON = UUID.nameUUIDFromBytes("bolwerk-demo-campaigns".getBytes());

    private final JdbcClient jdbc;
    private final CampaignStore store;
    private final Frameworks frameworks;
    private final Clock clock;

    DemoCampaign(JdbcClient jdbc, CampaignStore store, Frameworks frameworks, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.frameworks = frameworks;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM campaign").query(Long.class).single() > 0) {
            return;
        }
        Optional<FrameworkSummary> framework = frameworks.all().stream()
                .filter(f -> f.source() == FrameworkSource.BUILT_IN && f.code().equals("zelfevaluatie-ict"))
                .findFirst();
        if (framework.isEmpty()) {
            return;
        }
        // The demo reads the organisation table itself, as the other demo data does: it runs before anyone signs
        // in, so there is no officer to ask the organisation module on behalf of.
        Map<UUID, String> organisations = new LinkedHashMap<>();
        jdbc.sql("SELECT id, name FROM organisation ORDER BY name")
                .query((rs, row) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("name")))
                .list()
                .forEach(o -> organisations.put(o.getKey(), o.getValue()));
        if (organisations.isEmpty()) {
            return;
        }
        LocalDate today = BelgianTime.today(clock);
        int year = today.getYear();
        store.insert(
                new Campaign(
                        new CampaignId(ID),
                        "Zelfevaluatie " + year,
                        framework.get().id().value(),
                        year,
                        null,
                        today.minusDays(30),
                        today.plusDays(45),
                        ReminderSchedule.DEFAULT,
                        DEMO_PERSON,
                        clock.instant()),
                organisations);
    }
}
