package org.navette.ill;

import java.net.URI;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.navette.model.Availability;
import org.navette.model.Holding;

/**
 * One library's lending policy in a network: what it lends (loans, copies, which material), when it
 * does not (a suspension), where it is (for proximity), and where its ISO 18626 endpoint is.
 *
 * <pre>{@code
 * LenderPolicy dole = LenderPolicy.builder("bib-dole")
 *         .agency(AgencyId.parse("ISIL:FR-390012101"))
 *         .lendsCopies(false)
 *         .materialTypes(List.of("book", "score"))
 *         .suspended(LocalDate.of(2026, 12, 20), LocalDate.of(2027, 1, 3))
 *         .town("Dole").department("Jura").region("Bourgogne-Franche-Comté").country("FR")
 *         .coordinates(47.092, 5.490)
 *         .endpoint(URI.create("https://ill.dole.example/iso18626"))
 *         .notLoanableStatuses(List.of("Exclu du prêt"))
 *         .build();
 * dole.suspendedOn(LocalDate.of(2026, 12, 24));   // true
 * }</pre>
 *
 * <p>Text is stripped and blank text is absent. Material types and not-loanable statuses are
 * compared ignoring case and kept in lower case. Thread-safety: immutable.
 */
public final class LenderPolicy {
    private final String library;
    private final @Nullable AgencyId agency;
    private final boolean lendsLoans;
    private final boolean lendsCopies;
    private final Set<String> materialTypes;
    private final int loanPeriodDays;
    private final @Nullable LocalDate suspendedFrom;
    private final @Nullable LocalDate suspendedTo;
    private final @Nullable String town;
    private final @Nullable String department;
    private final @Nullable String region;
    private final @Nullable String country;
    private final @Nullable Double latitude;
    private final @Nullable Double longitude;
    private final @Nullable URI endpoint;
    private final Set<String> notLoanableStatuses;

    private LenderPolicy(Builder b) {
        library = b.library;
        agency = b.agency;
        lendsLoans = b.lendsLoans;
        lendsCopies = b.lendsCopies;
        materialTypes = sorted(b.materialTypes);
        loanPeriodDays = b.loanPeriodDays;
        suspendedFrom = b.suspendedFrom;
        suspendedTo = b.suspendedTo;
        town = b.town;
        department = b.department;
        region = b.region;
        country = b.country;
        latitude = b.latitude;
        longitude = b.longitude;
        endpoint = b.endpoint;
        notLoanableStatuses = sorted(b.notLoanableStatuses);
    }

    /** A builder for {@code library} starting from {@link NetworkPolicy.Defaults#OPEN}. */
    public static Builder builder(String library) {
        return new Builder(library, NetworkPolicy.Defaults.OPEN);
    }

    /** A builder for {@code library} starting from a network's {@code defaults}. */
    public static Builder builder(String library, NetworkPolicy.Defaults defaults) {
        return new Builder(library, defaults);
    }

    /** The library code, as the holdings' {@link Holding#library()} spells it (compared ignoring case). */
    public String library() { return library; }

    /** Its identifier for ISO 18626 (an ISIL...), when the file gives one. */
    public Optional<AgencyId> agency() { return Optional.ofNullable(agency); }

    public boolean lendsLoans() { return lendsLoans; }

    public boolean lendsCopies() { return lendsCopies; }

    /** The material types it lends, in lower case and alphabetical order; empty means all. */
    public Set<String> materialTypes() { return materialTypes; }

    public int loanPeriodDays() { return loanPeriodDays; }

    /** The first day of a suspension (inclusive); empty with a {@link #suspendedTo()} means suspended until then. */
    public Optional<LocalDate> suspendedFrom() { return Optional.ofNullable(suspendedFrom); }

    /** The last day of a suspension (inclusive); empty with a {@link #suspendedFrom()} means until further notice. */
    public Optional<LocalDate> suspendedTo() { return Optional.ofNullable(suspendedTo); }

    public Optional<String> town() { return Optional.ofNullable(town); }

    public Optional<String> department() { return Optional.ofNullable(department); }

    public Optional<String> region() { return Optional.ofNullable(region); }

    public Optional<String> country() { return Optional.ofNullable(country); }

    /** Decimal degrees, present exactly when {@link #longitude()} is. */
    public Optional<Double> latitude() { return Optional.ofNullable(latitude); }

    public Optional<Double> longitude() { return Optional.ofNullable(longitude); }

    /** Its ISO 18626 endpoint, where requests are sent. */
    public Optional<URI> endpoint() { return Optional.ofNullable(endpoint); }

    /** Status texts (lower case) that mark an item as not lendable besides NOT_FOR_LOAN and UNAVAILABLE. */
    public Set<String> notLoanableStatuses() { return notLoanableStatuses; }

