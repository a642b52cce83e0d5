package be.bolwerk.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of e-mail ({@code bolwerk.notification.*}).
 *
 * @param from the sender address of every mail
 * @param baseUrl where people reach Bolwerk, for links in mails
 */
@ConfigurationProperties("bolwerk.notification")
public record NotificationProperties(String from, String baseUrl) {

    public NotificationProperties {
        from = from == null || from.isBlank() ? "no-reply@bolwerk.invalid" : from;
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
    }
}
