package be.bolwerk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Bolwerk: one platform for the cyber resilience of local governments, built as a modular monolith. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BolwerkApplication {

    public static void main(String[] args) {
        SpringApplication.run(BolwerkApplication.class, args);
    }
}