    /** Whether it lends what {@code service} asks for. */
    public boolean serves(ServiceType service) {
        return service.servedBy(lendsLoans, lendsCopies);
    }

    /**
     * Whether it lends {@code materialType} (ignoring case). A request that names no type is not
     * refused on that ground: most requests do not say, and refusing them would empty the rota.
     */
    public boolean lendsMaterial(@Nullable String materialType) {
        return materialType == null || materialTypes.isEmpty() || materialTypes.contains(fold(materialType));
    }

    /** Whether {@code day} falls inside its suspension. */
    public boolean suspendedOn(LocalDate day) {
        if (suspendedFrom == null && suspendedTo == null) {
            return false;
        }
        return (suspendedFrom == null || !day.isBefore(suspendedFrom)) && (suspendedTo == null || !day.isAfter(suspendedTo));
    }

    /**
     * Whether this library would lend {@code item}: not when our reading of its status says it is
     * not for loan or gone, nor when the library lists its status text as not loanable (a local
     * status our normaliser could only read as UNKNOWN or AVAILABLE).
     */
    public boolean loanable(Holding item) {
        if (item.availability() == Availability.NOT_FOR_LOAN || item.availability() == Availability.UNAVAILABLE) {
            return false;
        }
        return item.status() == null || !notLoanableStatuses.contains(fold(item.status()));
    }

    /** A builder holding this policy's values. */
    public Builder toBuilder() {
        Builder b = new Builder(library, NetworkPolicy.Defaults.OPEN);
        b.agency = agency;
        b.lendsLoans = lendsLoans;
        b.lendsCopies = lendsCopies;
        b.materialTypes.addAll(materialTypes);
        b.loanPeriodDays = loanPeriodDays;
        b.suspendedFrom = suspendedFrom;
        b.suspendedTo = suspendedTo;
        b.town = town;
        b.department = department;
        b.region = region;
        b.country = country;
        b.latitude = latitude;
        b.longitude = longitude;
        b.endpoint = endpoint;
        b.notLoanableStatuses.addAll(notLoanableStatuses);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LenderPolicy p && library.equals(p.library) && Objects.equals(agency, p.agency)
                && lendsLoans == p.lendsLoans && lendsCopies == p.lendsCopies && materialTypes.equals(p.materialTypes)
                && loanPeriodDays == p.loanPeriodDays && Objects.equals(suspendedFrom, p.suspendedFrom)
                && Objects.equals(suspendedTo, p.suspendedTo) && Objects.equals(town, p.town)
                && Objects.equals(department, p.department) && Objects.equals(region, p.region)
                && Objects.equals(country, p.country) && Objects.equals(latitude, p.latitude)
                && Objects.equals(longitude, p.longitude) && Objects.equals(endpoint, p.endpoint)
                && notLoanableStatuses.equals(p.notLoanableStatuses);
    }

    @Override
    public int hashCode() {
        return Objects.hash(library, agency, lendsLoans, lendsCopies, town, department);
    }

    @Override
    public String toString() {
        return "LenderPolicy[" + library + (agency == null ? "" : ", " + agency) + ", loans=" + lendsLoans
                + ", copies=" + lendsCopies + (materialTypes.isEmpty() ? "" : ", types=" + materialTypes)
                + (suspendedFrom == null && suspendedTo == null ? "" : ", suspended " + suspendedFrom + ".." + suspendedTo)
                + (town == null ? "" : ", " + town) + "]";
    }

