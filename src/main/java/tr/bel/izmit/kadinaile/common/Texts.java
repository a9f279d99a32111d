package tr.bel.izmit.kadinaile.common;

import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Everything citizens and staff read that the code builds, from {@code src/main/resources/messages_tr.properties}
 * (UTF-8): always Turkish, whatever language the browser asks for. Keys are English and grouped by capability
 * ({@code microcredit.validation.amount.range}); placeholders follow {@link java.text.MessageFormat} ({@code {0}}),
 * so every apostrophe in a text is written twice ({@code İZGİM''e}), with or without placeholders. A missing key
 * fails loudly ({@link org.springframework.context.NoSuchMessageException}) rather than showing a key to a citizen.
 *
 * <p>Static, because validators and exceptions are built where no bean is at hand; the same source is the
 * application's {@code messageSource} bean ({@link TextsConfiguration}).
 */
public final class Texts {

    /** The bundle's base name on the classpath. */
    public static final String BUNDLE = "messages";

    private static final ResourceBundleMessageSource SOURCE = source();

    private Texts() {
    }

    /** The text under this key with its placeholders filled. */
    public static String get(String key, Object... args) {
        return SOURCE.getMessage(key, args, TurkishFormats.TURKISH);
    }

    /** The text under this key, if the bundle has one. */
    public static Optional<String> find(String key, Object... args) {
        return Optional.ofNullable(SOURCE.getMessage(key, args, null, TurkishFormats.TURKISH));
    }

    static MessageSource messageSource() {
        return SOURCE;
    }

    private static ResourceBundleMessageSource source() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename(BUNDLE);
        source.setDefaultEncoding("UTF-8");
        source.setDefaultLocale(TurkishFormats.TURKISH);
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
        return source;
    }
}
