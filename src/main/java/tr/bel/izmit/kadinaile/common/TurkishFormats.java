package tr.bel.izmit.kadinaile.common;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How amounts and dates are written for Turkish readers: 1.234,50 and 25.11.2026. */
public final class TurkishFormats {

    public static final Locale TURKISH = Locale.forLanguageTag("tr-TR");
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy", TURKISH);

    private TurkishFormats() {
    }

    public static String money(BigDecimal amount) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(TURKISH)).format(amount);
    }

    /** An amount as citizens read it on the portal: 3.500 for whole liras, 350,01 otherwise. */
    public static String amount(BigDecimal amount) {
        return amount.stripTrailingZeros().scale() <= 0
            ? new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(TURKISH)).format(amount)
            : money(amount);
    }
}
