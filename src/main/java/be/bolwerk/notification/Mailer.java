package be.bolwerk.notification;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes an e-mail in the recipient's language and queues it. A mail is a Thymeleaf TEXT template
 * ({@code templates/mail/<name>.txt}) whose sentences come from the message bundles, and its subject is the
 * bundle's {@code mail.<name>.subject}; so a mail exists in Dutch and English exactly like a page does.
 *
 * <p>Which language: the caller passes the one it knows. When the recipient is the person making the request
 * (asking for a new password, accepting an invitation), that is the language they chose on the page; mails to
 * an account go through identity's {@code PersonalMail}, which uses the language the person chose in their
 * preferences; otherwise the mail is in Dutch, {@link #DEFAULT_LANGUAGE}, the language of the programme. Any
 * language without its own bundle also falls back to Dutch.
 *
 * <p>The mail joins the caller's transaction: it exists exactly when the change that caused it was committed,
 * and a crash or a down mail server loses nothing.
 */
@Service
public class Mailer {

    /** The language of a mail whose recipient's language Bolwerk does not know. */
    public static final Locale DEFAULT_LANGUAGE = Locale.forLanguageTag("nl");

    private static final Locale ENGLISH = Locale.ENGLISH;

    private final MailOutbox outbox;
    private final MessageSource messages;
    private final SpringTemplateEngine texts;
    private final Clock clock;
    private final NotificationProperties properties;

    Mailer(MailOutbox outbox, MessageSource messages, Clock clock, NotificationProperties properties) {
        this.outbox = outbox;
        this.properties = properties;
        this.messages = messages;
        this.clock = clock;
        this.texts = textEngine(messages);
    }

    /**
     * Queues the mail {@code template} (e.g. {@code "mail/invitation"}) for {@code recipient}.
     *
     * @param language the recipient's language if known, else {@link #DEFAULT_LANGUAGE}
     * @param model the values the template shows (names, links); plain text, so nothing is escaped
     * @param subjectArguments the arguments of the subject sentence {@code mail.<name>.subject}
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void send(
            String recipient, Locale language, String template, Map<String, ?> model, Object... subjectArguments) {
        sendOnce(null, recipient, language, template, model, subjectArguments);
    }

    /**
     * Like {@link #send}, but only once per {@code onceKey} (the reason and the recipient, e.g. {@code
     * "area-assigned:<assessment>:<area>:<time>:<account>"}): for reactions to events, which may be delivered
     * more than once. Returns whether the mail was queued now; {@code false} when it had been before.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public boolean sendOnce(
            String onceKey,
            String recipient,
            Locale language,
            String template,
            Map<String, ?> model,
            Object... subjectArguments) {
        Locale locale = supported(language);
        String subject = messages.getMessage(template.replace('/', '.') + ".subject", subjectArguments, locale);
        Context context = new Context(locale);
        model.forEach(context::setVariable);
        String body = texts.process(template, context);
        return outbox.queue(onceKey, recipient, subject, body, clock.instant().atOffset(ZoneOffset.UTC));
    }

    /** The link to a page of Bolwerk, for a mail: {@code path} starts with a slash. */
    public String link(String path) {
        return properties.baseUrl() + path;
    }

    private static Locale supported(Locale language) {
        return language != null && ENGLISH.getLanguage().equals(language.getLanguage()) ? ENGLISH : DEFAULT_LANGUAGE;
    }

    /**
     * An engine of its own for plain text: the application's engine renders HTML pages (and its
     * configuration belongs to them); this one only reads {@code templates/*.txt}, with the same bundles.
     */
    private static SpringTemplateEngine textEngine(MessageSource messages) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        return engine;
    }
}
