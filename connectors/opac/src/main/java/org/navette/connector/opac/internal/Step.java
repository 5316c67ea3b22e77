package org.navette.connector.opac.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * One post-processing step of a profile's field: takes the values found so far and returns new
 * ones. Steps are deliberately small and closed (no scripting): trim, regex capture, split, join,
 * replace, absolute URL, template, first, last, map.
 *
 * <p>Thread-safety: immutable.
 */
sealed interface Step {

    /** Applies the step; {@code pageUrl} resolves relative links. Blank results are dropped by the caller. */
    List<String> apply(List<String> values, StepContext context);

    /** What a step needs from the page it runs on. */
    interface StepContext {
        /** The URL of the page the values came from, parsed; null when it is no http(s) URL. */
        HttpUrl base();

        /** Wraps text for regex matching so that a runaway pattern stops at the search's deadline. */
        CharSequence guard(String text);
    }

    /** Strips whitespace, or the given characters, from both ends (ISBD punctuation: {@code " :;,/."}). */
    record Trim(String chars) implements Step {
        @Override
        public List<String> apply(List<String> values, StepContext context) {
            List<String> out = new ArrayList<>(values.size());
            for (String v : values) {
                out.add(chars == null ? v.strip() : strip(v, chars));
            }
            return out;
        }

        private static String strip(String v, String chars) {
            int start = 0;
            int end = v.length();
            while (start < end && (chars.indexOf(v.charAt(start)) >= 0 || Character.isWhitespace(v.charAt(start)))) {
                start++;
            }
            while (end > start && (chars.indexOf(v.charAt(end - 1)) >= 0 || Character.isWhitespace(v.charAt(end - 1)))) {
                end--;
            }
            return v.substring(start, end);
        }
    }

    /** Keeps group 1 (or the whole match when the pattern has no group) of the first match; drops values that do not match. */
    record Capture(Pattern pattern) implements Step {
        @Override
        public List<String> apply(List<String> values, StepContext context) {
            List<String> out = new ArrayList<>(values.size());
            for (String v : values) {
                Matcher m = pattern.matcher(context.guard(v));
                if (m.find()) {
                    String g = m.groupCount() >= 1 ? m.group(1) : m.group();
                    if (g != null) {
                        out.add(g);
                    }
                }
            }
            return out;
        }
    }

    /** Splits every value at each match of the pattern. */
    record Split(Pattern pattern) implements Step {
        @Override
        public List<String> apply(List<String> values, StepContext context) {
            List<String> out = new ArrayList<>();
            for (String v : values) {
                for (String part : pattern.split(context.guard(v))) {
                    out.add(part);
                }
            }
            return out;
        }
    }

    /** Joins all values into one. */
    record Join(String separator) implements Step {
        @Override
        public List<String> apply(List<String> values, StepContext context) {
            return values.isEmpty() ? values : List.of(String.join(separator, values));
        }
    }

    /** Regex replace-all; the replacement may use {@code $1}-style group references. */
    record Replace(Pattern pattern, String replacement) implements Step {
        @Override
        public List<String> apply(List<String> values, StepContext context) {
            List<String> out = new ArrayList<>(values.size());
            for (String v : values) {
                out.add(pattern.matcher(context.guard(v)).replaceAll(replacement));
            }
            return out;
        }
    }

    /** Resolves each value against the page URL; values that are no http(s) URL are dropped. */
    record AbsoluteUrl() implements Step {
        @Override
        public List<String> apply(List<String> values, StepContext context) {
            HttpUrl base = context.base();
            List<String> out = new ArrayList<>(values.size());
            for (String v : values) {
                HttpUrl resolved = base == null ? HttpUrl.parse(v.strip()) : base.resolve(v.strip());
                if (resolved != null) {
                    out.add(resolved.toString());
                }
            }
            return out;
        }
    }

    /** Puts each value into a text: {@code "/id/{value}/"}. */
    record Template(String template) implements Step {
        @Override
        public List<String> apply(List<String> values, StepContext context) {
            List<String> out = new ArrayList<>(values.size());
            for (String v : values) {
                out.add(template.replace("{value}", v));
            }
            return out;
        }
    }

    /** Decodes HTML entities ({@code &uuml;} → ü) that some JSON APIs leave in their text. */
    record Unescape() implements Step {
        @Override
        public List<String> apply(List<String> values, StepContext context) {
            List<String> out = new ArrayList<>(values.size());
            for (String v : values) {
                out.add(org.jsoup.parser.Parser.unescapeEntities(v, false));
            }
            return out;
        }
    }

    /** Keeps only the first value. */
    record First() implements Step {
        @Override
        public List<String> apply(List<String> values, StepContext context) {
            return values.isEmpty() ? values : List.of(values.get(0));
        }
    }

    /** Keeps only the last value. */
    record Last() implements Step {
        @Override
        public List<String> apply(List<String> values, StepContext context) {
            return values.isEmpty() ? values : List.of(values.get(values.size() - 1));
        }
    }

    /**
     * Maps each value to the output of the first rule whose pattern is found in it; values no rule
     * matches are dropped. Used to turn an OPAC's wording into {@code AVAILABLE}, {@code BOOK}...
     */
    record MapValues(List<Map.Entry<Pattern, String>> rules) implements Step {
        public MapValues {
            rules = List.copyOf(rules);
        }

        @Override
        public List<String> apply(List<String> values, StepContext context) {
            List<String> out = new ArrayList<>(values.size());
            for (String v : values) {
                for (Map.Entry<Pattern, String> rule : rules) {
                    if (rule.getKey().matcher(context.guard(v)).find()) {
                        out.add(rule.getValue());
                        break;
                    }
                }
            }
            return out;
        }
    }
}
