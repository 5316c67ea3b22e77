package org.navette.cli;

import java.time.Duration;
import org.navette.target.TargetConfig;
import picocli.CommandLine;

/**
 * The one reading of a DURATION option ({@code --timeout 10s}) for every command, as targets files
 * read theirs: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, bare seconds or ISO-8601
 * {@code PT10S}. A bad value is a usage error with one wording:
 * {@code Invalid value for option '--timeout': must be a duration such as 10s, 500ms or 1m, was 'soon'}.
 */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            Duration d = TargetConfig.parseDuration(value);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("not positive");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("must be a duration such as 10s, 500ms or 1m, was '" + value + "'");
        }
    }

    /** The duration as a targets file would write it, in milliseconds ("1500ms"). */
    static String asSetting(Duration d) {
        return d.toMillis() + "ms";
    }
}
