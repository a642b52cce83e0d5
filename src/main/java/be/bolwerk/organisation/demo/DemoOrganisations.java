package be.bolwerk.organisation.demo;

import be.bolwerk.organisation.OrganisationType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo profile only: about 300 organisations with plainly invented names (fruit, herbs and flowers joined to
 * a Flemish place-name ending), so nobody mistakes them for a real municipality. The same names, ids and
 * figures come out on every machine because the generator is seeded.
 */
@Component
@Profile("demo")
@Order(10)
class DemoOrganisations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOrganisations.class);

    private static final List<String> STEMS = List.of(
            "Appel",
            "Peren",
            "Kersen",
            "Pruimen",
            "Bessen",
            "Noten",
            "Kiwi",
            "Mango",
            "Dadel",
            "Vijgen",
            "Rabarber",
            "Prei",
            "Selder",
            "Radijs",
            "Wortel",
            "Pompoen",
            "Spinazie",
            "Erwten",
            "Bonen",
            "Linzen",
            "Munt",
            "Basilicum",
            "Tijm",
            "Salie",
            "Dille",
            "Lavendel",
            "Krokus",
            "Tulpen",
            "Narcissen",
            "Lelie");

    private static final List<String> ENDINGS =
            List.of("kerke", "hove", "donk", "rode", "beek", "gem", "zele", "lare", "dijk", "berg");

    private final JdbcClient jdbc;
    private final Clock clock;

    DemoOrganisations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        long existing =
                jdbc.sql("SELECT COUNT(*) FROM organisation").query(Long.class).single();
        if (existing > 0) {
            return;
        }
        List<DemoOrganisation> all = generate();
        Instant now = clock.instant();
        for (DemoOrganisation o : all) {
            jdbc.sql("""
                            INSERT INTO organisation (id, name, type, nis_code, inhabitants, staff_count,
                                contact_email, contact_phone, created_at, updated_at, version)
                            VALUES (:id, :name, :type, :nis, :inhabitants, :staff, :email, :phone, :now, :now, 0)
                            """)
                    .param("id", o.id())
                    .param("name", o.name())
                    .param("type", o.type().name())
                    .param("nis", o.nisCode())
                    .param("inhabitants", o.inhabitants())
                    .param("staff", o.staffCount())
                    .param("email", o.contactEmail())
                    .param("phone", o.contactPhone())
                    .param("now", java.sql.Timestamp.from(now))
                    .update();
        }
        // NIS2 scope (ADR 0039): the provinces are essential entities, the largest municipalities (and Appelkerke,
        // so that the demo shows the NIS2 clocks) important ones; the rest stay out of scope.
        jdbc.sql("UPDATE organisation SET nis2_scope = 'ESSENTIAL' WHERE type = 'PROVINCE'")
                .update();
        jdbc.sql("UPDATE organisation SET nis2_scope = 'IMPORTANT' WHERE type = 'MUNICIPALITY'"
                        + " AND (inhabitants > 75000 OR id = :appelkerke)")
                .param("appelkerke", DemoOrganisationIds.APPELKERKE.value())
                .update();
        log.info("Demo data: {} fictional organisations loaded", all.size());
    }

    record DemoOrganisation(
            UUID id,
            String name,
            OrganisationType type,
            String nisCode,
            Integer inhabitants,
            Integer staffCount,
            String contactEmail,
            String contactPhone) {}

    /** 300 organisations: 200 municipalities, 60 welfare centres, 25 police zones, 10 associations, 5 provinces. */
    static List<DemoOrganisation> generate() {
        Random random = new Random(2026);
        List<DemoOrganisation> result = new ArrayList<>();
        int index = 0;
        for (String stem : STEMS) {
            for (String ending : ENDINGS) {
                String place = stem + ending;
                OrganisationType type = typeFor(index);
                UUID id = switch (index) {
                    case 0 -> DemoOrganisationIds.APPELKERKE.value();
                    case 201 -> DemoOrganisationIds.OCMW_MUNTHOVE.value();
                    default -> UUID.nameUUIDFromBytes(("bolwerk-demo-" + index).getBytes());
                };
                int inhabitants = 2_000 + random.nextInt(type == OrganisationType.PROVINCE ? 1_500_000 : 90_000);
                int staff = Math.max(5, inhabitants / (60 + random.nextInt(60)));
                String slug = place.toLowerCase(java.util.Locale.ROOT);
                result.add(new DemoOrganisation(
                        id,
                        nameFor(type, place),
                        type,
                        type == OrganisationType.MUNICIPALITY ? String.valueOf(90_000 + index) : null,
                        type == OrganisationType.INTERMUNICIPAL_ASSOCIATION ? null : inhabitants,
                        staff,
                        "informatieveiligheid@" + slug + ".demo.invalid",
                        "+32 9 " + (100 + random.nextInt(900)) + " " + (10 + random.nextInt(90)) + " "
                                + (10 + random.nextInt(90))));
                index++;
            }
        }
        return result;
    }

    private static OrganisationType typeFor(int index) {
        if (index < 200) {
            return OrganisationType.MUNICIPALITY;
        }
        if (index < 260) {
            return OrganisationType.SOCIAL_WELFARE_CENTRE;
        }
        if (index < 285) {
            return OrganisationType.POLICE_ZONE;
        }
        if (index < 295) {
            return OrganisationType.INTERMUNICIPAL_ASSOCIATION;
        }
        return OrganisationType.PROVINCE;
    }

    private static String nameFor(OrganisationType type, String place) {
        return switch (type) {
            case MUNICIPALITY -> "Gemeente " + place;
            case SOCIAL_WELFARE_CENTRE -> "OCMW " + place;
            case POLICE_ZONE -> "Politiezone " + place;
            case INTERMUNICIPAL_ASSOCIATION -> "Intercommunale " + place;
            case PROVINCE -> "Provincie " + place;
            case OTHER -> place;
        };
    }
}
