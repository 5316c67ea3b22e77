package org.navette.connector.opac.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a language as OPAC pages show it ("English", "Deutsch", "français", "ger", "de") into the
 * MARC / ISO 639-2/B code the model uses ("eng", "ger", "fre").
 *
 * <p>Names come from the JDK's locale data in English, German, French, Italian, Spanish and
 * Dutch: the languages of the OPACs we scrape. Thread-safety: safe for concurrent use (two threads
 * may both build the table once; both results are equal).
 */
final class LanguageNames {
    /** ISO 639-2/T codes (what the JDK returns) whose bibliographic code differs. */
    private static final Map<String, String> TERMINOLOGY_TO_BIBLIOGRAPHIC = Map.ofEntries(
            Map.entry("deu", "ger"), Map.entry("fra", "fre"), Map.entry("zho", "chi"), Map.entry("ces", "cze"),
            Map.entry("nld", "dut"), Map.entry("ell", "gre"), Map.entry("fas", "per"), Map.entry("hye", "arm"),
            Map.entry("eus", "baq"), Map.entry("kat", "geo"), Map.entry("isl", "ice"), Map.entry("mkd", "mac"),
            Map.entry("mri", "mao"), Map.entry("msa", "may"), Map.entry("mya", "bur"), Map.entry("ron", "rum"),
            Map.entry("slk", "slo"), Map.entry("sqi", "alb"), Map.entry("cym", "wel"), Map.entry("bod", "tib"));
    private static final Locale[] DISPLAY = {
        Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH, Locale.ITALIAN, Locale.forLanguageTag("es"), Locale.forLanguageTag("nl")
    };

    private volatile Map<String, String> byName;

    /** The name table, built on first use: most OPAC pages name no language, and the JDK's locale data is slow to load. */
    private Map<String, String> table() {
        Map<String, String> t = byName;
        if (t == null) {
            t = build();
            byName = t;
        }
        return t;
    }

    private static Map<String, String> build() {
        Map<String, String> byName = new HashMap<>();
        for (String two : Locale.getISOLanguages()) {
            Locale lang = Locale.forLanguageTag(two);
            String code;
            try {
                code = lang.getISO3Language();
            } catch (java.util.MissingResourceException e) {
                continue;
            }
            if (code.length() != 3) {
                continue;
            }
            String bib = TERMINOLOGY_TO_BIBLIOGRAPHIC.getOrDefault(code, code);
            byName.put(two, bib);
            byName.put(code, bib);
            byName.put(bib, bib);
            for (Locale display : DISPLAY) {
                String name = lang.getDisplayLanguage(display).toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && !name.equals(two)) {
                    byName.putIfAbsent(name, bib);
                }
            }
        }
        return Map.copyOf(byName);
    }

    /** The ISO 639-2/B code for a language name or code, if it is one we know. */
    Optional<String> code(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(table().get(text.strip().toLowerCase(Locale.ROOT)));
    }
}