    /** How library codes, material types and statuses are compared across the package: stripped, ignoring case. */
    static String fold(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    /** An unmodifiable copy in alphabetical order, so reasons and messages list it the same way every run. */
    static Set<String> sorted(Collection<String> texts) {
        return Collections.unmodifiableSet(new TreeSet<>(texts));
    }

    /** Lower-cased, stripped, non-blank texts; {@code setting} names the list in the error. */
    static Set<String> foldAll(String setting, Collection<String> texts) {
        Set<String> out = new TreeSet<>();
        for (String t : texts) {
            Objects.requireNonNull(t, setting);
            if (t.isBlank()) {
                throw new IllegalArgumentException(setting + " must not hold a blank entry: " + texts);
            }
            out.add(fold(t));
        }
        return out;
    }

    static int checkLoanPeriod(int days) {
        if (days < 1 || days > 366) {
            throw new IllegalArgumentException("loanPeriodDays must be between 1 and 366: " + days);
        }
        return days;
    }

    /** Builds a {@link LenderPolicy}; each setter validates at once and names the bad value. Not thread-safe. */
    public static final class Builder {
        private final String library;
        private @Nullable AgencyId agency;
        private boolean lendsLoans;
        private boolean lendsCopies;
        private final Set<String> materialTypes = new TreeSet<>();
        private int loanPeriodDays;
        private @Nullable LocalDate suspendedFrom;
        private @Nullable LocalDate suspendedTo;
        private @Nullable String town;
        private @Nullable String department;
        private @Nullable String region;
        private @Nullable String country;
        private @Nullable Double latitude;
        private @Nullable Double longitude;
        private @Nullable URI endpoint;
        private final Set<String> notLoanableStatuses = new TreeSet<>();

        private Builder(String library, NetworkPolicy.Defaults defaults) {
            Objects.requireNonNull(library, "library");
            Objects.requireNonNull(defaults, "defaults");
            if (library.isBlank()) {
                throw new IllegalArgumentException("library must not be blank");
            }
            this.library = library.strip();
            lendsLoans = defaults.lendsLoans();
            lendsCopies = defaults.lendsCopies();
            materialTypes.addAll(defaults.materialTypes());
            loanPeriodDays = defaults.loanPeriodDays();
            notLoanableStatuses.addAll(defaults.notLoanableStatuses());
        }

        public Builder agency(@Nullable AgencyId agency) { this.agency = agency; return this; }

        public Builder lendsLoans(boolean lendsLoans) { this.lendsLoans = lendsLoans; return this; }

        public Builder lendsCopies(boolean lendsCopies) { this.lendsCopies = lendsCopies; return this; }

        /** Replaces the material types lent; an empty list means all. */
        public Builder materialTypes(Collection<String> types) {
            Set<String> folded = foldAll("materialTypes", types);
            materialTypes.clear();
            materialTypes.addAll(folded);
            return this;
        }

        /** @throws IllegalArgumentException unless 1 &lt;= days &lt;= 366 */
        public Builder loanPeriodDays(int days) { this.loanPeriodDays = checkLoanPeriod(days); return this; }

        /** First day of a suspension (inclusive); null for none or open-ended backwards. */
        public Builder suspendedFrom(@Nullable LocalDate day) { this.suspendedFrom = day; return this; }

        /** Last day of a suspension (inclusive); null for none or until further notice. */
        public Builder suspendedTo(@Nullable LocalDate day) { this.suspendedTo = day; return this; }

        /** Both ends of a suspension at once, each inclusive, each null for open-ended. */
        public Builder suspended(@Nullable LocalDate from, @Nullable LocalDate to) {
            return suspendedFrom(from).suspendedTo(to);
        }

        public Builder town(@Nullable String town) { this.town = clean(town); return this; }

        public Builder department(@Nullable String department) { this.department = clean(department); return this; }

        public Builder region(@Nullable String region) { this.region = clean(region); return this; }

        public Builder country(@Nullable String country) { this.country = clean(country); return this; }

        /** @throws IllegalArgumentException outside -90..90 */
        public Builder latitude(@Nullable Double degrees) {
            if (degrees != null && !(degrees >= -90 && degrees <= 90)) {
                throw new IllegalArgumentException("latitude must be between -90 and 90: " + degrees);
            }
            this.latitude = degrees;
            return this;
        }

        /** @throws IllegalArgumentException outside -180..180 */
        public Builder longitude(@Nullable Double degrees) {
            if (degrees != null && !(degrees >= -180 && degrees <= 180)) {
                throw new IllegalArgumentException("longitude must be between -180 and 180: " + degrees);
            }
            this.longitude = degrees;
            return this;
        }

        public Builder coordinates(double latitude, double longitude) {
            return latitude(latitude).longitude(longitude);
        }

        /** @throws IllegalArgumentException unless an absolute http or https URI */
        public Builder endpoint(@Nullable URI endpoint) {
            if (endpoint != null && (endpoint.getScheme() == null || endpoint.getHost() == null
                    || !Set.of("http", "https").contains(endpoint.getScheme().toLowerCase(Locale.ROOT)))) {
                throw new IllegalArgumentException("endpoint must be an absolute http or https URI: " + endpoint);
            }
            this.endpoint = endpoint;
            return this;
        }

        /** Replaces the extra not-loanable status texts. */
        public Builder notLoanableStatuses(Collection<String> statuses) {
            Set<String> folded = foldAll("notLoanableStatuses", statuses);
            notLoanableStatuses.clear();
            notLoanableStatuses.addAll(folded);
            return this;
        }

        /** @throws IllegalArgumentException when the suspension ends before it starts, or only one coordinate is given */
        public LenderPolicy build() {
            if (suspendedFrom != null && suspendedTo != null && suspendedTo.isBefore(suspendedFrom)) {
                throw new IllegalArgumentException("library " + library + ": suspendedTo " + suspendedTo
                        + " is before suspendedFrom " + suspendedFrom);
            }
            if ((latitude == null) != (longitude == null)) {
                throw new IllegalArgumentException("library " + library + ": give both latitude and longitude, or neither");
            }
            return new LenderPolicy(this);
        }

        private static @Nullable String clean(@Nullable String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }
}
